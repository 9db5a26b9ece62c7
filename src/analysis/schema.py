"""Every table and column, described once.

The pandera schemas that validate extraction output, the empty frames, the Parquet dtypes and
the data dictionary page are all generated from :data:`TABLES`. Column names carry their unit
(``amount_vnd``, ``issued_on``, ``*_count``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    """One column: pandas dtype, unit, Vietnamese label, English description, allowed values."""

    name: str
    dtype: str
    label_vi: str
    description: str
    unit: str | None = None
    nullable: bool = True
    isin: tuple | None = None


@dataclass(frozen=True)
class Table:
    name: str
    label_vi: str
    description: str
    columns: tuple[Column, ...]


SECTIONS = ("results", "plans")
PERIOD_TYPES = ("quarter", "half_year", "nine_months", "year", "month", "other")
LEVELS = ("central", "province", "district", "commune", "province|district")
AMOUNT_KINDS = ("support", "fund", "budget", "rate", "investment", "other")
QUALIFIERS = ("gần", "hơn", "trên", "ước đạt", "khoảng", "hàng", "gần như", "tới", "đến")

PLAUSIBLE_YEARS = range(1945, 2051)
"""Years a report, a dateline or a cited document can carry; others are flagged, not shown."""
MAX_PLAUSIBLE_VND = 10**15
"""Above a whole year's national budget (about 2 triệu tỷ đồng is 2·10^15): a misread figure."""

FLAGS: dict[str, str] = {
    "year_out_of_range": "Năm ngoài khoảng 1945–2050: coi là đọc sai, không dùng làm kỳ báo cáo.",
    "date_out_of_range": "Ngày có năm ngoài khoảng 1945–2050: không dùng.",
    "date_invalid": "Ngày không có thật trong văn bản (ví dụ 31/02/2021): không dùng.",
    "amount_implausible": "Số tiền lớn hơn 10^15 đồng (hơn cả ngân sách quốc gia một năm): "
                          "coi là đọc sai, không cộng vào số liệu.",
    "amount_negative": "Số tiền âm: không cộng vào số liệu.",
}
"""Codes of the ``flags`` columns: a value the page states but that cannot be real is kept in the
row's text (``raw``, ``sentence``, ``title``), its figure is left empty, and the code says why."""


def _flags(what: str) -> Column:
    return Column("flags", "string", "Cảnh báo dữ liệu",
                  f"Mã cảnh báo (cách nhau bởi ';') khi {what} trong trang không thể là thật; "
                  "giá trị đó bị để trống và chỉ còn trong văn bản gốc. Các mã: "
                  + "; ".join(f"{k} — {v}" for k, v in FLAGS.items()))


def _report_id() -> Column:
    return Column("report_id", "string", "Mã báo cáo",
                  "Stable id of the report page (from its path under the raw folder).",
                  nullable=False)


