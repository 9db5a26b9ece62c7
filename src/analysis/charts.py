"""Charts for the briefs (matplotlib), returned as :class:`Chart`: an ``<img>`` with a data URI
and Vietnamese alt text saying what the chart shows, or one line of text when there is not
enough data yet (fewer than two quarters with a figure).

Rules every chart keeps: one unit per axis; every number in Vietnamese format (ticks through
:mod:`analysis.formats`); a quarter whose figure the report does not state is a gap marked
"không nêu", never a zero bar; no two labels overlap (:func:`_fit` rotates and makes room until
the renderer's text boxes are disjoint). Text is drawn in DejaVu Sans, which ships with
matplotlib and has every Vietnamese glyph, so no font is fetched or assumed installed.
"""

from __future__ import annotations

import base64
import html
import io
import struct
import textwrap
from dataclasses import dataclass, field
from itertools import combinations

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .formats import missing, number, signed_number, vn_int, vnd_short
from .identity import Period

FONT = "DejaVu Sans"
DPI = 144
_COLORS = ("#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#a0a0a0")
_BASE, _HIGHLIGHT, _GAP = _COLORS[0], _COLORS[1], "#777777"
_RC = {"font.family": FONT, "font.size": 9, "axes.titlesize": 11, "axes.spines.top": False,
       "axes.spines.right": False, "axes.unicode_minus": True}


@dataclass
class Chart:
    """A chart for a brief: the figure and its alt text, or only a note when there is no figure.

    In a notebook it displays as HTML (``<img src="data:image/png;base64,..." alt="...">``), so
    the exported brief carries the alt text; its plain-text form is the alt text itself.
    """

    alt: str
    figure: Figure | None = None
    _png: bytes | None = field(default=None, repr=False)

    def png(self) -> bytes:
        """The figure as PNG: one draw, no cropping (:func:`_layout` already fitted the labels
        to the figure with a margin)."""
        if self._png is None and self.figure is not None:
            buf = io.BytesIO()
            self.figure.savefig(buf, format="png", dpi=DPI)
            self._png = buf.getvalue()
        return self._png or b""

    def _repr_html_(self) -> str:
        if self.figure is None:
            return f'<p class="chart-note">{html.escape(self.alt)}</p>'
        data = self.png()
        width_px, _ = struct.unpack(">II", data[16:24])          # PNG IHDR
        return (f'<img class="chart" src="data:image/png;base64,{base64.b64encode(data).decode()}"'
                f' alt="{html.escape(self.alt, quote=True)}" width="{round(width_px * 96 / DPI)}">')

    def __repr__(self) -> str:
        return self.alt


# --- labels and layout -------------------------------------------------------------------------

def _quarter_label(label: str, capital: bool = True) -> str:
    """'2021-Q1' -> 'Quý I/2021', '2021-H1' -> '6 tháng đầu năm 2021' (any period label)."""
    try:
        text = Period.parse(str(label)).vi
    except ValueError:
        return str(label)
    return text[:1].upper() + text[1:] if capital else text


def _span(labels: list[str]) -> str:
    first, last = (_quarter_label(lab, False) for lab in (labels[0], labels[-1]))
    return f"từ {first} đến {last}"


def _title(text: str, locality: str | None) -> str:
    return textwrap.fill(f"{text} — {locality}" if locality else text, 70)


def _not_enough(what: str, labels: list[str]) -> Chart:
    have = (f"mới có {len(labels)} quý có số liệu ({', '.join(_quarter_label(x, False) for x in labels)})"
            if labels else "chưa có quý nào có số liệu")
    return Chart(f"Chưa đủ số liệu để vẽ biểu đồ {what}: cần ít nhất hai quý, {have}.")


def _new_figure(rows: int = 1, height: float = 3.4) -> tuple[Figure, list]:
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(7.5, height * rows), dpi=DPI)
        FigureCanvasAgg(fig)
        axes = fig.subplots(rows, 1, squeeze=False)[:, 0]
    return fig, list(axes)


