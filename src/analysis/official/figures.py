"""Tables of figures -> one fact per cell, with the row and column labels as evidence.

A figure keeps its row label ("Xuân Quang"), its column label (header rows joined, merged cells
once: "Kết quả hỗ trợ - Kinh phí (đồng)"), its unit from the column label ("(triệu đồng)" ->
đồng with the value scaled, "(hộ)" -> hộ) and whether its row is the table's total ("Tổng
cộng"), which is kept as the total and never added to its parts again.
"""

from __future__ import annotations

import re
import unicodedata

from ..extract.numbers import parse_prose_number
from ..text.keys import match_key
from .layout import Table
from .ocrfix import TABLE_WORDS, repair

_TOTAL = re.compile(r"^\s*(tổng cộng|tổng số|tổng|cộng|toàn huyện|toàn thị xã|toàn xã|"
                    r"toàn tỉnh|toàn thành phố)\s*:?\s*$")
_TOTAL_BARE = re.compile(r"^\s*(tong cong|tong so|cong|toan (huyen|thi xa|xa|tinh|thanh pho))\s*:?\s*$")
"""The same without tone marks: OCR misreads them ("Tống cộng")."""
CELL_NUMBER = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*$")
_UNIT_IN_LABEL = re.compile(r"\(([^()]+)\)\s*$")
_SCALE = {"đồng": 1, "nghìn đồng": 10**3, "ngàn đồng": 10**3, "triệu đồng": 10**6,
          "tỷ đồng": 10**9, "tỉ đồng": 10**9, "trđ": 10**6, "tr.đ": 10**6}
_COUNT_NOUN = re.compile(r"^\s*số\s+([\wÀ-ỹ]+)")
_ORDINAL_HEAD = re.compile(r"^\s*(tt|stt|số tt|số thứ tự)\s*$")


def bare(text: str) -> str:
    """Lower case without tone or vowel marks (đ -> d), for labels read by OCR."""
    d = unicodedata.normalize("NFD", match_key(text).replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c))


def header_rows(rows: list[list[str]]) -> int:
    """Header rows: the leading rows without a figure outside the first (numbering) column."""
    n = 0
    for r in rows:
        if any(CELL_NUMBER.match(c) for c in r[1:] if c):
            break
        n += 1
    return max(1, min(n, len(rows) - 1))


def column_labels(table: Table) -> list[str]:
    width = max(len(r) for r in table.rows)
    out = []
    for j in range(width):
        parts = []
        for r in table.rows[:table.n_header]:
            c = r[j] if j < len(r) else ""
            if c and c not in parts:
                parts.append(c)
        out.append(" - ".join(parts))
    return out


def _unit(label: str) -> tuple[str | None, int]:
    """(unit, scale) from a column label: '(triệu đồng)' -> ('đồng', 10**6)."""
    key = " ".join(match_key(label).split())
    m = _UNIT_IN_LABEL.search(key)
    if m:
        u = m.group(1).strip()
        if u in _SCALE:
            return "đồng", _SCALE[u]
        return label[m.start(1):m.end(1)].strip() if len(label) == len(key) else u, 1
    if re.search(r"kinh phí|số tiền|trị giá|thành tiền", key):
        return "đồng", 1
    m = _COUNT_NOUN.match(key)
    return (m.group(1) if m else None), 1


def _ordinal(labels: list[str], data: list[list[str]], j: int) -> bool:
    """A numbering column ("TT", "STT"), by its header or by cells counting 1, 2, 3 ..."""
    if _ORDINAL_HEAD.match(match_key(labels[j])):
        return True
    nums = [r[j] for r in data if j < len(r) and CELL_NUMBER.match(r[j])]
    return j == 0 and len(nums) >= 2 and [int(n) for n in nums if n.isdigit()][:2] == [1, 2]


def table_figures(table: Table, table_no: int) -> list[dict]:
    """Rows for the ``table_figures`` table (without report_id).

    The row labels are the column with the most text cells (the first, on a tie) that is not
    a numbering column. In a table read by OCR (``table.confidence`` set), a total label and a
    unit in parentheses are repaired against the known words (:mod:`.ocrfix`).
    """
    ocr = table.confidence is not None
    labels = column_labels(table)
    data = table.rows[table.n_header:]
    ordinal = {j for j in range(len(labels)) if _ordinal(labels, data, j)}
    texts = [sum(1 for r in data if j < len(r) and r[j] and not CELL_NUMBER.match(r[j]))
             for j in range(len(labels))]
    label_col = max((j for j in range(len(labels)) if j not in ordinal),
                    key=lambda j: (texts[j], -j), default=0)
    out = []
    for i, r in enumerate(data, 1):
        row_label = r[label_col] if label_col < len(r) else ""
        is_total = bool(_TOTAL.match(match_key(row_label)) or _TOTAL_BARE.match(bare(row_label)))
        if ocr and is_total:
            row_label = repair(row_label, TABLE_WORDS)
        for j, cell in enumerate(r):
            if j == label_col or j in ordinal:
                continue
            m = CELL_NUMBER.match(cell)
            if not m:
                continue
            unit, scale = _unit(labels[j])
            if ocr and unit:
                unit = repair(unit, TABLE_WORDS)
            n = parse_prose_number(m.group(1))
            if n is None:
                continue
            out.append({"table_no": table_no, "row_no": i, "row_label": row_label,
                        "column_label": labels[j], "raw": cell.strip(),
                        "value": float(n * scale), "unit": unit, "is_total": is_total,
                        "sentence": f"{row_label} – {labels[j]}: {cell.strip()}",
                        "ocr_confidence": table.confidence})
    return out
