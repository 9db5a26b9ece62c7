"""By-lines: the author's name at the end (or top) of the article, never a photo credit."""

from __future__ import annotations

import re

from ..text.keys import match_key
from ..text.page import ACCOUNT, BYLINE_LABEL, NOT_PERSON, Page

_UNIT_TAIL = re.compile(r"\s*[-–,]\s*(?:ban|phòng|trung tâm|ubnd|hội|văn phòng|đài|báo|huyện|"
                        r"thị|xã|phường|cổng|bdv|btg|btv|phó|trưởng|chủ tịch|bí thư|cán bộ|"
                        r"chuyên viên|ủy viên|giám đốc|tổng biên tập|phóng viên|công chức|"
                        r"viên chức|nhân viên|cộng tác viên|ctv|pv|btv|tt)\b.*$", re.I)
# A dash before words a name never has (a word in lower case): the writer's position, in any
# wording ("Nguyễn Văn Hậu – Công chức Văn hóa - Xã hội xã"); "Minh Hà – Thu Trang" are two names.
_DASH = re.compile(r"\s*[-–]\s*")
# The writer's place in parentheses: "CTV Minh Hà – Thu Trang (TP. Lào Cai)".
_PLACE_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_TOP = re.compile(r"^\s*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\s]{2,40}?)\s*\|(?:\s*\S|\s*$)")
# The outlet after the names, by its code or its name: "Vũ Thắng, Như Huỳnh/THQH", "Hồ Nguyên
# Kha/Báo Quảng Trị".
_OUTLET = re.compile(r"\s*/\s*(?:[A-ZĐ]{2,8}|(?:Báo|Đài|Tạp chí|Cổng)\b[^/]*)\s*$")
# A photo credit after the writer's name: "Thanh Tùng - Ảnh: Ngọc Trâm".
_PHOTO_TAIL = re.compile(r"\s*[-–|,;]\s*ảnh\s*:.*$", re.I)
# "Theo Ngọc Dung - Báo Đồng Nai": the writer the article is credited to.
_CREDITED = re.compile(r"^[Tt]heo\s+(?=[A-ZĐÀ-Ỹ])")
# The info line's next field after the name ("Tác giả: Huỳnh Văn Tiến   Ngày đăng: 03/01/2023").
_NEXT_FIELD = re.compile(r"\s+(?:[|•·—–-]\s*)?(?:ngày đăng|đăng ngày|ngày|cập nhật|đăng lúc|lượt xem|"
                         r"lượt đọc)\b.*$|\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.*$", re.I)
# A role with no name ("Tin, ảnh: PV", "CTV", "Nhóm phóng viên"): nobody in particular.
_ROLE_ONLY = re.compile(r"(?:nhóm\s+)?(?:pv|ctv|btv|bbt|phóng viên|cộng tác viên|biên tập viên|ban biên tập)"
                        r"(?:\s*[-–,/&]\s*(?:pv|ctv|btv))*\.?", re.I)


def find_author(page: Page) -> str | None:
    """The by-line as written, without its label ("Tác giả:") or trailing unit."""
    if page.byline is not None:
        s = _NEXT_FIELD.sub("", BYLINE_LABEL.sub("", page.byline.text.strip()))
        s = _CREDITED.sub("", _PHOTO_TAIL.sub("", s))
        name, slash, unit = s.partition("/")   # "KIM NGÂN/Quận ủy Ninh Kiều": the writer's unit
        if slash and NOT_PERSON.search(match_key(unit)) and not NOT_PERSON.search(match_key(name)):
            s = name
        # the parentheses first: a body in them may hold a dash ("(Trung tâm Văn hóa - Thể thao)")
        s = _OUTLET.sub("", _UNIT_TAIL.sub("", _position_cut(_PLACE_TAIL.sub("", s))))
        s = s.strip().rstrip("|").strip()
        # a CMS login, or an office under a label ("Tin, ảnh: Văn phòng Đảng ủy phường")
        return s if s and not ACCOUNT.match(s) and not NOT_PERSON.search(match_key(s)) \
            and not _ROLE_ONLY.fullmatch(s) else None
    if page.body:
        m = _TOP.match(page.body[0].text)
        if m and m.group(1).upper() == m.group(1):
            return m.group(1).strip()
    return None


def _position_cut(s: str) -> str:
    """The by-line up to the first dash whose words are not all capitalised."""
    for m in _DASH.finditer(s):
        if m.start() and any(w[0].islower() for w in re.findall(r"[^\W\d_]+", s[m.end():])):
            return s[:m.start()]
    return s