def _evidence(section: bool = True) -> tuple[Column, ...]:
    cols = [
        Column("sentence", "string", "Câu gốc",
               "The sentence the fact was read from, as written on the page (NFC).",
               nullable=False),
        Column("char_start", "Int64", "Vị trí đầu",
               "Offset of the fact in the page's article text (NFC code points).", "ký tự"),
        Column("char_end", "Int64", "Vị trí cuối", "End offset (exclusive).", "ký tự"),
    ]
    if section:
        cols.insert(0, Column("section", "string", "Phần",
                              "'results' (the period reported on) or 'plans' (next-period tasks).",
                              nullable=False, isin=SECTIONS))
    return tuple(cols)


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("reports", "Báo cáo", "One row per report page.", (
        _report_id(),
        Column("source_file", "string", "Tệp nguồn",
               "Path of the page relative to the folder given to `extract`.", nullable=False),
        Column("content_sha256", "string", "Mã băm nội dung", "SHA-256 of the page bytes.",
               nullable=False),
        Column("encoding", "string", "Bảng mã", "Encoding the bytes were read in.",
               nullable=False),
        Column("extractor_digest", "string", "Phiên bản bộ trích xuất",
               "Digest of the extraction code that produced the rows; a page is parsed again "
               "when it changes.", nullable=False),
        Column("n_chars", "int64", "Độ dài", "Length of the article text.", "ký tự",
               nullable=False),
        Column("title", "string", "Tiêu đề", "Article title as written."),
        Column("locality", "string", "Địa phương",
               "Reporting locality without its unit word, e.g. 'Sa Pa'."),
        Column("locality_type", "string", "Loại đơn vị",
               "Unit word: 'thị xã', 'huyện', 'thành phố', 'xã', 'phường', 'tỉnh'."),
        Column("province", "string", "Tỉnh", "Province of the locality, e.g. 'Lào Cai'."),
        Column("period_type", "string", "Loại kỳ báo cáo", "Kind of period reported on.",
               nullable=False, isin=PERIOD_TYPES),
        Column("year", "Int64", "Năm", "Year of the period reported on.", "năm"),
        Column("quarter", "Int64", "Quý", "Quarter 1-4 when period_type is 'quarter'.", "quý"),
        Column("half", "Int64", "Nửa năm", "1 or 2 when period_type is 'half_year'."),
        Column("month", "Int64", "Tháng", "Month 1-12 when period_type is 'month'.", "tháng"),
        Column("period_label", "string", "Kỳ",
               "Short label: '2021-Q1', '2021-H1', '2021-9M', '2021', '2021-03'."),
        Column("author", "string", "Tác giả", "By-line as written (not a photo credit)."),
        Column("views", "Int64", "Lượt xem", "The article's own view counter.", "lượt"),
        Column("published_on", "datetime64[ns]", "Ngày đăng", "Dateline of the page, if any."),
        Column("duplicate_of", "string", "Trùng với tệp",
               "Tệp nguồn khác có đúng cùng nội dung (cùng mã băm), đứng trước theo tên; trống "
               "nếu trang là duy nhất. Số liệu của hai tệp trùng chỉ nên đếm một lần."),
        _flags("năm của kỳ báo cáo hoặc ngày đăng"),
    )),
    Table("doc_refs", "Văn bản được dẫn", "One row per mention of a Party or State document.", (
        _report_id(),
        Column("doc_key", "string", "Khóa văn bản",
               "Identity of the document: number without leading zeros, type and issuer "
               "letters (and year for normative codes); the same for every mention.",
               nullable=False),
        Column("code", "string", "Số ký hiệu",
               "Canonical code, e.g. '06-CT/TU', '42/NQ-CP', '15/2020/QĐ-TTg'; null when the "
               "text gives only a number."),
        Column("system", "string", "Hệ thống", "'party', 'state' or 'none' (no code).",
               nullable=False, isin=("party", "state", "none")),
        Column("doc_type", "string", "Loại (viết tắt)", "Type letters: CT, NQ, KL, QĐ, QĐi, ĐA..."),
        Column("doc_type_name", "string", "Loại văn bản",
               "Document word as the text calls it (Chỉ thị, Quy định...), which can differ "
               "from the letters (Kết luận số 263-TB/TU)."),
        Column("number", "string", "Số", "Number as written, may be zero-padded or '30a'.",
               nullable=False),
        Column("issuer_code", "string", "Cơ quan (viết tắt)", "Issuer letters: TU, TW, CP, TTg..."),
        Column("issued_on", "datetime64[ns]", "Ngày ban hành", "Issue date given in the text."),
        Column("issuer", "string", "Cơ quan ban hành", "Issuer words, e.g. 'Ban Thường vụ Thị ủy'."),
        Column("level", "string", "Cấp", "Level of the issuer.", isin=LEVELS),
        Column("mention", "string", "Trích dẫn", "The mention as written.", nullable=False),
        Column("is_first_mention", "bool", "Lần đầu",
               "True on the first mention of this document in the report.", nullable=False),
        _flags("ngày ban hành ghi"),
        *_evidence(),
    )),
    Table("amounts", "Số tiền", "One row per money fact.", (
        _report_id(),
        Column("amount_vnd", "Int64", "Số tiền (đồng)",
               "Amount in Vietnamese dong; null for vague amounts ('hàng tỷ đồng').", "VND"),
        Column("raw", "string", "Nguyên văn", "The amount as written, with its qualifier.",
               nullable=False),
        Column("kind", "string", "Loại",
               "support (spent on gifts, aid), fund (raised), budget, rate (per unit), "
               "investment, other.", nullable=False, isin=AMOUNT_KINDS),
        Column("qualifier", "string", "Từ chỉ mức", "gần / hơn / trên / ước đạt ... or null."),
        Column("per_unit", "string", "Đơn vị tính",
               "For rates, the unit after '/': 'suất', 'người/năm'."),
        _flags("số tiền"),
        *_evidence(),
    )),
    Table("counts", "Số đếm", "One row per counted activity or object.", (
        _report_id(),
        Column("value", "int64", "Giá trị", "The count.", nullable=False),
        Column("unit", "string", "Đơn vị", "Count noun as written: 'thôn', 'suất quà'.",
               nullable=False),
        Column("raw", "string", "Nguyên văn", "Number and noun as written.", nullable=False),
        *_evidence(),
    )),
    Table("site_stats", "Thống kê truy cập", "The portal's visit counters shown on the page.", (
        _report_id(),
        Column("online", "Int64", "Đang truy cập", "Visitors online.", "người"),
        Column("today", "Int64", "Hôm nay", "Visits today.", "lượt"),
        Column("week", "Int64", "Trong tuần", "Visits this week.", "lượt"),
        Column("month", "Int64", "Trong tháng", "Visits this month.", "lượt"),
        Column("year", "Int64", "Trong năm", "Visits this year.", "lượt"),
        Column("total", "Int64", "Tất cả", "All-time visits.", "lượt"),
        Column("raw", "string", "Nguyên văn", "The counter block as written.", nullable=False),
    )),
    Table("tasks", "Nhiệm vụ kỳ tới", "One row per next-period task item.", (
        _report_id(),
        Column("item_no", "int64", "Thứ tự", "1-based order of the item.", nullable=False),
        Column("target_period_type", "string", "Loại kỳ", "Period the tasks are for.",
               isin=PERIOD_TYPES),
        Column("target_year", "Int64", "Năm", "Year of that period.", "năm"),
        Column("target_quarter", "Int64", "Quý", "Quarter of that period.", "quý"),
        Column("target_half", "Int64", "Nửa năm", "Half of that period."),
        Column("heading", "string", "Tiêu đề", "Lead words of the item (before ':'), if any."),
        Column("text", "string", "Nội dung", "The item as written.", nullable=False),
        Column("char_start", "Int64", "Vị trí đầu", "Offset in the article text.", "ký tự"),
        Column("char_end", "Int64", "Vị trí cuối", "End offset (exclusive).", "ký tự"),
    )),
)}


