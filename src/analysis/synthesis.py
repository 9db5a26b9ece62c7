"""The province's synthesis of its localities' reports for one period, as a Word document.

``python -m analysis synthesis --province "Lào Cai" --period 2021-Q2 [--out FILE.docx]`` writes
a draft in the official layout (header table, "BÁO CÁO", excerpt, sections by theme, signer
block left blank for the analyst): for each theme a Word table of the figures per locality with
the province's total; the documents cited across the province (those first cited this period
marked); the localities that sent no report although they reported in earlier periods; and a
real Word footnote on every figure naming its source (file and sentence).

Figures come from the tables only: one report per locality and period (:func:`pair_sources`
picks the document over the news page, so nothing is counted twice). District-level reports
make the province's totals; commune reports are listed with their figures but not added, since
their district's report already counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from .files import atomic_path
from .formats import missing as not_stated, vn_int
from .identity import Period
from .official.sources import pair_sources
from .tables import read_tables
from .text.keys import match_key, slugify
from .trends import money_rows

DISTRICT_TYPES = ("huyện", "thị xã", "thành phố", "quận")
NOT_STATED = "không nêu"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                 "footnotes")
THEMES = (("support", "Chăm lo, hỗ trợ Nhân dân", "Kinh phí chăm lo, hỗ trợ (đồng)"),
          ("fund", "Vận động, ủng hộ các quỹ", "Số tiền vận động được (đồng)"))
"""(amount kind, section title, column title) of the money themes."""


def _end(row) -> int:
    """Months since year 0 at the end of a report's period (a month report: its month; a span
    that is no calendar period: the end of its year)."""
    if row["period_type"] == "month":
        return int(row["year"]) * 12 + int(str(row["period_label"])[-2:])
    period = Period.of_report(row)
    return period.end_month if period is not None else int(row["year"]) * 12 + 12


@dataclass
class Figure:
    """One figure of the synthesis and its footnote."""

    value: float | None
    note: str


@dataclass
class Synthesis:
    """The synthesis's content, computed from the tables (what the document shows)."""

    province: str
    period: Period
    localities: list[dict]                      # one per district-level report of the period
    communes: list[dict]
    missing: list[str]
    themes: dict[str, dict[str, Figure]]        # theme -> locality label -> figure
    table_columns: dict[str, dict[str, Figure]] = field(default_factory=dict)
    documents: pd.DataFrame = field(default_factory=pd.DataFrame)

    def total(self, figures: dict[str, Figure]) -> float | None:
        vals = [f.value for f in figures.values() if f.value is not None]
        return sum(vals) if vals else None


def _label(row) -> str:
    return f"{row['locality_type'] or ''} {row['locality']}".strip()


