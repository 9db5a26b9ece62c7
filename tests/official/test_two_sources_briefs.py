"""One report, two sources in the briefs: an official .docx and the news page of the same
locality and quarter make one brief (figures from the document, views and address from the
page, both sources listed), and the batch writes the province synthesis the index links."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from docx import Document

from analysis.briefs.batch import run_briefs
from analysis.formats import counter
from analysis.identity import Period
from analysis.tables import extract_folder, read_tables
from analysis.trends import catalog, measures, money_rows, report_for

from tests.conftest import CORPUS

URL = "https://baothang.laocai.gov.vn/tin-tuc/ket-qua-cong-tac-dan-van-quy-ii-2021"


@pytest.fixture(scope="module")
def two_sources(official, tmp_path_factory):
    raw = tmp_path_factory.mktemp("two-raw")
    shutil.copy(official / "docx" / "lc-baothang-2021-q2.docx", raw)
    shutil.copy(official / "docx" / "lc-sapa-2021-q2.docx", raw)
    # The district portal's news page of the same quarter, saved with its address.
    page = (CORPUS / "baothang-2021-q2.html").read_text("utf-8")
    (raw / "baothang-2021-q2.html").write_text(page.replace("<head>", "<head>\n<link rel="
                                                            f"'canonical' href='{URL}'>", 1),
                                               "utf-8")
    tables = tmp_path_factory.mktemp("two-tables")
    assert extract_folder(raw, tables).errors == []
    out = tmp_path_factory.mktemp("two-reports")
    s = run_briefs(tables, out, jobs=1, progress=False)
    return read_tables(tables), out, s


def _rows(t):
    r = t["reports"]
    bt = r[(r["locality"] == "Bảo Thắng") & (r["period_label"] == "2021-Q2")]
    doc = bt[bt["source_kind"] == "docx"].iloc[0]
    page = bt[bt["source_kind"] == "page"].iloc[0]
    return doc, page


def test_figures_from_the_document_views_from_the_page(two_sources):
    t, _, _ = two_sources
    doc, page = _rows(t)
    assert pd.notna(page["views"]) and page["source_url"] == URL
    loc = catalog(t).set_index("report_id").at[doc["report_id"], "locality"]
    c = report_for(t, loc, Period.parse("2021-Q2"))
    assert (c.report_id, c.page_report_id) == (doc["report_id"], page["report_id"])
    assert c.others == (page["report_id"],)
    assert c.sources[0].startswith("văn bản .docx ") and doc["report_code"] in c.sources[0]
    assert c.sources[1] == f"trang tin (địa chỉ {page['source_url']})"
    m = measures(t).loc[doc["report_id"]]
    assert m["views"] == int(page["views"])
    # Nothing counted twice: the support total is the document's amounts alone.
    sup = money_rows(t["amounts"], "support")
    mine = sup[sup["report_id"] == doc["report_id"]]["amount_vnd"].sum()
    theirs = sup[sup["report_id"] == page["report_id"]]["amount_vnd"].sum()
    assert mine > 0 and theirs > 0
    assert m["support"].vnd == mine
    assert page["report_id"] not in set(measures(t).index)


def test_brief_and_index_list_both_sources_and_link_the_synthesis(two_sources):
    t, out, s = two_sources
    doc, page = _rows(t)
    assert s.failed == []
    html = next((out / "briefs" / "2021-Q2").rglob("*bao-thang*.html")).read_text("utf-8")
    assert "Báo cáo có 2 nguồn: văn bản .docx " in html and doc["report_code"] in html
    assert f"trang tin (địa chỉ {page['source_url']})" in html
    assert counter(int(page["views"])) in html
    index = (out / "index.html").read_text("utf-8")
    assert "Nguồn: văn bản .docx " in index and "trang tin (địa chỉ" in index
    assert [r.state for r in s.syntheses] == ["ok"]
    rel = "synthesis/lao-cai-2021-Q2.docx"
    assert f"href='{rel}'" in index
    d = Document(out / rel)
    assert d.tables and any("Bảo Thắng" in c.text for tb in d.tables for row in tb.rows
                            for c in row.cells)
