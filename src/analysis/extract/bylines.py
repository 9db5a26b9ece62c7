"""By-lines: the author's name at the end (or top) of the article, never a photo credit."""

from __future__ import annotations

import re

from ..text.page import BYLINE_LABEL, Page

_UNIT_TAIL = re.compile(r"\s*[-–]\s*(?:ban|phòng|trung tâm|ubnd|hội|văn phòng|đài|báo|huyện|"
                        r"thị|xã|phường|cổng|bdv|btg|btv|phó|trưởng|chủ tịch|bí thư|cán bộ|"
                        r"chuyên viên|ủy viên|giám đốc|tổng biên tập|phóng viên|công chức|"
                        r"viên chức|nhân viên|cộng tác viên)\b.*$", re.I)
# A dash before words a name never has (a word in lower case): the writer's position, in any
# wording ("Nguyễn Văn Hậu – Công chức Văn hóa - Xã hội xã"); "Minh Hà – Thu Trang" are two names.
_DASH = re.compile(r"\s*[-–]\s*")
# The writer's place in parentheses: "CTV Minh Hà – Thu Trang (TP. Lào Cai)".
_PLACE_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_TOP = re.compile(r"^\s*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\s]{2,40}?)\s*\|(?:\s*\S|\s*$)")
# The outlet's code after the names: "Vũ Thắng, Như Huỳnh/THQH".
_OUTLET = re.compile(r"\s*/\s*[A-ZĐ]{2,8}\s*$")
# A CMS login in place of a name ("quantritrangbang", "admin admin"): not a person.
_ACCOUNT = re.compile(r"^(?:([a-z][a-z0-9_.]*)(?:\s+\1)?|admin\w*|quantri\w*)$")


def find_author(page: Page) -> str | None:
    """The by-line as written, without its label ("Tác giả:") or trailing unit."""
    if page.byline is not None:
        s = BYLINE_LABEL.sub("", page.byline.text.strip())
        # the parentheses first: a body in them may hold a dash ("(Trung tâm Văn hóa - Thể thao)")
        s = _OUTLET.sub("", _UNIT_TAIL.sub("", _position_cut(_PLACE_TAIL.sub("", s))))
        s = s.strip().rstrip("|").strip()
        return s if s and not _ACCOUNT.match(s) else None
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
