"""The tables for Excel: every table with the Vietnamese column labels of :mod:`analysis.schema`.

- xlsx (:mod:`analysis.xlsx`): one sheet per table named with its Vietnamese label, a header row of labels,
  dates as Excel dates, integers as numbers, empty cells for figures not stated, and a sheet
  "Từ điển dữ liệu" describing every column.
- csv: one file per table in UTF-8 with a byte-order mark, so that Excel opens Vietnamese text
  correctly; dates as YYYY-MM-DD, which Excel reads as dates in any locale.

A brief carries its own rows as an embedded xlsx (:func:`brief_download_html`): a ``data:``
link, so the download needs no server and no network.
"""

from __future__ import annotations

import base64
import functools
import html
from pathlib import Path

import pandas as pd

from . import schema, xlsx
from .files import atomic_path
from .text.keys import slugify

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DICTIONARY_SHEET = "Từ điển dữ liệu"


class Html(str):
    """HTML text that a notebook displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


_TABLES = {**schema.TABLES, **schema.DERIVED}
"""Every table an export can hold: the extracted ones and the derived document registry."""

def column_headers(table: str) -> dict[str, str]:
    """Column name -> header a reader sees: the Vietnamese label, with the unit when the label
    does not already say it ("Độ dài (ký tự)", but "Số tiền (đồng)" and "Lượt xem" as they are)."""
    out = {}
    for c in schema.describe(table).columns:
        unit = "đồng" if c.unit == "VND" else c.unit
        label = c.label_vi
        if unit and unit.lower() not in label.lower():
            label = f"{label} ({unit})"
        if label in out.values():                  # two columns with one label: name tells them apart
            label = f"{label} [{c.name}]"
        out[c.name] = label
    return out


def sheet_titles() -> dict[str, str]:
    """Table name -> sheet title (its Vietnamese label, within Excel's 31 characters)."""
    out: dict[str, str] = {}
    for name, t in _TABLES.items():
        title = xlsx.SHEET_TITLE_FORBIDDEN.sub(" ", t.label_vi)[:31].strip()
        while title in out.values() or title == DICTIONARY_SHEET:
            title = f"{title[:27]} ({len(out)})"
        out[name] = title
    return out


def dictionary_frame() -> pd.DataFrame:
    """The data dictionary, with the sheet and header each column has in the export."""
    d = schema.data_dictionary_frame()
    headers = {(t, c): h for t in _TABLES for c, h in column_headers(t).items()}
    d.insert(0, "Trang tính", d["Bảng"].map(sheet_titles()))
    d.insert(3, "Tiêu đề cột", [headers[k] for k in zip(d["Bảng"], d["Cột"])])
    return d


def _cell(value):
    """A value as Excel should hold it: None for pandas' missing values, Python scalars (a NaN
    float is left to :mod:`analysis.xlsx`, which writes it as an empty cell)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):                      # numpy scalars
        return value.item()
    return value


def _sheet(df: pd.DataFrame, headers: list[str]) -> str:
    return xlsx.sheet_xml(headers, ([_cell(v) for v in row]
                                    for row in df.itertuples(index=False, name=None)))


@functools.lru_cache(maxsize=1)
def _dictionary_sheet() -> str:
    """The data dictionary sheet (the same in every workbook of a process)."""
    d = dictionary_frame()
    return _sheet(d, list(d.columns))


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """An xlsx of the given tables (schema names), in schema order, plus the data dictionary;
    the same tables give the same bytes."""
    titles = sheet_titles()
    sheets = []
    for name in _TABLES:
        if name not in tables:
            continue
        df = schema.coerce(name, tables[name]) if len(tables[name]) else tables[name]
        headers = column_headers(name)
        sheets.append((titles[name], _sheet(df, [headers[c] for c in df.columns])))
    sheets.append((DICTIONARY_SHEET, _dictionary_sheet()))
    return xlsx.workbook(sheets)


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write the workbook atomically (never half-written)."""
    data = workbook_bytes(tables)
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def _csv_frame(df: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if str(out[c].dtype).startswith("datetime64"):
            out[c] = out[c].dt.strftime("%Y-%m-%d")
    return out.rename(columns=headers)


def write_csv(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """One ``<table>.csv`` per table (UTF-8 with BOM, Vietnamese headers) and
    ``tu-dien-du-lieu.csv``; each file written atomically."""
    written = []
    frames = [(f"{name}.csv", _csv_frame(tables[name], column_headers(name)))
              for name in _TABLES if name in tables]
    frames.append(("tu-dien-du-lieu.csv", dictionary_frame()))
    for file_name, df in frames:
        path = Path(folder) / file_name
        with atomic_path(path) as tmp:
            df.to_csv(tmp, index=False, encoding="utf-8-sig")
        written.append(path)
    return written


def brief_tables(tables: dict[str, pd.DataFrame], report_ids) -> dict[str, pd.DataFrame]:
    """The rows of some reports: tables keyed by report, and documents those reports cite."""
    ids = set(report_ids)
    out = {}
    for name, df in tables.items():
        if name in schema.TABLES and "report_id" in df.columns:
            out[name] = df[df["report_id"].isin(ids)].reset_index(drop=True)
    keys = set(out.get("doc_refs", pd.DataFrame(columns=["doc_key"]))["doc_key"])
    for name, df in tables.items():
        if name in _TABLES and name not in out and "doc_key" in df.columns:
            out[name] = df[df["doc_key"].isin(keys)].reset_index(drop=True)
    return out


def brief_download_html(tables: dict[str, pd.DataFrame], report_ids) -> Html:
    """A download link carrying the brief's own rows as an xlsx in a ``data:`` URI."""
    rows = brief_tables(tables, report_ids)
    reports = rows.get("reports", pd.DataFrame())
    stem = "-".join(slugify(str(v)) for v in
                    (*reports.get("locality", pd.Series(dtype=str)).dropna().unique()[:1],
                     *reports.get("period_label", pd.Series(dtype=str)).dropna().unique()[:1]))
    data = workbook_bytes(rows)
    size_kb = max(1, round(len(data) / 1024))
    href = f"data:{XLSX_MIME};base64,{base64.b64encode(data).decode()}"
    name = f"so-lieu-{stem or 'ban-tin'}.xlsx"
    return Html(f'<p class="download"><a download="{html.escape(name)}" href="{href}">'
                f"Tải số liệu của bản tin (Excel, {size_kb} KB)</a> — mọi dòng của báo cáo này "
                "trong các bảng dữ liệu, với nhãn cột tiếng Việt và từ điển dữ liệu.</p>")


def export(tables_dir: Path, fmt: str, out: Path) -> list[Path]:
    """``python -m analysis export``: every table of a tables folder to xlsx or csv."""
    from .paths import table_path
    from .tables import read_tables

    if not any(table_path(tables_dir, t).exists() for t in schema.TABLES):
        raise FileNotFoundError(f"{tables_dir}: no table to export (run `extract` first)")
    from .trends import document_registry

    tables = read_tables(Path(tables_dir))
    tables["documents"] = document_registry(tables)
    if fmt == "xlsx":
        return [write_xlsx(tables, out)]
    if fmt == "csv":
        return write_csv(tables, out)
    raise ValueError(f"unknown export format {fmt!r} (xlsx or csv)")