def text_boxes(fig: Figure) -> list[tuple[str, object]]:
    """Every visible label of the figure with its box on the canvas (after drawing): tick labels
    within the axis limits, annotations, titles, axis labels, legend entries."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts: list[Text] = list(fig.texts)
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label,
                  *ax.texts]
        if ax.get_legend():
            texts += ax.get_legend().get_texts()
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            eps = (hi - lo) * 1e-9
            texts += [t.label1 for t in axis.get_major_ticks()
                      if lo - eps <= t.get_loc() <= hi + eps and t.label1.get_visible()]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts
            if t.get_visible() and t.get_text().strip()]


def overlapping(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes intersect."""
    boxes = text_boxes(fig)
    return [(a, b) for (a, ba), (b, bb) in combinations(boxes, 2) if ba.overlaps(bb)]


def _clash(renderer, texts: list[Text]) -> bool:
    """Whether two of the texts come closer than a space's width (touching labels read as one:
    "Quý III/2019Quý IV/2019")."""
    gap = renderer.points_to_pixels(2)
    boxes = [t.get_window_extent(renderer).padded(gap) for t in texts
             if t.get_visible() and t.get_text()]
    return any(a.overlaps(b) for a, b in combinations(boxes, 2))


def _layout(fig: Figure, renderer) -> None:
    """Place the axes, stacked one per row, so that each one's labels (title, ticks, values,
    axis label, legend) just fit in the figure's width and in its row, with the left and right
    margins shared so stacked panels line up. The margins do not depend on the axes' size (fixed
    tick locators, text in points), so one measure suffices; it costs a third of
    ``layout="constrained"``, which measures twice and again at every draw. The margin around
    the labels is savefig's ``bbox_inches="tight"`` padding, so the figure needs no crop."""
    width, height = fig.bbox.width, fig.bbox.height
    pad = renderer.points_to_pixels(72 * matplotlib.rcParams["savefig.pad_inches"])
    rows = len(fig.axes)
    boxes = [(ax.get_window_extent(renderer), ax.get_tightbbox(renderer)) for ax in fig.axes]
    left = max(box.x0 - tight.x0 for box, tight in boxes) + pad
    right = width - max(tight.x1 - box.x1 for box, tight in boxes) - pad
    for i, (ax, (box, tight)) in enumerate(zip(fig.axes, boxes)):
        bottom = height * (rows - 1 - i) / rows + (box.y0 - tight.y0) + pad
        top = height * (rows - i) / rows - (tight.y1 - box.y1) - pad
        ax.set_position([left / width, bottom / height, (right - left) / width,
                         (top - bottom) / height])


def _fit(fig: Figure) -> None:
    """Rotate crowded quarter labels and values, wrap titles wider than the figure, and raise
    the value axis until every value label sits inside its axes: afterwards no two labels of
    the figure overlap.

    Each round lays the figure out (:func:`_layout`) and measures its text without drawing, so
    :meth:`Chart.png` draws the figure once and only once."""
    renderer = fig.canvas.get_renderer()
    for _ in range(12):
        _layout(fig, renderer)
        changed = False
        for ax in fig.axes:
            ticks = [t for t in ax.get_xticklabels() if t.get_text()]
            if ticks and ticks[0].get_rotation() == 0 and _clash(renderer, ticks):
                for t in ticks:
                    t.set_rotation(90)
                changed = True
            notes = list(ax.texts)
            if notes and notes[0].get_rotation() == 0 and _clash(renderer, notes + ticks):
                for t in notes:
                    t.set_rotation(90)
                changed = True
            title, width = ax._left_title, fig.bbox.width      # titles sit on the left
            box = title.get_window_extent(renderer)
            if box.x1 > width:                            # a long locality name: wrap tighter
                chars = max(len(line) for line in title.get_text().split("\n"))
                title.set_text(textwrap.fill(title.get_text().replace("\n", " "),
                                             int(chars * (width - box.x0) / box.width) - 2))
                changed = True
            top = ax.get_window_extent(renderer).y1
            if any(t.get_window_extent(renderer).y1 > top for t in notes):
                lo, hi = ax.get_ylim()
                ax.set_ylim(lo, hi + (hi - lo) * 0.2)
                changed = True
        if not changed:
            return


