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
            name = " ".join(words[:2]) if len(words) > 2 else name
        out.append((typ, name, m.start()))
    return out


def find_locality(page: Page) -> tuple[str | None, str | None, str | None]:
    """(locality, locality_type, province)."""
    title = page.title
    cands = _mentions(page, title.start, title.end) if title else []
    cands = [c for c in cands if c[0] != "tỉnh"]
    if not cands and title:
        m = re.match(r"\s*" + _NAME + r"\s*:", title.text)   # "Bảo Thắng: kết quả ..."
        if m:
            g = gazetteer.lookup(m.group(1))
            cands = [(g[0] if g else None, g[1] if g else m.group(1), 0)]
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
        typ = same[0] if same else (g[0] if g else None)
    province = None
    provinces = Counter(n for t, n, _ in _mentions(page, 0, len(page.text)) if t == "tỉnh")
    if g and (typ is None or g[0] == typ or typ in _DISTRICT):
        province = g[2]
        typ = typ or g[0]
    elif provinces:
        province = provinces.most_common(1)[0][0]
    return name, typ, province
