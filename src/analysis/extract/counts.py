"""Counts of activities and objects: "05 thôn", "120 suất quà", "37 lượt công dân".

Only a number directly followed by a known count noun is a count, so dates, codes, ordinals
("lần thứ 7"), percentages and money are left out. Zero-padded numbers are plain integers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.page import Page

_UNITS = (
    "suất quà", "suất", "phần quà", "lượt công dân", "lượt người", "lượt", "người", "hộ gia đình",
    "hộ", "cuộc đối thoại", "cuộc tiếp xúc", "cuộc", "buổi", "hội nghị", "lớp", "mô hình",
    "điển hình", "thôn, tổ dân phố", "thôn", "bản", "tổ dân phố", "tổ tuyên truyền lưu động",
    "tổ tuyên vận", "tổ", "khu dân cư", "căn nhà", "ngôi nhà", "nhà", "tấn", "đợt", "đơn thư",
    "đơn", "ý kiến", "kiến nghị", "tờ rơi", "ngày công", "chuyên đề", "đoàn", "xã, phường",
    "xã, thị trấn", "xã", "phường", "thị trấn", "đơn vị", "ngành, đoàn thể", "ngành", "cơ sở",
    "chi bộ", "đảng viên", "hội viên", "đoàn viên", "cán bộ", "học sinh", "trẻ em", "doanh nghiệp",
    "nghĩa trang liệt sĩ", "công trình", "km", "m²", "m2", "con", "tập thể", "cá nhân", "gia đình",
    "đồng chí", "tin bài", "tin, bài", "bài", "phóng sự", "câu lạc bộ", "Ban chỉ đạo",
    "Đề án thành phần", "chương trình",
)
_UNIT_RX = "|".join(sorted((re.escape(u.lower()) for u in _UNITS), key=len, reverse=True))
_COUNT = re.compile(r"(?<![\w.,/:\-–])(\d{1,3}(?:\.\d{3})+|\d{1,6})(?:/\d+)?\s+(" + _UNIT_RX +
                    r")(?![\wÀ-ỹ])")


@dataclass
class CountFact:
    start: int
    end: int
    value: int
    unit: str
    raw: str


def find_counts(page: Page, exclude: list[tuple[int, int]]) -> list[CountFact]:
    """Counts in the body, skipping spans already read as money or document codes."""
    out = []
    for ln in page.body:
        for m in _COUNT.finditer(page.key, ln.start, ln.end):
            if any(m.start() < e and s < m.end() for s, e in exclude):
                continue
            if re.search(r"(lần thứ|thứ|khóa|số|ngày|tháng|năm|kỷ niệm)\s*$",
                         page.key[max(ln.start, m.start() - 12):m.start()]):
                continue
            out.append(CountFact(m.start(), m.end(), int(m.group(1).replace(".", "")),
                                 page.text[m.start(2):m.end(2)],
                                 page.text[m.start():m.end()]))
    return out
