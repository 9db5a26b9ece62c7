"""Deterministic synthetic corpus of "công tác dân vận" quarterly report pages, with gold facts.

For benchmarks and scale tests only: every page says in its text that it is machine-made
(:data:`SYNTHETIC_MARKER`) and so does its gold ``notes``. Never mix these pages into real data.

The pages imitate the genre of ``/work/shared/corpus``: a title with the reported quarter, a
view counter, results paragraphs citing Party and State documents, money and counts, a
next-quarter task list, a by-line and portal chrome (other headlines, visit statistics). About
one page in five is a full HTML page, about one in twenty is written as NFD bytes.

The gold file beside each page is built from the same values that were rendered into the text,
never by parsing the text. Central documents (and the provincial documents of Lào Cai) are real
codes, dates and issuers; documents of a locality's own Party committee or People's Committee
are invented, as are all figures, counters and names of people.

Determinism: the locality order comes from ``random.Random(seed)``; everything on a page comes
from RNGs seeded with strings built from ``(seed, locality slug, year, quarter)`` (string seeds
are hashed with SHA-512 by :mod:`random`, so they do not depend on ``PYTHONHASHSEED``). A
smaller corpus therefore contains byte-identical copies of the pages of a larger one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SYNTHETIC_MARKER = "Dữ liệu tổng hợp – trang mẫu do máy sinh, không phải văn bản thật"

# --------------------------------------------------------------------------------------------
# Localities
# --------------------------------------------------------------------------------------------

DISTRICTS: dict[str, tuple[tuple[str, str], ...]] = {
    "Lào Cai": (
        ("thành phố", "Lào Cai"), ("huyện", "Bát Xát"), ("huyện", "Mường Khương"),
        ("huyện", "Si Ma Cai"), ("huyện", "Bắc Hà"), ("huyện", "Bảo Thắng"),
        ("huyện", "Bảo Yên"), ("thị xã", "Sa Pa"), ("huyện", "Văn Bàn"),
    ),
    "Yên Bái": (
        ("thành phố", "Yên Bái"), ("thị xã", "Nghĩa Lộ"), ("huyện", "Lục Yên"),
        ("huyện", "Văn Yên"), ("huyện", "Mù Cang Chải"), ("huyện", "Trấn Yên"),
        ("huyện", "Trạm Tấu"), ("huyện", "Văn Chấn"), ("huyện", "Yên Bình"),
    ),
    "Hà Giang": (
        ("thành phố", "Hà Giang"), ("huyện", "Đồng Văn"), ("huyện", "Mèo Vạc"),
        ("huyện", "Yên Minh"), ("huyện", "Quản Bạ"), ("huyện", "Vị Xuyên"), ("huyện", "Bắc Mê"),
        ("huyện", "Hoàng Su Phì"), ("huyện", "Xín Mần"), ("huyện", "Bắc Quang"),
        ("huyện", "Quang Bình"),
    ),
    "Lai Châu": (
        ("thành phố", "Lai Châu"), ("huyện", "Tam Đường"), ("huyện", "Mường Tè"),
        ("huyện", "Sìn Hồ"), ("huyện", "Phong Thổ"), ("huyện", "Than Uyên"),
        ("huyện", "Tân Uyên"), ("huyện", "Nậm Nhùn"),
    ),
    "Sơn La": (
        ("thành phố", "Sơn La"), ("huyện", "Quỳnh Nhai"), ("huyện", "Thuận Châu"),
        ("huyện", "Mường La"), ("huyện", "Bắc Yên"), ("huyện", "Phù Yên"), ("huyện", "Mộc Châu"),
        ("huyện", "Yên Châu"), ("huyện", "Mai Sơn"), ("huyện", "Sông Mã"), ("huyện", "Sốp Cộp"),
        ("huyện", "Vân Hồ"),
    ),
    "Điện Biên": (
        ("thành phố", "Điện Biên Phủ"), ("thị xã", "Mường Lay"), ("huyện", "Mường Nhé"),
        ("huyện", "Mường Chà"), ("huyện", "Tủa Chùa"), ("huyện", "Tuần Giáo"),
        ("huyện", "Điện Biên"), ("huyện", "Điện Biên Đông"), ("huyện", "Mường Ảng"),
        ("huyện", "Nậm Pồ"),
    ),
    "Cao Bằng": (
        ("thành phố", "Cao Bằng"), ("huyện", "Bảo Lâm"), ("huyện", "Bảo Lạc"),
        ("huyện", "Hà Quảng"), ("huyện", "Trùng Khánh"), ("huyện", "Hạ Lang"),
        ("huyện", "Quảng Hòa"), ("huyện", "Hòa An"), ("huyện", "Nguyên Bình"),
        ("huyện", "Thạch An"),
    ),
    "Tuyên Quang": (
        ("thành phố", "Tuyên Quang"), ("huyện", "Lâm Bình"), ("huyện", "Na Hang"),
        ("huyện", "Chiêm Hóa"), ("huyện", "Hàm Yên"), ("huyện", "Yên Sơn"),
        ("huyện", "Sơn Dương"),
    ),
}
"""District-level units (until 30/06/2025) per province: (unit word, name)."""

COMMUNES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Lào Cai", "Sa Pa"): (
        "Ngũ Chỉ Sơn", "Trung Chải", "Tả Phìn", "Hoàng Liên", "Thanh Bình", "Mường Hoa",
        "Tả Van", "Mường Bo", "Bản Hồ", "Liên Minh",
    ),
    ("Lào Cai", "Bảo Thắng"): (
        "Bản Cầm", "Bản Phiệt", "Gia Phú", "Phong Niên", "Phú Nhuận", "Sơn Hà", "Sơn Hải",
        "Thái Niên", "Trì Quang", "Xuân Giao", "Xuân Quang",
    ),
    ("Lào Cai", "Bát Xát"): (
        "A Mú Sung", "A Lù", "Y Tý", "Trịnh Tường", "Bản Qua", "Bản Vược", "Cốc Mỳ", "Dền Sáng",
        "Mường Hum", "Mường Vi", "Nậm Chạc", "Quang Kim", "Sàng Ma Sáo", "Tòng Sành", "Bản Xèo",
        "Pa Cheo", "Phìn Ngan", "Trung Lèng Hồ", "Nậm Pung", "Dền Thàng", "Cốc San",
    ),
    ("Lào Cai", "Bắc Hà"): (
        "Bản Phố", "Bảo Nhai", "Hoàng Thu Phố", "Lùng Cải", "Lùng Phình", "Nậm Đét", "Nậm Lúc",
        "Nậm Mòn", "Tả Củ Tỷ", "Tả Van Chư", "Thải Giàng Phố", "Bản Liền", "Cốc Lầu", "Na Hối",
        "Nậm Khánh",
    ),
    ("Lào Cai", "Mường Khương"): (
        "Bản Lầu", "Bản Xen", "Cao Sơn", "La Pan Tẩn", "Lùng Khấu Nhin", "Lùng Vai",
        "Nậm Chảy", "Nấm Lư", "Pha Long", "Tả Gia Khâu", "Tả Ngải Chồ", "Dìn Chin",
        "Tung Chung Phố",
    ),
    ("Lào Cai", "Si Ma Cai"): (
        "Bản Mế", "Cán Cấu", "Lùng Thẩn", "Nàn Sán", "Quan Thần Sán", "Sán Chải", "Sín Chéng",
        "Thào Chư Phìn",
    ),
    ("Lào Cai", "Văn Bàn"): (
        "Chiềng Ken", "Dần Thàng", "Dương Quỳ", "Hòa Mạc", "Khánh Yên Hạ", "Khánh Yên Thượng",
        "Khánh Yên Trung", "Làng Giàng", "Liêm Phú", "Minh Lương", "Nậm Chầy", "Nậm Dạng",
        "Nậm Tha", "Nậm Xây", "Sơn Thủy", "Tân An", "Tân Thượng", "Thẩm Dương", "Võ Lao",
    ),
    ("Lào Cai", "Bảo Yên"): (
        "Bảo Hà", "Cam Cọn", "Điện Quan", "Kim Sơn", "Long Khánh", "Long Phúc", "Lương Sơn",
        "Minh Tân", "Nghĩa Đô", "Tân Dương", "Tân Tiến", "Thượng Hà", "Việt Tiến", "Vĩnh Yên",
        "Xuân Hòa", "Xuân Thượng",
    ),
    ("Yên Bái", "Mù Cang Chải"): (
        "Lao Chải", "Khao Mang", "Mồ Dề", "Chế Cu Nha", "Kim Nọi", "Cao Phạ", "Nậm Khắt",
        "Púng Luông", "Dế Xu Phình", "Chế Tạo", "Hồ Bốn", "Nậm Có", "Khau Phạ",
    ),
    ("Yên Bái", "Trạm Tấu"): (
        "Bản Mù", "Bản Công", "Hát Lừu", "Xà Hồ", "Túc Đán", "Pá Hu", "Pá Lau", "Phình Hồ",
        "Làng Nhì", "Tà Si Láng",
    ),
}
"""Communes (xã) used as further localities, keyed by (province, parent district)."""

# Per unit word: Party committee, its issuer letters, youth union, sub-units, level.
UNIT_WORDS: dict[str, dict[str, str]] = {
    "huyện": {"committee": "Huyện ủy", "code": "HU", "youth": "Huyện đoàn",
              "subunits": "các xã, thị trấn", "sub": "xã", "level": "district"},
    "thị xã": {"committee": "Thị ủy", "code": "TU", "youth": "Thị đoàn",
               "subunits": "các xã, phường", "sub": "xã, phường", "level": "district"},
    "thành phố": {"committee": "Thành ủy", "code": "TU", "youth": "Thành đoàn",
                  "subunits": "các phường, xã", "sub": "phường, xã", "level": "district"},
    "xã": {"committee": "Đảng ủy xã", "code": "ĐU", "youth": "Đoàn Thanh niên xã",
           "subunits": "các thôn, bản", "sub": "thôn", "level": "commune"},
}


@dataclass(frozen=True)
class Locality:
    """A reporting locality: name without unit word, unit word, province, parent district."""

    name: str
    locality_type: str
    province: str
    parent: str | None = None

    @property
    def slug(self) -> str:
        return _slug(self.name)

    @property
    def place(self) -> str:
        """'huyện Bảo Thắng', 'xã Bản Hồ'."""
        return f"{self.locality_type} {self.name}"


def _slug(text: str) -> str:
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    kept = "".join(c if c.isascii() and c.isalnum() else " "
                   for c in base.lower() if not unicodedata.combining(c))
    return "-".join(kept.split())


def all_localities(seed: int) -> list[Locality]:
    """Every locality in corpus order for ``seed``: districts shuffled, every fourth a commune."""
    rng = random.Random(seed)
    districts = [Locality(n, t, p) for p, units in DISTRICTS.items() for t, n in units]
    communes = [Locality(n, "xã", p, parent) for (p, parent), names in COMMUNES.items()
                for n in names]
    rng.shuffle(districts)
    rng.shuffle(communes)
    out: list[Locality] = []
    seen: set[str] = set()
    while districts or communes:
        take_commune = communes and (len(out) % 4 == 3 or not districts)
        loc = communes.pop(0) if take_commune else districts.pop(0)
        if loc.slug not in seen:
            seen.add(loc.slug)
            out.append(loc)
    return out


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------

CENTRAL_DOCS: tuple[tuple[str, str, str, str, str], ...] = (
    # (document word, code, issue date, issuer as written after "của", subject)
    ("Kết luận", "120-KL/TW", "2016-01-07", "Bộ Chính trị",
     "về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế "
     "dân chủ ở cơ sở"),
    ("Kết luận", "114-KL/TW", "2015-07-14", "Ban Bí thư",
     "về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp"),
    ("Nghị quyết", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương",
     "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"),
    ("Nghị định", "04/2015/NĐ-CP", "2015-01-09", "Chính phủ",
     "về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp "
     "công lập"),
    ("Quyết định", "290-QĐ/TW", "2010-02-25", "Bộ Chính trị",
     "về Quy chế công tác dân vận của hệ thống chính trị"),
    ("Quyết định", "23-QĐ/TW", "2021-07-30", "Ban Chấp hành Trung ương",
     "ban hành Quy chế công tác dân vận của hệ thống chính trị"),
    ("Quy định", "11-QĐi/TW", "2019-02-18", "Bộ Chính trị",
     "về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân "
     "và xử lý những phản ánh, kiến nghị của dân"),
    ("Chỉ thị", "49-CT/TW", "2015-10-20", "Ban Bí thư",
     "về tăng cường và đổi mới công tác dân vận của Đảng ở vùng đồng bào dân tộc thiểu số"),
    ("Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị",
     "về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị",
     "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Chỉ thị", "10-CT/TW", "2016-12-15", "Ban Bí thư",
     "về Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"),
    ("Kết luận", "07-KL/TW", "2011-06-20", "Ban Bí thư",
     "về công tác người Hoa trong tình hình mới"),
    ("Chỉ thị", "62-CT/TW", "1995-11-08", "Ban Bí thư",
     "về tăng cường công tác người Hoa trong tình hình mới"),
    ("Kết luận", "21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương Đảng",
     "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
    ("Quyết định", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị",
     "ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn "
     "thể chính trị – xã hội"),
    ("Quyết định", "218-QĐ/TW", "2013-12-12", "Bộ Chính trị",
     "ban hành Quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị – xã hội và "
     "Nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền"),
    ("Kế hoạch", "70-KH/BDVTW", "2009-02-26", "Ban Dân vận Trung ương",
     "về phong trào thi đua “Dân vận khéo”"),
    ("Chỉ thị", "15/CT-TTg", "2020-03-27", "Thủ tướng Chính phủ",
     "về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19"),
    ("Chỉ thị", "16/CT-TTg", "2020-03-31", "Thủ tướng Chính phủ",
     "về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"),
    ("Nghị quyết", "42/NQ-CP", "2020-04-09", "Chính phủ",
     "về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch COVID-19"),
    ("Quyết định", "15/2020/QĐ-TTg", "2020-04-24", "Thủ tướng Chính phủ",
     "quy định việc thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch COVID-19"),
    ("Nghị quyết", "133/2020/QH14", "2020-11-17", "Quốc hội",
     "về ngày bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp"),
    ("Nghị quyết", "68/NQ-CP", "2021-07-01", "Chính phủ",
     "về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại "
     "dịch COVID-19"),
    ("Quyết định", "23/2021/QĐ-TTg", "2021-07-07", "Thủ tướng Chính phủ",
     "quy định việc thực hiện một số chính sách hỗ trợ người lao động và người sử dụng lao động "
     "gặp khó khăn do đại dịch COVID-19"),
    ("Nghị quyết", "128/NQ-CP", "2021-10-11", "Chính phủ",
     "ban hành Quy định tạm thời “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch "
     "COVID-19”"),
    ("Quyết định", "1719/QĐ-TTg", "2021-10-14", "Thủ tướng Chính phủ",
     "phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân "
     "tộc thiểu số và miền núi"),
    ("Quyết định", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ",
     "phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững"),
    ("Quyết định", "263/QĐ-TTg", "2022-02-22", "Thủ tướng Chính phủ",
     "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới"),
    ("Nghị định", "149/2018/NĐ-CP", "2018-11-07", "Chính phủ",
     "quy định chi tiết về thực hiện quy chế dân chủ ở cơ sở tại nơi làm việc"),
    ("Nghị định", "162/2017/NĐ-CP", "2017-12-30", "Chính phủ",
     "quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo"),
    ("Luật", "10/2022/QH15", "2022-11-10", "Quốc hội", "về thực hiện dân chủ ở cơ sở"),
    ("Nghị định", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ",
     "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở"),
    ("Kết luận", "137-KL/TW", "2025-03-28", "Bộ Chính trị, Ban Bí thư",
     "về Đề án sắp xếp, tổ chức lại đơn vị hành chính các cấp và xây dựng mô hình tổ chức "
     "chính quyền địa phương 2 cấp"),
    ("Nghị quyết", "74/NQ-CP", "2025-04-07", "Chính phủ",
     "về kế hoạch triển khai sắp xếp, tổ chức lại đơn vị hành chính"),
)
"""Real central documents, with the date and issuer the corpus pages give for them."""

PROVINCE_DOCS: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "Lào Cai": (
        ("Chỉ thị", "40-CT/TU", "2014-03-28", "Tỉnh ủy",
         "về tăng cường sự lãnh đạo của Đảng đối với công tác dân tộc trên địa bàn tỉnh"),
        ("Chỉ thị", "09-CT/TU", "2011-04-19", "Ban Thường vụ Tỉnh ủy",
         "về ngăn chặn tình trạng di cư tự do trên địa bàn tỉnh"),
        ("Chỉ thị", "22-CT/TU", "2012-05-07", "Tỉnh ủy",
         "về thực hiện cải cách hành chính, nâng cao hiệu lực, hiệu quả hoạt động của các cơ "
         "quan Đảng, chính quyền, MTTQ và các đoàn thể"),
        ("Kế hoạch", "18-KH/TU", "2016-03-04", "Tỉnh ủy",
         "về tổ chức triển khai thực hiện quy chế dân chủ ở cơ sở"),
        ("Kế hoạch", "69-KH/TU", "2017-03-17", "Tỉnh ủy",
         "thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"),
        ("Quyết định", "783-QĐ/TU", "2013-12-04", "Tỉnh ủy",
         "về Quy chế tiếp xúc, đối thoại trực tiếp với Nhân dân"),
        ("Quy định", "60-QĐ/TU", "2020-11-24", "Tỉnh ủy",
         "về tổ chức và hoạt động của Ban tuyên vận xã, phường, thị trấn"),
    ),
}
"""Real provincial documents (only Lào Cai's are known to the corpus)."""

SUPERSEDED = {"290-QĐ/TW": dt.date(2021, 7, 30)}
"""Documents not cited after the date their successor was issued."""

PAIRS: dict[tuple[str, str], str] = {
    ("217-QĐ/TW", "218-QĐ/TW"):
        "về giám sát, phản biện xã hội của Mặt trận Tổ quốc, các đoàn thể chính trị – xã hội và "
        "về việc Nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền",
    ("15/CT-TTg", "16/CT-TTg"): "về các biện pháp phòng, chống dịch COVID-19",
}
"""Documents that pages cite together under one document word; value = shared subject."""

LOCAL_DOC_KINDS: tuple[tuple[str, str, int, int], ...] = (
    # (document word, type letters, lowest number, highest number)
    ("Chỉ thị", "CT", 1, 12),
    ("Nghị quyết", "NQ", 1, 25),
    ("Kế hoạch", "KH", 12, 240),
    ("Kết luận", "KL", 30, 520),
)
LOCAL_SUBJECTS: tuple[str, ...] = (
    "về tăng cường công tác dân vận trong tình hình mới",
    "về thực hiện phong trào thi đua “Dân vận khéo” năm {year}",
    "về lãnh đạo chăm lo Tết Nguyên đán {lunar} cho Nhân dân",
    "về tăng cường sự lãnh đạo của cấp ủy đối với công tác dân tộc, tôn giáo",
    "về thực hiện quy chế dân chủ ở cơ sở năm {year}",
    "về tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
)

PARTY_TERMS: tuple[tuple[str, str], ...] = (
    # (first day of the Central Committee term, khóa)
    ("1991-06-27", "VII"), ("1996-07-01", "VIII"), ("2001-04-22", "IX"), ("2006-04-25", "X"),
    ("2011-01-19", "XI"), ("2016-01-28", "XII"), ("2021-02-01", "XIII"), ("2026-01-23", "XIV"),
)
CENTRAL_PARTY_BODIES = ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương")


@dataclass(frozen=True)
class Doc:
    """A citable document; ``code`` is the canonical code (see the corpus README)."""

    word: str
    code: str
    issued_on: dt.date
    issuer: str
    level: str
    subject: str

    @property
    def party(self) -> bool:
        return "-" in self.code.split("/")[0]

    @property
    def parts(self) -> tuple[str, str, str, str | None]:
        """(number, type letters, issuer letters, year in the code or None)."""
        if self.party:
            number, rest = self.code.split("-", 1)
            doc_type, issuer_code = rest.split("/")
            return number, doc_type, issuer_code, None
        pieces = self.code.split("/")
        number, year = pieces[0], (pieces[1] if len(pieces) == 3 else None)
        tail = pieces[-1]
        if "-" in tail:
            doc_type, issuer_code = tail.split("-", 1)
        else:  # "10/2022/QH15": no type letters, the type comes from the word
            doc_type, issuer_code = {"Luật": "Luật", "Nghị quyết": "NQ"}[self.word], tail
        return number, doc_type, issuer_code, year

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        number, doc_type, issuer_code, year = self.parts
        return number.lstrip("0"), doc_type, issuer_code, year

    @property
    def term(self) -> str | None:
        """Central Committee term ('XI') for Politburo/Secretariat/CC documents."""
        if not self.party or not self.issuer.startswith(CENTRAL_PARTY_BODIES):
            return None
        term = None
        for start, name in PARTY_TERMS:
            if self.issued_on >= dt.date.fromisoformat(start):
                term = name
        return term


def _docs_from(rows, level: str) -> tuple[Doc, ...]:
    return tuple(Doc(w, c, dt.date.fromisoformat(d), i, level, s) for w, c, d, i, s in rows)


_CENTRAL = _docs_from(CENTRAL_DOCS, "central")
_PROVINCIAL = {p: _docs_from(rows, "province") for p, rows in PROVINCE_DOCS.items()}


def _local_docs(seed: int, loc: Locality, year: int) -> list[Doc]:
    """Invented documents of the locality's own committee and People's Committee in ``year``."""
    rng = random.Random(f"{seed}/{loc.slug}/docs/{year}")
    unit = UNIT_WORDS[loc.locality_type]
    level = unit["level"]
    taken = {d.key for docs in _PROVINCIAL.values() for d in docs}
    out = []
    for _ in range(rng.randint(2, 4)):
        issued = dt.date(year, 1, 4) + dt.timedelta(days=rng.randint(0, 330))
        subject = rng.choice(LOCAL_SUBJECTS).format(year=year, lunar=f"{_lunar(year)} {year}")
        if rng.random() < 0.25:
            ubnd = "UBND" if rng.random() < 0.6 else "Ủy ban nhân dân"
            doc = Doc("Kế hoạch", f"{rng.randint(18, 420)}/KH-UBND", issued,
                      f"{ubnd} {loc.locality_type}", level, subject)
        else:
            word, letters, lo, hi = rng.choice(LOCAL_DOC_KINDS)
            number = rng.randint(lo, hi)
            committee = unit["committee"]
            issuer = f"Ban Thường vụ {committee}" if rng.random() < 0.6 else committee
            doc = Doc(word, f"{number:02d}-{letters}/{unit['code']}", issued, issuer, level,
                      subject)
        if doc.key not in taken:
            taken.add(doc.key)
            out.append(doc)
    return out


# --------------------------------------------------------------------------------------------
# Prose templates
# --------------------------------------------------------------------------------------------

ROMAN = ("", "I", "II", "III", "IV")
STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

TITLE_PERIODS: tuple[tuple[str, float], ...] = (
    ("quý {R} năm {y}", 5), ("quý {R}/{y}", 2), ("Quý {R}/{y}", 1), ("Quý {n}-{y}", 1),
    ("quý {R}.{y}", 1), ("quí {R} năm {y}", 0.6), ("quý {n} năm {y}", 1), ("Quý {R} năm {y}", 1),
)
TITLES: tuple[tuple[str, float], ...] = (
    ("Kết quả thực hiện công tác dân vận của Đảng bộ {place} {P}", 4),
    ("{name}: kết quả công tác dân vận {P}", 2),
    ("{org}: kết quả công tác dân vận {P}", 2),
    ("Kết quả công tác dân vận {PN} của Đảng bộ {place}", 1.5),
    ("{name}: kết quả công tác dân vận {P}, nhiệm vụ {NP}", 1),
    ("Công tác dân vận {P} ở {name}: {money}", 1.5),
)
BODY_PERIODS: tuple[str, ...] = (
    "Quý {R} năm {y}", "Trong quý {R} năm {y}", "Trong Quý {R}/{y}", "Quý {R} vừa qua",
    "Quý {R}/{y}",
)
OPENINGS: tuple[str, ...] = (
    "{P}, tình hình Nhân dân trên địa bàn {place} cơ bản ổn định; các tầng lớp Nhân dân tin "
    "tưởng vào sự lãnh đạo của Đảng, tích cực lao động sản xuất và hưởng ứng các phong trào thi "
    "đua yêu nước.",
    "{P}, cấp ủy, chính quyền {place} tập trung lãnh đạo thực hiện nhiệm vụ phát triển kinh tế – "
    "xã hội, bảo đảm quốc phòng, an ninh; tình hình Nhân dân các dân tộc ổn định, không phát "
    "sinh điểm nóng.",
    "{P}, {bdv} bám sát chương trình công tác năm {y}, chủ động tham mưu cho cấp ủy, phối hợp "
    "với chính quyền, MTTQ và các đoàn thể triển khai đồng bộ các mặt công tác dân vận.",
)
SEASON_SENTENCES: dict[int, tuple[str, ...]] = {
    1: ("Nhân dân đón Tết Nguyên đán {lunar} {y} vui tươi, an toàn, tiết kiệm; nhân kỷ niệm "
        "{party_age} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/{y}), các chi, đảng "
        "bộ tổ chức sinh hoạt chính trị sâu rộng.",),
    2: ("Nhân dịp kỷ niệm {uncle_age} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/{y}), "
        "các chi, đảng bộ tổ chức sinh hoạt chuyên đề, tỷ lệ đảng viên tham gia đạt {pct}%.",),
    3: ("Mùa mưa lũ năm nay gây sạt lở ở một số thôn vùng cao; tỷ lệ hộ tham gia bảo hiểm y tế "
        "đạt {pct}%.",),
    4: ("Nhân dân phấn khởi khi nhiều chỉ tiêu kinh tế – xã hội của năm {y} đạt và vượt kế "
        "hoạch; tỷ lệ hộ nghèo giảm còn {pct}%.",),
}
YEAR_SENTENCES: dict[tuple[int, int], str] = {
    (2020, 1): "Dịch COVID-19 xuất hiện, các hoạt động tập trung đông người phải tạm dừng.",
    (2020, 2): "Các chi, đảng bộ tập trung chuẩn bị {congress}, nhiệm kỳ 2020 – 2025.",
    (2020, 3): "{congress}, nhiệm kỳ 2020 – 2025 thành công tốt đẹp, tạo niềm tin trong Nhân dân.",
    (2021, 1): "Nhân dân phấn khởi trước thành công của Đại hội đại biểu toàn quốc lần thứ XIII "
               "của Đảng.",
    (2021, 2): "Cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm "
               "kỳ 2021 – 2026 thành công, tỷ lệ cử tri đi bầu đạt {pct}%.",
    (2021, 3): "Làn sóng dịch COVID-19 lần thứ tư ảnh hưởng lớn tới đời sống của lao động tự do.",
    (2025, 2): "Cán bộ, đảng viên và Nhân dân đồng thuận với chủ trương sắp xếp đơn vị hành chính, "
               "tổ chức chính quyền địa phương 2 cấp.",
}
LEADERSHIP_OPENERS: tuple[str, ...] = (
    "{btv} chỉ đạo cấp ủy, chính quyền, MTTQ và các đoàn thể quán triệt, thực hiện nghiêm {docs}.",
    "{bdv} tham mưu {btv} lãnh đạo việc tiếp tục thực hiện {docs}.",
    "Cấp ủy, chính quyền, MTTQ và các đoàn thể trong {place} thực hiện nghiêm túc {docs}.",
    "Bám sát {docs}, {btv} chỉ đạo các chi, đảng bộ gắn công tác dân vận với nhiệm vụ chính "
    "trị của từng địa bàn.",
)
LEADERSHIP_MORE: tuple[str, ...] = (
    "Các cơ quan, đơn vị tiếp tục thực hiện {docs}.",
    "Việc thực hiện {docs} được các chi, đảng bộ duy trì nền nếp.",
    "{bdv} hướng dẫn các chi, đảng bộ sơ kết việc thực hiện {docs}.",
)
LEADERSHIP_CONGRESS = ("Các chi, đảng bộ tiếp tục cụ thể hóa Nghị quyết {congress}, nhiệm kỳ "
                       "2020 – 2025 bằng các chương trình, kế hoạch công tác dân vận.")
"""A resolution named without a number (not a document reference), with an ordinal."""
DATE_FIRST = (
    "Ngày {date}, {issuer} đã ra {doc}; {bdv} đã tham mưu {btv} tổ chức quán triệt tới cán bộ "
    "chủ chốt và đảng viên.",
    "Ngay sau khi {issuer} ban hành {doc} ngày {date}, {tt} đã chỉ đạo xây dựng kế hoạch thực "
    "hiện.",
)
"""Sentences naming the issuer (and the date) before the code."""
RECEPTION = (
    "Công tác dân vận chính quyền có chuyển biến tích cực. {ubnd} tổ chức {dialogs} đối thoại "
    "trực tiếp với Nhân dân về {topic}; tiếp {citizens}, tiếp nhận {letters}, đã giải quyết "
    "{solved}, đạt {pct}%.",
    "{ubnd} tiếp {citizens}, tiếp nhận {letters} kiến nghị, phản ánh, đã giải quyết {solved} "
    "({pct}%); {tt} tổ chức {dialogs} đối thoại với Nhân dân về {topic}.",
)
RECEPTION_DOC = (
    " Việc tiếp dân, đối thoại được thực hiện theo {doc}.",
    " Quy chế dân chủ ở cơ sở gắn với {doc} được duy trì nền nếp.",
)
DIALOG_TOPICS = (
    "bồi thường, giải phóng mặt bằng", "chỉnh trang đô thị", "sắp xếp chợ trung tâm",
    "xây dựng nông thôn mới", "bảo vệ môi trường", "chính sách hỗ trợ hộ nghèo",
)
OCCASIONS: dict[int, str] = {
    1: "dịp Tết Nguyên đán {lunar}",
    2: "Ngày Quốc tế thiếu nhi 1/6",
    3: "kỷ niệm {wounded_age} năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/{y})",
    4: "Tháng cao điểm “Vì người nghèo” (17/10 – 18/11)",
}
BENEFICIARIES: dict[int, tuple[str, ...]] = {
    1: ("hộ nghèo, gia đình chính sách, người có công", "đối tượng bảo trợ xã hội"),
    2: ("trẻ em có hoàn cảnh khó khăn", "trẻ em mồ côi, trẻ em khuyết tật"),
    3: ("gia đình chính sách, người có công", "thân nhân liệt sĩ, thương binh"),
    4: ("hộ nghèo, hộ cận nghèo", "người cao tuổi cô đơn"),
}
GIFTS = (
    "Nhân {occasion}, {bdv} phối hợp với {orgs} trao {gifts} cho {benef}{rate}, tổng trị giá "
    "{money}.",
    "Cùng dịp này, {orgs} tặng {gifts} cho {benef}{rate}, trị giá {money}.",
)
HOUSES = ("Từ nguồn Quỹ “Vì người nghèo”, {mttq} hỗ trợ {households} nghèo xóa nhà tạm, nhà dột "
          "nát với tổng số tiền {money}.")
FUND = "{mttq} vận động cán bộ, đảng viên, doanh nghiệp và Nhân dân ủng hộ {fund} được {money}."
TET_TOTAL = ("Để chăm lo Tết Nguyên đán {lunar} cho {households} nghèo, gia đình chính sách, "
             "{place} huy động {total} (ngân sách {unit} {budget}; các cơ quan, doanh nghiệp, "
             "nhà hảo tâm ủng hộ {donated}).")
FUNDS_BY_YEAR = {2020: "Quỹ phòng, chống dịch COVID-19", 2021: "Quỹ vắc-xin phòng COVID-19"}
FUNDS = ("Quỹ “Vì người nghèo”", "Quỹ “Đền ơn đáp nghĩa”", "Quỹ Khuyến học")
ORGS = ("Hội Liên hiệp Phụ nữ và {youth}", "Ủy ban MTTQ và các đoàn thể", "Hội Chữ thập đỏ")
MASS_ORGS = (
    "Hội Nông dân, Hội Liên hiệp Phụ nữ, {youth} và Hội Cựu chiến binh tổ chức {sessions} tuyên "
    "truyền với {people} tham dự.",
    "MTTQ và các tổ chức chính trị – xã hội tổ chức {sessions} tuyên truyền tại thôn, tổ dân phố "
    "với hơn {people} tham dự, tập trung vào phòng, chống mua bán người và giữ gìn vệ sinh môi "
    "trường.",
)
LOANS = (" Hội Nông dân phối hợp với Ngân hàng Chính sách xã hội giải ngân {money} vốn vay ưu đãi "
         "cho {households} hội viên phát triển sản xuất.")
NTM = (" Nhân dân hiến {area} m² đất, góp {days} ngày công; tổng vốn đầu tư làm {km} km đường bê "
       "tông nông thôn là {money}.")
P135 = (" Các dự án thuộc Chương trình 135 được triển khai công khai tại {villages} đặc biệt "
        "khó khăn.")
MODELS = (
    "Phong trào thi đua “Dân vận khéo” tiếp tục được đẩy mạnh; đến hết quý {R}, {a}/{b} mô hình "
    "đăng ký năm {y} đã được thẩm định, công nhận, tiêu biểu là mô hình “{model}”.",
    "{bdv} hướng dẫn các chi, đảng bộ xây dựng mô hình “Dân vận khéo”; toàn {unit} có {a}/{b} mô "
    "hình có kết quả bước đầu, nổi bật là mô hình “{model}”.",
)
MODELS_DOC = " Các chi, đảng bộ gắn phong trào với việc thực hiện {doc}."
MODEL_NAMES = (
    "Thôn không có người di cư tự do", "Chi hội phụ nữ giữ nghề thêu thổ cẩm",
    "Tổ tự quản đường hoa", "Thôn không có người nghiện ma túy", "Nhà sạch, vườn đẹp",
    "Tổ COVID cộng đồng gắn với người có uy tín", "Dân vận khéo trong chuyển đổi số",
)
ARMED = ("Lực lượng Công an, Quân sự {unit} phối hợp với cơ sở nắm tình hình, vận động Nhân dân "
         "không nghe theo kẻ xấu, không tham gia hoạt động tôn giáo trái pháp luật; giúp Nhân dân "
         "{workdays} sửa chữa {km} km đường liên thôn.")
LIMITS = (
    "Hạn chế: việc nắm tình hình ở một số thôn vùng cao còn chậm, thông tin báo cáo chưa kịp "
    "thời; việc nhân rộng mô hình “Dân vận khéo” chưa đồng đều.",
    "Bên cạnh những kết quả đạt được, công tác tuyên truyền ở một số thôn xa còn phụ thuộc vào "
    "người có uy tín; một số mô hình còn thiếu tính bền vững.",
    "Hạn chế: công tác phối hợp nắm tình hình dư luận trên không gian mạng còn bị động; một số "
    "hội nghị phải lùi thời gian tổ chức.",
)
PHOTO_CAPTIONS = (
    "Quang cảnh hội nghị giao ban khối dân vận {unit}", "Trao quà cho hộ nghèo tại {place}",
    "Đối thoại trực tiếp với Nhân dân tại {place}",
)
PLAN_HEADINGS = (
    "Nhiệm vụ trọng tâm quý {R} năm {y}:", "Nhiệm vụ trọng tâm Quý {R}/{y}:",
    "NHIỆM VỤ TRỌNG TÂM QUÝ {R} NĂM {y}", "Phương hướng, nhiệm vụ quý {R} năm {y}:",
    "Nhiệm vụ trọng tâm quý {R} năm {y}, {bdv} tập trung vào các nội dung sau:",
)
PLAN_ITEMS_DOC = (
    "Tiếp tục tuyên truyền, triển khai {doc}.",
    "Nắm chắc tình hình Nhân dân, tình hình dân tộc, tôn giáo; theo dõi, đôn đốc việc thực hiện "
    "{doc}.",
    "Tham mưu sơ kết việc thực hiện {doc} ở {subunits}.",
)
PLAN_ITEMS = (
    "Hướng dẫn, kiểm tra việc xây dựng mô hình “Dân vận khéo” năm {ty}; kiểm tra việc thực hiện "
    "quy chế dân chủ ở {checks}.",
    "Tham mưu tổ chức tiếp xúc, đối thoại trực tiếp với Nhân dân theo định kỳ; kịp thời nắm bắt, "
    "giải quyết những vấn đề nảy sinh từ cơ sở.",
    "Nắm chắc tình hình Nhân dân, nhất là ở các thôn vùng cao, vùng đồng bào dân tộc thiểu số.",
    "Phối hợp với MTTQ và các đoàn thể thực hiện tốt công tác an sinh xã hội trên địa bàn.",
)
PLAN_SEASON: dict[int, str] = {
    1: "Tham mưu chăm lo Tết Nguyên đán {lunar} {ty} cho hộ nghèo, gia đình chính sách{money}; "
       "tổng kết công tác dân vận năm {y}.",
    2: "Phối hợp tổ chức các hoạt động nhân Ngày Quốc tế thiếu nhi 1/6 và kỷ niệm {uncle_age} năm "
       "Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/{ty}).",
    3: "Phối hợp tổ chức kỷ niệm {wounded_age} năm Ngày Thương binh – Liệt sĩ (27/7/1947 – "
       "27/7/{ty}); thăm hỏi, tặng quà gia đình chính sách, người có công.",
    4: "Tổ chức kỷ niệm {dv_age} năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – "
       "15/10/{ty}) và Ngày hội Đại đoàn kết toàn dân tộc (18/11).",
}
PLAN_MONEY = ", phấn đấu vận động ước đạt {money}"

AUTHOR_NAMES = (
    "Hà Dinh", "Minh Ngọc", "Thu Trang", "Lý Mai", "Phạm Hằng", "Ngọc Ánh", "Thanh Thủy",
    "Văn Quân", "Thế Công", "Diệu Huyền", "Mỹ Hạnh", "Đông Hiếu", "Quang Huy", "Bích Ngọc",
    "Tuấn Anh", "Kim Oanh", "Văn Thắng", "Hồng Nhung", "Lò Thị Dung", "Giàng A Chứ",
)
PHOTO_NAMES = ("Minh Đức", "Văn Tuấn", "Hoàng Long", "Trần Hiếu", "Vàng Seo Lử", "Ngọc Hà")

CHROME_HEADLINES = (
    "{name} giải ngân {money} vốn vay ưu đãi cho hộ nghèo",
    "Hướng dẫn thực hiện Nghị định số 30/2020/NĐ-CP về công tác văn thư",
    "Hội Nông dân {unit} giúp hội viên {money} xây nhà",
    "Phát hành Bản tin Sinh hoạt chi bộ Số {issue}/{y}",
    "Triển khai Kế hoạch số {knum}-KH/{code} về chuyển đổi số năm {y}",
    "Hội Liên hiệp Phụ nữ {unit} trao {money} vốn khởi nghiệp cho phụ nữ dân tộc thiểu số",
    "Công bố Quyết định số {qnum}/QĐ-UBND về kiện toàn Ban Chỉ đạo thực hiện quy chế dân chủ",
)
NAV = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chính quyền", "Thủ tục hành chính",
       "Văn bản")