def _value_axis(ax, unit: str, decimals: int = 1) -> None:
    ax.set_ylabel(unit)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=decimals == 0))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, decimals)))


def _bars(ax, labels: list[str], values: list, highlight: str | None, fmt,
          texts: list[str] | None = None) -> None:
    """One bar per quarter; a quarter without a figure is a gap marked 'không nêu'. ``texts``
    label the bars instead of ``fmt(value)`` (totals worded with their qualifiers)."""
    x = list(range(len(labels)))
    heights = [0 if missing(v) else v for v in values]
    colors = [_HIGHLIGHT if lab == highlight else _BASE for lab in labels]
    bars = ax.bar(x, heights, color=colors, width=0.6)
    for i, (bar, v) in enumerate(zip(bars, values)):
        if missing(v):
            bar.set_visible(False)
            ax.annotate("không nêu", (i, 0), ha="center", va="bottom", fontsize=7.5,
                        color=_GAP, style="italic", xytext=(0, 2), textcoords="offset points")
        else:
            ax.annotate(texts[i] if texts else fmt(v), (i, max(v, 0)), ha="center",
                        va="bottom", fontsize=7.5,
                        xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(x, [_quarter_label(lab) for lab in labels])
    ax.set_xlim(-0.75, len(labels) - 0.25)
    stated = [v for v in values if not missing(v)]
    lo = min([0, *stated])
    hi = max([0, *stated])
    ax.set_ylim(lo * 1.2, hi * 1.2 if hi > 0 else 1)
    if lo < 0:
        ax.axhline(0, color="#444", linewidth=0.8)


def _listing(labels: list[str], values: list, fmt) -> str:
    return "; ".join(f"{_quarter_label(lab, False)}: {'không nêu' if missing(v) else fmt(v)}"
                     for lab, v in zip(labels, values))


def _highlight_text(labels, highlight) -> str:
    return (f" Quý của bản tin ({_quarter_label(highlight, False)}) tô màu đỏ."
            if highlight in labels else "")


# --- the charts --------------------------------------------------------------------------------

def _money_unit(values: list) -> tuple[float, str]:
    biggest = max((abs(v) for v in values if not missing(v)), default=0)
    return (1e9, "tỷ đồng") if biggest >= 1e10 else (1e6, "triệu đồng")


def support_chart(support: pd.DataFrame, highlight: str | None = None,
                  locality: str | None = None) -> Chart:
    """Bar chart of support spending per quarter; the brief's quarter highlighted."""
    labels = list(support["period_label"])
    values = [None if missing(v) else float(v) for v in support["support_vnd"]]
    what = "kinh phí hỗ trợ, thăm hỏi, tặng quà theo quý"
    if sum(not missing(v) for v in values) < 2:
        return _not_enough(what, [lab for lab, v in zip(labels, values) if not missing(v)])
    scale, unit = _money_unit(values)
    scaled = [None if missing(v) else v / scale for v in values]
    fig, [ax] = _new_figure()
    # The total as the brief words it ("hơn 106 triệu đồng") when the series carries it.
    texts = list(support["support_text"]) if "support_text" in support else None
    _bars(ax, labels, scaled, highlight, lambda v: number(v, 1), texts)
    ax.set_title(loc="left", label=_title("Kinh phí hỗ trợ, thăm hỏi, tặng quà theo quý",
                                          locality))
    _value_axis(ax, unit)
    _fit(fig)
    alt = (f"Biểu đồ cột: {what}{' của ' + locality if locality else ''}, {_span(labels)}, "
           f"đơn vị {unit}. {_listing(labels, values, vnd_short)}."
           + _highlight_text(labels, highlight))
    return Chart(alt, fig)


def documents_chart(doc_series: pd.DataFrame, highlight: str | None = None,
                    locality: str | None = None) -> Chart:
    """Stacked bars: distinct documents cited per quarter, by document type."""
    labels = [str(x) for x in doc_series.index]
    what = "số văn bản được dẫn chiếu theo quý"
    if len(labels) < 2:
        return _not_enough(what, labels)
    fig, [ax] = _new_figure()
    x = list(range(len(labels)))
    bottom = [0] * len(labels)
    for i, col in enumerate(doc_series.columns):
        vals = [int(v) for v in doc_series[col]]
        ax.bar(x, vals, bottom=bottom, label=col, color=_COLORS[i % len(_COLORS)], width=0.6,
               edgecolor=[_HIGHLIGHT if lab == highlight else "none" for lab in labels],
               linewidth=1.5)
        bottom = [b + v for b, v in zip(bottom, vals)]
    for i, total in enumerate(bottom):
        ax.annotate(vn_int(total), (i, total), ha="center", va="bottom", fontsize=7.5,
                    xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(x, [_quarter_label(lab) for lab in labels])
    ax.set_xlim(-0.75, len(labels) - 0.25)
    ax.set_ylim(0, max(bottom + [1]) * 1.2)
    ax.set_title(loc="left",
                 label=_title("Văn bản được dẫn chiếu theo quý và loại văn bản", locality))
    _value_axis(ax, "văn bản", decimals=0)
    if len(doc_series.columns):
        ax.legend(fontsize=7.5, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    _fit(fig)
    types = ", ".join(str(c).lower() for c in doc_series.columns) or "không có"
    alt = (f"Biểu đồ cột chồng: {what}{' của ' + locality if locality else ''}, {_span(labels)}, "
           f"chia theo loại văn bản ({types}); đơn vị: văn bản. Tổng mỗi quý: "
           f"{_listing(labels, bottom, vn_int)}."
           + (f" Quý của bản tin ({_quarter_label(highlight, False)}) có viền đỏ."
              if highlight in labels else ""))
    return Chart(alt, fig)


def counter_change(views: pd.DataFrame) -> list:
    """Visits added to the portal's all-time counter since the previous period's page, per
    period; None when this or the previous period's counter is not stated, or when the previous
    period has no page (the difference would span more than one period)."""
    out = []
    prev = None
    for label, total in zip(views["period_label"], views["total"]):
        period = Period.parse(str(label))
        if prev is not None and prev[0] == period.previous() and not missing(prev[1]) \
                and not missing(total):
            out.append(int(total) - int(prev[1]))
        else:
            out.append(None)
        prev = (period, total)
    return out


def views_chart(views: pd.DataFrame, highlight: str | None = None,
                locality: str | None = None) -> Chart:
    """Article views per quarter, and below them the visits the portal's counter gained since
    the previous quarter's page (the change per quarter, not the all-time total)."""
    labels = list(views["period_label"])
    article = [None if missing(v) else int(v) for v in views["views"]]
    change = counter_change(views)
    what = "lượt xem bài báo cáo và lượt truy cập cổng theo quý"
    has_article = sum(not missing(v) for v in article) >= 2
    has_change = sum(not missing(v) for v in change) >= 1 and len(labels) >= 2
    if not (has_article or has_change):
        return _not_enough(what, [lab for lab, v in zip(labels, article) if not missing(v)])
    panels = [p for p, ok in (("article", has_article), ("change", has_change)) if ok]
    fig, axes = _new_figure(len(panels), height=3.0)
    alt = [f"Biểu đồ cột: {what}{' của ' + locality if locality else ''}, {_span(labels)}."]
    for ax, panel in zip(axes, panels):
        if panel == "article":
            _bars(ax, labels, article, highlight, vn_int)
            ax.set_title(loc="left", label=_title("Lượt xem bài báo cáo", locality))
            _value_axis(ax, "lượt xem", decimals=0)
            alt.append(f"Lượt xem bài báo cáo (đơn vị: lượt): {_listing(labels, article, vn_int)}.")
        else:
            _bars(ax, labels, change, highlight, signed_number)
            ax.set_title(loc="left", label=_title(
                "Lượt truy cập cổng thông tin tăng thêm so với quý trước", locality))
            _value_axis(ax, "lượt truy cập", decimals=0)
            alt.append("Lượt truy cập cổng tăng thêm so với trang của quý trước (đơn vị: lượt): "
                       f"{_listing(labels, change, signed_number)}.")
    _fit(fig)
    return Chart(" ".join(alt) + _highlight_text(labels, highlight), fig)
