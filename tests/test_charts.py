"""Charts: no two labels overlap (measured boxes; Chromium's in tests/browser), one unit per axis, Vietnamese
numbers on every axis, gaps for figures not stated, a line of text below two quarters, alt text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

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
        boxes = charts.text_boxes(chart)
        assert len(boxes) > n                        # every quarter labelled, values shown
        assert charts.overlapping(chart) == [], chart.alt[:60]
        for text, box in boxes:                      # and nothing drawn off the picture
            assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= charts.WIDTH, text
            assert box.y1 <= chart.height, text


def test_overlap_check_can_fail():
    chart = charts.support_chart(_quarters(16), locality=LONG)
    ticks = [t for t in chart.texts if t.text.startswith("Quý")]
    assert len(ticks) == 16 and all(t.rotated for t in ticks)      # 16 quarters: rotated
    for t in ticks:
        t.rotated, t.anchor = False, "middle"
    assert charts.overlapping(chart)


def test_svg_is_well_formed_and_escapes_page_text():
    hostile = 'xã <script>alert(1)</script> & "Tân Lập"'
    chart = charts.support_chart(_quarters(4), locality=hostile)
    root = ET.fromstring(chart.svg)
    assert root.tag.endswith("svg")
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    shown = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "<script>alert(1)</script>" in shown                    # shown as text, not run
    assert 'font-family="' in chart.svg and "DejaVu Sans" in chart.svg


def test_fewer_than_two_quarters_is_one_line_of_text():
    for chart in _all(1):
        assert chart.svg is None
        html = chart._repr_html_()
        assert html.startswith('<p class="chart-note">Chưa đủ số liệu') and "<img" not in html
        assert "quý I/2019" in html and html.count("\n") == 0
    s = _quarters(3, gaps=(0, 1))                    # three quarters, one figure stated
    assert charts.support_chart(s).svg is None


def test_not_stated_is_a_gap_not_a_zero_bar():
    chart = charts.support_chart(_quarters(4, gaps=(1,)))
    bars = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', chart.svg)
    assert len(bars) == 3 and all(float(h) > 1 for h in bars)
    assert [t.text for t in chart.texts].count("không nêu") == 1
    assert "quý II/2019: không nêu" in chart.alt


def test_axes_speak_vietnamese_numbers_one_unit_each():
    s = _quarters(6)
    support, docs, views = _all(6)
    labels = {p.unit for c in (support, docs, views) for p in c.panels}
    assert labels == {"triệu đồng", "văn bản", "lượt xem", "lượt truy cập"}
    texts = [t for t, _ in charts.text_boxes(views)]
    assert "1.685" in texts and "+25.000" in texts       # values and the per-quarter change
    ticks = [t for c in (support, views) for t, _ in charts.text_boxes(c)
             if re.fullmatch(r"[\d.,+−]+", t)]
    assert ticks and not any(re.search(r"\d,\d{3}\b", t) for t in ticks)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in ticks)
    assert "2.791,5" not in texts and s["total"].iloc[-1] == 1_303_756


def test_highlighted_quarter_is_red():
    s = _quarters(4)
    chart = charts.support_chart(s, highlight="2019-Q3")
    fills = re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="(#\w+)"',
                       chart.svg)
    assert fills == ["#1f5f8b", "#1f5f8b", "#d1495b", "#1f5f8b"]
    docs = charts.documents_chart(_docs(s), highlight="2019-Q3")
    assert docs.svg.count('stroke="#d1495b"') == 3          # each segment of that quarter


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
    assert re.fullmatch(r'<img class="chart" src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" '
                        r'alt="[^"<>]+" width="\d+">', html)
