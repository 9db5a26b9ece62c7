"""A real brief and the index in headless Chromium: they render, log no console error, ask no
other host for anything; charts carry Vietnamese alt text; the A4 print never splits a chart."""

from __future__ import annotations

import base64
import io
import re

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
        assert img["src"].startswith("data:image/png;base64,")
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
        assert errors == [] and foreign == []
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages
        assert all(round(p.width) == 595 and round(p.height) == 842 for p in pages)   # A4
        images = [(i, im) for i, p in enumerate(pages) for im in p.images]
        assert len(images) == 3                          # each chart printed once: none split
        for i, im in images:
            assert im["top"] >= 0 and im["bottom"] <= pages[i].height, (i, im["top"], im["bottom"])
        first = pages[0]
        lowest = max((c["bottom"] for c in first.chars), default=0)
        lowest = max([lowest] + [im["bottom"] for i, im in images if i == 0])
        assert lowest > 0.75 * first.height              # no half-empty first page
        text = first.extract_text()
        assert "Bản tin công tác dân vận" in text and "Kinh phí hỗ trợ" in text