def build(tables: dict[str, pd.DataFrame], province: str, period: str,
          pairs: pd.DataFrame | None = None) -> Synthesis:
    """The synthesis of ``province`` for ``period`` from the extracted tables (``pairs``: their
    :func:`pair_sources`, when the caller writes several provinces' syntheses)."""
    from .extract import gazetteer   # here: only the command needs the gazetteer
    spec = Period.parse(period)
    pairs = pair_sources(tables["reports"]) if pairs is None else pairs
    pkey = " ".join(match_key(gazetteer.province(province) or province).split())
    mine = pairs[pairs["province"].map(lambda p: isinstance(p, str)
                                       and " ".join(match_key(p).split()) == pkey)]
    if mine.empty:
        have = sorted({p for p in pairs["province"] if isinstance(p, str)})
        raise LookupError(f"no report of province {province!r} in the tables "
                          f"(provinces present: {', '.join(have) or 'none'})")
    now = mine[mine["period_label"] == spec.label]
    district = now[now["locality_type"].isin(DISTRICT_TYPES)].sort_values("locality")
    communes = now[~now["locality_type"].isin(DISTRICT_TYPES)].sort_values("locality")
    earlier = mine[mine["period_label"].notna() & mine["year"].notna()]
    earlier = earlier[earlier.apply(lambda r: _end(r) < spec.end_month, axis=1)]
    seen = {(r["locality_type"], r["locality"]): _label(r) for _, r in earlier.iterrows()
            if r["locality_type"] in DISTRICT_TYPES}
    present = {(r["locality_type"], r["locality"]) for _, r in district.iterrows()}
    missing = sorted(v for k, v in seen.items() if k not in present)

    rids = list(district["figures_report_id"]) + list(communes["figures_report_id"])
    r = tables["reports"]
    source = dict(zip(r["report_id"], r["source_file"].astype(str)))
    amounts = tables["amounts"][tables["amounts"]["report_id"].isin(rids)]
    figs = tables["table_figures"][tables["table_figures"]["report_id"].isin(rids)]
    themes: dict[str, dict[str, Figure]] = {}
    for kind, _, _ in THEMES:
        per = {}
        for _, row in district.iterrows():
            rid = row["figures_report_id"]
            a = money_rows(amounts[amounts["report_id"] == rid], kind)
            a = a[a["amount_vnd"].notna()]
            src = source[rid]
            if a.empty:
                per[_label(row)] = Figure(None, f"{src}: báo cáo không nêu số liệu này.")
            else:
                quotes = "; ".join(f"«{s}»" for s in dict.fromkeys(a["sentence"]))
                per[_label(row)] = Figure(float(a["amount_vnd"].sum()), f"{src}: {quotes}")
        themes[kind] = per
    table_columns: dict[str, dict[str, Figure]] = {}
    for _, row in district.iterrows():
        rid = row["figures_report_id"]
        f = figs[(figs["report_id"] == rid) & figs["value"].notna()]
        src = source[rid]
        for unit, g in f.groupby("unit", sort=True):
            totals = g[g["is_total"]]
            if len(totals):
                value, quotes = float(totals["value"].sum()), "; ".join(totals["sentence"])
                how = "dòng tổng của bảng"
            else:
                value, quotes = float(g["value"].sum()), "; ".join(g["sentence"])
                how = "cộng các dòng của bảng (bảng không có dòng tổng)"
            table_columns.setdefault(unit, {})[_label(row)] = Figure(
                value, f"{src}, {how}: {quotes}")
    for unit in table_columns:
        for _, row in district.iterrows():
            table_columns[unit].setdefault(_label(row), Figure(
                None, f"{source[row['figures_report_id']]}: bảng số liệu không có cột "
                      f"này."))
    docs = _documents(tables, district, communes, earlier, source)
    return Synthesis(province=mine["province"].iloc[0], period=spec,
                     localities=[dict(r) for _, r in district.iterrows()],
                     communes=[dict(r) for _, r in communes.iterrows()], missing=missing,
                     themes=themes, table_columns=table_columns, documents=docs)


def _text(value) -> str:
    """A text cell's value, "" when it is not stated (pd.NA or NaN, which ``or`` cannot test)."""
    return "" if not_stated(value) else str(value)


def _documents(tables, district, communes, earlier, source: dict[str, str]) -> pd.DataFrame:
    """Distinct documents cited by the period's reports, with the citing localities, the
    first mention's sentence and whether any earlier report of the province cited them."""
    d = tables["doc_refs"]
    now_ids = list(district["figures_report_id"]) + list(communes["figures_report_id"])
    label = {r["figures_report_id"]: _label(r) for _, r in pd.concat([district, communes])
             .iterrows()}
    cur = d[d["report_id"].isin(now_ids) & d["code"].notna()]
    earlier_ids = [rid for ids in earlier["report_ids"] for rid in ids]
    before = set(d.loc[d["report_id"].isin(earlier_ids), "doc_key"])
    rows = []
    for key, g in cur.groupby("doc_key", sort=False):
        first = g.iloc[0]
        rows.append({"doc_key": key, "code": first["code"],
                     "doc_type_name": _text(first["doc_type_name"]) or _text(first["doc_type"]),
                     "issuer": first["issuer"], "issued_on": first["issued_on"],
                     "localities": sorted({label[r] for r in g["report_id"]}),
                     "n_localities": g["report_id"].nunique(),
                     "first_this_period": key not in before,
                     "note": f"{source[first['report_id']]}: «{first['sentence']}»"})
    out = pd.DataFrame(rows)
    return out.sort_values(["first_this_period", "code"], ascending=[False, True]) \
        .reset_index(drop=True) if len(out) else out


