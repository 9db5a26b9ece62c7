"""Charts: no two labels overlap (the renderer's text boxes), one unit per axis, Vietnamese
numbers on every axis, gaps for figures not stated, a line of text below two quarters, alt text."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import charts

LONG = "thành phố Phan Rang - Tháp Chàm, tỉnh Ninh Thuận (Ban Dân vận Thành ủy)"


def _quarters(n: int, gaps=()) -> pd.DataFrame:
    rows = []
    for i in range(n):
        y, q = 2019 + i // 4, i % 4 + 1
        rows.append({"period_label": f"{y}-Q{q}", "year": y, "quarter": q,
                     "support_vnd": None if i in gaps else 50_000_000 + 1_370_000_000 * (i % 3) + 500_000 * i,
                     "views": None if i in gaps else 1_000 + 137 * i, "today": 5,
                     "total": 1_178_756 + 25_000 * i})
    return pd.DataFrame(rows).astype({"support_vnd": "Int64", "views": "Int64", "total": "Int64"})


def _docs(s: pd.DataFrame) -> pd.DataFrame:
    n = len(s)
    return pd.DataFrame({"Chỉ thị": [i % 4 for i in range(n)], "Nghị quyết": [3] * n,
                         "Kế hoạch liên tịch hướng dẫn": [12] * n}, index=s["period_label"])


def _all(n: int, locality=None, gaps=()):
    s = _quarters(n, gaps)
    last = s["period_label"].iloc[-1]
    return [charts.support_chart(s, highlight=last, locality=locality),
            charts.documents_chart(_docs(s), highlight=last, locality=locality),
            charts.views_chart(s, highlight=last, locality=locality)]


@pytest.mark.parametrize("n", [2, 6, 16])
@pytest.mark.parametrize("locality", [None, LONG])
def test_no_two_labels_overlap(n, locality):
    for chart in _all(n, locality, gaps=(1,) if n > 2 else ()):
        boxes = charts.text_boxes(chart.figure)
        assert len(boxes) > n                        # every quarter labelled, values shown
        assert charts.overlapping(chart.figure) == [], chart.alt[:60]
        width, height = chart.figure.canvas.get_width_height()
        for text, box in boxes:                      # and nothing drawn off the figure
            assert box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1, text


def test_overlap_check_can_fail():
    chart = charts.support_chart(_quarters(16), locality=LONG)
    ax = chart.figure.axes[0]
    for t in ax.get_xticklabels():
        t.set_rotation(0)
    assert charts.overlapping(chart.figure)


def test_fewer_than_two_quarters_is_one_line_of_text():
    for chart in _all(1):
        assert chart.figure is None
        html = chart._repr_html_()
        assert html.startswith('<p class="chart-note">Chưa đủ số liệu') and "<img" not in html
        assert "quý I/2019" in html and html.count("\n") == 0
    s = _quarters(3, gaps=(0, 1))                    # three quarters, one figure stated
    assert charts.support_chart(s).figure is None


def test_not_stated_is_a_gap_not_a_zero_bar():
    chart = charts.support_chart(_quarters(4, gaps=(1,)))
    ax = chart.figure.axes[0]
    visible = [p for p in ax.patches if p.get_visible()]
    assert len(visible) == 3
    assert [t.get_text() for t in ax.texts].count("không nêu") == 1
    assert "quý II/2019: không nêu" in chart.alt


def test_axes_speak_vietnamese_numbers_one_unit_each():
    s = _quarters(6)
    support, docs, views = _all(6)
    labels = {ax.get_ylabel() for c in (support, docs, views) for ax in c.figure.axes}
    assert labels == {"triệu đồng", "văn bản", "lượt xem", "lượt truy cập"}
    texts = [t for t, _ in charts.text_boxes(views.figure)]
    assert "1.685" in texts and "+25.000" in texts       # values and the per-quarter change
    ticks = [t for c in (support, views) for t, _ in charts.text_boxes(c.figure)
             if re.fullmatch(r"[\d.,+−]+", t)]
    assert ticks and not any(re.search(r"\d,\d{3}\b", t) for t in ticks)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in ticks)
    assert "2.791,5" not in texts and s["total"].iloc[-1] == 1_303_756


def test_visits_show_the_change_per_quarter():
    s = _quarters(4)
    s.loc[2, "total"] = pd.NA
    assert charts.counter_change(s) == [None, 25_000, None, None]
    s2 = _quarters(3).drop(index=1)                  # a missing quarter: no change across it
    assert charts.counter_change(s2) == [None, None]


def test_alt_text_says_what_the_chart_shows():
    support, docs, views = _all(6)
    assert support.alt.startswith("Biểu đồ cột: kinh phí hỗ trợ, thăm hỏi, tặng quà theo quý")
    assert "từ quý I/2019 đến quý II/2020" in support.alt and "quý I/2019: 50 triệu đồng" in support.alt
    assert "tô màu đỏ" in support.alt
    assert "chỉ thị, nghị quyết" in docs.alt and "quý I/2019: 15" in docs.alt
    assert "Lượt truy cập cổng tăng thêm" in views.alt and "+25.000" in views.alt
    html = support._repr_html_()
    assert re.fullmatch(r'<img class="chart" src="data:image/png;base64,[A-Za-z0-9+/=]+" '
                        r'alt="[^"<>]+" width="\d+">', html)
