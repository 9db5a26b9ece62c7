"""Positioned words of PDF pages (text layer or OCR) -> :class:`~.layout.Layout`.

A PDF has no header table or signer table, only words at (x, y). The regions are rebuilt from
positions: words are grouped into lines; a line is cut into segments at wide gaps, so the two
header columns ("HUYỆN ỦY BẢO THẮNG ... ĐẢNG CỘNG SẢN VIỆT NAM") and the two signer columns
("Nơi nhận: ... K/T TRƯỞNG BAN") come apart by their side of the page; page numbers and running
heads in the top and bottom margins are dropped; body lines are joined into paragraphs (a new
paragraph at an indent, a numbered line, or after a short line), and a word or code broken at a
line end ("52-" / "BC/BDVHU") is joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..text.keys import match_key, nfc
from .layout import Layout, Table


@dataclass
class Word:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    conf: float | None = None


@dataclass
class PageWords:
    width: float
    height: float
    words: list[Word]
    tables: list[tuple[float, float, float, float, Table]] = field(default_factory=list)
    """(x0, top, x1, bottom, table) of each table of figures on the page."""

    def scaled(self, f: float) -> "PageWords":
        """The page in other units (OCR pixels -> PDF points), to sit beside text pages."""
        return PageWords(self.width * f, self.height * f,
                         [Word(w.x0 * f, w.top * f, w.x1 * f, w.bottom * f, w.text, w.conf)
                          for w in self.words],
                         [(a * f, b * f, c * f, d * f, t) for a, b, c, d, t in self.tables])


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def conf(self) -> float | None:
        cs = [w.conf for w in self.words if w.conf is not None]
        return sum(cs) / len(cs) if cs else None

    def segments(self, gap: float) -> list["Line"]:
        out, cur = [], [self.words[0]]
        for w in self.words[1:]:
            if w.x0 - cur[-1].x1 > gap:
                out.append(Line(self.page, self.top, self.bottom, cur))
                cur = [w]
            else:
                cur.append(w)
        out.append(Line(self.page, self.top, self.bottom, cur))
        return out


_NUMBERED = re.compile(r"^\s*(?:[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]|[a-zđ][)]|[-–+•*])\s|"
                       r"^\s*[IVX]+\s+[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]{2,}")
_ROMAN_NO_DOT = re.compile(r"^([IVX]+)\s+(?=[A-ZĐÀ-Ỹ]{2,}\s)")
"""A section number whose dot OCR dropped ("II NHIỆM VỤ")."""
_PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*$", re.I)


def _lines(page_no: int, words: list[Word]) -> list[Line]:
    if not words:
        return []
    h = median(w.bottom - w.top for w in words)
    out: list[Line] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid = (w.top + w.bottom) / 2
        if out and abs(mid - (out[-1].top + out[-1].bottom) / 2) < 0.45 * h:
            out[-1].words.append(w)
            out[-1].bottom = max(out[-1].bottom, w.bottom)
        else:
            out.append(Line(page_no, w.top, w.bottom, [w]))
    for ln in out:
        ln.words.sort(key=lambda w: w.x0)
    return out


def join_broken(lines: list[str]) -> list[str]:
    """Join a line ending inside a code or word ("Số 52-" + "BC/BDVHU") with the next."""
    out: list[str] = []
    for ln in lines:
        if out and re.search(r"[\w/]-$|/$", out[-1]) and re.match(r"[\wĐ]", ln):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _margins(pages: list[PageWords], lines: list[Line]) -> tuple[float, float]:
    xs0 = sorted(ln.x0 for ln in lines if ln.x1 - ln.x0 > 0.5 * pages[ln.page].width)
    xs1 = sorted(ln.x1 for ln in lines if ln.x1 - ln.x0 > 0.5 * pages[ln.page].width)
    if not xs0:
        return 0.0, pages[0].width
    return xs0[len(xs0) // 10], xs1[len(xs1) * 9 // 10]


def _drop_running(pages: list[PageWords], lines: list[Line]) -> list[Line]:
    """Lines in the top/bottom margin that are page numbers or repeat on several pages."""
    def in_margin(ln):
        h = pages[ln.page].height
        return ln.bottom < 0.08 * h or ln.top > 0.92 * h
    repeated = Counter(match_key(ln.text) for ln in lines if in_margin(ln))
    return [ln for ln in lines if not (in_margin(ln) and (
        _PAGE_NUMBER.match(ln.text) or (repeated[match_key(ln.text)] > 1 and len(pages) > 1)))]


def _two_columns(lines: list[Line], gap: float, mid: float) -> tuple[list[str], list[str]]:
    """(left, right) column lines of a two-column block (header, signer block).

    The boundary between the columns is read from the lines where a wide gap separates them
    (between the right end of the left parts and the left end of the right parts); each word
    then goes to its side by its centre, so a line where the columns almost touch ("ĐẢNG ỦY XÃ
    PHONG Phong Niên, ngày ...") is still cut right.
    """
    lefts, rights = [], []
    for ln in lines:
        segs = ln.segments(gap)
        if len(segs) >= 2:
            lefts.append(segs[0].x1)
            rights.append(segs[1].x0)
    bound = (max(lefts) + min(rights)) / 2 if lefts and max(lefts) < min(rights) else mid
    left, right = [], []
    for ln in lines:
        lw = [w.text for w in ln.words if (w.x0 + w.x1) / 2 < bound]
        rw = [w.text for w in ln.words if (w.x0 + w.x1) / 2 >= bound]
        if lw:
            left.append(" ".join(lw))
        if rw:
            right.append(" ".join(rw))
    return left, right


_RIGHT_HEAD = re.compile(r"đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|"
                         r"độc lập\s*-\s*tự do\s*-\s*hạnh phúc|,\s*ngày\b")


def _header_columns(lines: list[Line], gap: float, mid: float) -> tuple[list[str], list[str]]:
    """(left, right) header lines. The right column's fixed phrases (national heading, motto,
    "<place>, ngày ...") mark where it starts even when a text layer runs both columns together
    ("ĐẢNG BỘ HUYỆN VĂN CHẤN ĐẢNG CỘNG SẢN VIỆT NAM"); the place is the run of capitalised,
    not upper-case, words before ", ngày". Other lines go by position."""
    cuts: dict[int, int] = {}
    for i, ln in enumerate(lines):
        key = match_key(ln.text)
        m = _RIGHT_HEAD.search(key)
        if not m:
            continue
        starts, pos = [], 0
        for w in ln.words:
            starts.append(pos)
            pos += len(w.text) + 1
        j = next(k for k in range(len(starts)) if k + 1 == len(starts) or starts[k + 1] > m.start())
        if m.group(0).startswith(","):
            while j > 0 and ln.words[j - 1].text[:1].isupper() and not ln.words[j - 1].text.isupper() \
                    and not re.search(r"\d", ln.words[j - 1].text):
                j -= 1
            if ln.words[j].text.isupper() or re.search(r"\d", ln.words[j].text):
                j += 1
        cuts[i] = j
    bounds = [ln.words[j].x0 for i, ln in enumerate(lines) for j in [cuts.get(i)]
              if j is not None and j < len(ln.words)]
    if not bounds:
        return _two_columns(lines, gap, mid)
    bound = min(bounds) - 1
    left, right = [], []
    for i, ln in enumerate(lines):
        if i in cuts:
            lw, rw = ln.words[:cuts[i]], ln.words[cuts[i]:]
        else:
            segs = ln.segments(gap)
            lw = [w for sg in segs if (sg.x0 + sg.x1) / 2 < bound for w in sg.words]
            rw = [w for sg in segs if (sg.x0 + sg.x1) / 2 >= bound for w in sg.words]
        if lw:
            left.append(" ".join(w.text for w in lw))
        if rw:
            right.append(" ".join(w.text for w in rw))
    return left, right


def _paragraphs(seq: list, left_m: float, right_m: float, height: float) -> list:
    """Body lines joined into paragraphs (tables kept as they are): a paragraph starts at an
    indent, a numbered line, after a short line or after a vertical gap."""
    paras: list[list[Line] | Table] = []
    prev: Line | None = None
    for it in seq:
        if isinstance(it, Table):
            paras.append(it)
            prev = None
            continue
        new = (prev is None or it.x0 > left_m + 0.8 * height or _NUMBERED.match(it.text)
               or prev.x1 < right_m - 4 * height
               or (it.page == prev.page and it.top - prev.bottom > 1.2 * height))
        if new:
            paras.append([it])
        else:
            paras[-1].append(it)
        prev = it
    return paras


def build_layout(pages: list[PageWords], source: str, source_kind: str) -> Layout:
    """The regions of a report from its pages' positioned words: header (lines above "BÁO
    CÁO"), heading (document type and the centred excerpt), body (paragraphs and tables),
    signer block (from "Nơi nhận")."""
    layout = Layout(source=source, source_kind=source_kind)
    items: list[tuple[int, float, object]] = []
    lines: list[Line] = []
    for i, pg in enumerate(pages):
        free = [w for w in pg.words if not any(
            x0 - 2 <= (w.x0 + w.x1) / 2 <= x1 + 2 and top - 2 <= (w.top + w.bottom) / 2 <= bot + 2
            for x0, top, x1, bot, _ in pg.tables)]
        lines += _lines(i, free)
        items += [(i, top, t) for _, top, _, _, t in pg.tables]
    lines = _drop_running(pages, lines)
    if not lines:
        return layout
    left_m, right_m = _margins(pages, lines)
    height = median(ln.bottom - ln.top for ln in lines)
    gap = 2.2 * height
    mid = (left_m + right_m) / 2
    keys = [" ".join(match_key(ln.text).split()) for ln in lines]
    t = next((j for j, k in enumerate(keys) if k == "báo cáo"), None)
    s = next((j for j, k in enumerate(keys) if j > (t or 0) and re.match(r"^nơi nh[aâậ]n", k)),
             len(lines))
    start = 0
    if t is not None:
        hl, hr = _header_columns(lines[:t], gap, mid)
        layout.header_left, layout.header_right = join_broken(hl), join_broken(hr)
        layout.heading.append(lines[t].text)
        j = t + 1
        while j < s and len(layout.heading) < 4:
            ln = lines[j]
            if re.fullmatch(r"[-_–—.*\s]+", ln.text):
                j += 1
                break
            symmetric = abs((ln.x0 - left_m) - (right_m - ln.x1)) < height
            if not symmetric or _NUMBERED.match(ln.text):
                break
            layout.heading.append(ln.text)
            j += 1
        start = j
    rec, sig = _two_columns(lines[s:], gap, mid)
    layout.recipients, layout.signer_block = join_broken(rec), sig
    body_lines = [ln for ln in lines[start:s] if not re.fullmatch(r"[-_–—.*\s]+", ln.text)]
    seq = sorted([(ln.page, ln.top, ln) for ln in body_lines] + [
        (p, top, tb) for p, top, tb in items
        if (t is None or (p, top) > (lines[t].page, lines[t].top))
        and (s >= len(lines) or (p, top) < (lines[s].page, lines[s].top))],
        key=lambda x: (x[0], x[1]))
    confs = {}
    for p in _paragraphs([it for _, _, it in seq], left_m, right_m, height):
        if isinstance(p, Table):
            layout.body.append(p)
            continue
        text = " ".join(join_broken([ln.text for ln in p]))
        text = _ROMAN_NO_DOT.sub(r"\1. ", text)
        cs = [ln.conf for ln in p if ln.conf is not None]
        if cs:
            confs[len(layout.body)] = sum(cs) / len(cs)
        layout.body.append(nfc(text))
    if confs:
        layout.line_confidence = confs
    return layout