# --- writing the document ----------------------------------------------------------------------

class _Footnotes:
    """Real Word footnotes: python-docx has no footnote API, so the footnotes part
    (``word/footnotes.xml``) is written here and each reference is a ``w:footnoteReference``."""

    def __init__(self):
        self.notes: list[str] = []

    def add(self, paragraph, text: str) -> int:
        from docx.oxml import parse_xml
        self.notes.append(text)
        n = len(self.notes)
        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{_W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{n}"/></w:r>'))
        return n

    def attach(self, doc) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        parts = [f'<w:footnotes xmlns:w="{_W_NS}">',
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                 '</w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                 '<w:continuationSeparator/></w:r></w:p></w:footnote>']
        for i, text in enumerate(self.notes, 1):
            parts.append(
                f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                f'</w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="20"/></w:rPr>'
                f'<w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
        parts.append("</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT,
                    "".join(parts).encode("utf-8"), doc.part.package)
        doc.part.relate_to(part, _FOOTNOTES_RT)


def _value_text(f: Figure) -> str:
    return NOT_STATED if f.value is None else vn_int(round(f.value))


def _cell(cell, text: str, notes: _Footnotes | None = None, note: str | None = None,
          bold: bool = False, center: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    p = cell.paragraphs[0]
    p.text = ""
    r = p.add_run(text)
    r.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if notes is not None and note:
        notes.add(p, note)


def _figure_table(doc, notes, column: str, figures: dict[str, Figure],
                  total: float | None) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    _cell(t.rows[0].cells[0], "Đơn vị", bold=True, center=True)
    _cell(t.rows[0].cells[1], column, bold=True, center=True)
    for name, f in figures.items():
        row = t.add_row().cells
        _cell(row[0], name[:1].upper() + name[1:])
        _cell(row[1], _value_text(f), notes, f.note)
    stated = [n for n, f in figures.items() if f.value is not None]
    row = t.add_row().cells
    _cell(row[0], "Toàn tỉnh", bold=True)
    _cell(row[1], NOT_STATED if total is None else vn_int(round(total)), notes,
          f"Cộng số liệu của {len(stated)}/{len(figures)} đơn vị ở các dòng trên "
          f"({', '.join(stated) or 'không đơn vị nào nêu'}); đơn vị không nêu không được tính "
          f"là 0.", bold=True)


def write_docx(s: Synthesis, out: Path) -> Path:
    """Write the synthesis (atomically) and return its path."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    notes = _Footnotes()
    borders = (f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{b} w:val="nil"/>' for b in ("top", "left", "bottom", "right", "insideH",
                                          "insideV")) + "</w:tblBorders>")

    head = doc.add_table(rows=1, cols=2)
    head._tbl.tblPr.append(parse_xml(borders))
    left, right = head.rows[0].cells
    for i, line in enumerate((f"TỈNH ỦY {s.province.upper()}", "BAN DÂN VẬN", "*",
                              "Số      -BC/BDVTU")):
        p = left.paragraphs[0] if i == 0 else left.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = i == 1
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    r.bold = r.underline = True
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(f"{s.province}, ngày      tháng      năm {s.period.year}").italic = True

    for text, bold in (("BÁO CÁO", True),
                       (f"Tổng hợp kết quả công tác dân vận {s.period.vi} của các huyện, thị "
                        f"xã, thành phố", True), ("-----", False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    doc.add_paragraph(
        f"Bản tổng hợp dự thảo từ {len(s.localities)} báo cáo cấp huyện"
        + (f" và {len(s.communes)} báo cáo cấp xã" if s.communes else "")
        + f" kỳ {s.period.vi}. Mỗi số liệu có chú thích nguồn (tệp hoặc địa chỉ và câu gốc); "
          f"số liệu một đơn vị không nêu ghi \"{NOT_STATED}\", không tính là 0.")

    sec = 0

    def heading(text: str) -> None:
        nonlocal sec
        sec += 1
        doc.add_paragraph().add_run(f"{_roman(sec)}. {text.upper()}").bold = True

    heading("Văn bản được quán triệt, triển khai")
    if len(s.documents):
        t = doc.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành",
                                          "Số đơn vị dẫn", "Lần đầu được dẫn kỳ này")):
            _cell(c, h, bold=True, center=True)
        for _, d in s.documents.iterrows():
            c = t.add_row().cells
            _cell(c[0], d["code"])
            _cell(c[1], _text(d["doc_type_name"]))
            _cell(c[2], _text(d["issuer"]))
            _cell(c[3], vn_int(d["n_localities"]), notes,
                  f"Dẫn bởi: {', '.join(d['localities'])}. Lần dẫn đầu: {d['note']}")
            _cell(c[4], "Mới" if d["first_this_period"] else "", center=True)
    else:
        doc.add_paragraph("Các báo cáo kỳ này không dẫn văn bản có số ký hiệu.")

    for kind, title, column in THEMES:
        heading(title)
        figs = s.themes[kind]
        _figure_table(doc, notes, column, figs, s.total(figs))
    if s.table_columns:
        heading("Số liệu trong bảng của các báo cáo")
        for unit, figs in s.table_columns.items():
            doc.add_paragraph(f"Tổng của bảng số liệu, đơn vị tính: {unit}.")
            _figure_table(doc, notes, f"Tổng ({unit})", figs, s.total(figs))

    heading("Đơn vị chưa gửi báo cáo")
    if s.missing:
        doc.add_paragraph(
            f"Các đơn vị đã báo cáo ở các kỳ trước nhưng chưa có báo cáo {s.period.vi}: "
            + ", ".join(m[:1].upper() + m[1:] for m in s.missing) + ".")
    else:
        doc.add_paragraph(f"Các đơn vị đã báo cáo ở các kỳ trước đều có báo cáo {s.period.vi}.")
    if s.communes:
        doc.add_paragraph("Báo cáo cấp xã nhận được (không cộng vào tổng toàn tỉnh, vì báo cáo "
                          "của huyện đã tính): " + ", ".join(
                              f"{_label(c)} ({', '.join(c['source_files'])})" for c in s.communes)
                          + ".")
    heading("Nguồn số liệu")
    for loc in s.localities:
        doc.add_paragraph(f"- {_label(loc)[:1].upper() + _label(loc)[1:]}: "
                          + "; ".join(f"{f} ({k})" for f, k in zip(loc["source_files"],
                                                                    loc["source_kinds"])) + ".")

    doc.add_paragraph()
    sign = doc.add_table(rows=1, cols=2)
    sign._tbl.tblPr.append(parse_xml(borders))
    left, right = sign.rows[0].cells
    p = left.paragraphs[0]
    r = p.add_run("Nơi nhận:")
    r.bold = r.italic = True
    left.add_paragraph("- Ban Dân vận Trung ương (b/c),")
    left.add_paragraph("- Thường trực Tỉnh ủy (b/c),")
    left.add_paragraph("- Lưu BDV.")
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("TRƯỞNG BAN").bold = True
    for _ in range(4):
        right.add_paragraph()
    notes.attach(doc)
    with atomic_path(out) as tmp:
        doc.save(tmp)
    return out


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1]


def default_out(province: str, period: str) -> Path:
    from . import paths
    return paths.REPORTS / "synthesis" / f"{slugify(province)}-{period}.docx"


def write_synthesis(tables_dir: Path, province: str, period: str,
                    out: Path | None = None) -> Path:
    tables = read_tables(Path(tables_dir))
    s = build(tables, province, period)
    return write_docx(s, Path(out) if out else default_out(province, period))
