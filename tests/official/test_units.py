"""Small parts: codes checked against the numbering rules, broken lines, deskew, names."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from analysis.official.figures import table_figures
from analysis.official.layout import Layout, Table, read_metadata
from analysis.official.ocrfix import POSITION_WORDS, TABLE_WORDS, repair, repair_name
from analysis.official.ocr import skew_angle
from analysis.official.regions import PageWords, Word, build_layout, join_broken


def test_codes_broken_at_line_end_are_joined():
    assert join_broken(["Số 52-", "BC/BDVHU"]) == ["Số 52-BC/BDVHU"]
    assert join_broken(["Độc lập - Tự do -", "Hạnh phúc"]) == ["Độc lập - Tự do -", "Hạnh phúc"]


@pytest.mark.parametrize("line,code,trusted", [
    ("Số 52-BC/BDVHU", "52-BC/BDVHU", True),
    ("Số: 120/BC-UBND", "120/BC-UBND", True),
    ("Số 14 - BC/ĐU", "14-BC/ĐU", True),
    ("Số 445-KL/TƯ", "445-KL/TU", True),          # OCR's Ư in an issuer is U
    ("Số 5O-BC/HU", "50-BC/HU", True),            # O between digits is 0
    ("Số 52-BC/BDVHDŨ", None, False),             # not a code by the rules: not trusted
])
def test_report_code_is_checked_against_the_numbering_rules(line, code, trusted):
    meta = read_metadata(Layout("x", "pdf_ocr", header_left=["HUYỆN ỦY BẢO THẮNG", line]))
    assert (meta.report_code, meta.code_trusted) == (code, trusted)


def test_province_stays_undecided_when_nothing_decides():
    lay = Layout("x", "docx", header_left=["HUYỆN ỦY CHÂU THÀNH", "BAN DÂN VẬN", "Số 8-BC/BDVHU"],
                 header_right=["Châu Thành, ngày 2 tháng 3 năm 2021"],
                 recipients=["- Ban Dân vận Tỉnh ủy (b/c),"])
    m = read_metadata(lay)
    assert (m.locality, m.locality_type, m.province, m.province_source) == (
        "Châu Thành", "huyện", None, "chưa xác định")
    lay.recipients = ["- Ban Dân vận Tỉnh ủy Tây Ninh (b/c),"]
    m = read_metadata(lay)
    assert (m.province, m.province_source) == ("Tây Ninh", "nơi nhận")


def test_header_columns_rebuilt_from_positions_when_interleaved_on_one_line():
    w = [Word(100, 50, 200, 62, "HUYỆN"), Word(205, 50, 240, 62, "ỦY"),
         Word(245, 50, 300, 62, "SA"), Word(305, 50, 330, 62, "PA"),
         Word(380, 50, 430, 62, "ĐẢNG"), Word(435, 50, 480, 62, "CỘNG"),
         Word(485, 50, 520, 62, "SẢN"),
         Word(130, 70, 150, 82, "Số"), Word(155, 70, 200, 82, "18-"),
         Word(130, 88, 220, 100, "BC/BDVTU"),
         Word(250, 130, 320, 142, "BÁO"), Word(325, 130, 360, 142, "CÁO"),
         Word(108, 160, 540, 172, "Thực hiện kế hoạch, Ban Dân vận trao 120 suất quà cho"),
         Word(80, 178, 500, 190, "hộ nghèo trên địa bàn huyện trong quý I năm 2021."),
         Word(300, 800, 306, 812, "1")]
    lay = build_layout([PageWords(595, 842, w)], "x.pdf", "pdf")
    assert lay.header_left == ["HUYỆN ỦY SA PA", "Số 18-BC/BDVTU"]
    assert lay.header_right == ["ĐẢNG CỘNG SẢN"]
    assert lay.body == ["Thực hiện kế hoạch, Ban Dân vận trao 120 suất quà cho hộ nghèo trên "
                        "địa bàn huyện trong quý I năm 2021."]


def test_total_row_is_marked_and_units_come_from_the_column_label():
    t = Table([["TT", "Đơn vị", "Số người (người)", "Kinh phí (triệu đồng)"],
               ["1", "Xã A", "1.250", "12,5"], ["", "Tống cộng", "1.250", "12,5"]])
    rows = table_figures(t, 1)
    assert [(r["row_label"], r["value"], r["unit"], r["is_total"]) for r in rows] == [
        ("Xã A", 1250.0, "người", False), ("Xã A", 12_500_000.0, "đồng", False),
        ("Tống cộng", 1250.0, "người", True), ("Tống cộng", 12_500_000.0, "đồng", True)]


def test_deskew_finds_the_rotation():
    img = Image.new("L", (1200, 1600), 255)
    d = ImageDraw.Draw(img)
    for y in range(100, 1500, 40):
        d.rectangle([100, y, 1100, y + 12], fill=0)
    tilted = img.rotate(-0.8, fillcolor=255)
    assert abs(skew_angle(tilted) - 0.8) <= 0.15
    assert abs(skew_angle(img)) <= 0.1
    assert np.asarray(img).shape == (1600, 1200)


def test_ocr_name_repair_changes_only_unknown_syllables():
    assert repair_name("Phạm Văn Đúc") == "Phạm Văn Đức"
    assert repair_name("Lường Văn Pọm") == "Lường Văn Pọm"
    assert repair_name("Nguyễn Văn Hưng") == "Nguyễn Văn Hưng"
    assert repair("PHÓ CHỦ TICH", POSITION_WORDS) == "PHÓ CHỦ TỊCH"
    assert repair("Tống cộng", TABLE_WORDS) == "Tổng cộng"
    assert repair("Số hộ (hỗ)", TABLE_WORDS) == "Số hộ (hộ)"


def _words(line: str, x: float, top: float, size: float = 12) -> list[Word]:
    out = []
    for t in line.split():
        w = 0.6 * size * len(t)
        out.append(Word(x, top, x + w, top + size, t))
        x += w + 0.3 * size
    return out


def test_interleaved_header_columns_split_at_the_national_heading():
    w = (_words("ĐẢNG BỘ HUYỆN VĂN CHẤN ĐẢNG CỘNG SẢN VIỆT NAM", 85, 56)
         + _words("ĐẢNG ỦY XÃ CÁT THỊNH Cát Thịnh, ngày 21 tháng 6 năm 2021", 85, 74)
         + _words("Số 09-BC/ĐU", 85, 92) + _words("BÁO CÁO", 270, 130)
         + _words("Kết quả công tác dân vận quý II năm 2021", 170, 148))
    lay = build_layout([PageWords(595, 842, w)], "x.pdf", "pdf")
    assert lay.header_left == ["ĐẢNG BỘ HUYỆN VĂN CHẤN", "ĐẢNG ỦY XÃ CÁT THỊNH", "Số 09-BC/ĐU"]
    assert lay.header_right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Cát Thịnh, ngày 21 tháng 6 năm 2021"]
    m = read_metadata(lay)
    assert (m.locality, m.locality_type, m.province, m.report_code) == (
        "Cát Thịnh", "xã", "Yên Bái", "09-BC/ĐU")


def test_running_heads_and_page_numbers_are_dropped():
    pages = []
    for n in (1, 2):
        w = (_words("Báo cáo công tác dân vận", 200, 20)
             + _words("Ban Dân vận đã trao quà cho các hộ nghèo trên địa bàn huyện Bảo Thắng.", 85, 300)
             + _words(str(n), 295, 815))
        pages.append(PageWords(595, 842, w))
    lay = build_layout(pages, "x.pdf", "pdf")
    assert all("công tác dân vận" not in b and not b.strip().isdigit() for b in lay.body)


def test_docx_typed_without_tables(tmp_path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from analysis.official import extract_official
    d = Document()
    for line in ("HUYỆN ỦY BẢO THẮNG\t\tĐẢNG CỘNG SẢN VIỆT NAM", "BAN DÂN VẬN", "*",
                 "Số 60-BC/BDVHU\t\tBảo Thắng, ngày 20 tháng 9 năm 2021"):
        d.add_paragraph(line)
    for line in ("BÁO CÁO", "kết quả công tác dân vận quý III năm 2021"):
        d.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("Ban Dân vận trao 200 suất quà trị giá 100 triệu đồng, thực hiện Chỉ thị số "
                    "06-CT/TU ngày 20/01/2021 của Ban Thường vụ Tỉnh ủy.")
    for line in ("Nơi nhận:\t\tTRƯỞNG BAN", "- Ban Dân vận Tỉnh ủy Lào Cai (b/c),", "- Lưu BDV."):
        d.add_paragraph(line)
    d.add_paragraph("Lò Thị Hạnh").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.save(tmp_path / "x.docx")
    facts, figures = extract_official((tmp_path / "x.docx").read_bytes(), "x.docx")
    r = facts.report
    assert (r["report_code"], r["locality"], r["province"], r["period_label"], r["signer"],
            r["signer_position"]) == ("60-BC/BDVHU", "Bảo Thắng", "Lào Cai", "2021-Q3",
                                      "Lò Thị Hạnh", "TRƯỞNG BAN")
    assert [a["amount_vnd"] for a in facts.amounts] == [100_000_000]
    assert figures == []


def test_red_seal_is_removed_and_black_print_under_it_kept():
    from PIL import ImageChops

    from analysis.official.ocr import without_seal
    page = Image.new("RGB", (400, 200), (255, 255, 255))
    ImageDraw.Draw(page).rectangle([50, 90, 350, 110], fill=(0, 0, 0))        # a line of print
    seal = Image.new("RGB", page.size, (255, 255, 255))
    ImageDraw.Draw(seal).ellipse([120, 20, 280, 180], outline=(205, 35, 40), width=8)
    gray = np.asarray(without_seal(ImageChops.multiply(page, seal)))
    assert gray[100, 60] < 50 and gray[100, 124] < 50        # print, also under the ring
    assert gray[24, 200] > 200 and gray[60, 135] > 200       # ring gone (top, left side)
