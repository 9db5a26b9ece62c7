"""The invented official reports the generator writes (names, numbers and figures are not real).

Each spec gives the layout regions of one report; :mod:`officialgen.docxgen` writes it in the
Party (36-HD/VPTW) or State (NĐ 30/2020) layout and :mod:`officialgen.gold` derives its gold.
Cited documents are real numbers and dates (DOMAIN.md); everything else is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Cited documents: (text as written in the body, gold entry).
CITES = {
    "25-NQ/TW": ("Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương khóa XI",
                 {"code": "25-NQ/TW", "doc_type": "NQ", "number": "25", "issuer_code": "TW",
                  "issued_on": "2013-06-03", "level": "central"}),
    "114-KL/TW": ("Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư",
                  {"code": "114-KL/TW", "doc_type": "KL", "number": "114", "issuer_code": "TW",
                   "issued_on": "2015-07-14", "level": "central"}),
    "290-QĐ/TW": ("Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị",
                  {"code": "290-QĐ/TW", "doc_type": "QĐ", "number": "290", "issuer_code": "TW",
                   "issued_on": "2010-02-25", "level": "central"}),
    "30/2020/NĐ-CP": ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
                      {"code": "30/2020/NĐ-CP", "doc_type": "NĐ", "number": "30",
                       "issuer_code": "CP", "issued_on": "2020-03-05", "level": "central"}),
    "16/CT-TTg": ("Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ",
                  {"code": "16/CT-TTg", "doc_type": "CT", "number": "16", "issuer_code": "TTg",
                   "issued_on": "2020-03-31", "level": "central"}),
    "24-KH/BDVTU": ("Kế hoạch số 24-KH/BDVTU ngày 15/01/2021 của Ban Dân vận Tỉnh ủy",
                    {"code": "24-KH/BDVTU", "doc_type": "KH", "number": "24",
                     "issuer_code": "BDVTU", "issued_on": "2021-01-15", "level": "province"}),
    "06-CT/TU": ("Chỉ thị số 06-CT/TU ngày 20/01/2021 của Ban Thường vụ Tỉnh ủy",
                 {"code": "06-CT/TU", "doc_type": "CT", "number": "06", "issuer_code": "TU",
                  "issued_on": "2021-01-20", "level": "province"}),
    "23-QĐ/TW": ("Quyết định số 23-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương",
                 {"code": "23-QĐ/TW", "doc_type": "QĐ", "number": "23", "issuer_code": "TW",
                  "issued_on": "2021-07-30", "level": "central"}),
}


@dataclass
class Spec:
    """One official report."""

    name: str                    # file stem
    system: str                  # "party" or "state"
    organ: tuple[str, ...]       # left header lines above the '*' / rule
    code: str                    # as printed after "Số" ("52-BC/BDVHU", "120/BC-UBND")
    place: str                   # place word of the date line
    date: tuple[int, int, int]   # (day, month, year)
    excerpt: str                 # the line(s) under "BÁO CÁO"
    report_period: tuple         # gold: (period_type, year, quarter, half)
    unit: tuple                  # gold: (locality, locality_type, province or None)
    unit_word: str               # how the body names the reporting unit
    cites: tuple[str, ...]       # keys of CITES, cited in the results section
    plan_cite: str | None        # a key of CITES cited in section III (plans)
    support: tuple[int, int]     # (gift packages, million dong) for the support sentence
    fund_million: int            # money raised for the fund, million dong
    table: tuple[tuple[str, int, int], ...]   # (commune, households, million dong)
    merged_header: bool
    signer_lines: tuple[str, ...]  # authority lines above the name
    signer: str
    recipients: tuple[str, ...]
    scan: bool = True            # also rendered as an image-only PDF
    header_table: bool = True    # False: header typed as paragraphs with tabs, no table
    left_cm: float = 6.8         # width of the header's left column (narrow: lines wrap)
    notes: list[str] = field(default_factory=list)


def _party_sign(kt: bool) -> tuple[str, ...]:
    return ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") if kt else ("TRƯỞNG BAN",)


_STATE_SIGN = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
_COMMUNE_SIGN = ("T/M ĐẢNG ỦY", "BÍ THƯ")

SPECS: tuple[Spec, ...] = (
    Spec("lc-baothang-2021-q1", "party", ("HUYỆN ỦY BẢO THẮNG", "BAN DÂN VẬN"), "31-BC/BDVHU",
         "Bảo Thắng", (25, 3, 2021),
         "kết quả công tác dân vận quý I, nhiệm vụ trọng tâm quý II năm 2021",
         ("quarter", 2021, 1, None), ("Bảo Thắng", "huyện", "Lào Cai"), "huyện",
         ("25-NQ/TW", "06-CT/TU"), "24-KH/BDVTU", (1250, 625), 148,
         (("Xuân Quang", 120, 60), ("Phong Niên", 95, 48), ("Gia Phú", 110, 55)), False,
         _party_sign(True), "Lò Thị Hạnh",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Huyện ủy (b/c)",
          "Các chi, đảng bộ cơ sở", "Lưu BDV")),
    Spec("lc-baothang-2021-q2", "party", ("HUYỆN ỦY BẢO THẮNG", "BAN DÂN VẬN"), "52-BC/BDVHU",
         "Bảo Thắng", (24, 6, 2021),
         "kết quả công tác dân vận quý II, nhiệm vụ trọng tâm quý III năm 2021",
         ("quarter", 2021, 2, None), ("Bảo Thắng", "huyện", "Lào Cai"), "huyện",
         ("114-KL/TW", "06-CT/TU", "290-QĐ/TW"), "25-NQ/TW", (430, 215), 96,
         (("Xuân Quang", 60, 30), ("Phong Niên", 45, 22), ("Gia Phú", 70, 35),
          ("Sơn Hải", 38, 19)), True,
         _party_sign(True), "Lò Thị Hạnh",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV")),
    Spec("lc-sapa-2021-q1", "party", ("THỊ ỦY SA PA", "BAN DÂN VẬN"), "18-BC/BDVTU",
         "Sa Pa", (26, 3, 2021),
         "kết quả công tác dân vận quý I, nhiệm vụ trọng tâm quý II năm 2021",
         ("quarter", 2021, 1, None), ("Sa Pa", "thị xã", "Lào Cai"), "thị xã",
         ("25-NQ/TW", "24-KH/BDVTU"), "06-CT/TU", (980, 490), 212,
         (("Tả Van", 140, 70), ("Bản Hồ", 85, 42), ("Tả Phìn", 120, 61)), False,
         _party_sign(False), "Giàng Thị Mai",
         ("Ban Dân vận Tỉnh ủy (b/c)", "Thường trực Thị ủy (b/c)", "Lưu BDV")),
    Spec("lc-sapa-2021-q2", "party", ("THỊ ỦY SA PA", "BAN DÂN VẬN"), "27-BC/BDVTU",
         "Sa Pa", (23, 6, 2021),
         "kết quả công tác dân vận quý II, nhiệm vụ trọng tâm quý III năm 2021",
         ("quarter", 2021, 2, None), ("Sa Pa", "thị xã", "Lào Cai"), "thị xã",
         ("114-KL/TW", "24-KH/BDVTU"), "290-QĐ/TW", (310, 155), 87,
         (("Tả Van", 52, 26), ("Bản Hồ", 40, 20), ("Tả Phìn", 61, 31)), True,
         _party_sign(True), "Vàng A Sử",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Thị ủy (b/c)", "Lưu BDV")),
    Spec("lc-batxat-2021-q1", "party", ("HUYỆN ỦY BÁT XÁT", "BAN DÂN VẬN"), "09-BC/BDVHU",
         "Bát Xát", (29, 3, 2021),
         "kết quả công tác dân vận quý I năm 2021",
         ("quarter", 2021, 1, None), ("Bát Xát", "huyện", "Lào Cai"), "huyện",
         ("290-QĐ/TW", "06-CT/TU"), None, (760, 380), 120,
         (("Mường Hum", 90, 45), ("Y Tý", 75, 38), ("Quang Kim", 66, 33)), False,
         _party_sign(False), "Phàn Văn Quẩy",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV")),
    Spec("lc-muongkhuong-2021-q2", "state", ("ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG KHƯƠNG"),
         "120/BC-UBND", "Mường Khương", (28, 6, 2021),
         "kết quả thực hiện công tác dân vận chính quyền quý II năm 2021",
         ("quarter", 2021, 2, None), ("Mường Khương", "huyện", "Lào Cai"), "huyện",
         ("114-KL/TW", "30/2020/NĐ-CP"), "16/CT-TTg", (540, 270), 64,
         (("Pha Long", 70, 35), ("Bản Lầu", 88, 44), ("Lùng Vai", 54, 27)), False,
         _STATE_SIGN, "Nguyễn Văn Hưng",
         ("Sở Nội vụ tỉnh Lào Cai (b/c)", "TT Huyện ủy, TT HĐND huyện (b/c)", "Lưu: VT")),
    Spec("lc-phongnien-2021-q2", "party", ("ĐẢNG BỘ HUYỆN BẢO THẮNG", "ĐẢNG ỦY XÃ PHONG NIÊN"),
         "14-BC/ĐU", "Phong Niên", (22, 6, 2021),
         "kết quả công tác dân vận quý II năm 2021",
         ("quarter", 2021, 2, None), ("Phong Niên", "xã", "Lào Cai"), "xã",
         ("25-NQ/TW", "06-CT/TU"), None, (120, 48), 35,
         (("Thôn Bắc Ngầm", 30, 12), ("Thôn Phú Hà", 26, 10), ("Thôn Cốc Sâm", 34, 14)), False,
         _COMMUNE_SIGN, "Hoàng Văn Tiến",
         ("Ban Dân vận Huyện ủy (b/c)", "Các chi bộ trực thuộc", "Lưu VP")),
    Spec("lc-baothang-2021-h1", "party", ("HUYỆN ỦY BẢO THẮNG", "BAN DÂN VẬN"), "55-BC/BDVHU",
         "Bảo Thắng", (5, 7, 2021),
         "kết quả công tác dân vận 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2021",
         ("half_year", 2021, None, 1), ("Bảo Thắng", "huyện", "Lào Cai"), "huyện",
         ("114-KL/TW", "06-CT/TU"), "24-KH/BDVTU", (1680, 840), 244,
         (("Xuân Quang", 180, 90), ("Phong Niên", 140, 70), ("Gia Phú", 180, 90)), True,
         _party_sign(True), "Lò Thị Hạnh",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV")),
    Spec("lc-bacha-2021-year", "party", ("HUYỆN ỦY BẮC HÀ", "BAN DÂN VẬN"), "78-BC/BDVHU",
         "Bắc Hà", (10, 12, 2021),
         "tổng kết công tác dân vận năm 2021, phương hướng nhiệm vụ năm 2022",
         ("year", 2021, None, None), ("Bắc Hà", "huyện", "Lào Cai"), "huyện",
         ("25-NQ/TW", "23-QĐ/TW"), "06-CT/TU", (2100, 1050), 390,
         (("Lùng Phình", 210, 105), ("Bản Phố", 160, 80), ("Tà Chải", 190, 95)), False,
         _party_sign(False), "Tráng Seo Lử",
         ("Ban Dân vận Tỉnh ủy Lào Cai (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV")),
    Spec("yb-vanchan-2021-q2", "party", ("HUYỆN ỦY VĂN CHẤN", "BAN DÂN VẬN"), "41-BC/BDVHU",
         "Văn Chấn", (25, 6, 2021),
         "kết quả công tác dân vận quý II, nhiệm vụ trọng tâm quý III năm 2021",
         ("quarter", 2021, 2, None), ("Văn Chấn", "huyện", "Yên Bái"), "huyện",
         ("114-KL/TW", "24-KH/BDVTU"), "25-NQ/TW", (460, 230), 75,
         (("Cát Thịnh", 80, 40), ("Sơn Thịnh", 66, 33), ("Tân Thịnh", 58, 29)), True,
         _party_sign(True), "Hà Thị Thu",
         ("Ban Dân vận Tỉnh ủy Yên Bái (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV")),
    Spec("yb-tranyen-2021-h1", "state", ("ỦY BAN NHÂN DÂN", "HUYỆN TRẤN YÊN"), "215/BC-UBND",
         "Trấn Yên", (30, 6, 2021),
         "kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2021",
         ("half_year", 2021, None, 1), ("Trấn Yên", "huyện", "Yên Bái"), "huyện",
         ("30/2020/NĐ-CP", "114-KL/TW"), None, (620, 310), 102,
         (("Hưng Khánh", 72, 36), ("Lương Thịnh", 64, 32), ("Việt Thành", 50, 25)), False,
         _STATE_SIGN, "Đỗ Đức Minh",
         ("UBND tỉnh Yên Bái (b/c)", "TT Huyện ủy (b/c)", "Lưu: VT"), left_cm=3.4,
         notes=["A narrow left header column: in the PDF the organ and the number wrap "
                "('HUYỆN TRẤN' / 'YÊN', 'Số: 215/BC-' / 'UBND')."]),
    Spec("hue-phongdien-2021-9m", "party", ("HUYỆN ỦY PHONG ĐIỀN", "BAN DÂN VẬN"), "63-BC/BDVHU",
         "Phong Điền", (20, 9, 2021),
         "kết quả công tác dân vận 9 tháng đầu năm, nhiệm vụ trọng tâm quý IV năm 2021",
         ("nine_months", 2021, None, None), ("Phong Điền", "huyện", "Thừa Thiên Huế"), "huyện",
         ("25-NQ/TW", "23-QĐ/TW"), "114-KL/TW", (890, 445), 160,
         (("Phong Hiền", 96, 48), ("Phong An", 84, 42), ("Phong Thu", 70, 35)), True,
         _party_sign(True), "Lê Văn Thành",
         ("Ban Dân vận Tỉnh ủy Thừa Thiên Huế (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV"),
         notes=["Phong Điền is a district of Thừa Thiên Huế and of Cần Thơ: "
                "the recipients decide."]),
    Spec("hue-quangdien-2021-year", "state", ("ỦY BAN NHÂN DÂN", "HUYỆN QUẢNG ĐIỀN"),
         "402/BC-UBND", "Quảng Điền", (15, 12, 2021),
         "kết quả thực hiện công tác dân vận chính quyền năm 2021",
         ("year", 2021, None, None), ("Quảng Điền", "huyện", "Thừa Thiên Huế"), "huyện",
         ("30/2020/NĐ-CP", "23-QĐ/TW"), "16/CT-TTg", (1320, 660), 215,
         (("Quảng An", 110, 55), ("Quảng Thành", 96, 48), ("Quảng Phú", 124, 62)), False,
         _STATE_SIGN, "Trần Quang Vinh",
         ("UBND tỉnh Thừa Thiên Huế (b/c)", "TT Huyện ủy (b/c)", "Lưu: VT")),
    Spec("tn-chauthanh-2021-q3", "party", ("HUYỆN ỦY CHÂU THÀNH", "BAN DÂN VẬN"), "72-BC/BDVHU",
         "Châu Thành", (24, 9, 2021),
         "kết quả công tác dân vận quý III, nhiệm vụ trọng tâm quý IV năm 2021",
         ("quarter", 2021, 3, None), ("Châu Thành", "huyện", "Tây Ninh"), "huyện",
         ("114-KL/TW", "16/CT-TTg"), None, (350, 175), 58,
         (("Thái Bình", 60, 30), ("Hảo Đước", 48, 24), ("An Cơ", 52, 26)), False,
         _party_sign(False), "Nguyễn Thị Lan",
         ("Ban Dân vận Tỉnh ủy Tây Ninh (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV"),
         notes=["Châu Thành names districts of six provinces: the recipients decide."]),
    Spec("xx-chauthanh-2021-q4", "party", ("HUYỆN ỦY CHÂU THÀNH", "BAN DÂN VẬN"), "88-BC/BDVHU",
         "Châu Thành", (20, 12, 2021),
         "kết quả công tác dân vận quý IV năm 2021",
         ("quarter", 2021, 4, None), ("Châu Thành", "huyện", None), "huyện",
         ("25-NQ/TW", "290-QĐ/TW"), None, (400, 200), 66,
         (("Thị trấn", 70, 35), ("Xã A", 50, 25), ("Xã B", 44, 22)), False,
         _party_sign(False), "Phạm Văn Đức",
         ("Ban Dân vận Tỉnh ủy (b/c)", "Thường trực Huyện ủy (b/c)", "Lưu BDV"),
         notes=["Nothing decides the province: it stays null, 'chưa xác định'."]),
    Spec("yb-catthinh-2021-q2", "party", ("ĐẢNG BỘ HUYỆN VĂN CHẤN", "ĐẢNG ỦY XÃ CÁT THỊNH"),
         "09-BC/ĐU", "Cát Thịnh", (21, 6, 2021),
         "kết quả công tác dân vận quý II năm 2021",
         ("quarter", 2021, 2, None), ("Cát Thịnh", "xã", "Yên Bái"), "xã",
         ("114-KL/TW", "06-CT/TU"), None, (90, 36), 28,
         (("Thôn Đồng Ca", 24, 9), ("Thôn Mỏ", 30, 12), ("Thôn Khe Căng", 20, 8)), False,
         _COMMUNE_SIGN, "Lường Văn Pọm",
         ("Ban Dân vận Huyện ủy (b/c)", "Các chi bộ trực thuộc", "Lưu VP"), header_table=False,
         notes=["The header is typed as paragraphs with tabs, not as a table."]),
)
