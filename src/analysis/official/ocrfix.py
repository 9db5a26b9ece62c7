"""Repairs of OCR's tone-mark errors in the few places where the words are known in advance.

OCR of bold or small print often loses a horn or swaps a tone ("Đức" read "Đúc", "TỊCH" read
"TICH", "Tổng cộng" read "Tống cộng", "(hộ)" read "(hỗ)"). In a signer's name, a signer's
position, a table's total label and a column's unit, a word that is not in the known
vocabulary is replaced by the one known word with the same base letters, if exactly one
exists; otherwise it is kept as read. Only OCR output is repaired; text layers and Word files
are never changed.
"""

from __future__ import annotations

import re
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


POSITION_WORDS = frozenset("""
TRƯỞNG PHÓ BAN CHỦ TỊCH BÍ THƯ GIÁM ĐỐC THƯỜNG TRỰC ỦY VIÊN CHÁNH VĂN PHÒNG
""".split())
"""Words of signer positions (upper case, as the signer block prints them)."""

TABLE_WORDS = frozenset("""
Tổng cộng số Toàn huyện xã tỉnh thị thành phố hộ người suất quà lượt cuộc đồng triệu nghìn
tỷ mô hình thôn bản tổ công trình nhà
""".split())
"""Words of table totals and units."""


def _index(words: frozenset) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for w in words:
        out.setdefault(_bare(w), set()).add(w)
    return out


_INDEXES = {id(v): _index(v) for v in (SYLLABLES, POSITION_WORDS, TABLE_WORDS)}


def repair(text: str, vocabulary: frozenset) -> str:
    """``text`` with each word outside ``vocabulary`` replaced by the one known word of the
    same base letters (punctuation around a word is kept)."""
    index = _INDEXES[id(vocabulary)]

    def fix(m):
        w = m.group(0)
        cands = index.get(_bare(w), set())
        if w in vocabulary or len(cands) != 1:
            return w
        c = next(iter(cands))
        return c.upper() if w.isupper() else c[:1].upper() + c[1:] if w[:1].isupper() else c
    return re.sub(r"[^\W\d_]+", fix, text)


def repair_name(name: str) -> str:
    """The signer's name, each unknown syllable replaced by its one same-letters syllable."""
    return repair(name, SYLLABLES)
