"""Charts for the briefs, drawn as SVG by this module and returned as :class:`Chart`: an
``<img>`` with the SVG in a data URI and Vietnamese alt text saying what the chart shows, or one
line of text when there is not enough data yet (fewer than two quarters with a figure).

Rules every chart keeps: one unit per axis; every number in Vietnamese format (ticks through
:mod:`analysis.formats`); a quarter whose figure the report does not state is a gap marked
"không nêu", never a zero bar; no two labels overlap and none leaves the picture (the layout
measures every label with the metrics of DejaVu Sans, the font the SVG asks for first, and
rotates quarter labels and values that would touch; ``tests/browser`` checks the boxes
Chromium draws).

Why not matplotlib: a brief's three charts cost four fifths of its CPU through matplotlib (a
figure, its text layout, Agg drawing and PNG compression), and a batch renders hundreds of
briefs. These charts are bars, ticks and labels: drawn directly they cost a hundredth of that,
stay sharp when zoomed or printed, and are a few kilobytes. matplotlib is still used for what it
does well here: the font metrics and the choice of round tick values.
"""

from __future__ import annotations

import base64
import functools
import html
from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from matplotlib.ticker import MaxNLocator

from .formats import missing, number, signed_number, vn_int, vnd_short
from .identity import Period

FONT_FAMILY = "'DejaVu Sans', Verdana, 'Noto Sans', Arial, sans-serif"
WIDTH = 720                       # px: the brief's column width
_COLORS = ("#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#a0a0a0")
_BASE, _HIGHLIGHT, _GAP, _INK = _COLORS[0], _COLORS[1], "#777777", "#222222"
_PAD, _TICK, _GUTTER = 8.0, 4.0, 3.0
_SIZE = {"title": 14.5, "tick": 12.0, "axis": 12.0, "value": 10.0, "legend": 10.0}
_ASCENT, _DESCENT = 0.928, 0.236  # DejaVu Sans, in em
_PANEL_HEIGHT = {1: 326.0, 2: 288.0}


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return (self.x0 < other.x1 and other.x0 < self.x1
                and self.y0 < other.y1 and other.y0 < self.y1)


@functools.lru_cache(maxsize=4)
def _font(italic: bool) -> FT2Font:
    props = font_manager.FontProperties(family="DejaVu Sans",
                                        style="italic" if italic else "normal")
    return FT2Font(font_manager.findfont(props, fallback_to_default=False))


@functools.lru_cache(maxsize=8192)
def text_width(text: str, size: float, italic: bool = False) -> float:
    """Width in px of one line of ``text`` at ``size`` px in DejaVu Sans."""
    font = _font(italic)
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    return font.get_width_height()[0] / 64


@dataclass
class Label:
    """One line of text at an anchor point: unrotated, (x, y) is on the baseline; rotated (read
    from bottom to top), x is the line's centre and y its start, middle or end."""

    text: str
    x: float
    y: float
    size: float
    anchor: str = "middle"          # start | middle | end
    rotated: bool = False
    italic: bool = False
    color: str = _INK

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.italic)

    def box(self) -> Box:
        w, a, d = self.width, _ASCENT * self.size, _DESCENT * self.size
        shift = {"start": 0.0, "middle": w / 2, "end": w}[self.anchor]
        if not self.rotated:
            return Box(self.x - shift, self.y - a, self.x - shift + w, self.y + d)
        return Box(self.x - (a + d) / 2, self.y - w + shift, self.x + (a + d) / 2, self.y + shift)

    def svg(self) -> str:
        style = ' font-style="italic"' if self.italic else ""
        x, y = self.x, self.y
        if self.rotated:                       # baseline: centre the line on x
            x += ((_ASCENT - _DESCENT) * self.size) / 2
            transform = f' transform="rotate(-90 {x:.1f} {y:.1f})"'
        else:
            transform = ""
        return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{self.size:g}" text-anchor="'
                f'{self.anchor}" fill="{self.color}"{style}{transform}>'
                f"{html.escape(self.text, quote=False)}</text>")


@dataclass
class Panel:
    """One bar chart: its quarters, values (stacked when several series) and labels."""

    title: str
    unit: str
    labels: list[str]                       # x labels, as shown
    series: list[tuple[str, list, str]]     # (name, values per quarter, colour); None = not stated
    highlight: int | None = None            # the brief's quarter
    value_texts: list[str | None] = field(default_factory=list)
    decimals: int = 0
    legend: bool = False
    # laid out by _layout_panel:
    texts: list[Label] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)


