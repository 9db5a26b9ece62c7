"""Syllables of Vietnamese personal names, to repair OCR's tone-mark errors in a signer's name.

OCR of a bold name often loses a horn or swaps a tone ("Đức" read "Đúc"). A word of an
OCR-read name that is not a known name syllable is replaced by the one known syllable with the
same base letters, if exactly one exists; otherwise it is kept as read. Text layers and Word
files are never changed.
"""

from __future__ import annotations

import unicodedata

from ..text.keys import match_key

SYLLABLES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trương Lương
Mai Cao Lâm Tạ Hà Lò Lường Giàng Vàng Tráng Phàn Sùng Hầu Thào Lầu Ma Nông Hứa Triệu Tòng Quàng
Văn Thị Đức Minh Hùng Hưng Thành Thắng Hạnh Thu Lan Hoa Hương Hằng Ngọc Anh Tuấn Dũng Quang Vinh
Tiến Toàn Lực Sơn Hải Long Nam Bình Phúc Lộc Thọ Trung Hiếu Nghĩa Tâm Tú Trang Huyền Linh Nga
Phương Thảo Yến Xuân Hòa Khánh Kiên Cường Mạnh Công Chiến Thủy Tùng Việt Hiền Nhung Oanh Quyên
Vân Hiệp Huy Khoa Lợi Nhân Phong Quân Quý Tài Thái Thanh Thịnh Trí Trọng Tuyết Vượng Xuyến Đạt
Định Điệp Giang Hậu Hiển Hoài Hồng Kim Liên Loan Luận Lụa Ly Mỹ Nguyệt Nhàn Nhi Quế Sáu Sinh
Tân Thư Thương Trinh Tuyến Uyên Vui Ánh Bảo Chung Diệp Dung Duyên Gấm Hà Hạ Hiên Hợp Khải Lành
Lệ Lịch Mừng Ninh Ơn Pao Páo Sử Seo Chứ Chính Chinh Châu Đông Đồng Hội Kỳ Lai Lập Mến Mùi Nhất
Sang Tám Thạch Thiện Thông Tình Toản Tường Vĩnh Vỹ Ý
""".split())


def _bare(s: str) -> str:
    d = unicodedata.normalize("NFD", match_key(s).replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c))


_BY_BARE: dict[str, set[str]] = {}
for _s in SYLLABLES:
    _BY_BARE.setdefault(_bare(_s), set()).add(_s)


def repair_name(name: str) -> str:
    """The name with each unknown syllable replaced by its one same-letters known syllable."""
    out = []
    for w in name.split():
        cands = _BY_BARE.get(_bare(w), set())
        out.append(next(iter(cands)) if w not in SYLLABLES and len(cands) == 1 else w)
    return " ".join(out)
