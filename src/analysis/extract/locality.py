"""The reporting locality: "Đảng bộ thị xã Sa Pa", "huyện Bảo Thắng", "Huyện ủy Bảo Thắng",
"Lùng Phình: kết quả ...".

The title is read first; otherwise the most frequent district-level mention in the body wins,
since communes named in the body ("xã Bản Hồ") are places inside the reporting unit. The name is
then looked up among the country's units (:mod:`analysis.extract.gazetteer`) for its canonical
spelling, unit type and province, narrowed by the provinces and districts the page mentions.
"""

from __future__ import annotations

import re
from collections import Counter

from ..text.page import Page
from . import gazetteer

_NAME = r"((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ’']*|[A-ZĐ]{2,})(?:[ \t]+(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ’']*|\d+)){0,3})"
_TYPES = {"thị xã": "thị xã", "huyện": "huyện", "thành phố": "thành phố", "tp.": "thành phố",
          "quận": "quận", "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "tỉnh": "tỉnh",
          "thị ủy": "thị xã", "huyện ủy": "huyện", "thành ủy": "thành phố", "quận ủy": "quận",
          "đảng ủy xã": "xã", "đảng ủy phường": "phường", "đảng ủy thị trấn": "thị trấn"}
_TYPE_RX = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(sorted(map(re.escape, _TYPES), key=len, reverse=True))
                      + r")[ \t]+")
_DISTRICT = ("thị xã", "huyện", "thành phố", "quận")
_COMMUNE = ("xã", "phường", "thị trấn")
_NOT_NAMES = {"Ủy", "Uỷ", "Nhân", "Đảng", "Ban", "Hội", "Mặt"}
# Capitalised words that start a new phrase after a place name ("thị xã Sa Pa Quý I ...").
_PHRASE_STARTS = {"Quý", "Ban", "Đảng", "Hội", "Ủy", "Uỷ", "Thường", "Nhân", "Khối", "Năm",
                  "Tháng", "Kết", "Công", "Trong", "Tại", "Và", "Về", "Lần", "Khóa", "Nhiệm"}
_CAPS_RUN = re.compile(r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ’']*)(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ’']*){0,3}")
_ROMAN = re.compile(r"[IVXLC]+|\d+")
_OWN_UNIT = re.compile(r"(?:đảng bộ|khối dân vận|đảng ủy)\s+"
                       r"(xã|phường|thị trấn|huyện|thị xã|thành phố|quận)(?![\wÀ-ỹ])")


def _words(text: str) -> list[str]:
    """Leading capitalised words of a place name, without a following phrase."""
    words = []
    for w in text.split():
        if not (w[0].isupper() or w.isdigit()):
            break
        words.append(w)
    while len(words) > 1 and (words[-1] in _PHRASE_STARTS or words[-1].isdigit()
                              or words[-2] in _PHRASE_STARTS):
        words.pop()
    return words


def _mentions(page: Page, start: int, end: int) -> list[tuple[str, str]]:
    """(unit type, name) for every "huyện X", "Thị ủy X", "tỉnh X" ... in text[start:end]."""
    out = []
    for m in _TYPE_RX.finditer(page.key, start, end):
        if m.end() >= len(page.text) or not page.text[m.end()].isupper():
            continue
        nm = re.match(_NAME, page.text[m.end():end])
        words = _words(nm.group(1)) if nm else []
        if not words or words[0] in _NOT_NAMES or words[0].isdigit():
            continue
        out.append((_TYPES[m.group(1)], " ".join(words)))
    return out


def _unnamed_unit(page: Page) -> str | None:
    """The unit word a page uses for itself without a name ("Khối dân vận xã", "Đảng bộ huyện")."""
    found = Counter(m.group(1) for m in _OWN_UNIT.finditer(page.key, page.body_start, page.body_end)
                    if not page.text[m.end():m.end() + 2].strip()[:1].isupper())
    return found.most_common(1)[0][0] if found else None


def _title_candidates(page: Page) -> list[tuple[str | None, str]]:
    title = page.title
    typed = [(t, n) for t, n in _mentions(page, title.start, title.end) if t != "tỉnh"]
    if typed:
        return typed
    runs = [m.group(0).split() for m in _CAPS_RUN.finditer(title.text)]
    for lookup in (gazetteer.districts, gazetteer.communes):   # a known unit anywhere in it
        for words in runs:
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    name = " ".join(words[i:j])
                    if not _ROMAN.fullmatch(name) and lookup(name):
                        return [(None, name)]
    m = re.match(r"\s*(" + _CAPS_RUN.pattern + r")\s*:", title.text) or re.search(
        r"(?:\bở|\btại)\s+(" + _CAPS_RUN.pattern + r")", title.text)
    if m and m.group(1).split()[0] not in _NOT_NAMES:
        return [(None, " ".join(_words(m.group(1))))]
    return []


def _resolve(typ: str | None, name: str, page: Page, mentions: list[tuple[str, str]],
             own: str | None) -> gazetteer.Unit | None:
    """The one unit of that name and type the page can mean, or None.

    ``own`` is the unit word the page uses for itself ("Khối dân vận xã"), if any.
    """
    if typ in _COMMUNE or (typ is None and own in _COMMUNE):
        units = gazetteer.communes(name)
    else:
        units = gazetteer.districts(name) or (() if typ else gazetteer.communes(name))
    want = typ or own
    if want:
        units = tuple(u for u in units if u.unit_type == want) or units
    if len(units) > 1:
        named = {gazetteer.name_key(n) for _, n in mentions}
        narrowed = tuple(u for u in units if gazetteer.name_key(u.province) in named
                         or (u.district and gazetteer.name_key(u.district) in named))
        units = narrowed or units
    if len(units) > 1:
        units = tuple(u for u in units if u.province.lower() in page.key) or units
    return units[0] if len(units) == 1 else None


def find_locality(page: Page) -> tuple[str | None, str | None, str | None]:
    """(locality, locality_type, province)."""
    mentions = _mentions(page, 0, len(page.text))
    cands = _title_candidates(page) if page.title else []
    if not cands:
        body = _mentions(page, page.body_start, page.body_end)
        counter = Counter((t, n) for t, n in body if t in _DISTRICT) or Counter(
            (t, n) for t, n in body if t != "tỉnh")
        cands = [counter.most_common(1)[0][0]] if counter else []
    if not cands:
        return None, None, None
    typ, name = cands[0]
    own = _unnamed_unit(page)
    unit = _resolve(typ, name, page, mentions, own)
    said = [t for t, n in mentions if gazetteer.name_key(n) == gazetteer.name_key(name) and t != "tỉnh"]
    if unit is not None:   # the page's own word wins: units change type over time
        return unit.name, typ or (said[0] if said else unit.unit_type), unit.province
    provinces = Counter(n for t, n in mentions if t == "tỉnh")
    province = provinces.most_common(1)[0][0] if provinces else None
    if typ is None:
        typ = said[0] if said else own
    return name, typ, province