def empty_frame(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in TABLES[table].columns})


def coerce(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the table's columns, in order, cast to the declared dtypes."""
    cols = TABLES[table].columns
    missing = [c.name for c in cols if c.name not in df.columns]
    if missing:
        raise KeyError(f"table {table!r} lacks columns {missing}")
    out = pd.DataFrame(index=df.index)
    for c in cols:
        s = df[c.name]
        if c.dtype.startswith("datetime64"):
            out[c.name] = pd.to_datetime(s).astype(c.dtype)
        else:
            out[c.name] = s.astype(c.dtype)
    return out.reset_index(drop=True)


def pandera_schema(table: str):
    """The pandera schema (``pandera.pandas.DataFrameSchema``) generated from the description."""
    import pandera.pandas as pa   # imported here: readers of the tables never validate

    t = TABLES[table]
    columns = {}
    for c in t.columns:
        checks = [pa.Check.isin(list(c.isin))] if c.isin else []
        if c.name in ("amount_vnd", "value", "views") or t.name == "site_stats" and c.dtype == "Int64":
            checks.append(pa.Check.ge(0))
        columns[c.name] = pa.Column(c.dtype, checks=checks, nullable=c.nullable)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=t.name)


def validate(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate ``df`` against the table's schema (raises ``pandera.errors.SchemaError``)."""
    return pandera_schema(table).validate(df)


def data_dictionary_markdown() -> str:
    """The data dictionary as Markdown (one section per table)."""
    lines = ["# Từ điển dữ liệu / Data dictionary", ""]
    for t in TABLES.values():
        lines += [f"## `{t.name}` — {t.label_vi}", "", t.description, "",
                  "| cột | nhãn | kiểu | đơn vị | mô tả |", "|---|---|---|---|---|"]
        for c in t.columns:
            desc = c.description + (f" Values: {', '.join(c.isin)}." if c.isin else "")
            lines.append(f"| `{c.name}` | {c.label_vi} | {c.dtype} | {c.unit or ''} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def data_dictionary_frame() -> pd.DataFrame:
    """The data dictionary as a tidy frame (one row per column), for notebooks."""
    rows = [{"table": t.name, "column": c.name, "label_vi": c.label_vi, "dtype": c.dtype,
             "unit": c.unit, "nullable": c.nullable, "description": c.description}
            for t in TABLES.values() for c in t.columns]
    return pd.DataFrame(rows)


def data_dictionary_html() -> str:
    """The data dictionary as a self-contained HTML page."""
    parts = ["<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
             "<title>Từ điển dữ liệu</title><style>",
             "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;max-width:70rem;margin:2rem auto;"
             "padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:2rem}"
             "td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
             "th{background:#f3f3f3}code{background:#f6f6f6}</style></head><body>",
             "<h1>Từ điển dữ liệu</h1><p><a href='index.html'>← Danh sách bản tin</a></p>"]
    for t in TABLES.values():
        parts.append(f"<h2><code>{t.name}</code> — {html.escape(t.label_vi)}</h2>"
                     f"<p>{html.escape(t.description)}</p><table><tr><th>Cột</th><th>Nhãn</th>"
                     "<th>Kiểu</th><th>Đơn vị</th><th>Mô tả</th></tr>")
        for c in t.columns:
            desc = c.description + (f" Values: {', '.join(c.isin)}." if c.isin else "")
            parts.append(f"<tr><td><code>{c.name}</code></td><td>{html.escape(c.label_vi)}</td>"
                         f"<td>{c.dtype}</td><td>{html.escape(c.unit or '')}</td>"
                         f"<td>{html.escape(desc)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
