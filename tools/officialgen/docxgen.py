"""Write one spec as a .docx in the official layout, and its body text's facts for the gold.

Layout (36-HD/VPTW, NĐ 30/2020): a borderless two-column header table (organ, '*', number |
national heading, place and date), "BÁO CÁO" and the excerpt, sections numbered by Word's
automatic numbering (I., 1.) that is not in the paragraph text, a bordered table of figures
per commune with a "Tổng cộng" row, and a borderless signer table (recipients | signer).
"""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from .specs import CITES, Spec

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_NUMBERING = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')


def money_words(million: int) -> str:
    """A sum in million dong as a report writes it: 215 -> '215 triệu đồng', 1050 -> '1,05 tỷ đồng'."""
    if million >= 1000:
        whole, frac = divmod(million, 1000)
        frac_s = f"{frac:03d}".rstrip("0")
        return f"{whole}{',' + frac_s if frac_s else ''} tỷ đồng"
    return f"{million} triệu đồng"


def vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def period_words(spec: Spec) -> str:
    kind, year, quarter, half = spec.report_period
    if kind == "quarter":
        return f"quý {_ROMAN[quarter]} năm {year}"
    if kind == "half_year":
        return f"6 tháng đầu năm {year}"
    if kind == "nine_months":
        return f"9 tháng đầu năm {year}"
    return f"năm {year}"


def next_words(spec: Spec) -> str:
    kind, year, quarter, half = spec.report_period
    if kind == "quarter":
        return f"quý {_ROMAN[quarter % 4 + 1]} năm {year + (quarter == 4)}"
    if kind == "half_year":
        return f"6 tháng cuối năm {year}"
    if kind == "nine_months":
        return f"quý IV năm {year}"
    return f"năm {year + 1}"


def body(spec: Spec) -> list[tuple[str, object]]:
    """The body as (kind, content): ('h0'|'h1', heading), ('p', text), ('table', None)."""
    who = ("Ủy ban nhân dân huyện" if spec.system == "state" else
           "Đảng ủy xã" if spec.unit_word == "xã" else
           f"Ban Dân vận {'Thị ủy' if spec.unit_word == 'thị xã' else 'Huyện ủy'}")
    pw = period_words(spec)
    gifts, support = spec.support
    c = [CITES[k][0] for k in spec.cites]
    out = [("p", f"Thực hiện Chương trình công tác năm {spec.date[2]}, {who} báo cáo kết quả "
                 f"công tác dân vận {pw} như sau:"),
           ("h0", "KẾT QUẢ THỰC HIỆN"),
           ("h1", "Công tác quán triệt, triển khai văn bản"),
           ("p", f"Tiếp tục quán triệt, triển khai thực hiện {c[0]} về tăng cường và đổi mới "
                 f"công tác dân vận trong tình hình mới; {c[1]}."),
           ("h1", "Công tác chăm lo đời sống Nhân dân"),
           ("p", f"Phối hợp vận động, trao {vn(gifts)} suất quà với tổng trị giá "
                 f"{money_words(support)} cho hộ nghèo, gia đình chính sách trên địa bàn."),
           ("p", f"Vận động ủng hộ Quỹ Vì người nghèo được {money_words(spec.fund_million)}."),
           ("p", "Kết quả hỗ trợ tại các đơn vị như sau:"),
           ("table", None),
           ("h1", "Thực hiện Quy chế dân chủ ở cơ sở"),
           ("p", "Tổ chức 02 cuộc đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân"
                 + (f", thực hiện {c[2]}." if len(c) > 2 else ".")),
           ("h0", "HẠN CHẾ, NGUYÊN NHÂN"),
           ("p", "Việc nắm tình hình Nhân dân ở một số cơ sở còn chậm; công tác phối hợp có "
                 "lúc chưa chặt chẽ."),
           ("h0", f"NHIỆM VỤ TRỌNG TÂM {next_words(spec).upper()}"),
           ("p", "- Tiếp tục nắm chắc tình hình Nhân dân, kịp thời tham mưu giải quyết những "
                 "vấn đề bức xúc ở cơ sở."),
           ("p", "- Đẩy mạnh phong trào thi đua \"Dân vận khéo\" trên các lĩnh vực.")]
    if spec.plan_cite:
        out.append(("p", f"- Tiếp tục triển khai thực hiện {CITES[spec.plan_cite][0]}."))
    return out


def table_rows(spec: Spec) -> tuple[list[list[str]], list[list[str]]]:
    """(header rows, data rows incl. the total row) of the figures table, as printed."""
    full = spec.merged_header   # merged-header tables print amounts in full dong
    money_head = "Kinh phí (đồng)" if full else "Kinh phí (triệu đồng)"
    if spec.merged_header:
        head = [["TT", "Đơn vị", "Kết quả hỗ trợ", "Kết quả hỗ trợ"],
                ["TT", "Đơn vị", "Số hộ (hộ)", money_head]]
    else:
        head = [["TT", "Đơn vị", "Số hộ được hỗ trợ (hộ)", money_head]]
    money = (lambda m: vn(m * 1_000_000)) if full else vn
    rows = [[str(i), name, vn(h), money(m)] for i, (name, h, m) in enumerate(spec.table, 1)]
    rows.append(["", "Tổng cộng", vn(sum(r[1] for r in spec.table)),
                 money(sum(r[2] for r in spec.table))])
    return head, rows


def _borderless(table) -> None:
    borders = parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH",
                                               "insideV")) + "</w:tblBorders>")
    table._tbl.tblPr.append(borders)


