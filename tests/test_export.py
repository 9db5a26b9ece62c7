"""Export for Excel: the xlsx read back with openpyxl equals the Parquet tables; csv files are
UTF-8 with a byte-order mark and Vietnamese headers; a brief's download holds its own rows."""

from __future__ import annotations

import base64
import io
import re

import openpyxl
import pandas as pd
import pytest

from analysis import export, schema
from analysis.__main__ import main
from analysis.trends import document_registry
from tools.synth import generate_corpus
from analysis.tables import extract_folder, read_tables
from analysis.text.keys import slugify


@pytest.fixture(scope="module")
def tables_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    generate_corpus(tmp / "raw", localities=3, quarters=3, seed=11)
    s = extract_folder(tmp / "raw", tmp / "tables")
    assert s.errors == [] and s.pages == 9
    return tmp / "tables"


def _sheet_frame(ws, table: str) -> pd.DataFrame:
    rows = list(ws.iter_rows(values_only=True))
    names = {h: c for c, h in export.column_headers(table).items()}
    df = pd.DataFrame(rows[1:], columns=[names[h] for h in rows[0]])
    return schema.coerce(table, df) if len(df) else schema.empty_frame(table)


def test_xlsx_read_back_equals_the_parquet_tables(tables_dir, tmp_path):
    out = tmp_path / "du-lieu.xlsx"
    assert main(["export", "--format", "xlsx", "--tables", str(tables_dir), "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    titles = export.sheet_titles()
    assert wb.sheetnames == [titles[t] for t in (*schema.TABLES, *schema.DERIVED)] + [
        "Từ điển dữ liệu"]
    assert wb.sheetnames[:3] == ["Báo cáo", "Văn bản được dẫn", "Số tiền"]
    parquet = read_tables(tables_dir)
    parquet["documents"] = document_registry(parquet)     # the derived registry is exported too
    assert len(parquet["documents"])
    for name, df in parquet.items():
        ws = wb[titles[name]]
        assert [c.value for c in ws[1]] == list(export.column_headers(name).values())
        back = _sheet_frame(ws, name)
        pd.testing.assert_frame_equal(back, schema.coerce(name, df) if len(df) else df,
                                      check_dtype=True, obj=name)
    assert len(parquet["amounts"]) > 5 and parquet["doc_refs"]["issued_on"].notna().any()


def test_xlsx_cells_are_typed_for_excel(tables_dir, tmp_path):
    out = tmp_path / "x.xlsx"
    export.export(tables_dir, "xlsx", out)
    wb = openpyxl.load_workbook(out)
    headers = export.column_headers("doc_refs")
    ws = wb["Văn bản được dẫn"]
    col = [c.value for c in ws[1]].index(headers["issued_on"])
    dates = [r[col] for r in ws.iter_rows(min_row=2) if r[col].value is not None]
    assert dates and all(c.is_date and c.number_format == "DD/MM/YYYY" for c in dates)
    ws = wb["Số tiền"]
    col = [c.value for c in ws[1]].index("Số tiền (đồng)")
    values = [r[col].value for r in ws.iter_rows(min_row=2)]
    assert all(v is None or type(v) is int for v in values) and any(type(v) is int for v in values)
    assert export.column_headers("reports")["n_chars"] == "Độ dài (ký tự)"
    assert export.column_headers("reports")["views"] == "Lượt xem"
    d = wb["Từ điển dữ liệu"]
    heads = [c.value for c in d[1]]
    assert heads[:4] == ["Trang tính", "Bảng", "Tên bảng", "Tiêu đề cột"] and "Mô tả" in heads
    assert d.max_row == 1 + sum(len(t.columns) for t in (*schema.TABLES.values(),
                                                         *schema.DERIVED.values()))


def test_csv_is_utf8_with_bom_and_vietnamese_headers(tables_dir, tmp_path):
    assert main(["export", "--format", "csv", "--tables", str(tables_dir),
                 "--out", str(tmp_path / "csv")]) == 0
    parquet = read_tables(tables_dir)
    for name, df in parquet.items():
        raw = (tmp_path / "csv" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        back = pd.read_csv(tmp_path / "csv" / f"{name}.csv", encoding="utf-8-sig", dtype=str,
                           keep_default_na=False)
        assert list(back.columns) == list(export.column_headers(name).values())
        assert len(back) == len(df)
    back = pd.read_csv(tmp_path / "csv" / "reports.csv", encoding="utf-8-sig")
    assert list(back["Địa phương"]) == list(parquet["reports"]["locality"])
    docs = pd.read_csv(tmp_path / "csv" / "doc_refs.csv", encoding="utf-8-sig", dtype=str)
    dated = docs["Ngày ban hành"].dropna()
    assert len(dated) and dated.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (tmp_path / "csv" / "tu-dien-du-lieu.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_brief_download_holds_only_that_reports_rows(tables_dir):
    tables = read_tables(tables_dir)
    rid = tables["reports"]["report_id"].iloc[4]
    link = export.brief_download_html(tables, [rid])
    assert link._repr_html_() == str(link)
    m = re.search(r'<a download="(so-lieu-[a-z0-9-]+\.xlsx)" href="data:'
                  r'application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet;base64,'
                  r'([A-Za-z0-9+/=]+)">Tải số liệu', link)
    row = tables["reports"].iloc[4]
    assert m and m.group(1) == f"so-lieu-{slugify(row['locality'])}-{slugify(row['period_label'])}.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(m.group(2))))
    titles = export.sheet_titles()
    for name, df in tables.items():
        if "report_id" not in df.columns:
            continue
        back = _sheet_frame(wb[titles[name]], name)
        mine = df[df["report_id"] == rid].reset_index(drop=True)
        assert len(back) == len(mine) and set(back["report_id"]) <= {rid}, name
        pd.testing.assert_frame_equal(back, schema.coerce(name, mine) if len(mine) else mine)
    assert len(_sheet_frame(wb["Báo cáo"], "reports")) == 1


def test_export_without_tables_names_the_folder(tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    assert main(["export", "--tables", str(tmp_path / "none"), "--out", str(out)]) == 1
    assert f"{tmp_path / 'none'}: no table to export" in capsys.readouterr().err
    assert not out.exists()