MONEY_TOPICS: tuple[tuple[str, float], ...] = (
    ("gifts", 3), ("gifts_rate", 1.2), ("fund", 3), ("houses", 1.5), ("loans", 1), ("ntm", 1),
)
"""Money sentences of the results and their weights ('gifts_rate' adds a rate per gift)."""
QUALIFIERS: tuple[tuple[str | None, float], ...] = (
    (None, 12), ("hơn", 4), ("gần", 1.5), ("trên", 1.5), ("ước đạt", 1),
)
OLD_TONE = (("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hòa", "hoà"), ("khóa", "khoá"), ("xóa", "xoá"),
            ("thủy", "thuỷ"), ("Hòa", "Hoà"))


# --------------------------------------------------------------------------------------------
# Small formatting helpers
# --------------------------------------------------------------------------------------------

def _lunar(year: int) -> str:
    return f"{STEMS[(year - 4) % 10]} {BRANCHES[(year - 4) % 12]}"


def _dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _quarter_end(year: int, q: int) -> dt.date:
    return dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])


def _old_tone(text: str) -> str:
    for new, old in OLD_TONE:
        text = text.replace(new, old)
    return text


def _weighted(rng: random.Random, options):
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def _date_text(d: dt.date, style: str) -> str:
    month_official = f"{d.month:02d}" if d.month < 3 else str(d.month)
    if style == "official":  # day padded, months 1-2 padded (NĐ 30/2020 header rule)
        return f"{d.day:02d}/{month_official}/{d.year}"
    if style == "padded":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dash":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "long":
        return f"{d.day:02d} tháng {month_official} năm {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def _pct(num: int, den: int) -> str:
    value = round(100 * num / den, 1)
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def _millions_text(m: int) -> str:
    """A whole number of millions as written: '420 triệu đồng', '1,2 tỷ đồng', '2 tỷ đồng'."""
    if m < 1000:
        return f"{m} triệu đồng"
    decimals = f"{m % 1000:03d}".rstrip("0")
    return f"{m // 1000},{decimals} tỷ đồng" if decimals else f"{m // 1000} tỷ đồng"


