"""The regions of an official report, whatever file it came from, and the metadata they give.

Every reader (:mod:`.docx`, :mod:`.pdf`, :mod:`.ocr`) produces a :class:`Layout`: the two
header columns, the document type and excerpt ("BÁO CÁO" / "kết quả công tác dân vận quý II
..."), the body as paragraphs and tables in document order, and the two columns of the signer
block (recipients | signer). :func:`read_metadata` reads from those regions the report's own
number, its date, the issuing unit (with the province and what decided it), the signer and the
position; the body then goes through the page extractors like any report page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..extract import gazetteer
from ..text.keys import match_key, nfc, slugify

UNDECIDED = "chưa xác định"


@dataclass
class Table:
    """A table of figures: header rows and data rows of cell texts (merged cells repeated)."""

    rows: list[list[str]]
    n_header: int = 1
    confidence: float | None = None


@dataclass
class Layout:
    source: str
    source_kind: str                       # docx, doc, pdf, pdf_ocr
    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)    # "BÁO CÁO" and the excerpt lines
    body: list[str | Table] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_block: list[str] = field(default_factory=list)
    confidence: float | None = None         # mean OCR word confidence (0-1), else None
    line_confidence: dict[int, float] | None = None   # body index -> OCR confidence

    @property
    def organ_lines(self) -> list[str]:
        """The issuing organ as written (header lines above the '*' and the number)."""
        out = []
        for ln in self.header_left:
            if ln.strip() == "*" or _NUMBER_LINE.match(ln):
                break
            out.append(ln.strip())
        return out

    @property
    def excerpt(self) -> str:
        """The excerpt under the document type, on one line."""
        lines = [ln for ln in self.heading if not _DOC_TYPE.fullmatch(ln.strip())]
        return " ".join(" ".join(lines).split())


_DOC_TYPE = re.compile(r"(BÁO CÁO|BÁO CÁO TÓM TẮT|BÁO CÁO KẾT QUẢ)", re.I)
_NUMBER_LINE = re.compile(r"^\s*(?:số|so)\s*:?\s*(.+?)\s*$", re.I)
_PARTY_CODE = re.compile(r"^(\d{1,5})\s*-\s*([A-Za-zĐđ]{2,6})\s*/\s*([A-Za-zĐđƯư-]{2,16})$")
_STATE_CODE = re.compile(r"^(\d{1,5})\s*/\s*([A-Za-zĐđ]{2,6})\s*-\s*([A-Za-zĐđƯư-]{2,16})$")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.I)
_PLACE = re.compile(r"^\s*(.+?)\s*,\s*ngày\b", re.I)
_ORGAN_TYPE = re.compile(
    r"(?<!\S)(huyện ủy|thị ủy|thành ủy|quận ủy|đảng ủy xã|đảng ủy phường|"
    r"đảng ủy thị trấn|đảng bộ huyện|đảng bộ thị xã|đảng bộ thành phố|huyện|thị xã|thành phố|"
    r"quận|xã|phường|thị trấn|tỉnh ủy|tỉnh|thành ủy)(?=\s)")
_STOP_WORDS = {"ban", "*"}
_STOP_PAIRS = ("văn phòng", "ủy ban", "đảng ủy", "đảng bộ", "mặt trận", "hội đồng", "chi bộ",
               "huyện ủy", "thị ủy", "thành ủy", "quận ủy", "tỉnh ủy")
_UNIT_TYPE = {"huyện ủy": "huyện", "thị ủy": "thị xã", "thành ủy": "thành phố",
              "quận ủy": "quận", "đảng ủy xã": "xã", "đảng ủy phường": "phường",
              "đảng ủy thị trấn": "thị trấn", "đảng bộ huyện": "huyện",
              "đảng bộ thị xã": "thị xã", "đảng bộ thành phố": "thành phố", "huyện": "huyện",
              "thị xã": "thị xã", "thành phố": "thành phố", "quận": "quận", "xã": "xã",
              "phường": "phường", "thị trấn": "thị trấn", "tỉnh ủy": "tỉnh", "tỉnh": "tỉnh"}
_COMMUNE = ("xã", "phường", "thị trấn")
_PROVINCE_IN = re.compile(r"(?:tỉnh ủy|tỉnh|ubnd tỉnh|ủy ban nhân dân tỉnh|thành ủy)\s+"
                          r"([a-zà-ỹđ][a-zà-ỹđ ]+?)\s*(?:\(|,|\.|;|$)")
_AUTHORITY = re.compile(r"^(?:t/m|k/t|t/l|tm\.|kt\.|tl\.|tuq\.|q\.)", re.I)


@dataclass
class Metadata:
    report_code: str | None = None
    issued_on: dt.date | None = None
    locality: str | None = None
    locality_type: str | None = None
    province: str | None = None
    province_source: str = UNDECIDED
    signer: str | None = None
    signer_position: str | None = None
    code_trusted: bool = True


def _canon_code(raw: str) -> tuple[str | None, bool]:
    """The code as the numbering rules write it, and whether it follows them.

    OCR mixes Ư/U, Đ/D and 0/O in codes: a code is kept only when its shape matches the Party
    (``N-TYPE/ISSUER``) or State (``N/TYPE-ISSUER``) rule; ``TƯ`` inside an issuer is read as
    ``TU`` (DOMAIN.md §1.5).
    """
    s = nfc(raw).strip().rstrip(".,;")
    s = re.sub(r"\s+", "", s).replace("–", "-").replace("—", "-")
    s = re.sub(r"(?<=\d)[Oo]|[Oo](?=\d)", "0", s)
    for rx, fmt in ((_PARTY_CODE, "{0}-{1}/{2}"), (_STATE_CODE, "{0}/{1}-{2}")):
        m = rx.match(s)
        if m:
            issuer = m.group(3).replace("Ư", "U").replace("ư", "u")
            return fmt.format(m.group(1), m.group(2), issuer), True
    return (s or None), False


def _report_code(layout: Layout) -> tuple[str | None, bool]:
    for ln in layout.header_left + layout.header_right:
        m = _NUMBER_LINE.match(ln)
        if m and re.search(r"\d", m.group(1)):
            code, ok = _canon_code(m.group(1))
            return (code if ok else None), ok
    return None, False


def _issued_on(layout: Layout) -> tuple[dt.date | None, str | None]:
    joined = " ".join(layout.header_right + layout.header_left)
    m = _DATE.search(joined)
    place = None
    for ln in layout.header_right:
        pm = _PLACE.match(ln)
        if pm:
            place = pm.group(1).strip()
    if not m:
        return None, place
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), place
    except ValueError:
        return None, place


def _organ_units(layout: Layout) -> list[tuple[str, str]]:
    """(unit type, name) named in the issuing organ, highest level first.

    The organ lines are read as one phrase, since a PDF's narrow header column wraps them
    anywhere ("ỦY BAN" / "NHÂN DÂN" / "HUYỆN" / "TRẤN YÊN"): after each unit word the name runs
    to the next organ word ("BAN DÂN VẬN", "ĐẢNG ỦY ..."), cut to the longest part the gazetteer
    knows.
    """
    text = " ".join(" ".join(layout.organ_lines).split())
    key = match_key(text)
    out = []
    for m in _ORGAN_TYPE.finditer(key):
        typ = _UNIT_TYPE[m.group(1)]
        words, pos = [], m.end()
        for w in re.finditer(r"\S+", key[m.end():]):
            if w.group(0) in _STOP_WORDS or key.startswith(_STOP_PAIRS, m.end() + w.start()):
                break
            words.append(text[m.end() + w.start():m.end() + w.end()])
        if not words:
            continue
        lookup = gazetteer.communes if typ in _COMMUNE else gazetteer.districts
        known = next((j for j in range(len(words), 0, -1) if lookup(" ".join(words[:j]))), None)
        out.append((typ, _title_name(" ".join(words[:known] if known else words))))
    return out


def _title_name(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def _province_named(texts: list[str]) -> str | None:
    """The one province named in some lines ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)")."""
    found = set()
    for t in texts:
        for m in _PROVINCE_IN.finditer(" ".join(match_key(t).split())):
            p = gazetteer.province(m.group(1).strip())
            if p:
                found.add(p)
    return found.pop() if len(found) == 1 else None