@dataclass
class Chart:
    """A chart for a brief: the SVG and its alt text, or only a note when there is no figure.

    In a notebook it displays as HTML (``<img src="data:image/svg+xml;base64,..." alt="...">``),
    so the exported brief carries the alt text; its plain-text form is the alt text itself.
    """

    alt: str
    panels: list[Panel] = field(default_factory=list)
    svg: str | None = field(default=None, repr=False)
    height: float = 0.0

    @property
    def texts(self) -> list[Label]:
        return [t for p in self.panels for t in p.texts]

    def _repr_html_(self) -> str:
        if self.svg is None:
            return f'<p class="chart-note">{html.escape(self.alt)}</p>'
        data = base64.b64encode(self.svg.encode("utf-8")).decode()
        return (f'<img class="chart" src="data:image/svg+xml;base64,{data}"'
                f' alt="{html.escape(self.alt, quote=True)}" width="{WIDTH}">')

    def __repr__(self) -> str:
        return self.alt


def text_boxes(chart: Chart) -> list[tuple[str, Box]]:
    """Every label of the chart with its box in the picture."""
    return [(t.text, t.box()) for t in chart.texts if t.text.strip()]


def overlapping(chart: Chart) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes intersect."""
    boxes = text_boxes(chart)
    return [(a, b) for (a, ba), (b, bb) in combinations(boxes, 2) if ba.overlaps(bb)]


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
    return f"{text} — {locality}" if locality else text


def _index_of(labels: list[str], highlight: str | None) -> int | None:
    return labels.index(highlight) if highlight in labels else None


def _not_enough(what: str, labels: list[str]) -> Chart:
    have = (f"mới có {len(labels)} quý có số liệu ({', '.join(_quarter_label(x, False) for x in labels)})"
            if labels else "chưa có quý nào có số liệu")
    return Chart(f"Chưa đủ số liệu để vẽ biểu đồ {what}: cần ít nhất hai quý, {have}.")


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _ticks(lo: float, hi: float, decimals: int) -> list[float]:
    values = MaxNLocator(nbins=5, integer=decimals == 0).tick_values(lo, hi)
    eps = (hi - lo) * 1e-9
    return [float(v) for v in values if lo - eps <= v <= hi + eps]


def _layout_panel(p: Panel, top: float, height: float) -> None:
    """Place one panel's title, axes, bars and labels in the band [top, top + height]."""
    n = len(p.labels)
    tops = [sum(v for v in (s[1][i] for s in p.series) if not missing(v)) for i in range(n)]
    has = [any(not missing(s[1][i]) for s in p.series) for i in range(n)]
    stated = [t for t, h in zip(tops, has) if h]
    lo, hi = min([0.0, *stated]), max([0.0, *stated])
    ymin = lo * 1.2
    t_size, v_size, k_size = _SIZE["title"], _SIZE["value"], _SIZE["tick"]
    title_lines = _wrap(p.title, t_size, WIDTH - 2 * _PAD)
    line = t_size * 1.25
    plot_top = top + _PAD + line * len(title_lines) + 6
    legend_w = 0.0
    if p.legend:
        legend_w = 22 + max(text_width(s[0], _SIZE["legend"]) for s in p.series) + _PAD
    right = WIDTH - _PAD - legend_w - 4
    axis_h = (_ASCENT + _DESCENT) * _SIZE["axis"]
    value_texts = [p.value_texts[i] if p.value_texts else None for i in range(n)]
    rotate_x = rotate_v = False
    ymax = hi * 1.2 if hi > 0 else 1.0
    for _ in range(4):                       # margins, rotations and the value axis settle
        ticks = _ticks(ymin, ymax, p.decimals)
        tick_texts = [number(v, p.decimals) for v in ticks]
        left = _PAD + axis_h + 6 + max(text_width(t, k_size) for t in tick_texts) + _TICK + _GUTTER
        slot = (right - left) / max(n, 1)
        xs = [left + slot * (i + 0.5) for i in range(n)]
        xw = [text_width(lab, k_size) for lab in p.labels]
        rotate_x = any(xw[i] / 2 + xw[i + 1] / 2 + 2 > slot for i in range(n - 1))
        bottom_ext = (max(xw) if rotate_x else (_ASCENT + _DESCENT) * k_size) + _TICK + _GUTTER
        plot_bottom = top + height - _PAD - bottom_ext
        plot_h = plot_bottom - plot_top
        shown = [value_texts[i] or ("" if has[i] else "không nêu") for i in range(n)]
        vw = [text_width(t, v_size, italic=t == "không nêu") for t in shown]
        rotate_v = any(vw[i] / 2 + vw[i + 1] / 2 + 2 > slot for i in range(n - 1) if vw[i] and vw[i + 1])
        ext = [(w if rotate_v else (_ASCENT + _DESCENT) * v_size) + 3 for w in vw]
        need = max([hi * 1.05 if hi > 0 else 1.0] + [
            ymin + (max(tops[i], 0) - ymin) * plot_h / max(plot_h - ext[i] - 2, 1.0)
            for i in range(n) if shown[i]])
        if abs(need - ymax) < 1e-9 * max(1.0, abs(ymax)):
            break
        ymax = need

    def y_of(v: float) -> float:
        return plot_bottom - (v - ymin) / (ymax - ymin) * plot_h

    texts, shapes = p.texts, p.shapes
    for k, text in enumerate(title_lines):
        texts.append(Label(text, _PAD, top + _PAD + line * k + _ASCENT * t_size, t_size, "start"))
    zero = y_of(0.0)
    bar_w = slot * 0.6
    for i in range(n):
        base_pos, base_neg = 0.0, 0.0
        for name, values, color in p.series:
            v = values[i]
            if missing(v) or v == 0:
                continue
            if v > 0:
                y0, y1 = y_of(base_pos + v), y_of(base_pos)
                base_pos += v
            else:
                y0, y1 = y_of(base_neg), y_of(base_neg + v)
                base_neg += v
            fill = _HIGHLIGHT if (i == p.highlight and len(p.series) == 1) else color
            stroke = (f' stroke="{_HIGHLIGHT}" stroke-width="1.5"'
                      if i == p.highlight and len(p.series) > 1 else "")
            shapes.append(f'<rect x="{xs[i] - bar_w / 2:.1f}" y="{y0:.1f}" width="{bar_w:.1f}" '
                          f'height="{max(y1 - y0, 0.5):.1f}" fill="{fill}"{stroke}/>')
        if shown[i]:
            gap = shown[i] == "không nêu" and not value_texts[i]
            y = y_of(max(tops[i], 0)) - 3
            texts.append(Label(shown[i], xs[i], y if rotate_v else y - _DESCENT * v_size, v_size,
                               "start" if rotate_v else "middle", rotate_v, italic=gap,
                               color=_GAP if gap else _INK))
    # axes: spines, ticks, tick labels, unit
    shapes.append(f'<path d="M{left:.1f} {plot_top:.1f}V{plot_bottom:.1f}H{right:.1f}" '
                  'stroke="#000" stroke-width="0.8" fill="none"/>')
    if ymin < 0:
        shapes.append(f'<path d="M{left:.1f} {zero:.1f}H{right:.1f}" stroke="#444" '
                      'stroke-width="0.8"/>')
    for v, t in zip(ticks, tick_texts):
        y = y_of(v)
        shapes.append(f'<path d="M{left - _TICK:.1f} {y:.1f}H{left:.1f}" stroke="#000" '
                      'stroke-width="0.8"/>')
        texts.append(Label(t, left - _TICK - _GUTTER, y + (_ASCENT - _DESCENT) * k_size / 2,
                           k_size, "end"))
    for x, lab in zip(xs, p.labels):
        shapes.append(f'<path d="M{x:.1f} {plot_bottom:.1f}V{plot_bottom + _TICK:.1f}" '
                      'stroke="#000" stroke-width="0.8"/>')
        y = plot_bottom + _TICK + _GUTTER
        texts.append(Label(lab, x, y, k_size, "end", True) if rotate_x else
                     Label(lab, x, y + _ASCENT * k_size, k_size, "middle"))
    texts.append(Label(p.unit, _PAD + axis_h / 2, (plot_top + plot_bottom) / 2, _SIZE["axis"],
                       "middle", True))
    if p.legend:
        x = right + 12
        for k, (name, _, color) in enumerate(p.series):
            y = plot_top + k * 16
            shapes.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="9" fill="{color}"/>')
            texts.append(Label(name, x + 16, y + 8.5, _SIZE["legend"], "start"))


