"""A report page as regions of NFC text: header, title, meta lines, article body, by-line, chrome.

Text pages (copied from a browser) and saved HTML (rendered by :mod:`analysis.text.html`) end up
in the same layout. The title is the first line that is not header: a portal's name and menu,
breadcrumbs, a crawl stamp, a dateline or a counter widget, or an official document's header
(national motto, issuer in capitals, "Số: ...", place-date line). Header lines are also meta
lines (datelines and counters are read from both); nothing here knows any generator's pages. All offsets are into ``Page.text``; matching uses ``Page.key``, a
same-length key (:func:`analysis.text.keys.match_key`), while values are sliced from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from underthesea import sent_tokenize

from .decode import decode_bytes
from .address import PageAddress
from .html import SITE_WORDS, render_html
from .keys import match_key


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Lines that start the portal's chrome: everything from there on is not the article.
_CHROME = re.compile(
    # headings alone on their line, with or without a colon ("Tin khác:", "Các tin đã đưa:")
    r"^\s*(?:[•·*+-]\s*)?(thông tin mới nhất|tin mới nhất|tin mới|tin liên quan|các tin khác|"
    r"tin khác|(?:các )?tin đã (?:đưa|đăng)|tin cùng chuyên mục|bài viết liên quan|bài liên quan|"
    r"tin nổi bật|thông tin khác|"
    r"tin xem nhiều|tin đọc nhiều|tin cùng loại|tin bài khác|tin bài liên quan|bài viết khác|"
    r"(?:các )?tin (?:mới|cũ) hơn|"
    r"các bài viết khác|bài khác|"
    r"bài viết cùng chuyên mục|xem thêm|thống kê truy cập|đăng nhập|liên kết website|"
    r"cơ quan chủ quản|góp ý kiến|ý kiến bạn đọc|gửi ý kiến|bình luận|gửi bình luận|tags|thống kê|"
    r"bản tin liên quan)"
    r"\s*(?:\(\d+\))?\s*:?\s*$|"   # "Ý kiến bạn đọc (2)"
    # a comment form's fields ("Bình luận: Họ tên (*)  Email (*)  Nội dung  [Gửi]")
    r"^\s*(?:bình luận|ý kiến bạn đọc|gửi ý kiến|góp ý)\s*:.{0,80}(?:họ (?:và )?tên|e-?mail)|"
    # a related-news heading after a short label ("Tổ quốc Việt Nam - Tin nổi bật:")
    r"^[^.:\n]{0,40}\s[-–|]\s*(?:tin nổi bật|tin liên quan|tin khác|các tin khác|tin mới)\s*:\s*$|"
    # labelled lines; an attachment with its download count ("Tập tin đính kèm: ... (Lượt tải:
    # 12)", "Tải về: ... | Lượt tải: 27")
    # the site's contact footer ("Trụ sở: 181 Phò Trạch ... Tổng lượt truy cập: 2,406,913")
    r"^\s*(?:[•·*+-]\s*)?((cơ quan chủ quản|chịu trách nhiệm|giấy phép|tải về|trụ sở|địa chỉ|"
    r"điện thoại|e-?mail|"
    r"(?:tập tin|tệp tin|tệp|file) đính kèm)\s*:|từ khóa\b|tags\b|"
    r"(đang online|đang truy cập|tổng lượt truy cập|(?:số )?lượt truy cập|"
    r"(?:lượt )?truy cập (?:trong ngày|hôm nay|hôm qua|trong tuần|trong tháng|trong năm))"
    r"\s*:?\s*\d|bản quyền\b)|"
    # a counter's fields alone on a line: "Hôm nay: 2.811 | Tất cả: 7.902.114"
    r"^\s*(?:hôm nay|hôm qua|trong ngày|trong tuần|trong tháng|tất cả)\s*:\s*\d[\d.,]*\s*(?:[|•·-]|$)")
# A tag list glued to the end of the last line ("Thu Hà • Từ khóa: dân vận").
_TAGS_AFTER = re.compile(r"\s*[•|]\s*(từ khóa|tags)\b.*$")
# Counter lines ("Online: 5", "Tháng 10 : 7.618", "Năm 2021 : 112.480").
_COUNTER_LINE = (
    r"(lượt truy cập|thống kê truy cập|thống kê|online|đang online|đang truy cập|hôm nay|hôm qua|"
    r"trong tuần|tuần này|trong tháng|tháng này|tháng hiện tại|tháng \d{1,2}|năm \d{4}|năm nay|"
    r"tất cả|tổng lượt truy cập|tổng số lượt truy cập|tổng truy cập|tổng(?=\s*:?\s*\d)|truy cập)"
    r"\s*:?\s*[\d.,]*\s*$")
# A count glued to the posting time with no label, the widget's icon lost in copying:
# "07/07/2023 22:584120" is 22:58 and 4120 views (minutes have two digits); the date may be
# elsewhere and a space or a bar left: "22:58 2241", "09:12 | 2189", or the date after the time:
# "22:58 20/09/2023  1753".
GLUED_TO_TIME = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-|,]?\s*)?(?<![\d:])\d{1,2}:[0-5]\d"
                 r"(?:\s?|\s*[|•·]\s*|\s*[-|,]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s+)"
                 r"(\d{1,3}(?:,\d{3})+|\d{1,9})\s*$")   # "10:48 | 1,176"
# An info line of any fields that ends in the view counter: "Tin hoạt động | Thứ Sáu, 30/12/2022 |
# 14:35 | Lượt xem : 88" (its first field may be the by-line: "Tác giả: Minh Nhựt | ...").
_INFO_VIEWS = r"[^\n]{0,100}(?:[|•·\]]|\s{2})\s*(?:số\s*)?lượt\s*(?:xem|đọc)\s*:?\s*\d[\d.,]*\s*$"
# A count alone on its line under the posting time, its label lost: "Đăng lúc: 22:58" over "4120".
COUNT_ALONE = r"\d{1,3}(?:[.,]\d{3})+\s*$|\d{1,9}\s*$"
_WEEKDAY = r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật)"   # "Thứ Tư", "Thứ 6", "Chủ nhật"
# Datelines: "Thứ Tư, 25/12/2024 22:58", "25/12/2024 | 14:30", "14:30 25/12/2024", ISO stamps.
_DATE_TIME = (r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[|,-]\s*)?"
              r"(?:" + _WEEKDAY + r"\s*,?\s*)?)?"   # "22:10 - Thứ Hai, "
              r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})"   # "2023-10-17 08:30" too
              r"(?:\s*(?:[|,-]\s*)?\d{1,2}:\d{2}(?::\d{2})?)?")
# A category (or a by-line) before the dateline: "Hoạt động dân vận Thứ Ba, 27/12/2022 - 15:40",
# "Công tác Dân vận | 18/01/2021", "Minh Thư | Thứ Tư, 10/07/2024 08:00".
_BEFORE_DATELINE = (r"[^\d\n|:]{2,40}?(?:\s|\s*\|\s*)(?=" + _WEEKDAY
                    + r"\s*[,-]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4})|"
                    r"[^\d\n|:]{2,40}?\s*\|\s*(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{4})")
# Meta lines around the title: view counters, share buttons, datelines, categories, counters.
_META = re.compile(
    r"^\s*(?:[•·*+-]\s*|\()?((?:số )?lượt xem|(?:số )?lượt đọc|(?:đã|số lần) xem\s*:|"
    r"\d[\d.,]*\s*lượt xem|in bài|gửi email|chia sẻ|"
    r"lượt (?:chia sẻ|thích|bình luận|tải)\s*:?\s*\d|"   # the article's other counters
    r"chi tiết\s*$|"   # Joomla's info box heading ("Details")
    # the print and share tools: "In trang Gửi email Về đầu trang" (not "In trang phục ...")
    r"in trang(?=\s*(?:$|[|•·]|gửi|chia sẻ|về đầu))|"
    r"người đăng\s*:|(?:đăng|viết) bởi\s*:|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|cập nhật|"
    r"đăng lúc|chuyên mục|"
    + _WEEKDAY + r"\b|"
    # "Tác giả | Ngày đăng: 12/03/2021 ..." (not a lead after a by-line: "TRẦN KHANG | Ngày
    # 04/4/2023, Ban Dân vận ..." goes on for a sentence)
    r"[^|\n]{0,30}\|[^\n]{0,60}(?:ngày|đăng|cập nhật)[^\n|]{0,25}\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
    r"(?![^\n]{80})|"
    + _INFO_VIEWS + "|"
    r"\d{1,2}:[0-5]\d(?::[0-5]\d)?\s*$|"   # the posting time alone ("22:58" over "4120")
    + _BEFORE_DATELINE + "|"
    r"chủ nhật|date \d{4}-\d{2}|\d{4}-\d{2}-\d{2}t|\d{1,2} tháng \d{1,2},? \d{4}|"
    r"ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:$|[|•·])|"
    + _COUNTER_LINE + "|" + _DATE_TIME + r"(\s*[|,-]?\s*(?:\d[\d.,]*\s*lượt (xem|đọc)|"
    r"(?:số )?lượt (?:xem|đọc)\s*:?\s*\d[\d.,]*))?\s*($|[|•·]|"
    r"-?\s*(?=(?:tác giả|người viết|người đăng)\s*:))|"   # "19/08/2024 — Tác giả: ..."
    # a view count glued to the posting time, its icon lost: "05/01/2022 16:052189", or on the
    # line under it ("Đăng lúc: 22:58" over "4120")
    + GLUED_TO_TIME + r"|" + COUNT_ALONE + ")")
# A dateline glued in front of the title ("25/12/2024 14:30 Kết quả ...").
_DATE_PREFIX = re.compile(r"^\s*(?:" + _WEEKDAY + r"\s*,?\s*)?"
                          + _DATE_TIME + r"\s*[|,:-]?\s*(?=\w)", re.M)   # ^ at a line's start
_CATEGORY = re.compile(r"[^\d|:]{2,25}(?:\s\|\s[^\d|:]{2,25}){1,2}")
_TITLE_MAX = 200       # characters of a title line; a longer line is the lead
_MENU_LINES_MAX = 15   # menu items and labels copied one per line above the title
_CATEGORY_MAX = 40     # characters of a category label or a menu item
_GLUED_TITLE_MIN = 15   # characters after a dateline that make the line a title, not a dateline


def _glued_title(k: str) -> bool:
    """A dateline with a title glued after it ("25/12/2024 14:30 Kết quả ..."), as opposed to a
    dateline alone ("Thứ Năm, 08/10/2020 08:32", whose time the prefix pattern can leave over)."""
    m = _DATE_PREFIX.match(k)
    return bool(m) and len(k.rstrip()) - m.end() > _GLUED_TITLE_MIN
# Lines of a document's or a portal's header above the title: national motto, Party name,
# "Số: ...", "Vi Hương, ngày 15 tháng 12 năm 2020", the document word alone, rules and stars.
# A draft or a copy may leave its own number blank ("Số      -BC/ĐU"), and a two-column header
# puts the star under the issuer on the place-date line ("*      Vạn Thắng, ngày 31 tháng 5 ...").
_OFFICIAL_HEAD = re.compile(
    r"^\s*(cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc|"
    r"đảng cộng sản việt nam|số\s*:?\s*(?:\d\S*|-\s*[^\W\d_]+/\S+)|[*\-_=]+|(báo cáo|kế hoạch|"
    r"quyết định|chỉ thị|nghị quyết|thông báo|hướng dẫn|tờ trình|công văn)\s*:?|"
    r"(?:\*\s+)?[^\W\d][^,\n]{0,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*$|"
    r"^\s*số\s*:?\s*\d[^\n]{0,80}ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$")
# Breadcrumbs and navigation above the title ("Trang chủ > Tin tức > Dân vận").
_DOC_KIND = re.compile(r"\s*(báo cáo|kế hoạch|quyết định|chỉ thị|nghị quyết|thông báo|hướng dẫn|"
                       r"tờ trình|chương trình)\s*$")
_NAV = re.compile(r"^\s*(trang chủ|home|tin tức - sự kiện|tin tức|skip to (?:main )?content|"
                  r"bỏ qua nội dung|chuyển đến nội dung)\b.{0,100}$|"
                  r"^\s*tìm kiếm\W*$|"   # the search box
                  # the site's date of today: "Hôm nay: Thứ Sáu, 23/12/2022"
                  r"^\s*hôm nay\s*:?\s*" + _WEEKDAY + r"[^\n]{0,40}$|"
                  # the site's address alone ("mocchau.sonla.gov.vn", "https://...")
                  r"^\s*(?:https?://)?(?:[a-z0-9-]+\.)+(?:vn|com|net|org)(?:/\S*)?\s*$|"
                  r"^[^.\n]{0,60}(?:\s[>»›]\s[^.\n>»›]{1,60})+$")
# A by-line's label: "Tác giả:", "Tin, ảnh:", "CTV", and a bare "Tin:" / "Bài:" only with its
# colon ("Tin tức ..." opens a heading, not a by-line).
# "Bài và ảnh:", "Tin - ảnh:", "Bài/ảnh:" are the same label as "Tin, ảnh:".
_TEXT_PHOTO = r"(?:tin|bài)\s*(?:,|và|-|–|&|/)?\s*ảnh"
BYLINE_LABEL = re.compile(rf"^\s*(?:tác giả|người viết|(?:viết|đăng) bởi|{_TEXT_PHOTO}|ctv|"
                          r"nhóm pv|pv|"
                          r"(?:tin|bài)(?=\s*:))"
                          r"\s*[:.]?\s*", re.I)
_DATE_IN = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")   # a line with a date is no by-line
_ROLE_TAIL = re.compile(r"\s*\([^()\n]{1,60}\)$")
_NAME_WORD = r"[A-ZĐÀ-Ỹ][\w’'.]*"
_NAME_LINE = re.compile(rf"^\s*({_NAME_WORD}|[A-ZĐ]\.)([\s.\-–,]+({_NAME_WORD}|[A-ZĐ]\.)){{0,7}}"
                        r"(\s*[-–/]\s*[\wÀ-ỹ .,()/&-]+|,\s*[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[^\W\d_]+)*)?\s*$")
# Words of organisations, places, headings and chrome: a line holding one is not a person's name.
NOT_PERSON = re.compile(
    r"(?<!\w)(ủy ban|đảng ủy|đảng bộ|ban dân vận|ban tuyên giáo|ban chỉ đạo|ban thường vụ|"
    r"ban chấp hành|hội nông dân|hội liên hiệp|hội cựu chiến binh|hội chữ thập|huyện ủy|tỉnh ủy|"
    r"thị ủy|thành ủy|quận ủy|huyện|xã|phường|tỉnh|thành phố|thị trấn|quận|cộng hòa|việt nam|"
    r"nhân dân|chủ tịch|bí thư|góp ý|ý kiến|tin tức|trang chủ|thông tin|quyết định|báo cáo|"
    r"kế hoạch|mặt trận|chi bộ|văn phòng|cổng|bình luận|chia sẻ|từ khóa|liên hệ|"
    # a report's section headings ("I. KẾT QUẢ THỰC HIỆN")
    r"kết quả|nhiệm vụ|phương hướng|thực hiện|tình hình|công tác|hội nghị|liên quan|"
    + _WEEKDAY + r")(?!\w)")   # (a weekday opens a dateline)
# An info line under the title that opens with a by-line, labelled or not, and goes on with the
# dateline or the view counter: "Tác giả: Minh Nhựt | 08/01/2020 10:25 | Lượt xem: 2,438",
# "Thùy Linh · 12/04/2024 · Lượt xem: 3120".
_INFO_BYLINE = re.compile(rf"^\s*((?:(?:tác giả|(?:viết|đăng) bởi|{_TEXT_PHOTO}|tin|bài)\s*:\s*)?"
                          r"[^|·•\n\d]{2,40}?)"
                          r"\s*[|·•]"
                          r"(?=[^\n]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|lượt xem|lượt đọc))")
# The by-line as a later field of the info line: "Ngày đăng: 05/07/2024 | Lượt xem: 764 | Tác giả:
# Thạch Sô Phol", "19/08/2024 Tác giả: ...".
_INFO_FIELD_BYLINE = re.compile(rf"(?:[|·•]|(?<=\d)\s(?:-\s)?)\s*((?:tác giả|người viết|{_TEXT_PHOTO})\s*:"
                                r"\s*[^|·•\n]{2,60}?)\s*(?:[|·•]|$)")
# An info line opening with its writer's name under a label, then its other fields apart by spaces
# or bars: "Tác giả: Trần Quốc Bảo   Ngày đăng: 4/10/2022   Lượt xem : 2189" ("Người đăng:" names
# who uploaded the page: the writers of the test corpus part on whether that is its author).
_LEADING_BYLINE = re.compile(r"^\s*((?:(?:đăng|viết) bởi|tác giả)\s*:\s*[^|·•\n\d]{2,40}?)"
                             r"(?:\s{2,}|\s*[|·•]|\s+(?=ngày đăng|đăng ngày|ngày|cập nhật|lượt xem))")
# A by-line in capitals above the lead, ending in a bar: "MINH TÂN |".
_TOP_BYLINE = re.compile(r"^\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\s-]{2,40}\|\s*$")
# Names glued after the last sentence of the article: "… phát triển. Vũ Thắng, Như Huỳnh/THQH",
# or after the last clause's comma: "… năm 2024, Hoàng Lan/ĐN" (the outlet code vouches for it).
_GLUED_BYLINE = re.compile(
    r"(?<=[.!?…”\",;])\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ’'.]*\s?){1,4}(?:\s*[,–-]\s*(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ’'.]*\s?)"
    r"{1,4}){0,3}/[A-ZĐ]{2,8})\s*$|"
    # or a bare name of two to four words after the last full stop: "… ngay từ cơ sở. Trần Hòa"
    r"(?<=[.!?…”\"])\s+((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s?){2,4})\s*$|"
    # or in capitals after the closing mark of an official text: "… phù hợp./. MINH THÀNH"
    r"(?<=\./\.)\s*((?:[A-ZĐÀ-Ỹ]{2,}\s?){2,4})\s*$")
# A CMS login in place of a name, not a person: "quantritrangbang", "admin admin",
# "danvan.thixaKA" (not "T.Danh"), "Super User".
ACCOUNT = re.compile(r"^(?:([a-z][a-z0-9_.]*|[a-z][a-z0-9]*[._\d][a-zA-Z0-9_.]*)(?:\s+\1)?|admin\w*|"
                     r"quantri\w*|(?i:super user|administrator|quản trị viên))$")
# A credit of the source or a photo's caption closing the article ("Nguồn: Ban Dân vận Huyện ủy",
# "Ảnh: Quang cảnh hội nghị"): not the by-line, which may stand above it.
_CREDIT = re.compile(r"^\s*\(?(?:nguồn|nguồn tin|ảnh)\s*:|"
                     # the outlet alone on the line under the name ("Thái Bình⏎Báo Sóc Trăng")
                     r"^\s*(?:báo|đài|tạp chí|ttxvn)\b[^\n]{0,40}$")
# The writer's unit alone in parentheses under the name ("Cầm Thị Ngân⏎(Trung tâm TT-VH huyện)").
# Lines closing the page under the article: a rule ("-----"), the portal's name.
_RULE = re.compile(r"^\s*[-=_*~.·•]{3,}\s*$")
_SITE_NAME_MAX = 100
# The article's tools on one line ("Ý kiến bạn đọc | In bài | Gửi email").
_TOOL = r"(?:ý kiến bạn đọc|in bài|in trang|gửi email|gửi bài|chia sẻ|về đầu trang|quay lại|trở về|" \
        r"bình luận|gửi ý kiến|lưu bài|facebook|zalo|twitter|tweet|like|share|email|print)"
_TOOLS = re.compile(rf"^\s*{_TOOL}(?:(?:\s*[|•·/]\s*|\s{{2,}}){_TOOL})+\s*$")
_TAIL_MAX = 6   # lines of by-line, counters and footer read back from the article's end
_TAIL_PROSE_MAX = 12   # lines from the end searched for the article's last sentence
_PROSE_MIN = 80        # characters of a line that is a sentence whatever its end
_UNIT_UNDER = re.compile(r"^\s*\([^()\n]{2,60}\)\s*$")
# One link of a site owner's footer: "Ủy ban nhân dân xã Bum Tở", "huyện Mường Tè".
_FOOTER_PART = re.compile(r"(?:(?:ủy ban nhân dân|ubnd|hđnd|đảng ủy|đảng bộ)\s+)?"
                          r"(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+"
                          r"([^\W\d_]+(?: [^\W\d_]+){0,3})")
# The words an organisation's or a unit's name opens with: "Ban Dân vận Huyện ủy Krông Pắc",
# "HUYỆN ỦY GIAO THỦY - BAN DÂN VẬN", "Huyện Mường La - Sơn La".
_ORG_WORDS = re.compile(
    r"(?:(?:cổng|trang) (?:thông tin|ttđt)(?: điện tử)?|ủy ban nhân dân|ubnd|hđnd|ban dân vận|"
    r"ban tuyên giáo(?: và dân vận)?|ban xây dựng đảng|ủy ban (?:mttq|mặt trận tổ quốc)(?: việt nam)?|"
    r"mặt trận tổ quốc(?: việt nam)?|hội nông dân|hội liên hiệp phụ nữ|hội cựu chiến binh|"
    r"đoàn thanh niên|đảng ủy|đảng bộ|huyện ủy|tỉnh ủy|thành ủy|thị ủy|quận ủy|huyện|tỉnh|"
    r"thành phố|tp\.?|thị xã|xã|phường|thị trấn|quận)(?:\s+|$)")
# A document's own number in its header: "Số: 512-BC/HNDT", "Số 46-BC/ĐU".
OWN_NUMBER = re.compile(r"\s*số\s*:?\s*\d")
_RECIPIENTS = re.compile(r"\s*nơi nhận\s*:")
_SIGNING = re.compile(r"\s*(?:t/m|tm\.|k/t|kt\.|\(đã ký\)|\(ký|thay mặt|ký thay)")
_BULLET_NUM = re.compile(r"\s*\d{1,2}(?:\.\d{1,2})*[.)]\s")
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
    address: PageAddress | None = None
    key: str = field(init=False)
    lines: list[Span] = field(init=False)
    title: Span | None = field(init=False)
    header: list[Span] = field(init=False)   # lines above the title
    meta: list[Span] = field(init=False)     # header lines and meta lines under the title
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
        self.meta = []
        # Crawl stamps, breadcrumbs, menus, datelines, counter widgets, site and document headers
        # above the title.
        i = 0
        while i < len(nonempty) - 1 and self._is_header(nonempty, i):
            i += 1
            # An official document's title is the line under its kind ("BÁO CÁO" / "Kết quả
            # công tác dân vận tháng 8 năm 2022"), whatever case it is in.
            if _DOC_KIND.match(key, nonempty[i - 1].start, nonempty[i - 1].end):
                break
        i = self._title_over_dateline(nonempty, i)
        self.header = nonempty[:i]
        self.meta += self.header
        self.title = nonempty[i] if i < len(nonempty) else None
        if self.title is not None:   # a dateline glued in front of the title
            m = _DATE_PREFIX.match(key, self.title.start, self.title.end)
            if m and self.title.end - m.end() > _GLUED_TITLE_MIN:
                t = self.title
                self.meta.append(Span(t.start, m.end(), self.text[t.start:m.end()]))
                self.title = Span(m.end(), t.end, self.text[m.end():t.end])
        rest = nonempty[i + 1:]
        # A title wrapped over two lines ("... quý I/2023," / "triển khai nhiệm vụ quý II") over
        # its dateline or counter: one title.
        if self.title is not None and len(rest) > 1 and _wrapped(self.title.text, rest[0].text) \
                and not _META.match(key[rest[0].start:rest[0].end]) \
                and _META.match(key[rest[1].start:rest[1].end]):
            t = self.title
            self.title = Span(t.start, rest[0].end, self.text[t.start:rest[0].end])
            rest = rest[1:]
        # A title printed twice (FORMS §10: duplicated titles) before its dateline: the copy is
        # page furniture, not the lead.
        info_byline = None
        while rest and self.title is not None:
            ln, k = rest[0], key[rest[0].start:rest[0].end]
            info = _INFO_BYLINE.match(k)
            if info and info_byline is None and _is_byline(ln.text[info.start(1):info.end(1)]) \
                    and (not _META.match(k) or re.match(_INFO_VIEWS, k) or re.match(_BEFORE_DATELINE, k)) \
                    and len(k) < 120:   # not a lead after "NAME |"
                info_byline = Span(ln.start + info.start(1), ln.start + info.end(1),
                                   ln.text[info.start(1):info.end(1)])
            elif info_byline is None and self._byline_above_meta(rest):
                info_byline = ln
            elif info_byline is None and _META.match(k) and _LEADING_BYLINE.match(k) \
                    and _is_byline(ln.text[:_LEADING_BYLINE.match(k).end(1)]):
                f = _LEADING_BYLINE.match(k)
                info_byline = Span(ln.start, ln.start + f.end(1), ln.text[:f.end(1)])
            elif info_byline is None and _META.match(k) and _INFO_FIELD_BYLINE.search(k):
                f = _INFO_FIELD_BYLINE.search(k)
                info_byline = Span(ln.start + f.start(1), ln.start + f.end(1),
                                   ln.text[f.start(1):f.end(1)])
            elif not (_META.match(k) or ln.text.strip() == self.title.text.strip()
                      or (SITE_WORDS.match(k) and len(k) <= 80)   # the portal's name
                      or re.fullmatch(r"\(([^()]+)\)", ln.text.strip())   # "(Ban Dân vận Huyện ủy X)"
                      and _org_name(ln.text.strip()[1:-1])):
                break
            self.meta.append(rest.pop(0))
        chrome_at = next((j for j, ln in enumerate(rest)
                          if len(ln.text) < 160 and _CHROME.match(key[ln.start:ln.end])), len(rest))
        body, self.chrome = rest[:chrome_at], rest[chrome_at:]
        # Trailing meta (a view counter after the by-line), then the by-line.
        self.tail, self.byline = [], info_byline
        for _ in range(_TAIL_MAX):
            if not body:
                break
            last = body[-1]
            k = key[last.start:last.end]
            tags = _TAGS_AFTER.search(k)
            if tags and tags.start() > 0:   # "Thu Hà • Từ khóa: ..."
                last = Span(last.start, last.start + tags.start(), last.text[:tags.start()])
            if _META.match(k):
                self.tail.insert(0, body.pop())
            elif _page_footer(last.text, k) \
                    or _unit_under_byline(last.text, body[-2].text if len(body) > 1 else ""):
                self.chrome.insert(0, body.pop())
            elif (self.byline is None or self._account_byline()) and _is_byline(last.text) \
                    and not self._signed(body):
                body.pop()
                self.byline = last
            else:
                break
        if self.byline is None:
            self._byline_after_prose(body)
        if body and self.byline is None:   # names glued after the last sentence
            last = body[-1]
            m = _GLUED_BYLINE.search(last.text)
            g = m.lastindex if m else None   # the name, with or without an outlet code
            if m and _is_byline(m.group(g)) and (g < 3 or m.group(g).isupper()) \
                    and not self._signed(body):   # a signer beside the recipients list
                self.byline = Span(last.start + m.start(g), last.start + m.end(g), m.group(g))
                cut = last.text[:m.start()].rstrip()
                body[-1] = Span(last.start, last.start + len(cut), cut)
        # A by-line straight under the title ("Minh Ngọc- Thu Hà", "MINH TÂN |") when none ends
        # the article.
        # On a one-paragraph article only two names joined by a dash say by-line (FORMS §9).
        if self.byline is None and len(body) > 1 and (len(body[0].text) < 45 or (
                len(body[0].text) < 100 and BYLINE_LABEL.match(body[0].text))) and (
                _TOP_BYLINE.match(body[0].text) or (len(body) > 2 and _is_byline(body[0].text))
                or _two_names(body[0].text)):
            self.byline = body.pop(0)
        if self.byline is None:   # a labelled by-line above the title
            self.byline = next((ln for ln in self.header if BYLINE_LABEL.match(ln.text)
                                and _is_byline(ln.text)), None)
        if not body and self.title is not None:   # a one-paragraph page: the title line is all
            body = [self.title]
        self.body = body
        self.plans_start = None
        for above, ln in zip(body, body[1:]):
            k = key[ln.start:ln.end]
            # a document's title block names its plans too ("BÁO CÁO / kết quả công tác dân vận
            # quý III năm 2022, / phương hướng, nhiệm vụ quý IV năm 2022"): not where they start
            if above.text.rstrip().endswith(",") or _DOC_KIND.match(key, above.start, above.end):
                continue
            if (_PLAN_HEAD.match(k) and len(ln.text) < 200) or _PLAN_SENTENCE.search(k):
                self.plans_start = ln.start
                break

    def _byline_after_prose(self, body: list[Span]) -> None:
        """A by-line on the line after the article's last sentence, over page furniture of any
        kind not recognised line by line (related news, a footer): the by-line closes the
        article, what follows it goes to the tail (counters) or the chrome."""
        last = max(0, len(body) - _TAIL_PROSE_MAX)
        for n in range(len(body) - 2, last - 1, -1):
            if not _prose(body[n].text):
                continue
            cand = body[n + 1]
            if _is_byline(cand.text) and not self._signed(body[:n + 2]) \
                    and not _META.match(self.key[cand.start:cand.end]):
                after = body[n + 2:]
                del body[n + 1:]
                self.byline = cand
                self.tail += [ln for ln in after if _META.match(self.key[ln.start:ln.end])]
                self.chrome[:0] = [ln for ln in after if not _META.match(self.key[ln.start:ln.end])]
            return

    def _title_over_dateline(self, lines: list[Span], i: int) -> int:
        """Where the title is when ``lines[i]`` opens a run of menu items and category labels
        copied one per line ("Giới thiệu" / "Tin tức" / "Dân vận"), or a site name with its menu
        on one line: the line that the dateline or the counter follows (else ``i``)."""
        for j in range(i + 1, min(len(lines) - 1, i + _MENU_LINES_MAX)):
            under = self.key[lines[j + 1].start:lines[j + 1].end]
            if not _META.match(under) or _glued_title(under):
                if _menu_like(lines[j].text):
                    continue
                if not (j + 2 < len(lines) and _wrapped(lines[j].text, lines[j + 1].text)
                        and _META.match(self.key[lines[j + 2].start:lines[j + 2].end])):
                    return i   # (a title wrapped over two lines over its dateline goes on)
            title = lines[j].text.strip()
            if _META.match(self.key[lines[j].start:lines[j].end]) or len(title) > _TITLE_MAX \
                    or _is_byline(title):
                return i
            return j if all(_menu_like(ln.text) for ln in lines[i:j]) else i
        return i

    def _byline_above_meta(self, rest: list[Span]) -> bool:
        """Whether ``rest`` opens with a by-line on its own line and then the dateline or the
        counter ("Hồng Nhung- Đức Anh" over "Ngày đăng: 19/04/2024 10:25 Lượt xem: 642"), maybe
        with the writer's unit ("Quốc Trung - Trung tâm Văn hóa, Thông tin và Thể thao huyện")."""
        if len(rest) < 2 or len(rest[0].text) >= 80:
            return False
        return (_is_byline(rest[0].text) or _two_names(rest[0].text)) and bool(
            _META.match(self.key[rest[1].start:rest[1].end]))

    def _account_byline(self) -> bool:
        """Whether the by-line found on the info line is a CMS login ("Tác giả: quantriphongphu"),
        so that a name closing the article is the writer's."""
        return self.byline is not None and bool(ACCOUNT.match(
            BYLINE_LABEL.sub("", self.byline.text).strip()))

    def _signed(self, body: list[Span]) -> bool:
        """Whether ``body`` ends in an official document's signature block: a name under its
        recipients list ("Nơi nhận:") or its signing formula ("T/M BAN DÂN VẬN", "(đã ký)")
        signs the document and is no by-line."""
        return any(_RECIPIENTS.match(self.key, ln.start, ln.end)
                   or _SIGNING.match(self.key, ln.start, ln.end) for ln in body[-6:])

    def _is_header(self, lines: list[Span], i: int, caps_ok: bool = True) -> bool:
        """Whether ``lines[i]`` sits above the title (the title is the first line that does not)."""
        k = self.key[lines[i].start:lines[i].end]
        text = lines[i].text.strip()
        if re.match(r"^\s*date \d{4}-\d{2}", k) or _NAV.match(k) or _OFFICIAL_HEAD.match(k) \
                or _widget_line(k) or (
                _META.match(k) and not _glued_title(k)):
            return True
        if text.count("|") >= 2 and not re.search(r"[.;]\s", text):   # a menu
            return True
        if re.match(r"lts\s*:", k):   # the editor's note opening the page ("LTS: Báo cáo ...")
            return True
        # A category path over the dateline ("Tin hoạt động | Dân vận" over "Cập nhật: ...").
        if _CATEGORY.fullmatch(text) and i + 1 < len(lines) and _META.match(
                self.key[lines[i + 1].start:lines[i + 1].end]):
            return True
        # A labelled by-line over the dateline, both above the title ("Tác giả: Kim Ngân - Quận
        # ủy Ninh Kiều" over "Cập nhật: 30/12/2021 09:55").
        if i + 1 < len(lines) and BYLINE_LABEL.match(text) and _is_byline(text) and _META.match(
                self.key[lines[i + 1].start:lines[i + 1].end]):
            return True
        # The site owner's or the issuer's name over the breadcrumb, the dateline or a title-sized
        # line: "Ban Dân vận Huyện ủy Krông Pắc" over "Trang chủ / Hoạt động", "Thành phố Thủ Dầu
        # Một, tỉnh Bình Dương" over "BÁO CÁO CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021".
        if i + 1 < len(lines) and _org_name(text) and (
                len(lines[i + 1].text) <= _TITLE_MAX
                or self._is_header(lines, i + 1, caps_ok=False)):
            return True
        # The portal's name alone ("Cổng thông tin điện tử huyện Bảo Lạc") opening the page.
        site = SITE_WORDS.search(k)
        if site and not k[:site.start()].strip() and len(text) <= 80 and i + 1 < len(lines):
            return True
        # A two-column document header: "BAN DÂN VẬN        Nghĩa Lộ, ngày 31 tháng 8 năm 2022".
        columns = re.split(r"\s{4,}", text)
        if len(columns) > 1 and all(_OFFICIAL_HEAD.match(match_key(c)) or (
                c.isupper() and len(c) <= 60) for c in columns):
            return True
        letters = [c for c in text if c.isalpha()]
        if not (caps_ok and letters and all(c.isupper() for c in letters) and len(text) <= 100):
            return False
        # A line in capitals is the site's or the issuer's name when more header follows, or
        # when the next line is a title with its meta line under it; else it is the title.
        if SITE_WORDS.search(k):
            return True
        if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text):   # a dated heading is the title
            return False
        if i + 1 >= len(lines):
            return False
        nxt = self.key[lines[i + 1].start:lines[i + 1].end]
        if _META.match(nxt) and not _glued_title(nxt):
            return False
        if self._is_header(lines, i + 1, caps_ok=False) or (
                lines[i + 1].text.strip().isupper() and len(lines[i + 1].text) <= 100):
            return True
        nxt_text = lines[i + 1].text.strip()
        if len(nxt_text) < 45 and (_is_byline(nxt_text) or _two_names(nxt_text)):
            return False   # the title in capitals over its by-line ("Lò Thu Hà- Quàng Vinh")
        after = self.key[lines[i + 2].start:lines[i + 2].end] if i + 2 < len(lines) else ""
        return bool(_META.match(after)) and not _META.match(
            self.key[lines[i + 1].start:lines[i + 1].end])

    @property
    def regions(self) -> list[Span]:
        """The title (unless it is the whole article) and the body lines, in text order."""
        if self.title is None or (self.body and self.body[0] is self.title):
            return list(self.body)
        return [self.title, *self.body]

    @property
    def blocks(self) -> list[Span]:
        """The regions with hard-wrapped lines joined: a line that does not end a sentence and a
        next line that starts in lower case ("52 triệu⏎đồng/người/năm") are one block, and so are
        a line ending in a lower-case word and a next line that starts with a number that is not
        a list item ("đóng góp hơn⏎2,1 tỷ đồng")."""
        out: list[Span] = []
        for ln in self.regions:
            prev = out[-1].text if out else ""
            if out and ln is not self.body[0] and not re.search(r"[.:;!?…”\"]\s*$", prev) and (
                    re.match(r"\s*[a-zà-ỹđ]", ln.text) or (
                        re.search(r"(?<![\w])[a-zà-ỹđ]+\s*$", prev)
                        and re.match(r"\s*\d", ln.text) and not _BULLET_NUM.match(ln.text))):
                prev = out.pop()
                ln = Span(prev.start, ln.end, self.text[prev.start:ln.end])
            out.append(ln)
        return out

    def mark_plans(self, offset: int) -> None:
        """Mark where the next-period plans begin when an extractor that knows the reported period
        finds a plan run into the text ("Quý IV, khối dân vận tập trung: ...")."""
        self.plans_start = offset

    def section_at(self, offset: int) -> str:
        """'plans' at or after the next-period heading, else 'results'."""
        return "plans" if self.plans_start is not None and offset >= self.plans_start else "results"

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the title and body (underthesea's segmenter, mapped back to offsets), a
        hard-wrapped sentence whole."""
        out: list[Span] = []
        for ln in self.blocks:
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
    # The writer's role or place in parentheses after the name: "Y Hiền (CTV)".
    s = _ROLE_TAIL.sub("", line.strip().rstrip("|").strip())
    if not s or len(s) > 80 or s.startswith(("Ảnh:", "Ảnh :", "Nguồn")):
        return False
    if BYLINE_LABEL.match(s):
        return True
    if s[-1] in ".:;,!?" and not re.search(r"\b[A-ZĐ]\.$", s) or _DATE_IN.search(s):
        return False
    # the writer's unit after a dash ("Hồng Nhung- Ban Dân vận Huyện ủy") is not counted
    name = re.split(r"\s[-–]\s*|(?<=\w)[-–]\s|/", s)[0]
    head, comma, unit = name.partition(",")   # "Lữ Thị Hằng, Ban Dân vận Huyện ủy"
    if comma and NOT_PERSON.search(match_key(unit)):
        name = head
    if NOT_PERSON.search(match_key(name)):
        return False
    return bool(_NAME_LINE.match(s)) and len(name.split()) <= 8


def _org_name(line: str) -> bool:
    """A line that is only an organisation's or a place's name, maybe with its parents: each part
    opens with organisation or unit words and goes on with at most four capitalised words, no
    figure but a 2025 ward's number ("PHƯỜNG HÀ GIANG 1 - TỈNH TUYÊN QUANG") and no verb ("Huyện
    ủy Phú Tân tổng kết ..." is a title)."""
    text = line.strip()
    if not text or len(text) > 80 or re.search(r"\d(?!\d?(?:\s|$))|(?<!\s)\d", text):
        return False
    for n, part in enumerate(re.split(r"\s+[-–|]\s+|\s*,\s*", text)):
        key, at = match_key(part), 0
        while m := _ORG_WORDS.match(key, at):
            at = m.end()
        words = part[at:].split()
        if (n == 0 and not at) or len(words) > 4 or not (at or words) \
                or not all(w[0].isupper() or w.isdigit() for w in words):
            return False
    return True


def _unit_under_byline(line: str, above: str) -> bool:
    """The writer's unit on the line under the by-line: in parentheses ("Cầm Thị Ngân" over
    "(Trung tâm TT-VH huyện)"), an organisation's name alone ("Lê Thị Ngọc Yến" over "Ban Dân vận
    Huyện ủy"), or an organisation under a labelled by-line ("Tin: Lò Văn Chung" over "Trung tâm
    Văn hóa - Truyền thanh - Truyền hình huyện Điện Biên Đông")."""
    if not _is_byline(above):
        return False
    key = match_key(line)
    # (or an office under a label, the name above it: "MINH HUYỀN" over "Tin, ảnh: Ban Dân vận")
    return bool(_UNIT_UNDER.match(key)) or _org_name(line) or bool(
        NOT_PERSON.search(key) and len(key) < 100 and (
            BYLINE_LABEL.match(above) or (BYLINE_LABEL.match(line) and not BYLINE_LABEL.match(above))))


def _page_footer(line: str, key: str) -> bool:
    """A line of page furniture under the article, read back from the page's end: the owner's
    name, a photo or source credit, a counter widget's line, the article's tools, the footer's
    menu, a rule, the portal's name."""
    return bool(_owner_footer(line) or _CREDIT.match(key) or _widget_line(key) or _TOOLS.match(key)
                or _NAV.match(key) or _RULE.match(key)
                or (SITE_WORDS.match(key) and len(key) <= _SITE_NAME_MAX))


def _widget_line(key: str) -> bool:
    """A visit counter's fields on one line closing the page ("Thống kê: 2.941 | Online: 9"):
    chrome, where the counters are read, not the article's last line."""
    parts = [p.strip() for p in re.split(r"\s*\|\s*|(?<=\d)\s{2,}",   # "1.204.377   Online: 31"
                                         re.sub(r"^\s*thống kê(?: truy cập)?\s*:\s*(?=\D+:)", "", key))]
    return len(parts) > 1 and all(re.match(_COUNTER_LINE, p) and re.search(r"\d", p)
                                  for p in parts)


def _owner_footer(line: str) -> bool:
    """The site owner's name and place chain closing a page, and nothing else on the line:
    "UBND xã Bum Tở - huyện Mường Tè - tỉnh Lai Châu" (each name capitalised)."""
    text = line.strip()
    key = match_key(text)
    links = at = 0
    for sep in [*re.finditer(r"\s+[-–]\s+|\s*,\s*", key), None]:
        end = sep.start() if sep else len(key)
        m = _FOOTER_PART.fullmatch(key, at, end)
        if not m or not all(w[0].isupper() for w in text[m.start(1):m.end(1)].split()):
            return False
        links += 1
        at = sep.end() if sep else end
    return links >= 2


def _wrapped(first: str, second: str) -> bool:
    """Whether ``second`` goes on with the line ``first`` broke ("... quý I/2023," / "triển khai
    nhiệm vụ quý II")."""
    return len(second) <= _TITLE_MAX and (first.rstrip().endswith(",")
                                         or second.lstrip()[:1].islower())


def _prose(line: str) -> bool:
    """A sentence of the article: long, or closed by its punctuation."""
    text = line.strip()
    return len(text) > _PROSE_MIN or bool(re.search(r"[.;!?…”\"]$", text))


def _menu_like(line: str) -> bool:
    """A menu item or category label copied on its own line ("Mặt trận - Đoàn thể"), or a whole
    menu copied on one line with its items apart ("Cổng thông tin ...    Trang chủ  Tin tức")."""
    text = line.strip()
    if len(re.findall(r"\S\s{2,}(?=\S)", text)) >= 2 or _NAV.match(match_key(text)) or (
            SITE_WORDS.search(text) and len(text) <= _SITE_NAME_MAX) or _org_name(text):
        return True   # a breadcrumb, the portal's or the owner's name
    return len(text) <= _CATEGORY_MAX and not re.search(r"[\d:.;,]", text)


def _two_names(line: str) -> bool:
    """"Minh Đức- Hải Yến": two by-line names joined by a dash."""
    parts = re.split(r"\s*[-–]\s*", line.strip())
    return len(parts) == 2 and all(1 < len(p.split()) <= 4 and _is_byline(p) for p in parts)


def page_from_text(text: str, source: str, encoding: str = "utf-8", is_html: bool = False,
                   address: PageAddress | None = None) -> Page:
    """A page from already decoded text (HTML markup is rendered first).

    ``address`` comes from outside the page (a sidecar file); an HTML page's own canonical
    address, site name and date take precedence over it.
    """
    if is_html:
        text, own = render_html(text)
        address = own.merged(address)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(source=source, text=text, encoding=encoding, is_html=is_html, address=address)


def looks_like_html(name: str, text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return (Path(name).suffix.lower() in (".html", ".htm", ".xhtml")
            or head.startswith(("<!doctype html", "<html")))


def read_page(data: bytes, source: str, address: PageAddress | None = None) -> Page:
    """Decode page bytes (raising ``PageDecodeError`` naming ``source``) and segment them."""
    decoded = decode_bytes(data, source)
    return page_from_text(decoded.text, source, decoded.encoding,
                          is_html=looks_like_html(source, decoded.text), address=address)
