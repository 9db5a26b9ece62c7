"""Word .docx -> :class:`~.layout.Layout`, reading the body in document order.

The header and the signer block are borderless tables: they are recognised by place and
content (the first table before "BÁO CÁO" with "Số"/"ĐẢNG CỘNG SẢN"/"CỘNG HÒA"; the table with
"Nơi nhận") and read as regions, never as figures. Section numbers that Word draws from its
automatic numbering (``w:numPr`` -> ``numbering.xml``) are restored into the text ("I.", "1."),
since the plan heading "III. NHIỆM VỤ ..." and the section structure depend on them.
"""

from __future__ import annotations

import io
import re
import zipfile

from .errors import OfficialReadError
from .figures import header_rows
from .layout import Layout, Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADER_HINT = re.compile(r"đảng cộng sản|cộng hòa|cộng hoà|^\s*số\b", re.I | re.M)
_SIGN_HINT = re.compile(r"nơi nhận", re.I)
_DOC_TYPE = re.compile(r"^\s*báo cáo\s*$", re.I)
_RULE = re.compile(r"[-_–—*.]{3,}|[*]")
_COLUMN_GAP = re.compile(r"\t+| {4,}")


def _is_heading_line(p) -> bool:
    """The excerpt under "BÁO CÁO": centred, or bold throughout."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    runs = [r for r in p.runs if r.text.strip()]
    return p.alignment == WD_ALIGN_PARAGRAPH.CENTER or bool(runs) and all(r.bold for r in runs)


def _columns(p) -> tuple[list[str], list[str]]:
    """A paragraph of a header or signer block typed without a table: text before a tab (or a
    run of spaces) is the left column, after it the right; a line alone goes by its alignment."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    parts = [" ".join(x.split()) for x in _COLUMN_GAP.split(p.text.strip()) if x.strip()]
    if len(parts) >= 2:
        return [parts[0]], [" ".join(parts[1:])]
    indent = p.paragraph_format.left_indent or 0
    right = p.alignment in (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER) and \
        not parts[0].startswith("-") or indent > 2_000_000   # EMU: about 5.5 cm
    return ([], parts) if right else (parts, [])


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return chr(64 + (n - 1) % 26 + 1)
    if fmt == "lowerLetter":
        return chr(96 + (n - 1) % 26 + 1)
    if fmt == "bullet":
        return ""
    return str(n)


class Numbering:
    """Counters of Word's list numbering, advanced paragraph by paragraph in document order."""

    def __init__(self, doc):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.iter(f"{_W}abstractNum"):
            lv = {}
            for lvl in a.iter(f"{_W}lvl"):
                def val(tag, default):
                    el = lvl.find(f"{_W}{tag}")
                    return el.get(f"{_W}val") if el is not None else default
                lv[int(lvl.get(f"{_W}ilvl"))] = (int(val("start", "1")), val("numFmt", "decimal"),
                                                 val("lvlText", ""))
            abstract[a.get(f"{_W}abstractNumId")] = lv
        for n in root.iter(f"{_W}num"):
            ref = n.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                self.levels[n.get(f"{_W}numId")] = abstract[ref.get(f"{_W}val")]

    def label(self, p) -> str:
        """The number Word draws before paragraph ``p`` ('I.', '1.'), or ''."""
        ppr = p._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return ""
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):   # a higher level restarts the levels below it
            counts[deeper] = 0
        text = levels[ilvl][2]
        for lv in range(ilvl + 1):
            start, fmt, _ = levels.get(lv, (1, "decimal", ""))
            n = counts[lv] + start - 1 if counts[lv] else start
            text = text.replace(f"%{lv + 1}", _format_number(n, fmt))
        return text


def _cell_lines(cell) -> list[str]:
    return [" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip()]


def _table_rows(table) -> list[list[str]]:
    """Cell texts row by row; a merged cell's text is repeated in every grid cell it covers."""
    rows = []
    for r in table.rows:
        rows.append([" ".join(c.text.split()) for c in r.cells])
    return rows


def read_docx(data: bytes, source: str, source_kind: str = "docx") -> Layout:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as e:
        raise OfficialReadError(source, f"not a readable Word .docx file ({type(e).__name__}: "
                                        f"{e or 'damaged archive'})") from e
    numbering = Numbering(doc)
    layout = Layout(source=source, source_kind=source_kind)
    seen_type = in_sign = False
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            label = numbering.label(block)
            text = " ".join(block.text.split())
            if not text or _RULE.fullmatch(text):
                continue
            if not seen_type and _DOC_TYPE.match(text):
                seen_type = True
                layout.heading.append(text)
                continue
            if seen_type and not layout.body and len(layout.heading) < 4 and not label \
                    and _is_heading_line(block):
                layout.heading.append(text)   # the excerpt, under the document type
                continue
            if not seen_type or (in_sign or _SIGN_HINT.match(text)):
                # header or signer block typed as paragraphs: columns by tab or alignment
                in_sign = seen_type
                left, right = _columns(block)
                if in_sign:
                    layout.recipients += left
                    layout.signer_block += right
                else:
                    layout.header_left += left
                    layout.header_right += right
                continue
            layout.body.append(f"{label} {text}" if label else text)
        elif isinstance(block, DocxTable):
            if not block.rows:
                continue
            flat = " ".join(c.text for r in block.rows for c in r.cells)
            cols = len(block.columns)
            if not seen_type and cols == 2 and _HEADER_HINT.search(flat):
                left, right = block.rows[0].cells[0], block.rows[0].cells[1]
                layout.header_left += _cell_lines(left)
                layout.header_right += _cell_lines(right)
                for r in block.rows[1:]:
                    layout.header_left += _cell_lines(r.cells[0])
                    layout.header_right += _cell_lines(r.cells[1])
            elif cols == 2 and _SIGN_HINT.search(flat):
                for r in block.rows:
                    layout.recipients += _cell_lines(r.cells[0])
                    layout.signer_block += _cell_lines(r.cells[1])
            else:
                rows = _table_rows(block)
                layout.body.append(Table(rows, header_rows(rows)))
    return layout