def _draw(alt: str, panels: list[Panel]) -> Chart:
    """Lay the panels out one under the other and write the SVG."""
    height = _PANEL_HEIGHT.get(len(panels), 288.0)
    for k, p in enumerate(panels):
        _layout_panel(p, k * height, height)
    total = height * len(panels)
    body = "".join(s for p in panels for s in p.shapes) + "".join(
        t.svg() for p in panels for t in p.texts)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{total:g}" '
           f'viewBox="0 0 {WIDTH} {total:g}" font-family="{html.escape(FONT_FAMILY)}">'
           f'<title>{html.escape(alt, quote=False)}</title>'
           f'<rect width="100%" height="100%" fill="#fff"/>{body}</svg>')
    return Chart(alt, panels, svg, total)


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
    # The total as the brief words it ("hơn 106 triệu đồng") when the series carries it.
    texts = list(support["support_text"]) if "support_text" in support else None
    shown = [None if missing(v) else (texts[i] if texts else number(v, 1))
             for i, v in enumerate(scaled)]
    panel = Panel(_title("Kinh phí hỗ trợ, thăm hỏi, tặng quà theo quý", locality), unit,
                  [_quarter_label(lab) for lab in labels], [("", scaled, _BASE)],
                  _index_of(labels, highlight), shown, decimals=1)
    alt = (f"Biểu đồ cột: {what}{' của ' + locality if locality else ''}, {_span(labels)}, "
           f"đơn vị {unit}. {_listing(labels, values, vnd_short)}."
           + _highlight_text(labels, highlight))
    return _draw(alt, [panel])