def _province_in_address(source: str) -> str | None:
    """The one province whose name is spelled in the file's path or address
    ("laocai.gov.vn/...", "lao-cai/bao-thang-q2.docx")."""
    tokens = [t for t in re.split(r"[^a-z0-9]+", slugify(source).replace("-", " ")) if t]
    grams = {"".join(tokens[i:i + n]) for n in (1, 2, 3) for i in range(len(tokens))}
    found = {name for name in gazetteer.province_names().values()
             if slugify(name).replace("-", "") in grams}
    return found.pop() if len(found) == 1 else None


def read_metadata(layout: Layout, body_text: str = "") -> Metadata:
    meta = Metadata()
    meta.report_code, meta.code_trusted = _report_code(layout)
    meta.issued_on, place = _issued_on(layout)
    units = _organ_units(layout)
    own = [u for u in units if u[0] != "tỉnh"]
    higher = [u for u in units if u[0] == "tỉnh"]
    if own:
        typ, name = own[-1]
        parent = own[-2][1] if len(own) > 1 else None
        meta.locality, meta.locality_type = _title_name(name), typ
        cands = gazetteer.communes(name) if typ in _COMMUNE else gazetteer.districts(name)
        if parent and typ in _COMMUNE:
            cands = tuple(u for u in cands if gazetteer.name_key(u.district or "")
                          == gazetteer.name_key(parent)) or cands
        provinces = {u.province for u in cands}
        if len(cands) >= 1:
            meta.locality = cands[0].name
        for source, prov in (("cơ quan ban hành", higher[0][1] if higher else None),
                             ("nơi nhận", _province_named(layout.recipients)),
                             ("địa danh", _province_named([place] if place else [])),
                             ("văn bản", _province_named([body_text])),
                             ("địa chỉ nguồn", _province_in_address(layout.source))):
            p = gazetteer.province(" ".join(match_key(prov).split())) if prov else None
            if p and (not provinces or p in provinces):
                meta.province, meta.province_source = p, source
                break
        else:
            if len(provinces) == 1:
                meta.province, meta.province_source = provinces.pop(), "danh mục đơn vị hành chính"
    meta.signer, meta.signer_position = _signer(layout.signer_block)
    return meta


def _signer(lines: list[str]) -> tuple[str | None, str | None]:
    """(name, position): the name is the last line in mixed case; the position the last
    upper-case line above it that is not an authority marker (K/T, T/M, TM., KT.)."""
    lines = [ln.strip() for ln in lines if ln.strip() and not re.fullmatch(r"\(.*\)", ln.strip())]
    name = pos = None
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if name is None:
            if any(c.islower() for c in ln) and len(ln.split()) >= 2:
                name = ln
            continue
        if ln.isupper() and not _AUTHORITY.match(ln):
            pos = ln
            break
        if ln.isupper():
            pos = pos or re.sub(r"^\S+\s*", "", ln)
            break
    return name, pos
