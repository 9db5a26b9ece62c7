"""A report page as regions of NFC text: title, meta lines, article body, by-line, chrome.

Text pages (copied from a browser) and saved HTML (rendered by :mod:`analysis.text.html`) end up
in the same layout. All offsets are into ``Page.text``; matching uses ``Page.key``, a
same-length key (:func:`analysis.text.keys.match_key`), while values are sliced from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from underthesea import sent_tokenize

from .decode import decode_bytes
from .html import html_to_page_text
from .keys import match_key


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Lines that start the portal's chrome: everything from there on is not the article.
_CHROME = re.compile(
    r"^\s*(thông tin mới nhất|tin mới nhất|tin mới|tin liên quan|các tin khác|tin khác|"
    r"tin cùng chuyên mục|bài viết liên quan|xem thêm|thống kê truy cập|đăng nhập|"
    r"liên kết website|cơ quan chủ quản|từ khóa\s*:|tags\s*:?)\s*$|"
    r"^\s*(cơ quan chủ quản|chịu trách nhiệm|giấy phép)\s*:", re.M)
# Meta lines under the title: view counters, share buttons, datelines, categories.
_META = re.compile(
    r"^\s*(lượt xem|lượt đọc|\d[\d.,]*\s*lượt xem|in bài|gửi email|chia sẻ|ngày đăng|cập nhật|"
    r"chuyên mục|thứ (hai|ba|tư|năm|sáu|bảy|\d)\b|chủ nhật|date \d{4}-\d{2}|\d{4}-\d{2}-\d{2}t|"
    r"\d{1,2} tháng \d{1,2},? \d{4}|"
    r"(lượt truy cập|thống kê|online|đang online|đang truy cập|hôm nay|tất cả)\s*:?\s*[\d.,]*\s*$|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{4}(\s*[|,]?\s*\d{1,2}:\d{2}(:\d{2})?)?\s*($|\|))")
_SYNTHETIC = re.compile(r"^\s*\(?dữ liệu tổng hợp")
_BYLINE_LABEL = re.compile(r"^\s*(tác giả|tin,? ảnh|bài,? ảnh|ctv|nhóm pv|pv)\s*[:.]?\s*", re.I)
_NAME_WORD = r"[A-ZĐÀ-Ỹ][\w’'.]*"
_NAME_LINE = re.compile(rf"^\s*({_NAME_WORD}|[A-ZĐ]\.)([\s.\-–]+({_NAME_WORD}|[A-ZĐ]\.)){{0,5}}"
                        r"(\s*[-–/]\s*[\wÀ-ỹ .()/]+)?\s*$")
_PLAN_HEAD = re.compile(
    r"^\s*(?:[ivx\d]+[.)]\s*|[-–•+*]\s*)?(?:phương hướng|nhiệm vụ|một số nhiệm vụ|kế hoạch|"
    r"chương trình công tác|những nhiệm vụ|mục tiêu, nhiệm vụ)[^.\n]{0,120}"
    r"(quý|tháng|năm|thời gian tới|kỳ tới|trọng tâm)")
_PLAN_SENTENCE = re.compile(
    r"(nhiệm vụ|phương hướng)[^.\n]{0,60}(quý|tháng cuối|tháng đầu|năm 20\d\d|thời gian tới|"
    r"kỳ tới)[^.\n]*:\s*$")


@dataclass
class Page:
    """One report page, split into regions."""

    source: str
    text: str
    encoding: str
    is_html: bool = False
    key: str = field(init=False)
    lines: list[Span] = field(init=False)
    title: Span | None = field(init=False)
    meta: list[Span] = field(init=False)
    body: list[Span] = field(init=False)
    byline: Span | None = field(init=False)
    tail: list[Span] = field(init=False)
    chrome: list[Span] = field(init=False)
    plans_start: int | None = field(init=False)

    def __post_init__(self) -> None:
        self.key = match_key(self.text)
        self.lines = []
        pos = 0
        for raw in self.text.split("\n"):
            self.lines.append(Span(pos, pos + len(raw), raw))
            pos += len(raw) + 1
        self._segment()

    def _segment(self) -> None:
        nonempty = [ln for ln in self.lines if ln.text.strip()]
        key = self.key
        i = 0
        while i < len(nonempty) and re.match(r"^\s*date \d{4}-\d{2}", key[nonempty[i].start:nonempty[i].end]):
            i += 1
        self.title = nonempty[i] if i < len(nonempty) else None
        rest = nonempty[i + 1:]
        self.meta = []
        while rest and _META.match(key[rest[0].start:rest[0].end]):
            self.meta.append(rest.pop(0))
        chrome_at = next((j for j, ln in enumerate(rest)
                          if len(ln.text) < 80 and _CHROME.match(key[ln.start:ln.end])), len(rest))
        body, self.chrome = rest[:chrome_at], rest[chrome_at:]
        # Trailing meta (a view counter after the by-line), synthetic-data notes, then the by-line.
        self.tail, self.byline = [], None
        for _ in range(3):
            if not body:
                break
            last = body[-1]
            k = key[last.start:last.end]
            if _META.match(k) or _SYNTHETIC.match(k):
                self.tail.insert(0, body.pop())
            elif self.byline is None and _is_byline(last.text):
                self.byline = body.pop()
            else:
                break
        # A by-line straight under the title ("Minh Ngọc- Thu Hà") when none ends the article.
        if self.byline is None and len(body) > 2 and len(body[0].text) < 40 \
                and _is_byline(body[0].text):
            self.byline = body.pop(0)
        self.body = body
        self.plans_start = None
        for ln in body[1:]:
            k = key[ln.start:ln.end]
            if (_PLAN_HEAD.match(k) and len(ln.text) < 200) or _PLAN_SENTENCE.search(k):
                self.plans_start = ln.start
                break

    def section_at(self, offset: int) -> str:
        """'plans' at or after the next-period heading, else 'results'."""
        return "plans" if self.plans_start is not None and offset >= self.plans_start else "results"

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the title and body (underthesea's segmenter, mapped back to offsets)."""
        out: list[Span] = []
        for ln in ([self.title] if self.title else []) + self.body:
            pos = ln.start
            for sent in sent_tokenize(ln.text):
                at = self.text.find(sent, pos, ln.end)
                if at < 0:  # the segmenter changed the text: fall back to the whole line
                    out.append(ln)
                    break
                out.append(Span(at, at + len(sent), sent))
                pos = at + len(sent)
        return out

    def sentence_at(self, offset: int) -> Span:
        """The sentence containing ``offset`` (or the line, outside the body)."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        for ln in self.lines:
            if ln.start <= offset <= ln.end:
                return ln
        return Span(offset, offset, "")

    @property
    def body_start(self) -> int:
        return self.body[0].start if self.body else 0

    @property
    def body_end(self) -> int:
        return self.body[-1].end if self.body else 0


def _is_byline(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or s.startswith(("Ảnh:", "Ảnh :", "Nguồn")):
        return False
    if _BYLINE_LABEL.match(s):
        return True
    if s[-1] in ".:;,!?" and not re.search(r"\b[A-ZĐ]\.$", s):
        return False
    return bool(_NAME_LINE.match(s)) and len(s.split()) <= 8


def page_from_text(text: str, source: str, encoding: str = "utf-8", is_html: bool = False) -> Page:
    """A page from already decoded text (HTML markup is rendered first)."""
    if is_html:
        text = html_to_page_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(source=source, text=text, encoding=encoding, is_html=is_html)


def looks_like_html(name: str, text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return (Path(name).suffix.lower() in (".html", ".htm", ".xhtml")
            or head.startswith(("<!doctype html", "<html")))


def read_page(data: bytes, source: str) -> Page:
    """Decode page bytes (raising ``PageDecodeError`` naming ``source``) and segment them."""
    decoded = decode_bytes(data, source)
    return page_from_text(decoded.text, source, decoded.encoding,
                          is_html=looks_like_html(source, decoded.text))
