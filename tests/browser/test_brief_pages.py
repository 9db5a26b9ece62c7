"""A real brief and the index in headless Chromium: they render, log no console error, ask no
other host for anything; charts carry Vietnamese alt text; the A4 print never splits a chart."""

from __future__ import annotations

import base64
import io
import re
from itertools import combinations

import openpyxl
import pandas as pd
import pdfplumber
import pytest
from bs4 import BeautifulSoup

from tests.browser.conftest import chromium

pytestmark = pytest.mark.slow


def test_charts_in_the_brief_carry_vietnamese_alt_text(rendered_briefs):
    _, brief, _ = rendered_briefs
    soup = BeautifulSoup(brief.read_text(encoding="utf-8"), "lxml")
    imgs = soup.find_all("img")
    assert len(imgs) == 3
    for img in imgs:
        assert img["src"].startswith("data:image/svg+xml;base64,")
        assert img["alt"].startswith("Biểu đồ cột") and "từ quý I/2020 đến quý IV/2020" in img["alt"]
    alts = " ".join(img["alt"] for img in imgs)
    assert "kinh phí hỗ trợ" in alts and "văn bản được dẫn chiếu" in alts
    assert "Lượt truy cập cổng tăng thêm" in alts and "Quý của bản tin (quý IV/2020)" in alts
    assert not re.search(r"\d,\d{3}\b", alts)                     # Vietnamese numbers only


def test_a_quarter_without_support_figure_is_a_gap(rendered_briefs):
    _, brief, tables_dir = rendered_briefs
    from analysis import trends
    from analysis.identity import Locality, Period
    tables = trends.load_tables(tables_dir)
    first = tables["reports"].sort_values("source_file").iloc[0]              # as rendered
    loc = Locality.of(first["province"], first["locality_type"], first["locality"])
    support = trends.support_series(tables, loc)
    assert support["support_vnd"].isna().any() and support["support_vnd"].notna().sum() >= 2
    alt = next(img["alt"] for img in BeautifulSoup(brief.read_text(encoding="utf-8"), "lxml")
               .find_all("img") if "kinh phí hỗ trợ" in img["alt"])
    for row in support.itertuples():
        said = f"{Period.parse(row.period_label).vi}: "
        assert (said + "không nêu" in alt) == pd.isna(row.support_vnd), said


def test_brief_links_a_download_of_its_own_rows(rendered_briefs):
    _, brief, _ = rendered_briefs
    soup = BeautifulSoup(brief.read_text(encoding="utf-8"), "lxml")
    [a] = soup.select("a[download]")
    assert a["download"].endswith("-2020-q4.xlsx") and a.get_text().startswith("Tải số liệu")
    data = base64.b64decode(a["href"].split(",", 1)[1])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb["Báo cáo"].max_row == 2 and "Từ điển dữ liệu" in wb.sheetnames


def _open(browser, url: str):
    """A page that fails every request not to a file: URL and records console errors."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, foreign = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return page, errors, foreign


def test_brief_and_index_render_offline_without_console_errors(rendered_briefs, tmp_path):
    out, brief, _ = rendered_briefs
    with chromium() as browser:
        for name, path in (("brief", brief), ("index", out / "index.html")):
            page, errors, foreign = _open(browser, path.as_uri())
            shot = tmp_path / f"{name}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert errors == [] and foreign == [], (name, errors, foreign)
            # a blank page of this size is under 10 kB; text and charts make it far larger
            assert shot.stat().st_size > (150_000 if name == "brief" else 20_000), name
            if name == "brief":
                sizes = page.eval_on_selector_all(
                    "img.chart", "els => els.map(e => [e.complete, e.naturalWidth, e.clientWidth])")
                assert len(sizes) == 3 and all(c and n > 500 and 300 < w <= 1200
                                                for c, n, w in sizes), sizes
                assert "Tải số liệu của bản tin" in page.inner_text("body")
            else:
                assert page.locator(f"a[href$='{brief.name}']").count() == 1
            page.close()


def test_a4_print_keeps_charts_whole_and_fills_the_first_page(rendered_briefs, tmp_path):
    _, brief, _ = rendered_briefs
    pdf_path = tmp_path / "brief.pdf"
    with chromium() as browser:
        page, errors, foreign = _open(browser, brief.as_uri())
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.querySelector('img.chart'))"
                             ".breakInside") == "avoid"
        assert not page.locator("p.download").is_visible()
        page.pdf(path=str(pdf_path), prefer_css_page_size=True, print_background=True)
        ratios = page.eval_on_selector_all(
            "img.chart", "els => els.map(e => e.naturalWidth / e.naturalHeight)")
        assert errors == [] and foreign == []
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages
        assert all(round(p.width) == 595 and round(p.height) == 842 for p in pages)   # A4
        # The charts are vector drawings: each one's white background is one rectangle of its
        # proportions, printed once and whole within one page (a split chart would be drawn on
        # two pages, running past their edges).
        backgrounds = [(i, r) for i, p in enumerate(pages) for r in p.rects
                       if r.get("non_stroking_color") in ((1.0, 1.0, 1.0), (1, 1, 1), [1, 1, 1])
                       and r["width"] > 250 and any(abs(r["width"] / r["height"] - q) < 0.02 * q
                                                    for q in ratios)]
        assert len(ratios) == 3 and len(backgrounds) == 3, backgrounds
        for i, r in backgrounds:
            assert r["top"] >= 0 and r["bottom"] <= pages[i].height, (i, r["top"], r["bottom"])
        images = [(i, r) for i, r in backgrounds]
        first = pages[0]
        lowest = max((c["bottom"] for c in first.chars), default=0)
        lowest = max([lowest] + [im["bottom"] for i, im in images if i == 0])
        assert lowest > 0.75 * first.height              # no half-empty first page
        text = first.extract_text()
        assert "Bản tin công tác dân vận" in text and "Kinh phí hỗ trợ" in text


@pytest.mark.parametrize("n", [2, 6, 16])
def test_chart_labels_do_not_overlap_as_chromium_draws_them(n):
    """The layout measures labels with DejaVu Sans' metrics; here Chromium draws the SVG and
    reports each label's box: none overlaps another or leaves the picture."""
    from tests.test_charts import LONG, _all
    page_html = "".join(f"<div>{c.svg}</div>" for c in _all(n, LONG, gaps=(1,) if n > 2 else ()))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 900, "height": 900})
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{page_html}</body></html>")
        charts_boxes = page.eval_on_selector_all("svg", """svgs => svgs.map(svg => {
            const r = svg.getBoundingClientRect();
            return {w: r.width, h: r.height, texts: [...svg.querySelectorAll('text')].map(t => {
                const b = t.getBoundingClientRect();
                return [t.textContent, b.left - r.left, b.top - r.top, b.right - r.left,
                        b.bottom - r.top]; })}; })""")
    assert len(charts_boxes) == 3
    for chart in charts_boxes:
        texts = chart["texts"]
        assert len(texts) > n
        for name, x0, y0, x1, y1 in texts:
            assert x0 >= 0 and y0 >= 0 and x1 <= chart["w"] and y1 <= chart["h"], name
        for a, b in combinations(texts, 2):
            # Chromium's boxes include the font's line gap; a pixel of it may touch
            overlap_x = min(a[3], b[3]) - max(a[1], b[1])
            overlap_y = min(a[4], b[4]) - max(a[2], b[2])
            assert not (overlap_x > 1 and overlap_y > 1), (a, b)
