"""One report, two sources; the province synthesis read back from Word."""

from __future__ import annotations

import re
import shutil
import zipfile

import pandas as pd
import pytest
from docx import Document

from analysis.formats import vn_int
from analysis.official.sources import pair_sources
from analysis.synthesis import build, write_synthesis
from analysis.tables import extract_folder, read_tables

from tests.conftest import CORPUS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def tables(official, tmp_path_factory):
    raw = tmp_path_factory.mktemp("syn-raw")
    for f in (official / "docx").glob("*.docx"):
        shutil.copy(f, raw / f.name)
    for name in ("baothang-2021-q2.html", "sapa-2021-q2.txt"):
        shutil.copy(CORPUS / name, raw / name)
    out = tmp_path_factory.mktemp("syn-tables")
    assert extract_folder(raw, out).errors == []
    return out


def test_document_and_page_of_one_locality_and_period_are_one_report(tables):
    t = read_tables(tables)
    pairs = pair_sources(t["reports"])
    bt = pairs[(pairs["locality"] == "Bảo Thắng") & (pairs["period_label"] == "2021-Q2")]
    assert len(bt) == 1
    row = bt.iloc[0]
    kind = dict(zip(t["reports"]["report_id"], t["reports"]["source_kind"]))
    assert kind[row["figures_report_id"]] == "docx"
    assert kind[row["page_report_id"]] == "page"
    assert sorted(row["source_kinds"]) == ["docx", "page"]
    assert len(pairs) == len(t["reports"]) - 2     # two pages joined their documents


def _footnotes(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/footnotes.xml").decode("utf-8")
    return {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).strip()
            for m in re.finditer(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', xml)}


def _refs(cell) -> list[str]:
    return [e.get(f"{_W}id") for e in cell._tc.iter(f"{_W}footnoteReference")]


def test_synthesis_docx_equals_the_tables_with_a_footnote_per_figure(tables, tmp_path):
    out = write_synthesis(tables, "Lào Cai", "2021-Q2", tmp_path / "lc.docx")
    t = read_tables(tables)
    s = build(t, "Lào Cai", "2021-Q2")
    doc = Document(out)
    notes = _footnotes(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text and "quý II/2021" in text
    assert "Huyện Bát Xát" in text                        # reported in Q1, not in Q2
    docs = {row.cells[0].text: row.cells[4].text for row in doc.tables[1].rows[1:]}
    assert docs["114-KL/TW"] == "Mới"                      # first cited this quarter
    assert docs["06-CT/TU"] == ""                          # cited in Q1 already
    # the support table: each locality's figure is the sum of its document's support amounts
    a, r = t["amounts"], t["reports"]
    support = next(tb for tb in doc.tables if tb.rows[0].cells[1].text.startswith("Kinh phí chăm lo"))
    total = 0
    for row in support.rows[1:-1]:
        name = row.cells[0].text
        rid = next(x["figures_report_id"] for x in s.localities
                   if f"{x['locality_type']} {x['locality']}".lower() == name.lower())
        assert r.loc[r["report_id"] == rid, "source_kind"].iloc[0] == "docx"
        want = a[(a["report_id"] == rid) & (a["kind"] == "support")
                 & (a["section"] == "results")]["amount_vnd"].sum()
        assert row.cells[1].text == vn_int(want)
        total += want
        (ref,) = _refs(row.cells[1])
        src = r.loc[r["report_id"] == rid, "source_file"].iloc[0]
        assert notes[ref].startswith(src)
    assert support.rows[-1].cells[1].text == vn_int(total)
    assert len(support.rows) == 2 + 3                     # Bảo Thắng, Mường Khương, Sa Pa
    # every figure cell of every table carries a footnote that exists
    for tb in doc.tables[1:-1]:
        for row in tb.rows[1:]:
            for cell in row.cells[1:]:
                if re.fullmatch(r"[\d.]+", cell.text.strip()[: len(cell.text.strip())]):
                    refs = _refs(cell)
                    assert refs and all(notes.get(x) for x in refs), cell.text
    # the table totals are the documents' "Tổng cộng" rows, never re-added with their parts
    f = t["table_figures"]
    hh = next(tb for tb in doc.tables if tb.rows[0].cells[1].text == "Tổng (hộ)")
    want_hh = f[f["is_total"] & (f["unit"] == "hộ")
                & f["report_id"].isin([x["figures_report_id"] for x in s.localities])]["value"]
    assert hh.rows[-1].cells[1].text == vn_int(want_hh.sum())


@pytest.mark.parametrize("period,expect", [("2021-H1", "Bảo Thắng"), ("2021", "Bắc Hà")])
def test_synthesis_for_half_year_and_year(tables, tmp_path, period, expect):
    out = write_synthesis(tables, "Lào Cai", period, tmp_path / f"{period}.docx")
    doc = Document(out)
    names = [row.cells[0].text for tb in doc.tables for row in tb.rows]
    assert any(expect in n for n in names)


def test_synthesis_refuses_an_unknown_province(tables):
    with pytest.raises(LookupError, match="Lào Cai"):
        build(read_tables(tables), "Cà Mau", "2021-Q2")
    with pytest.raises(ValueError):
        build(read_tables(tables), "Lào Cai", "2021-Q5")


def test_synthesis_province_named_either_way(tables):
    s = build(read_tables(tables), "Huế", "2021")      # the 2025 name; reports of 2021 say
    assert s.province == "Thừa Thiên Huế"              # Thừa Thiên Huế
    assert [x["locality"] for x in s.localities] == ["Quảng Điền"]
    assert s.missing == ["huyện Phong Điền"]                    # sent 9 months, not the year


def test_synthesis_of_documents_without_issuer_or_type_name(tables, tmp_path):
    """A cited document whose issuer and type name the page does not state (pd.NA, which
    becomes NaN in a built frame) gets empty cells, not a crash of the province's synthesis."""
    from analysis.paths import table_path
    from analysis.tables import tables_generation
    copy = tmp_path / "tables"
    shutil.copytree(tables_generation(tables), copy)
    refs = read_tables(copy)["doc_refs"]
    refs["issuer"] = pd.Series(pd.NA, index=refs.index, dtype="string")
    refs["doc_type_name"] = pd.Series(pd.NA, index=refs.index, dtype="string")
    refs.to_parquet(table_path(copy, "doc_refs"))
    out = write_synthesis(copy, "Lào Cai", "2021-Q2", tmp_path / "lc.docx")
    rows = Document(out).tables[1].rows[1:]
    assert rows and all(r.cells[2].text == "" for r in rows)
    assert {r.cells[0].text for r in rows} >= {"114-KL/TW", "06-CT/TU"}