def _exact_money(value: int) -> str:
    """An exact amount in VND as a page would write it."""
    if value % 10**6 == 0:
        return _millions_text(value // 10**6)
    if value % 10**5 == 0 and value < 10**9:
        return f"{value // 10**6},{value % 10**6 // 10**5} triệu đồng"
    return f"{_dots(value)} đồng"


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------------------------
# One page
# --------------------------------------------------------------------------------------------

class _Page:
    """Renders one report page and records its gold facts while rendering."""

    def __init__(self, seed: int, loc: Locality, year: int, q: int) -> None:
        self.seed, self.loc, self.year, self.q = seed, loc, year, q
        self.rng = r = random.Random(f"{seed}/{loc.slug}/{year}/{q}")
        site = random.Random(f"{seed}/{loc.slug}")  # the same for every page of the locality
        self.authors = site.sample(AUTHOR_NAMES, site.randint(1, 3))
        self.photographers = site.sample(PHOTO_NAMES, 2)
        self.stats_style = _weighted(site, (("A", 3), ("B", 2), ("C", 1)))
        self.layout = site.choice("AB")
        self.stats_base = site.randint(40_000, 700_000)
        self.stats_growth = site.randint(6_000, 40_000)
        self.congress = (f"Đại hội đại biểu Đảng bộ {loc.locality_type} lần thứ "
                         f"{site.choice(('XIX', 'XX', 'XXI', 'XXII', 'XXIII', 'XXIV'))}")

        self.ty, self.tq = (year, q + 1) if q < 4 else (year + 1, 1)
        self.q_end = _quarter_end(year, q)
        self.published = self.q_end + dt.timedelta(days=r.randint(3, 24))
        self.html = r.random() < 0.2
        self.nfd = r.random() < 0.05
        self.old_tone_page = r.random() < 0.2

        self.section = "results"
        self.docs: list[dict] = []
        self.cited: list[Doc] = []      # cited with their code: may be mentioned again
        self.amounts: list[dict] = []
        self.counts: list[dict] = []
        self.notes: list[str] = []
        self.headline_money: str | None = None
        self.n_tasks = 0

        self.unit = unit = UNIT_WORDS[loc.locality_type]
        committee = unit["committee"]
        commune = loc.locality_type == "xã"
        self.scale = 0.25 if commune else 1.0  # communes handle smaller sums
        self.words = {
            "place": loc.place, "name": loc.name, "unit": loc.locality_type,
            "btv": f"Ban Thường vụ {committee}",
            "bdv": "Khối dân vận xã" if commune else f"Ban Dân vận {committee}",
            "tt": f"Thường trực {committee}",
            "ubnd": f"UBND {loc.locality_type}",
            "mttq": f"Ủy ban MTTQ {loc.locality_type}",
            "youth": unit["youth"], "subunits": unit["subunits"],
        }
        self.org = (f"Khối dân vận xã {loc.name}" if commune
                    else f"Ban Dân vận {committee} {loc.name}")

    # ---- facts -------------------------------------------------------------------------

    def count(self, value: int, unit: str) -> str:
        """A count as written ('05 thôn', '1.146 lượt người'), recorded in the gold."""
        r = self.rng
        if value < 10 and r.random() < 0.6:
            number = f"{value:02d}"
        elif value >= 1000 and r.random() < 0.8:
            number = _dots(value)
        else:
            number = str(value)
        self.counts.append({"value": value, "unit": unit, "section": self.section})
        return f"{number} {unit}"

    def _random_money(self, lo_m: int, hi_m: int) -> tuple[int, str]:
        """A value in VND between lo_m and hi_m million, and its written form."""
        r = self.rng
        m = r.randint(lo_m, hi_m)
        if m >= 1000:
            form = _weighted(r, (("ty", 1), ("ty_dec", 4), ("ty_trieu", 1)))
            if form == "ty_trieu" and m % 1000 >= 10:
                m -= m % 10
                return m * 10**6, f"{m // 1000} tỷ {m % 1000} triệu đồng"
            if form == "ty":
                m -= m % 1000
            else:
                m -= m % (100 if r.random() < 0.7 else 10)
            return m * 10**6, _millions_text(m)
        form = _weighted(r, (("trieu", 6), ("trieu_dec", 1.5), ("full", 1)))
        tenth = r.randint(1, 9)
        value = m * 10**6 + tenth * 10**5
        if form == "trieu":
            return m * 10**6, f"{m} triệu đồng"
        if form == "trieu_dec":
            return value, f"{m},{tenth} triệu đồng"
        return value, f"{_dots(value)} đồng"

    def _taken(self, raw: str) -> bool:
        return any(a["raw"] == raw for a in self.amounts)

    def _add_amount(self, value: int, raw: str, kind: str, qualifier: str | None) -> str:
        self.amounts.append({"amount_vnd": value, "raw": raw, "kind": kind,
                             "qualifier": qualifier, "section": self.section})
        return raw

    def money(self, kind: str, lo_m: int, hi_m: int, qualifier: str | None = None,
              random_qualifier: bool = True) -> str:
        """A new money fact between lo_m and hi_m million; returns the raw text."""
        r = self.rng
        if random_qualifier:
            qualifier = _weighted(r, QUALIFIERS)
        lo_m, hi_m = max(1, int(lo_m * self.scale)), max(2, int(hi_m * self.scale))
        while True:
            value, text = self._random_money(lo_m, hi_m)
            if qualifier and text.count(".") > 1:  # no 'hơn 42.800.000 đồng'
                continue
            raw = f"{qualifier} {text}" if qualifier else text
            if not self._taken(raw):
                return self._add_amount(value, raw, kind, qualifier)

    # ---- document citations ------------------------------------------------------------

    def _record(self, doc: Doc, with_code: bool, issued: dt.date | None) -> None:
        number, doc_type, issuer_code, _ = doc.parts
        self.docs.append({
            "code": doc.code if with_code else None, "doc_type": doc_type, "number": number,
            "issuer_code": issuer_code if with_code else None,
            "issued_on": issued.isoformat() if issued else None,
            "issuer": doc.issuer, "level": doc.level, "section": self.section,
        })
        if with_code:
            self.cited.append(doc)

    def _code_text(self, doc: Doc) -> str:
        """The code as written: mostly canonical, sometimes with a real-text variant."""
        r = self.rng
        if not doc.party:
            return doc.code
        number, rest = doc.code.split("-", 1)
        x = r.random()
        code, note = doc.code, None
        if x < 0.06:
            code, note = f"{number} – {rest}", "code written with a spaced en dash"
        elif x < 0.09:
            code, note = f"{number} - {rest}", "code written with spaces around the hyphen"
        elif x < 0.11:
            code, note = f"{number}- {rest}", "code written with a space after the hyphen"
        elif x < 0.13 and not self.html:
            code, note = f"{number}-\n{rest}", "code broken across a line after the hyphen"
        if "Đ" in rest and r.random() < 0.1:
            code, note = code.replace("Đ", "\u00d0"), "type letters written with U+00D0 'Ð'"
        if note:
            self.notes.append(f"{doc.code}: {note}")
        return code

    def _date_phrase(self, doc: Doc) -> tuple[str, dt.date | None]:
        """' ngày 07/01/2016', ', ngày 7-1-2016', ... or no date at all."""
        r = self.rng
        if r.random() < 0.15:
            return "", None
        style = _weighted(r, (("official", 5), ("plain", 4), ("padded", 1.5), ("dash", 1),
                              ("long", 0.5)))
        if style in ("dash", "long"):
            self.notes.append(f"{doc.code}: {'dashed' if style == 'dash' else 'long-form'} date")
        comma = "," if r.random() < 0.15 else ""
        return f"{comma} ngày {_date_text(doc.issued_on, style)}", doc.issued_on

    def _word(self, doc: Doc) -> str:
        """'Kết luận số', 'Kết luận' (no 'số'), rarely lowercase 'quy định số'."""
        r = self.rng
        word = doc.word.lower() if r.random() < 0.03 else doc.word
        return word if r.random() < 0.15 else f"{word} số"

    def _term(self, doc: Doc) -> str:
        if doc.term and self.rng.random() < 0.35:
            return f" ({'khoá' if self.old_tone_page else 'khóa'} {doc.term})"
        return ""

    def _subject(self, subject: str) -> str:
        return f" {subject}" if self.rng.random() < 0.75 else ""

    def cite(self, doc: Doc) -> str:
        """First mention of one document."""
        r = self.rng
        if doc.word != "Luật" and r.random() < 0.04:
            self.notes.append(f"{doc.word} số {doc.parts[0]} is cited by number only (code null)")
            self._record(doc, False, None)
            return f"{doc.word} số {doc.parts[0]} của {doc.issuer}{self._subject(doc.subject)}"
        word, code = self._word(doc), self._code_text(doc)
        date, issued = self._date_phrase(doc)
        of = "của" if r.random() > 0.01 else "của của"
        if of != "của":
            self.notes.append(f"{doc.code}: the word 'của' is doubled before the issuer")
        self._record(doc, True, issued)
        return f"{word} {code}{date} {of} {doc.issuer}{self._term(doc)}{self._subject(doc.subject)}"

    def cite_pair(self, a: Doc, b: Doc) -> str:
        """Two documents under one document word: 'Quyết định số 217-QĐ/TW, 218-QĐ/TW ...'."""
        subject = self._subject(PAIRS[(a.code, b.code)])
        if self.rng.random() < 0.4:
            self.notes.append(f"'{a.word} số {a.parts[0]}, {b.parts[0]}' lists two documents "
                              "by number only (codes null)")
            self._record(a, False, None)
            self._record(b, False, None)
            return f"{a.word} số {a.parts[0]}, {b.parts[0]} của {a.issuer}{subject}"
        date, issued = self._date_phrase(a) if a.issued_on == b.issued_on else ("", None)
        self._record(a, True, issued)
        self._record(b, True, issued)
        return f"{a.word} số {a.code}, {b.code}{date} của {a.issuer}{self._term(a)}{subject}"

    def cite_group(self, group: tuple[Doc, ...]) -> str:
        return self.cite_pair(*group) if len(group) == 2 else self.cite(group[0])

    def cite_groups(self, groups: list[tuple[Doc, ...]]) -> str:
        parts = [self.cite_group(g) for g in groups]
        return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + " và " + parts[-1]

    def cite_date_first(self, doc: Doc) -> str:
        """A sentence naming the issuer (and date) before the code."""
        r = self.rng
        style = _weighted(r, (("plain", 3), ("official", 2), ("dash", 1)))
        self._record(doc, True, doc.issued_on)
        self.notes.append(f"{doc.code}: issuer written before the code")
        return self.fill(r.choice(DATE_FIRST), date=_date_text(doc.issued_on, style),
                         issuer=doc.issuer, doc=f"{self._word(doc)} {doc.code}")

    def mention(self, doc: Doc) -> str:
        """A later mention of a document already cited with its code."""
        number, doc_type, issuer_code, _ = doc.parts
        x = self.rng.random()
        if x < 0.08 and doc.party:
            self.notes.append(f"{doc.code} is mentioned again state-style as "
                              f"{number}/{doc_type}-{issuer_code}")
            return f"{doc.word} số {number}/{doc_type}-{issuer_code}"
        if x < 0.2:
            return f"{doc.word} số {number}"
        return f"{doc.word} số {doc.code}"

    def select_docs(self) -> list[tuple[Doc, ...]]:
        """2-8 distinct documents valid at the quarter's end, grouped (pairs cited together)."""
        r = self.rng
        local = [d for y in (self.year - 1, self.year) for d in _local_docs(self.seed, self.loc, y)]
        pool = ([(d, 3.0) for d in _CENTRAL] + [(d, 2.5) for d in local]
                + [(d, 2.0) for d in _PROVINCIAL.get(self.loc.province, ())])
        pool = [(d, w) for d, w in pool if d.issued_on <= self.q_end
                and not (d.code in SUPERSEDED and self.q_end >= SUPERSEDED[d.code])]
        ranked = sorted(pool, key=lambda dw: r.random() ** (1 / dw[1]), reverse=True)
        target = r.randint(2, 8)
        chosen: list[Doc] = []
        for doc, _ in ranked:
            if len(chosen) == target:
                break
            if all(doc.key != c.key for c in chosen):
                chosen.append(doc)
        eligible = {d.code: d for d, _ in pool}
        groups: list[tuple[Doc, ...]] = []
        n_docs = len(chosen)
        for doc in chosen:
            if any(doc in g for g in groups):
                continue
            pair = next((p for p in PAIRS if doc.code in p), None)
            partner = eligible.get(pair[1 - pair.index(doc.code)]) if pair else None
            if partner and partner not in chosen:
                if n_docs < 8 and r.random() < 0.3:
                    n_docs += 1
                else:
                    partner = None
            if partner:
                groups.append(tuple(sorted((doc, partner), key=lambda d: pair.index(d.code))))
            else:
                groups.append((doc,))
        return groups

    # ---- prose ---------------------------------------------------------------------------

    def fill(self, template: str, **facts) -> str:
        """Fill a prose template with organisation words and ``facts`` (inserted verbatim).

        On pages that mix tone styles, half the paragraphs are written in the old style
        ('Thị uỷ'); citations, money and names passed in ``facts`` keep their spelling.
        """
        words = self.words
        if self.old_tone_page and self.rng.random() < 0.5:
            template = _old_tone(template)
            words = {k: v if k in ("name", "place") else _old_tone(v) for k, v in words.items()}
        return template.format(**{**words, **facts})

    def _fmt(self) -> dict[str, object]:
        y = self.year
        return {"R": ROMAN[self.q], "n": self.q, "y": y, "lunar": _lunar(y),
                "party_age": y - 1930, "uncle_age": y - 1890, "wounded_age": y - 1947}

    def p_opening(self, tet_total: bool) -> str:
        r = self.rng
        f = self._fmt()
        text = self.fill(r.choice(OPENINGS), P=r.choice(BODY_PERIODS).format(**f), y=self.year)
        extra = YEAR_SENTENCES.get((self.year, self.q))
        if extra is None or r.random() < 0.4:
            extra = r.choice(SEASON_SENTENCES[self.q])
            pct = _pct(r.randint(20, 180), 1000) if self.q == 4 else _pct(r.randint(850, 999), 1000)
        else:
            pct = _pct(r.randint(960, 999), 1000)
        text += " " + self.fill(extra, congress=self.congress, pct=pct, **f)
        if tet_total:
            text += " " + self._tet_total()
        return text

    def _tet_total(self) -> str:
        """A total with its two parts in parentheses: three money facts."""
        r = self.rng
        budget_m, donated_m = (int(m * 10 * self.scale) for m in r.sample(range(10, 91), 2))
        total_m = budget_m + donated_m + r.randint(1, 9) * 10
        qualifier = r.choice(("gần", "hơn"))
        step = 100 if total_m >= 1000 else 10
        shown = -(-total_m // step) * step if qualifier == "gần" else total_m // step * step
        total = self._add_amount(shown * 10**6, f"{qualifier} {_millions_text(shown)}", "support",
                                 qualifier)
        budget = self._add_amount(budget_m * 10**6, _millions_text(budget_m), "budget", None)
        donated = self._add_amount(donated_m * 10**6, _millions_text(donated_m), "fund", None)
        self.headline_money = f"{total} chăm lo Tết cho Nhân dân"
        self.notes.append(f"'{total}' is a total; '{budget}' and '{donated}' are its parts "
                          "(separate facts, not to be added)")
        return self.fill(TET_TOTAL, lunar=_lunar(self.year), total=total, budget=budget,
                         donated=donated, households=self.count(r.randint(300, 2600), "hộ"))

    def p_leadership(self, groups: list[tuple[Doc, ...]]) -> str:
        r = self.rng
        rest = list(groups)
        sentences = []
        first = rest[0]
        if (len(first) == 1 and first[0].party and r.random() < 0.5
                and (self.q_end - first[0].issued_on).days < 330):
            sentences.append(self.cite_date_first(first[0]))
            rest.pop(0)
        if rest:
            sentences.append(self.fill(r.choice(LEADERSHIP_OPENERS),
                                       docs=self.cite_groups(rest[:2])))
        for i in range(2, len(rest), 3):
            sentences.append(self.fill(r.choice(LEADERSHIP_MORE),
                                       docs=self.cite_groups(rest[i:i + 3])))
        if (self.year, self.q) >= (2020, 4) and r.random() < 0.3:
            sentences.append(self.fill(LEADERSHIP_CONGRESS, congress=self.congress))
        return " ".join(sentences)

    def p_reception(self, group: tuple[Doc, ...] | None) -> str:
        r = self.rng
        letters = r.randint(8, 60)
        solved = r.randint(letters * 3 // 4, letters)
        text = self.fill(
            r.choice(RECEPTION), dialogs=self.count(r.randint(1, 4), "cuộc"),
            topic=r.choice(DIALOG_TOPICS),
            citizens=self.count(r.randint(10, 150), "lượt công dân"),
            letters=self.count(letters, "đơn thư"), solved=self.count(solved, "đơn"),
            pct=_pct(solved, letters))
        if group:
            text += self.fill(r.choice(RECEPTION_DOC), doc=self.cite_group(group))
        return text

    def _gifts(self, with_rate: bool) -> str:
        r = self.rng
        occasion = OCCASIONS[self.q].format(**self._fmt())
        benef = r.choice(BENEFICIARIES[self.q])
        most = int(400 * self.scale)  # gifts handed out at most
        rate = ""
        if with_rate:
            while True:
                n, rate_value = r.randint(20, most), r.randint(6, 20) * 50_000
                rate_raw, total_raw = f"{_dots(rate_value)} đồng/suất", _exact_money(n * rate_value)
                if not (self._taken(rate_raw) or self._taken(total_raw)):
                    break
            self._add_amount(rate_value, rate_raw, "rate", None)
            money = self._add_amount(n * rate_value, total_raw, "support", None)
            rate = f", mức {rate_raw}"
            self.notes.append(f"'{rate_raw}' is a rate per gift, not a total")
        else:
            n = r.randint(20, most)
            money = self.money("support", max(5, n // 10), max(30, n // 2))
        self.headline_money = self.headline_money or f"{money} tặng quà {benef}"
        template = GIFTS[1] if any(c["unit"] == "suất quà" for c in self.counts) else GIFTS[0]
        return self.fill(template, occasion=occasion, orgs=self.fill(r.choice(ORGS)), rate=rate,
                         gifts=self.count(n, "suất quà"), benef=benef, money=money)

    def p_social(self, topics: list[str]) -> str:
        r = self.rng
        out = []
        for topic in topics:
            if topic in ("gifts", "gifts_rate"):
                out.append(self._gifts(topic == "gifts_rate"))
            elif topic == "houses":
                n = r.randint(2, 25)
                out.append(self.fill(HOUSES, money=self.money("support", n * 30, n * 60),
                                     households=self.count(n, "hộ")))
            else:
                fund = FUNDS_BY_YEAR.get(self.year) if r.random() < 0.6 else None
                fund = fund or r.choice(FUNDS)
                money = self.money("fund", 30, 2500)
                self.headline_money = self.headline_money or f"{money} ủng hộ {fund}"
                out.append(self.fill(FUND, fund=fund, money=money))
        return " ".join(out)

    def p_mass(self, topics: list[str]) -> str:
        r = self.rng
        text = self.fill(r.choice(MASS_ORGS), sessions=self.count(r.randint(8, 90), "buổi"),
                         people=self.count(r.randint(600, 9000), "lượt người"))
        for topic in topics:
            if topic == "loans":
                n = r.randint(15, 120)
                text += self.fill(LOANS, money=self.money("other", n * 30, n * 60),
                                  households=self.count(n, "hộ"))
            else:
                text += self.fill(NTM, area=_dots(r.randint(200, 9000)),
                                  days=self.count(r.randint(300, 4000), "ngày công"),
                                  money=self.money("investment", 200, 4000),
                                  km=f"{r.randint(1, 9)},{r.randint(1, 9)}")
        if r.random() < 0.5:
            text += self.fill(P135, villages=self.count(r.randint(2, 9), "thôn"))
        return text

    def p_models(self, group: tuple[Doc, ...] | None) -> str:
        r = self.rng
        b = r.randint(12, 60)
        text = self.fill(r.choice(MODELS), R=ROMAN[self.q], a=r.randint(3, b - 1), b=b,
                         y=self.year, model=r.choice(MODEL_NAMES))
        if group:
            text += self.fill(MODELS_DOC, doc=self.cite_group(group))
        return text

    def p_armed(self) -> str:
        r = self.rng
        return self.fill(ARMED, workdays=self.count(r.randint(50, 900), "ngày công"),
                         km=f"{r.randint(1, 9)},{r.randint(1, 9)}")

    def plans(self, new_groups: list[tuple[Doc, ...]], plan_money: bool) -> tuple[str, list[str]]:
        """The next-quarter heading and its 3-5 task items (section 'plans')."""
        r = self.rng
        self.section = "plans"
        ty = self.ty
        f = {"y": self.year, "ty": ty, "lunar": _lunar(ty), "uncle_age": ty - 1890,
             "wounded_age": ty - 1947, "dv_age": ty - 1930}
        heading = self.fill(r.choice(PLAN_HEADINGS), R=ROMAN[self.tq], y=ty)
        money = (self.fill(PLAN_MONEY, money=self.money("support", 60, 900, "ước đạt", False))
                 if plan_money else "")
        items = [self.fill(PLAN_SEASON[self.tq], money=money, **f)]
        items += [self.fill(r.choice(PLAN_ITEMS_DOC), doc=self.cite_group(g)) for g in new_groups]
        repeats = list(self.cited)
        generic = list(PLAN_ITEMS)
        r.shuffle(generic)
        n_items = r.randint(3, 5)
        while len(items) < n_items:
            if repeats and r.random() < 0.4:
                doc = repeats.pop(r.randrange(len(repeats)))
                items.append(self.fill(r.choice(PLAN_ITEMS_DOC), doc=self.mention(doc)))
                continue
            template = generic.pop()
            checks = (self.count(r.randint(2, 6), self.unit["sub"].split(",")[0])
                      if "{checks}" in template else "")
            items.append(self.fill(template, ty=ty, checks=checks))
        r.shuffle(items)
        self.n_tasks = len(items)
        return heading, items

    # ---- whole page ------------------------------------------------------------------------

    def build(self) -> tuple[str, dict]:
        """Render the page; returns its text and the page-level gold values."""
        r = self.rng
        groups = self.select_docs()
        n_plan = min(r.choice((0, 0, 1, 1, 2)), len(groups) - 1)
        result_groups, plan_groups = groups[:len(groups) - n_plan], groups[len(groups) - n_plan:]

        # 1-4 money facts; a Tết total with its two parts counts for three, gifts with a
        # rate per gift for two.
        budget = r.randint(1, 4)
        plan_money = self.tq == 1 and budget > 1 and r.random() < 0.4
        budget -= plan_money
        tet_total = self.q == 1 and budget >= 3 and r.random() < 0.5
        budget -= 3 * tet_total
        social: list[str] = []
        mass: list[str] = []
        while budget:
            topics = [(t, w) for t, w in MONEY_TOPICS if t != "gifts_rate" or budget >= 2]
            topic = _weighted(r, topics)
            budget -= 2 if topic == "gifts_rate" else 1
            (mass if topic in ("loans", "ntm") else social).append(topic)

        # 4-8 body paragraphs: opening, leadership, 1-5 of these, limitations.
        wanted = set(r.sample(("reception", "models", "armed"), r.randint(1, 3)))
        wanted |= {name for name, topics in (("social", social), ("mass", mass)) if topics}
        order = [name for name in ("reception", "social", "mass", "models", "armed")
                 if name in wanted]
        doc_slots = [name for name in order if name in ("reception", "models")]
        n_lead = max(1, len(result_groups) - len(doc_slots))
        slot_groups = dict(zip(doc_slots, result_groups[n_lead:]))

        paragraphs = [self.p_opening(tet_total), self.p_leadership(result_groups[:n_lead])]
        for name in order:
            if name == "reception":
                paragraphs.append(self.p_reception(slot_groups.get(name)))
            elif name == "social":
                paragraphs.append(self.p_social(social))
            elif name == "mass":
                paragraphs.append(self.p_mass(mass))
            elif name == "models":
                paragraphs.append(self.p_models(slot_groups.get(name)))
            else:
                paragraphs.append(self.p_armed())
        paragraphs.append(self.fill(r.choice(LIMITS)))
        photo = None
        if r.random() < 0.25:
            photo = (self.fill(r.choice(PHOTO_CAPTIONS)), r.choice(self.photographers))
            self.notes.append(f"'Ảnh: {photo[1]}' is a photo credit, not the author")
        heading, items = self.plans(plan_groups, plan_money)
        return self.assemble(paragraphs, photo, heading, items)

    def _title(self) -> str:
        r = self.rng
        f = self._fmt()
        period = _weighted(r, TITLE_PERIODS).format(**f)
        next_period = (f"quý {ROMAN[self.tq]}/{self.ty}" if "/" in period
                       else f"quý {ROMAN[self.tq]} năm {self.ty}")
        if self.q < 4:
            both = f"quý {ROMAN[self.q]} và nhiệm vụ trọng tâm quý {ROMAN[self.tq]} năm {self.year}"
        else:
            both = f"quý IV năm {self.year} và nhiệm vụ trọng tâm quý I năm {self.ty}"
        template = _weighted(r, [t for t in TITLES
                                 if "{money}" not in t[0] or self.headline_money])
        if "{money}" in template:
            self.notes.append("The title repeats a money figure of the body (one fact)")
        title = template.format(place=self.loc.place, name=self.loc.name, org=self.org,
                                P=period, PN=both, NP=next_period, money=self.headline_money)
        if self.old_tone_page and r.random() < 0.3:  # old tone style, but not in the name
            return _old_tone(title).replace(_old_tone(self.loc.name), self.loc.name)
        return title

    def _author(self) -> str | None:
        r = self.rng
        name = r.choice(self.authors)
        form = _weighted(r, (("none", 1), ("bare", 5), ("caps", 1.5), ("label", 1.5),
                             ("initial", 0.7)))
        if form == "none":
            return None
        if form == "caps":
            return name.upper()
        if form == "label":
            return f"Tác giả: {name}"
        if form == "initial":
            first, *rest = name.split()
            return f"{first[0]}.{' '.join(rest)}"
        return name

    def _stats(self) -> tuple[dict, list[str]]:
        """The visit statistics: gold values and the 'label: value' lines as written."""
        r = self.rng
        total = (self.stats_base + ((self.year - 2015) * 4 + self.q) * self.stats_growth
                 + r.randint(0, 5000))
        online, today = r.randint(1, 40), r.randint(30, 600)
        week = today * r.randint(5, 9) + r.randint(0, 99)
        month = today * r.randint(18, 30) + r.randint(0, 999)
        year = month * self.published.month + r.randint(0, 9999)
        stats = dict.fromkeys(("online", "today", "week", "month", "year", "total"))
        if self.stats_style == "A":
            stats.update(online=online, today=today, week=week, total=total)
            lines = [("Đang online", online), ("Hôm nay", today), ("Trong tuần", f"{week:,}"),
                     ("Tất cả", f"{total:,}")]
        elif self.stats_style == "B":
            stats.update(online=online, today=today, month=month, total=total)
            lines = [("Đang truy cập", online), ("Hôm nay", today),
                     ("Tháng hiện tại", f"{month:,}"), ("Tổng lượt truy cập", f"{total:,}")]
        else:
            stats.update(today=today, month=month, year=year)
            m = self.published.month
            lines = [("Hôm nay ", today), (f"Tháng {m:02d} " if r.random() < 0.5 else
                                           f"Tháng {m} ", _dots(month)),
                     (f"Năm {self.published.year} ", _dots(year))]
        return stats, [f"{label}: {value}" for label, value in lines]

    def _chrome_headlines(self) -> list[str]:
        """Other articles' titles: codes and money that are not facts of this page."""
        r = self.rng
        return [t.format(name=self.loc.name, unit=self.loc.locality_type,
                         money=self._random_money(50, 1500)[1], issue=r.randint(1, 12),
                         y=self.published.year, knum=r.randint(20, 300), code=self.unit["code"],
                         qnum=r.randint(100, 3000))
                for t in r.sample(CHROME_HEADLINES, r.randint(2, 3))]

    def assemble(self, paragraphs: list[str], photo, heading: str,
                 items: list[str]) -> tuple[str, dict]:
        r = self.rng
        parts = {
            "title": self._title(), "author": self._author(), "paragraphs": paragraphs,
            "photo": photo, "heading": heading, "items": items,
            "published": self.published.strftime("%d/%m/%Y"),
            "clock": f"{r.randint(7, 17):02d}:{r.randint(0, 59):02d}",
        }
        views = min(9999, max(12, int(r.lognormvariate(5.2, 0.9))))
        parts["views"] = f"{views:,}" if views >= 1000 and r.random() < 0.6 else str(views)
        parts["view_form"] = _weighted(r, (("label", 5), ("number_first", 1.5), ("dated", 1.5),
                                           ("category", 0.8), ("last", 0.8), ("both", 0.4)))
        stats, parts["stat_lines"] = self._stats()
        parts["headlines"] = self._chrome_headlines()
        text = self._html(views, **parts) if self.html else self._text(**parts)
        if parts["view_form"] == "number_first":
            self.notes.append(f"view counter written number-first: '{parts['views']} lượt xem'")
        self.notes.append("The chrome headlines carry document codes and money that are not "
                          "facts of the report")
        return text, {"title": parts["title"], "author": parts["author"], "views": views,
                      "site_stats": stats}

    def _text(self, title, author, paragraphs, photo, heading, items, published, clock, views,
              view_form, stat_lines, headlines) -> str:
        r = self.rng
        lines = [title]
        if view_form == "label":
            lines.append(f"Lượt xem: {views}")
        elif view_form == "number_first":
            lines += [f"{WEEKDAYS[self.published.weekday()]}, {published} {clock}",
                      f"{views} lượt xem"]
        elif view_form == "dated":
            lines.append(f"Ngày đăng: {published} | Lượt xem: {views}")
        elif view_form == "category":
            lines.append(f"Chuyên mục: Tin tuyên vận | Lượt xem : {views}")
        elif view_form == "both":
            lines.append(f"  • Lượt xem: {views} lượt xem")
        else:  # the counter comes after the by-line
            lines.append(f"Cập nhật: {published} {clock}")
        if r.random() < 0.2:
            lines.append("In bài | Gửi email | Chia sẻ")
        body = list(paragraphs)
        if photo:
            body.insert(r.randint(1, len(body) - 1), f"{photo[0]}. Ảnh: {photo[1]}")
        bullet = _weighted(r, (("{i}. ", 2), ("- ", 2), ("+ ", 0.5)))
        body += [heading] + [bullet.format(i=i) + item for i, item in enumerate(items, 1)]
        body.append(SYNTHETIC_MARKER)
        lines += ["", "\n\n".join(body), ""]
        if author:
            lines.append(author)
        if view_form == "last":
            lines.append(f"Lượt xem: {views}")
        lines.append("Thông tin mới nhất")
        lines += [f"  • {h}" for h in headlines]
        lines.append("Thống kê truy cập")
        lines += [("" if self.stats_style == "C" else "  • ") + s for s in stat_lines]
        lines.append("Đăng nhập")
        return "\n".join(lines) + "\n"

    def _html(self, view_count: int, title, author, paragraphs, photo, heading, items,
              published, clock, views, view_form, stat_lines, headlines) -> str:
        r = self.rng
        loc = self.loc
        a = self.layout == "A"
        site = (f"Trang thông tin điện tử {loc.place}" if loc.locality_type == "xã"
                else f"Cổng TTĐT {loc.place}")
        page_id = r.randint(1_100_000, 1_199_999)
        label = f"{views} lượt xem" if view_form == "number_first" else f"Lượt xem: {views}"
        meta = (f'<p class="post-info">Ngày đăng: {published} | {label}</p>' if a else
                f'<div class="meta"><span class="date">{published} {clock}</span> | '
                f'<span class="views">{label}</span></div>')
        body = [f"<p>{_esc(p)}</p>" for p in paragraphs]
        if photo:
            body.insert(r.randint(1, len(body) - 1),
                        f'<figure><img src="/uploads/{self.published.year}/'
                        f'{self.published.month:02d}/anh-{page_id}.jpg" alt="">'
                        f"<figcaption>{_esc(photo[0])}. Ảnh: {_esc(photo[1])}</figcaption>"
                        "</figure>")
        tag = r.choice(("ol", "ul"))
        body += [f"<p><strong>{_esc(heading)}</strong></p>",
                 f"<{tag}>\n" + "\n".join(f"<li>{_esc(i)}</li>" for i in items) + f"\n</{tag}>",
                 f'<p class="note"><em>{SYNTHETIC_MARKER}</em></p>']
        if author:
            body.append(f'<p class="{"tacgia" if a else "author"}">{_esc(author)}</p>')
        related = "\n".join(
            f'<li><a href="/tin-tuc/{_slug(h)[:48]}-{page_id - 37 * (i + 1)}">{_esc(h)}</a> '
            f"<span>({(self.published - dt.timedelta(days=3 * i + 2)):%d/%m/%Y})</span></li>"
            for i, h in enumerate(headlines))
        stats = "".join(f"<li>{_esc(s)}</li>" for s in stat_lines)
        nav = "".join(f'<li><a href="/{_slug(n)}">{n}</a></li>' for n in NAV)
        owner = f"Cơ quan chủ quản: UBND {loc.place}, tỉnh {loc.province}"
        if a:
            top = [f'<div class="top-banner">{_esc(site.upper())} - TỈNH '
                   f"{loc.province.upper()}</div>",
                   f'<nav class="main-nav"><ul>\n{nav}\n</ul></nav>',
                   '<div class="breadcrumbs">Trang chủ / Tin tức / Tin tuyên vận</div>']
            content = ['<div class="content">', f"<h1>{_esc(title)}</h1>", meta,
                       '<div class="post-content">', *body, "</div>", "</div>",
                       f'<div class="tin-khac"><h3>Tin khác</h3><ul>\n{related}\n</ul></div>',
                       "<footer>", f'<div class="thong-ke"><h4>Thống kê truy cập</h4><ul>'
                       f"{stats}</ul></div>", f"<p>{owner}</p>",
                       '<p><a href="/dang-nhap">Đăng nhập</a></p>', "</footer>"]
        else:
            top = [f'<div id="header"><a href="/" class="logo">CỔNG THÔNG TIN ĐIỆN TỬ '
                   f"{loc.place.upper()}</a></div>", f'<ul class="menu">\n{nav}\n</ul>',
                   '<div class="breadcrumb"><a href="/">Trang chủ</a> &rsaquo; '
                   '<a href="/tin-tuc-su-kien">Tin tức - Sự kiện</a> &rsaquo; '
                   '<a href="/tin-tuc-su-kien/cong-tac-dan-van">Công tác dân vận</a></div>']
            content = ['<div class="content">', f'<h1 class="title">{_esc(title)}</h1>', meta,
                       '<div class="article-body">', *body, "</div>", "</div>",
                       f'<div class="related"><h3>Tin liên quan</h3><ul>\n{related}\n</ul></div>',
                       '<div id="footer">', f'<div class="stats"><h3>Thống kê truy cập</h3><ul>'
                       f"{stats}</ul></div>", f"<p>{owner}</p>",
                       '<p><a href="/dang-nhap">Đăng nhập</a></p>', "</div>"]
        lines = [
            "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(title)}{' | ' if a else ' - '}{_esc(site)}</title>",
            '<link rel="stylesheet" href="/Portal/css/site.css">', "</head>", "<body>",
            *top, *content,
            f"<script>window.pageId={page_id};window.hitCounter={view_count + r.randint(1, 9)};"
            "</script>",
            "</body>", "</html>",
        ]
        return "\n".join(lines) + "\n"


def _byline_name(author: str | None) -> str | None:
    """The gold by-line is the name as written, without a "Tác giả:" label (as in the corpus)."""
    return author.removeprefix("Tác giả: ") if author else author


def _gold_json(page: _Page, file_name: str, meta: dict) -> str:
    """The gold file, laid out like the corpus gold files (one fact per line)."""
    loc = page.loc
    report = {
        "title": meta["title"], "locality": loc.name, "locality_type": loc.locality_type,
        "province": loc.province, "period_type": "quarter", "year": page.year,
        "quarter": page.q, "half": None, "author": _byline_name(meta["author"]), "views": meta["views"],
    }
    tasks = {"target_period_type": "quarter", "target_year": page.ty, "target_quarter": page.tq,
             "target_half": None, "count": page.n_tasks}
    notes = " ".join([
        f"Synthetic page generated by analysis.synth (seed {page.seed}), not a real publication: "
        "figures, counters, people and the locality's own documents are invented.",
        *(f"{note}." for note in dict.fromkeys(page.notes)),
    ])

    def rows(name: str, items: list[dict]) -> str:
        if not items:
            return f'  "{name}": [],'
        return f'  "{name}": [\n' + ",\n".join(f"    {_json(x)}" for x in items) + "\n  ],"

    lines = [
        "{", f'  "file": {_json(file_name)},',
        f'  "encoding": {_json("utf-8-nfd" if page.nfd else "utf-8")},', '  "report": {',
        ",\n".join(f"    {_json(k)}: {_json(v)}" for k, v in report.items()), "  },",
        f'  "site_stats": {_json(meta["site_stats"])},',
        rows("doc_refs", page.docs), rows("amounts", page.amounts), rows("counts", page.counts),
        f'  "tasks": {_json(tasks)},', f'  "notes": {_json(notes)}', "}",
    ]
    return "\n".join(lines) + "\n"


def render_page(seed: int, loc: Locality, year: int, quarter: int) -> tuple[str, bytes, bytes]:
    """One page of the corpus: (file name, page bytes, gold JSON bytes)."""
    page = _Page(seed, loc, year, quarter)
    text, meta = page.build()
    if page.nfd:
        page.notes.append("The page bytes are UTF-8 in NFD (decomposed) form")
        text = unicodedata.normalize("NFD", text)
    name = f"{loc.slug}-{year}-q{quarter}.{'html' if page.html else 'txt'}"
    return name, text.encode("utf-8"), _gold_json(page, name, meta).encode("utf-8")


def generate_corpus(out: Path, localities: int, quarters: int, seed: int,
                    start_year: int = 2020) -> list[Path]:
    """Write ``localities`` × ``quarters`` synthetic report pages, each with its gold file.

    Args:
        out: Folder to write into (created if missing).
        localities: Number of localities, at most ``len(all_localities(seed))`` (over 200).
        quarters: Number of consecutive quarters, starting with Q1 of ``start_year``.
        seed: The same seed gives byte-identical files; a smaller ``localities`` or
            ``quarters`` gives a subset of the same pages.
        start_year: Year of the first quarter.

    Returns:
        The page paths (``<slug>-<year>-q<q>.txt`` or ``.html``), locality by locality,
        quarter by quarter. ``<slug>-<year>-q<q>.gold.json`` sits beside each.
    """
    pool = all_localities(seed)
    if not 0 < localities <= len(pool):
        raise ValueError(f"localities must be between 1 and {len(pool)}, got {localities}")
    if quarters < 1:
        raise ValueError(f"quarters must be at least 1, got {quarters}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for loc in pool[:localities]:
        for i in range(quarters):
            year, quarter = start_year + i // 4, i % 4 + 1
            name, page, gold = render_page(seed, loc, year, quarter)
            path = out / name
            path.write_bytes(page)
            path.with_name(f"{path.stem}.gold.json").write_bytes(gold)
            paths.append(path)
    return paths
