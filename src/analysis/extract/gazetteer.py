"""District-level units the extractor knows by name, with their province (2020-2025 units).

Used to spell a locality canonically ("Sapa" -> "Sa Pa") and to give its province when the
page does not name one. A name that is not here is still extracted as written.
"""

from __future__ import annotations

from ..text.keys import match_key

# province -> ((unit type, name), ...)
UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "Lào Cai": (("thành phố", "Lào Cai"), ("huyện", "Bát Xát"), ("huyện", "Mường Khương"),
                ("huyện", "Si Ma Cai"), ("huyện", "Bắc Hà"), ("huyện", "Bảo Thắng"),
                ("huyện", "Bảo Yên"), ("thị xã", "Sa Pa"), ("huyện", "Văn Bàn")),
    "Yên Bái": (("thành phố", "Yên Bái"), ("thị xã", "Nghĩa Lộ"), ("huyện", "Lục Yên"),
                ("huyện", "Văn Yên"), ("huyện", "Mù Cang Chải"), ("huyện", "Trấn Yên"),
                ("huyện", "Trạm Tấu"), ("huyện", "Văn Chấn"), ("huyện", "Yên Bình")),
    "Hà Giang": (("thành phố", "Hà Giang"), ("huyện", "Đồng Văn"), ("huyện", "Mèo Vạc"),
                 ("huyện", "Yên Minh"), ("huyện", "Quản Bạ"), ("huyện", "Bắc Mê"),
                 ("huyện", "Hoàng Su Phì"), ("huyện", "Vị Xuyên"), ("huyện", "Xín Mần"),
                 ("huyện", "Bắc Quang"), ("huyện", "Quang Bình")),
    "Lai Châu": (("thành phố", "Lai Châu"), ("huyện", "Tam Đường"), ("huyện", "Phong Thổ"),
                 ("huyện", "Sìn Hồ"), ("huyện", "Mường Tè"), ("huyện", "Than Uyên"),
                 ("huyện", "Tân Uyên"), ("huyện", "Nậm Nhùn")),
    "Sơn La": (("thành phố", "Sơn La"), ("huyện", "Quỳnh Nhai"), ("huyện", "Thuận Châu"),
               ("huyện", "Mường La"), ("huyện", "Bắc Yên"), ("huyện", "Phù Yên"),
               ("huyện", "Mộc Châu"), ("huyện", "Yên Châu"), ("huyện", "Mai Sơn"),
               ("huyện", "Sông Mã"), ("huyện", "Sốp Cộp"), ("huyện", "Vân Hồ")),
    "Điện Biên": (("thành phố", "Điện Biên Phủ"), ("thị xã", "Mường Lay"),
                  ("huyện", "Mường Nhé"), ("huyện", "Mường Chà"), ("huyện", "Tủa Chùa"),
                  ("huyện", "Tuần Giáo"), ("huyện", "Điện Biên"), ("huyện", "Điện Biên Đông"),
                  ("huyện", "Mường Ảng"), ("huyện", "Nậm Pồ")),
    "Tuyên Quang": (("thành phố", "Tuyên Quang"), ("huyện", "Lâm Bình"), ("huyện", "Na Hang"),
                    ("huyện", "Chiêm Hóa"), ("huyện", "Hàm Yên"), ("huyện", "Yên Sơn"),
                    ("huyện", "Sơn Dương")),
    "Cao Bằng": (("thành phố", "Cao Bằng"), ("huyện", "Bảo Lâm"), ("huyện", "Bảo Lạc"),
                 ("huyện", "Hà Quảng"), ("huyện", "Trùng Khánh"), ("huyện", "Hạ Lang"),
                 ("huyện", "Quảng Hòa"), ("huyện", "Hòa An"), ("huyện", "Nguyên Bình"),
                 ("huyện", "Thạch An")),
    "Quảng Nam": (("thành phố", "Tam Kỳ"), ("thành phố", "Hội An"), ("thị xã", "Điện Bàn"),
                  ("huyện", "Duy Xuyên"), ("huyện", "Quế Sơn"), ("huyện", "Thăng Bình"),
                  ("huyện", "Núi Thành"), ("huyện", "Tiên Phước"), ("huyện", "Nam Giang")),
    "Nghệ An": (("thành phố", "Vinh"), ("thị xã", "Cửa Lò"), ("thị xã", "Thái Hòa"),
                ("huyện", "Nghi Lộc"), ("huyện", "Diễn Châu"), ("huyện", "Quỳnh Lưu"),
                ("huyện", "Đô Lương"), ("huyện", "Thanh Chương"), ("huyện", "Kỳ Sơn")),
}

_ALIASES = {"sapa": "Sa Pa"}


def _k(name: str) -> str:
    return " ".join(match_key(name).split())


_BY_NAME: dict[str, tuple[str, str, str]] = {}
for _prov, _units in UNITS.items():
    for _typ, _name in _units:
        _BY_NAME.setdefault(_k(_name), (_typ, _name, _prov))


def lookup(name: str) -> tuple[str, str, str] | None:
    """(unit type, canonical name, province) for a district-level name, or None."""
    k = _k(name)
    k = _k(_ALIASES.get(k.replace(" ", ""), k))
    return _BY_NAME.get(k)


PROVINCES = tuple(UNITS)
