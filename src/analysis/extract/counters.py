"""Portal counters: the article's view counter and the site's visit statistics.

Counters are integers printed by a widget, so every '.' or ',' groups thousands
("Tất cả: 331,618", "Năm 2021 : 112.480"). Labels are anchored at the start of a line (or a
field of a one-line widget) and the count ends it, so prose such as "tất cả các xã" never reads
as a counter; a widget may drop the colon ("Đang online 14"), but then a year or a month after
"Năm"/"Tháng" is a date, and a number inside a label ("Tháng 10", "Năm 2021") never becomes a
value. Only the page's chrome and meta lines are read.
"""

from __future__ import annotations

import re

from ..text.page import COUNT_ALONE, GLUED_TO_TIME, Page
from .numbers import parse_counter

_NUM = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
_VIEWS = (
    re.compile(r"(?:lượt\s*(?:xem|đọc)\s*:?|(?:đã|số\s*lần)\s*xem\s*:)\s*" + _NUM + r"(?!\d)"),
    re.compile(r"(?:(?<=\d:\d\d)|(?<![\d:]))" + _NUM + r"\s*lượt\s*(?:xem|đọc)"),
)
# The article's visits on its dateline: a posting date, then "Lượt truy cập: N" ending the line.
_VISITS_ON_DATELINE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^\n]{0,40}?[|•·]\s*lượt\s*truy\s*cập\s*:?\s*"
                                 + _NUM + r"\s*$")
_VIEWS_LABEL = re.compile(r"\s*(?:số\s*)?lượt\s*(?:xem|đọc)\s*:?\s*")
_VIEWS_ALONE = re.compile(_VIEWS_LABEL.pattern + _NUM + r"\s*$")
STAT_FIELDS = ("online", "today", "week", "month", "year", "total")
_LABELS = (
    ("online", r"(?:số\s*người\s*|khách\s*)?(?:đang\s*)?(?:online|trực\s*tuyến)|"
               r"(?:số\s*người\s*)?đang\s*(?:truy\s*cập|xem)"),
    ("today", r"hôm\s*nay|trong\s*ngày|truy\s*cập\s*hôm\s*nay"),
    ("week", r"trong\s*tuần|tuần\s*này|tuần\s*hiện\s*tại|tuần"),
    ("month", r"tháng\s*hiện\s*tại|trong\s*tháng|tháng\s*này|tháng\s*\d{1,2}(?:/\d{4})?|tháng"),
    ("year", r"năm\s*hiện\s*tại|trong\s*năm|năm\s*nay|năm\s*\d{4}|năm"),
    ("total", r"tất\s*cả|tổng\s*lượt\s*truy\s*cập|tổng\s*lượt|tổng\s*số\s*lượt\s*truy\s*cập|tổng\s*truy\s*cập|"
              r"tổng\s*số|tổng\s*cộng|tổng|(?:số\s*)?lượt\s*truy\s*cập|thống\s*kê|đã\s*truy\s*cập|"
              r"truy\s*cập(?=\s*:)"),
)
# The box's heading before its first field on the same line ("Lượt truy cập Thống kê: 1.245.880
# Online: 12"), or 'truy cập' before a period ("Truy cập hôm nay: 307").
_STAT_LINE = re.compile(
    r"^\s*(?:[•·\-*+]\s*)?(?:(?:lượt\s*|thống\s*kê\s*)?truy\s*cập\s*:?\s+(?=[^\W\d_][^:\d]*:)|"
    r"(?:lượt\s*|thống\s*kê\s*)?truy\s*cập\s*:\s*(?=[^\W\d_])|"
    r"thống\s*kê\s*:\s*(?=[^\W\d_])|"
    r"(?:lượt\s*)?truy\s*cập\s+(?=hôm|trong|tuần|tháng|năm))?(?P<label>" + "|".join(f"(?P<{f}>{rx})" for f, rx in _LABELS) + r")"
    r"(?:\s*(?P<colon>:)\s*|\s+)(?P<value>\d{1,3}(?:[.,]\d{3})+|\d+)\s*$")
# Without a colon ("Đang online 14", "Tổng 1.092.117") a "Năm 2021" or "Tháng 10" is a date,
# not a count.
_DATE_LIKE = re.compile(r"(?:19|20)\d\d|0?[1-9]|1[0-2]")