def documents_chart(doc_series: pd.DataFrame, highlight: str | None = None,
                    locality: str | None = None) -> Chart:
    """Stacked bars: distinct documents cited per quarter, by document type."""
    labels = [str(x) for x in doc_series.index]
    what = "số văn bản được dẫn chiếu theo quý"
    if len(labels) < 2:
        return _not_enough(what, labels)
    series = [(str(col), [int(v) for v in doc_series[col]], _COLORS[i % len(_COLORS)])
              for i, col in enumerate(doc_series.columns)]
    totals = [sum(s[1][i] for s in series) for i in range(len(labels))]
    panel = Panel(_title("Văn bản được dẫn chiếu theo quý và loại văn bản", locality),
                  "văn bản", [_quarter_label(lab) for lab in labels],
                  series or [("", totals, _BASE)], _index_of(labels, highlight),
                  [vn_int(t) for t in totals], decimals=0, legend=bool(series))
    types = ", ".join(str(c).lower() for c in doc_series.columns) or "không có"
    alt = (f"Biểu đồ cột chồng: {what}{' của ' + locality if locality else ''}, {_span(labels)}, "
           f"chia theo loại văn bản ({types}); đơn vị: văn bản. Tổng mỗi quý: "
           f"{_listing(labels, totals, vn_int)}."
           + (f" Quý của bản tin ({_quarter_label(highlight, False)}) có viền đỏ."
              if highlight in labels else ""))
    return _draw(alt, [panel])


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
    shown_labels = [_quarter_label(lab) for lab in labels]
    mark = _index_of(labels, highlight)
    alt = [f"Biểu đồ cột: {what}{' của ' + locality if locality else ''}, {_span(labels)}."]
    panels = []
    if has_article:
        panels.append(Panel(_title("Lượt xem bài báo cáo", locality), "lượt xem", shown_labels,
                            [("", article, _BASE)], mark,
                            [None if missing(v) else vn_int(v) for v in article]))
        alt.append(f"Lượt xem bài báo cáo (đơn vị: lượt): {_listing(labels, article, vn_int)}.")
    if has_change:
        panels.append(Panel(_title("Lượt truy cập cổng thông tin tăng thêm so với quý trước",
                                   locality), "lượt truy cập", shown_labels,
                            [("", change, _BASE)], mark,
                            [None if missing(v) else signed_number(v) for v in change]))
        alt.append("Lượt truy cập cổng tăng thêm so với trang của quý trước (đơn vị: lượt): "
                   f"{_listing(labels, change, signed_number)}.")
    return _draw(" ".join(alt) + _highlight_text(labels, highlight), panels)
