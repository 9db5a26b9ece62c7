"""The reporting locality: "Đảng bộ thị xã Sa Pa", "huyện Bảo Thắng", "Huyện ủy Bảo Thắng".

The title is read first; otherwise the most frequent district-level mention in the body wins,
since communes named in the body ("xã Bản Hồ") are places inside the reporting unit.
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
_NOT_NAMES = {"Ủy", "Uỷ", "Nhân", "Đảng", "Ban", "Hội", "Mặt"}
# Capitalised words that start a new phrase after a place name ("thị xã Sa Pa Quý I ...").
_PHRASE_STARTS = {"Quý", "Ban", "Đảng", "Hội", "Ủy", "Uỷ", "Thường", "Nhân", "Khối", "Năm",
                  "Tháng", "Kết", "Công", "Trong", "Tại", "Và", "Về", "Lần", "Khóa", "Nhiệm"}
_CAPS_RUN = re.compile(r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ’']*)(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ’']*){0,3}")


def _mentions(page: Page, start: int, end: int) -> list[tuple[str, str, int]]:
    out = []
    for m in _TYPE_RX.finditer(page.key, start, end):
        if m.end() >= len(page.text) or not page.text[m.end()].isupper():
            continue
        typ = _TYPES[m.group(1)]
        nm = re.match(_NAME, page.text[m.end():end])
        if not nm:
            continue
        words = []
        for w in nm.group(1).split():
            if not (w[0].isupper() or w.isdigit()):
                break
            words.append(w)
        if not words or words[0] in _NOT_NAMES or words[0].isdigit():
            continue
        name = " ".join(words)
        # Trim trailing capitalised words that start a new phrase ("Sa Pa Ban ...").
        words = name.split()
        g = None
        for n in range(len(words), 0, -1):
            g = gazetteer.lookup(" ".join(words[:n]))
            if g:
                name = g[1]
                break
        else:
            while len(words) > 1 and (words[-1] in _PHRASE_STARTS or words[-1].isdigit()
                                      or words[-2] in _PHRASE_STARTS):
                words.pop()
            name = " ".join(words)
        out.append((typ, name, m.start()))
    return out


_OWN_UNIT = re.compile(r"(?:đảng bộ|khối dân vận|đảng ủy|ubnd|ủy ban nhân dân|hđnd|mttq)\s+"
                       r"(xã|phường|thị trấn|huyện|thị xã|thành phố|quận)(?![\wÀ-ỹ])(?!\s+[A-ZĐ])")


def _unnamed_unit(page: Page) -> str | None:
    """The unit word a page uses for itself without a name ("Khối dân vận xã", "Đảng bộ huyện")."""
    found = Counter(m.group(1) for m in _OWN_UNIT.finditer(page.key, page.body_start, page.body_end)
                    if not page.text[m.end():m.end() + 2].strip()[:1].isupper())
    return found.most_common(1)[0][0] if found else None


def _title_names(title: str) -> list[tuple[str | None, str, int]]:
    """A known unit named anywhere in the title, else "X:" at its start or "ở X"/"tại X"."""
    for m in _CAPS_RUN.finditer(title):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                g = gazetteer.lookup(" ".join(words[i:j]))
                if g:
                    return [(g[0], g[1], m.start())]
    m = re.match(r"\s*(" + _CAPS_RUN.pattern + r")\s*:", title) or re.search(
        r"(?:\bở|\btại)\s+(" + _CAPS_RUN.pattern + r")", title)
    if m and m.group(1).split()[0] not in _NOT_NAMES:
        return [(None, m.group(1), 0)]
    return []


def find_locality(page: Page) -> tuple[str | None, str | None, str | None]:
    """(locality, locality_type, province)."""
    title = page.title
    cands = _mentions(page, title.start, title.end) if title else []
    cands = [c for c in cands if c[0] != "tỉnh"]
    if not cands and title:
        cands = _title_names(title.text)
    body_m = _mentions(page, page.body_start, page.body_end)
    if not cands:
        counter = Counter((t, n) for t, n, _ in body_m if t in _DISTRICT)
        if not counter:
            counter = Counter((t, n) for t, n, _ in body_m if t != "tỉnh")
        if counter:
            (t, n), _ = counter.most_common(1)[0]
            cands = [(t, n, 0)]
    if not cands:
        return None, None, None
    typ, name, _ = cands[0]
    g = gazetteer.lookup(name)
    if typ is None:
        same = [t for t, n, _ in body_m if n == name and t in _DISTRICT]
        typ = same[0] if same else (g[0] if g else _unnamed_unit(page))
    province = None
    provinces = Counter(n for t, n, _ in _mentions(page, 0, len(page.text)) if t == "tỉnh")
    if g and (typ is None or g[0] == typ or typ in _DISTRICT):
        province = g[2]
        typ = typ or g[0]
    elif provinces:
        province = provinces.most_common(1)[0][0]
    return name, typ, province