# Fields of one widget line: "Đang truy cập: 23 - Hôm nay: 1.208", or with no separator left but
# the space after a count ("Đang online: 12 Hôm nay: 307 Trong tuần: 2,145"), or not even that
# (<span>s run together: "Đang truy cập: 31Hôm nay: 1.305").
_FIELD_SEP = re.compile(r"\s+[-–|•·]\s+|\s*\|\s*|(?<=[^\d\s])\.\s+|(?<=\d)\s*(?=[^\W\d_])")


# A count before its label: Joomla's "Hiện có 9 khách (và 2 thành viên) Trực tuyến", "Truy cập:
# 12 đang online".
_GUESTS_ONLINE = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s+(?:khách|người)?(?:\s+và\s+\d[\d.,]*\s+thành viên)?"
                            r"\s*(?:đang\s+)?(?:trực tuyến|online)(?!\s*:)")   # not "N   Online: 31"
# "Thứ Sáu, 07/07/2023 22:584120": 22:58 and 4120 views.
_GLUED_TO_TIME = re.compile(GLUED_TO_TIME)
_COUNT_ALONE = re.compile(r"\s*(?:" + COUNT_ALONE + ")")
# A dateline ending in its time or its date ("Đăng lúc: 22:58", "22:10 | 14/08/2024").
_DATELINE_END = re.compile(r"(?:\d{1,2}:[0-5]\d(?::[0-5]\d)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$")


def find_views(page: Page) -> tuple[int | None, int | None]:
    """The article's view count and its offset, read from meta lines (top or tail)."""
    # (the by-line's line too: "Tác giả: Lan Hương | Lượt xem: 1.027" in the article's footer)
    for ln in page.meta + page.tail + page.body[:1] + ([page.byline] if page.byline else []):
        k = page.key[ln.start:ln.end]
        for rx in _VIEWS:
            m = rx.search(k)
            if m:
                return parse_counter(m.group(1)), ln.start + m.start(1)
    for ln in page.meta:   # "Ngày đăng: 31/05/2024 | Lượt truy cập: 215": the article's count
        m = _VISITS_ON_DATELINE.search(page.key, ln.start, ln.end)
        if m:
            return parse_counter(m.group(1)), m.start(1)
    for ln in page.meta:
        m = _GLUED_TO_TIME.search(page.key, ln.start, ln.end)
        if m:
            return parse_counter(m.group(1)), m.start(1)
    for above, ln in zip(page.meta, page.meta[1:]):   # "Đăng lúc: 22:58" or "Lượt xem" over "4120"
        a = page.key[above.start:above.end]
        if (_DATELINE_END.search(above.text) or _VIEWS_LABEL.fullmatch(a)) \
                and _COUNT_ALONE.match(page.key, ln.start, ln.end):
            return parse_counter(ln.text.strip()), ln.start
    # the counter alone on its line under the related news closing the page ("Số lượt xem: 268"),
    # if only one is (a related article's count sits on its title's line)
    alone = [m for ln in page.chrome for m in [_VIEWS_ALONE.match(page.key, ln.start, ln.end)] if m]
    if len(alone) == 1:
        return parse_counter(alone[0].group(1)), alone[0].start(1)
    return None, None


def find_site_stats(page: Page) -> tuple[dict[str, int | None], str] | None:
    """The visit-statistics block: field -> count, plus the block's lines as written."""
    stats: dict[str, int | None] = {f: None for f in STAT_FIELDS}
    raw: list[str] = []
    for ln in page.chrome + page.meta + page.tail:
        # A widget may print its fields on one line: "Đang truy cập: 23 - Hôm nay: 1.208 - ...".
        k = page.key[ln.start:ln.end]
        if _VISITS_ON_DATELINE.search(k):   # the article's own count, not the site's
            continue
        guests = _GUESTS_ONLINE.search(k)   # the count before its label ("Truy cập: 12 đang online")
        if guests and stats["online"] is None:
            stats["online"] = parse_counter(guests.group(1))
            raw.append(ln.text.strip())
            k = k[:guests.start()] + k[guests.end():]
        for part in _FIELD_SEP.split(k):
            m = _STAT_LINE.match(part)
            if not m:
                continue
            field = next(f for f in STAT_FIELDS if m.group(f))
            if not m.group("colon") and field in ("month", "year") and _DATE_LIKE.fullmatch(
                    m.group("value")):
                continue
            if stats[field] is None:
                stats[field] = parse_counter(m.group("value"))
                if not raw or raw[-1] != ln.text.strip():
                    raw.append(ln.text.strip())
    if not raw:
        return None
    return stats, "\n".join(raw)
