"""Charts for the briefs (matplotlib). Text is Vietnamese, drawn in DejaVu Sans, which ships
with matplotlib and has every Vietnamese glyph, so no font is fetched or assumed installed."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from .formats import counter, vn_int, vnd_short
from .identity import Period

FONT = "DejaVu Sans"
_COLORS = ("#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#a0a0a0")


def setup() -> None:
    """Matplotlib defaults for briefs: Vietnamese-capable font, readable sizes, PNG output."""
    plt.rcParams.update({"font.family": FONT, "font.size": 10, "axes.titlesize": 12,
                         "axes.spines.top": False, "axes.spines.right": False,
                         "figure.dpi": 110, "savefig.bbox": "tight"})


def _tidy_axis(ax, n: int) -> None:
    """Room for one bar; slanted labels once quarters crowd the axis."""
    if n == 1:
        ax.set_xlim(-1, 1)
    elif n > 6:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")


def _quarter_labels(labels) -> list[str]:
    def name(lab) -> str:
        try:
            text = Period.parse(str(lab)).vi
        except ValueError:
            return str(lab)
        return text[:1].upper() + text[1:]
    return [name(lab) for lab in labels]


def support_chart(support: pd.DataFrame, highlight: str | None = None):
    """Bar chart of support spending per quarter; the brief's quarter highlighted."""
    setup()
    fig, ax = plt.subplots(figsize=(7, 3.2))
    labels = list(support["period_label"])
    values = [v / 1e6 for v in support["support_vnd"]]
    colors = [_COLORS[1] if lab == highlight else _COLORS[0] for lab in labels]
    bars = ax.bar(_quarter_labels(labels), values, color=colors, width=0.6)
    # The total as the brief words it ("hơn 106 triệu đồng") when the series carries it.
    texts = support["support_text"] if "support_text" in support else \
        support["support_vnd"].map(lambda v: "không nêu" if pd.isna(v) else vnd_short(v))
    for bar, v, text in zip(bars, support["support_vnd"], texts):
        ax.annotate(text,
                    (bar.get_x() + bar.get_width() / 2, 0 if pd.isna(v) else bar.get_height()),
                    ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
    ax.set_title("Kinh phí hỗ trợ, thăm hỏi, tặng quà theo quý")
    ax.set_ylabel("triệu đồng")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: vn_int(v)))
    ax.set_ylim(0, max([v for v in values if pd.notna(v)] + [1]) * 1.25)
    _tidy_axis(ax, len(labels))
    return fig


def documents_chart(doc_series: pd.DataFrame, highlight: str | None = None):
    """Stacked bars: distinct documents cited per quarter, by document type."""
    setup()
    fig, ax = plt.subplots(figsize=(7, 3.4))
    labels = _quarter_labels(doc_series.index)
    bottom = [0] * len(doc_series)
    for i, col in enumerate(doc_series.columns):
        vals = list(doc_series[col])
        ax.bar(labels, vals, bottom=bottom, label=col, color=_COLORS[i % len(_COLORS)], width=0.6)
        bottom = [b + v for b, v in zip(bottom, vals)]
    for x, total in zip(labels if len(doc_series.columns) else [], bottom):
        ax.annotate(str(total), (x, total), ha="center", va="bottom", fontsize=8,
                    xytext=(0, 2), textcoords="offset points")
    ax.set_title("Văn bản được dẫn chiếu theo quý và loại văn bản")
    ax.set_ylabel("số văn bản")
    ax.set_ylim(0, max(bottom + [1]) * 1.25)
    _tidy_axis(ax, len(labels))
    if len(doc_series.columns):
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def views_chart(views: pd.DataFrame):
    """Article views per quarter (bars) and the portal's all-time visit counter (line)."""
    setup()
    fig, ax = plt.subplots(figsize=(7, 3.2))
    labels = _quarter_labels(views["period_label"])
    v = views["views"].astype("float64")     # NaN where the page shows no count: no bar
    ax.bar(labels, v, color=_COLORS[0], width=0.5, label="Lượt xem bài báo cáo")
    ax.set_ylabel("lượt xem")
    ax.set_ylim(0, max(list(v.dropna()) + [1]) * 1.3)
    ax2 = ax.twinx()
    total = views["total"].astype("Float64")
    if total.notna().any():
        ax2.plot(labels, total, color=_COLORS[1], marker="o", label="Tổng lượt truy cập cổng")
        for x, t in zip(labels, total):
            if pd.notna(t):
                ax2.annotate(counter(t), (x, t), fontsize=8, ha="center", va="bottom",
                             xytext=(0, 4), textcoords="offset points")
        ax2.yaxis.set_major_formatter(FuncFormatter(lambda y, _: counter(y)))
        ax2.set_ylabel("tổng lượt truy cập")
        ax2.spines["right"].set_visible(True)
    _tidy_axis(ax, len(labels))
    ax.set_title("Lượt xem bài và thống kê truy cập cổng thông tin")
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], fontsize=8, frameon=False,
              loc="upper left")
    return fig