def _para(cell_or_doc, text: str, bold=False, italic=False, center=True, size=13,
          underline=False, first=False):
    p = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    r = p.add_run(text)
    r.bold, r.italic, r.underline = bold, italic, underline
    r.font.size = Pt(size)
    return p


def _date_line(spec: Spec) -> str:
    d, m, y = spec.date
    if spec.system == "state":   # NĐ 30/2020: days below 10 and months 1, 2 zero-padded
        month = f"{m:02d}" if m < 3 else str(m)
        return f"{spec.place}, ngày {d:02d} tháng {month} năm {y}"
    return f"{spec.place}, ngày {d} tháng {m} năm {y}"


def _numbering(doc) -> int:
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               '<w:abstractNumId w:val="90"/></w:num>'))
    return 90


def _numbered(p, num_id: int, level: int) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


def _page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>2</w:t></w:r>'
                          '</w:fldSimple>'))


def write_docx(spec: Spec, path) -> None:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = (
        Cm(3), Cm(1.5), Cm(2), Cm(2))
    _page_number_header(sec)
    num_id = _numbering(doc)

    if spec.header_table:
        _header_table(doc, spec)
    else:
        _header_paragraphs(doc, spec)

    doc.add_paragraph()
    _para(doc, "BÁO CÁO", bold=True, size=14)
    _para(doc, spec.excerpt[:1].upper() + spec.excerpt[1:], bold=True)
    _para(doc, "-----")

    for kind, content in body(spec):
        if kind == "table":
            _figures_table(doc, spec)
            continue
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(3)
        if kind in ("h0", "h1"):
            _numbered(p, num_id, 0 if kind == "h0" else 1)
            r = p.add_run(content)
            r.bold = True
            r.italic = kind == "h1"
        else:
            p.paragraph_format.first_line_indent = Cm(1)
            p.add_run(content)

    doc.add_paragraph()
    sign = doc.add_table(rows=1, cols=2)
    _borderless(sign)
    left, right = sign.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(9)
    _para(left, "Nơi nhận:", bold=True, italic=True, center=False, size=12, first=True)
    for i, r in enumerate(spec.recipients):
        end = "." if i == len(spec.recipients) - 1 else ","
        _para(left, f"- {r}{end}", center=False, size=11)
    for i, line in enumerate(spec.signer_lines):
        _para(right, line, bold=True, first=(i == 0))
    for _ in range(3):
        _para(right, "")
    _para(right, spec.signer, bold=True)
    doc.save(path)


def _header_lines(spec: Spec) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """(left, right) header lines with their run formatting."""
    left = [(line, {"bold": i == len(spec.organ) - 1}) for i, line in enumerate(spec.organ)]
    if spec.system == "party":
        left += [("*", {}), (f"Số {spec.code}", {})]
        right = [("ĐẢNG CỘNG SẢN VIỆT NAM", {"bold": True, "underline": True}), ("", {})]
    else:
        left += [(f"Số: {spec.code}", {})]
        right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True, "size": 12}),
                 ("Độc lập - Tự do - Hạnh phúc", {"bold": True, "underline": True})]
    right.append((_date_line(spec), {"italic": True}))
    return left, right


def _header_table(doc, spec: Spec) -> None:
    head = doc.add_table(rows=1, cols=2)
    _borderless(head)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    head.autofit = False
    left, right = head.rows[0].cells
    left.width, right.width = Cm(spec.left_cm), Cm(16.5 - spec.left_cm)
    head.columns[0].width, head.columns[1].width = left.width, right.width   # w:gridCol
    lines_l, lines_r = _header_lines(spec)
    for cell, lines in ((left, lines_l), (right, lines_r)):
        for i, (text, fmt) in enumerate(lines):
            _para(cell, text, first=(i == 0), **fmt)


def _header_paragraphs(doc, spec: Spec) -> None:
    """The header typed without a table: left and right parts separated by a tab stop."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    lines_l, lines_r = _header_lines(spec)
    for i in range(max(len(lines_l), len(lines_r))):
        lt, lf = lines_l[i] if i < len(lines_l) else ("", {})
        rt, rf = lines_r[i] if i < len(lines_r) else ("", {})
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(11), WD_TAB_ALIGNMENT.CENTER)
        if lt:
            r = p.add_run(lt)
            r.bold = lf.get("bold", False)
        if rt:
            p.add_run("\t")
            r = p.add_run(rt)
            r.bold, r.italic = rf.get("bold", False), rf.get("italic", False)


def _figures_table(doc, spec: Spec) -> None:
    head, rows = table_rows(spec)
    t = doc.add_table(rows=len(head) + len(rows), cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, vals in enumerate(head + rows):
        for j, v in enumerate(vals):
            cell = t.cell(i, j)
            cell.paragraphs[0].text = ""
            _para(cell, v, bold=(i < len(head) or vals[1] == "Tổng cộng"), first=True, size=12,
                  center=(j != 1))
    if len(head) == 2:   # merged header: TT and Đơn vị span two rows, the group two columns
        for j in (0, 1):
            a = t.cell(0, j)
            a.merge(t.cell(1, j))
            a.paragraphs[0].text = ""
            for p in a.paragraphs[1:]:
                p._p.getparent().remove(p._p)
            a.paragraphs[0].add_run(head[0][j]).bold = True
        g = t.cell(0, 2).merge(t.cell(0, 3))
        for p in g.paragraphs[1:]:
            p._p.getparent().remove(p._p)
