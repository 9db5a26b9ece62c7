"""Rules for forms met on held-out sets 9-27 (pages written independently of the rules): each
case carries the markup or the lines, cut short, that motivated its rule."""

import pytest

from analysis.extract.counters import find_site_stats
from analysis.extract.gazetteer import districts
from analysis.extract.locality import find_locality
from tests.extract.pages import LEAD, page, report

P = f"<p>{LEAD}</p>"


# --- saved HTML: where the article sits -------------------------------------------------------

def test_paragraphs_straight_in_body_are_the_article_and_the_widget_stays_out():
    html = ("<html><body><div class='menu'><span>Trang chủ</span><span>Tin tức</span></div>"
            "<h1>Phường Tân Đông Hiệp: giao ban công tác dân vận quý 1/2024</h1>"
            "<p class='by'>Bài và ảnh: Hồng Nhung</p><p class='ngay'>Ngày đăng: 08/04/2024</p>"
            f"{P}{P}<p>Dịp Tết, Mặt trận đã vận động 350.000.000 đồng.</p>"
            "<p class='tags'>Tags: dân vận</p><p class='view'>Lượt xem: 64</p>"
            "<div class='thongke'><b>THỐNG KÊ</b><br>Đang online 14<br>Hôm nay 523<br>"
            "Tổng 1.092.117</div></body></html>")
    p = page(html, "t.html")
    r = report(html, "t.html")
    assert (r["author"], r["views"], str(r["published_on"])) == ("Hồng Nhung", 64, "2024-04-08")
    assert any("350.000.000 đồng" in ln.text for ln in p.body)
    stats, _ = find_site_stats(p)
    assert (stats["online"], stats["today"], stats["total"]) == (14, 523, 1092117)


def test_an_info_line_above_the_heading_inside_the_container_is_kept():
    html = ("<html><head><title>Cần Đước: Giao ban công tác dân vận quý IV/2022</title></head>"
            "<body><div id='detail'><div class='cat'>Tin hoạt động | Thứ Sáu, 30/12/2022 | "
            "14:35 | Lượt xem : 88</div><h1>Cần Đước: Giao ban công tác dân vận quý IV/2022</h1>"
            f"{P}{P}<p>Mỹ Linh<br>Nguồn: Ban Dân vận Huyện ủy Cần Đước</p></div></body></html>")
    r = report(html, "t.html")
    assert (r["views"], str(r["published_on"]), r["author"]) == (88, "2022-12-30", "Mỹ Linh")


def test_a_heading_in_capitals_under_a_mixed_case_document_title_is_the_title_once():
    html = ("<html><head><title>Huyện ủy Đắk Song tổng kết công tác dân vận năm 2020</title>"
            "</head><body><div class='detail'><h3 class='title'>HUYỆN ỦY ĐẮK SONG TỔNG KẾT CÔNG "
            "TÁC DÂN VẬN NĂM 2020</h3><div class='time'>Cập nhật: 30/12/2020 09:12:33 "
            f"Lượt xem: 1753</div>{P}{P}</div></body></html>")
    p = page(html, "t.html")
    assert p.title.text.startswith("HUYỆN ỦY ĐẮK SONG")
    assert not any("TỔNG KẾT" in ln.text for ln in p.body)
    assert report(html, "t.html")["views"] == 1753


@pytest.mark.parametrize("widget, want", [
    ("<table><tr><td>Đang truy cập</td><td>6</td></tr><tr><td>Lượt truy cập hôm nay</td>"
     "<td>85</td></tr><tr><td>Tổng số lượt truy cập</td><td>402.118</td></tr></table>",
     (6, 85, 402118)),
    ("Online: 4 | Hôm nay: 98 | Tháng 7 : 2.706 | Tổng : 230.551", (4, 98, 230551)),
    ("Online 5 | Hôm nay 92 | Tháng 10/2023: 4.812 | Tổng: 612.455", (5, 92, 612455)),
    ("Số người online: 17<br>Hôm nay: 520<br>Tổng lượt truy cập: 1.127.554", (17, 520, 1127554)),
])
def test_visit_widgets_in_cells_on_one_line_or_without_colons(widget, want):
    html = (f"<html><body><div class='article'><h1>Giao ban dân vận quý III/2021</h1>{P}{P}</div>"
            f"<div class='box-thongke'>{widget}</div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["today"], stats["total"]) == want


def test_without_a_colon_a_year_or_a_month_after_its_label_is_no_count():
    p = page("Giao ban dân vận quý III/2021\nLượt xem: 5\n\n" + LEAD + "\n\n"
             "Thống kê truy cập\nNăm 2021\nTháng 10\nHôm nay 92\n")
    stats, _ = find_site_stats(p)
    assert (stats["year"], stats["month"], stats["today"]) == (None, None, 92)


# --- text pages: header, title, meta ----------------------------------------------------------

@pytest.mark.parametrize("head, title", [
    ("HUYỆN ỦY GIAO THỦY - BAN DÂN VẬN\nThứ Tư, 30/12/2020 14:05\n\n",
     "GIAO BAN CÔNG TÁC DÂN VẬN QUÝ IV-2020"),
    ("Ban Dân vận Huyện ủy Krông Pắc\nTrang chủ / Hoạt động\n\n",
     "BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 5/2024"),
    ("Huyện Mường La - Sơn La\nTrang chủ > Tin tức\n\n", "MƯỜNG LA TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2019"),
    ("ĐẢNG ỦY PHƯỜNG PHÚ HÒA\nThành phố Thủ Dầu Một, tỉnh Bình Dương\n\n",
     "BÁO CÁO CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021"),
    ("mocchau.sonla.gov.vn\nTin tức - Sự kiện\n", "Mộc Châu: kết quả công tác dân vận quý IV-2021"),
    ("BÁO LÂM ĐỒNG ĐIỆN TỬ\nThứ Ba, 16/01/2024 - 07:45\n3580 Lượt xem\n",
     "Bảo Lộc: 3 năm thực hiện phong trào “Dân vận khéo” giai đoạn 2021 - 2023"),
])
def test_an_owners_name_an_address_or_an_outlet_above_the_title_is_header(head, title):
    p = page(head + title + "\nLượt xem: 318\n\n" + LEAD + "\n" + LEAD + "\n")
    assert p.title.text == title


def test_an_organisations_name_with_a_verb_is_a_title():
    p = page("Huyện ủy Phú Tân tổng kết công tác dân vận\nNgày đăng: 14/01/2022\n\n" + LEAD + "\n")
    assert p.title.text.startswith("Huyện ủy Phú Tân tổng kết")


def test_a_caps_title_with_a_year_over_a_byline_with_its_unit():
    r = report("Trang chủ > Tin tức - Sự kiện > Chính trị\n\n"
               "PHÚ TÂN: SƠ KẾT CÔNG TÁC DÂN VẬN 9 THÁNG ĐẦU NĂM 2021\n"
               "Quốc Trung - Trung tâm Văn hóa, Thông tin và Thể thao huyện\n"
               "Ngày đăng: 28-09-2021 16:20\n\n" + LEAD + "\n" + LEAD + "\n")
    assert (r["author"], str(r["published_on"]), r["period_type"]) == (
        "Quốc Trung", "2021-09-28", "nine_months")


@pytest.mark.parametrize("info, views, published", [
    ("22:58 2241", 2241, None),                          # the count after the time, icon lost
    ("2023-10-17 08:30\nLượt xem: 12", 12, "2023-10-17"),  # an ISO dateline on its own line
])
def test_datelines_and_counters(info, views, published):
    r = report("Xã Thanh Bình tổng kết công tác dân vận năm 2020\n" + info + "\n\n"
               + LEAD + "\n" + LEAD + "\n")
    assert (r["views"], r["published_on"] and str(r["published_on"])) == (views, published)


# --- by-lines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("end, author", [
    ("Tin: Thanh Tùng - Ảnh: Ngọc Trâm", "Thanh Tùng"),
    ("Theo Ngọc Dung - Báo Đồng Nai", "Ngọc Dung"),
    ("Tác giả: Trần Thanh Phong - CTV", "Trần Thanh Phong"),
    ("Tin, ảnh: Văn phòng Đảng ủy phường", None),        # an office, not a person
    ("Tin, ảnh: Ngọc Hân\nẢnh: Quang cảnh hội nghị", "Ngọc Hân"),   # a caption after it
])
def test_bylines_at_the_end(end, author):
    assert report("Huyện Phú Tân tổng kết công tác dân vận năm 2021\n\n" + LEAD + "\n" + LEAD
                  + "\n" + end + "\n")["author"] == author


def test_a_name_in_capitals_after_the_closing_mark():
    assert report("Xuyên Mộc: Công tác dân vận Quý III.2021\n\n" + LEAD + "\nQuý IV.2021, Ban "
                  "Dân vận tập trung vận động Nhân dân phòng dịch./. MINH THÀNH\n")["author"] \
        == "MINH THÀNH"


def test_the_byline_as_a_later_field_of_the_info_line():
    r = report("Long Phú: công tác dân vận 6 tháng đầu năm 2024\n"
               "Ngày đăng: 05/07/2024 | Lượt xem: 764 | Tác giả: Thạch Sô Phol\n\n"
               + LEAD + "\n" + LEAD + "\n")
    assert (r["author"], r["views"]) == ("Thạch Sô Phol", 764)


def test_a_name_and_unit_joined_by_a_dash_without_a_space_over_the_dateline():
    r = report("VĨNH LINH SƠ KẾT CÔNG TÁC DÂN VẬN QUÝ 2 NĂM 2024\n"
               "Hồng Nhung- Ban Dân vận Huyện ủy\nThứ Ba, 02/07/2024 - 09:10 | Lượt xem: 615\n\n"
               + LEAD + "\n" + LEAD + "\n")
    assert (r["author"], r["views"]) == ("Hồng Nhung", 615)


# --- periods and places -----------------------------------------------------------------------

def test_from_the_start_of_the_year_opening_the_lead_is_the_year_to_date():
    r = report("Chư Sê: Công tác dân vận góp phần thực hiện thắng lợi nhiệm vụ chính trị\n"
               "Ngày đăng: 21/08/2024 | Số lượt xem: 734\n\n"
               "Từ đầu năm đến nay, Ban Dân vận Huyện ủy Chư Sê đã chủ động tham mưu.\n"
               "Thực hiện Kết luận số 318-TB/TU về công tác dân vận năm 2024, huyện ban hành kế "
               "hoạch.\n")
    assert (r["period_type"], r["year"]) == ("other", 2024)


def test_highland_names_match_in_both_spellings():
    assert districts("Đắk Hà") == districts("Đăk Hà") != ()
    loc = find_locality(page("Đắk Hà: Sơ kết công tác dân vận 6 tháng đầu năm 2021\n\n"
                             "Ban Dân vận Huyện ủy Đắk Hà tổ chức hội nghị sơ kết.\n"))
    assert (loc.unit_type, loc.province) == ("huyện", "Kon Tum")


# --- held-out sets 12 and 13 ------------------------------------------------------------------

def test_a_page_wrapped_in_one_aspnet_form_keeps_its_article():
    html = ("<html><head><title>Phường Hạc Thành: kết quả công tác dân vận tháng 10/2025</title>"
            "</head><body><form id='aspnetForm'><div class='ms-rtestate-field'>"
            "<div>PHƯỜNG HẠC THÀNH: KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 10/2025</div>"
            "<div>Ngày xuất bản: 04/11/2025 &nbsp; Số lượt xem: 1,042</div>"
            f"{P}<p>MTTQ phường tiếp nhận 286 triệu đồng.</p>{P}</div></form></body></html>")
    r = report(html, "t.html")
    assert (r["views"], str(r["published_on"]), r["locality"]) == (1042, "2025-11-04",
                                                                    "Hạc Thành")
    assert any("286 triệu" in ln.text for ln in page(html, "t.html").body)


def test_a_search_form_is_still_dropped():
    html = ("<html><body><form><input name='q'><p>Nhập từ khóa</p></form><div class='content'>"
            f"<h1>Giao ban dân vận quý I/2023</h1>{P}{P}</div></body></html>")
    assert not any("Nhập từ khóa" in ln.text for ln in page(html, "t.html").lines)


def test_an_article_of_text_and_br_in_a_container_named_by_its_id():
    html = ("<html><head><title>Krông Pắc: kết quả công tác dân vận</title></head><body>"
            "<div id='menu'>TRANG CHỦ · TIN TỨC</div><div id='noidung'>"
            "<h3>Krông Pắc: kết quả công tác dân vận</h3><div>Lượt xem: 615 lượt xem</div>"
            f"{LEAD}<br><br>Quỹ “Vì người nghèo” huyện nhận ủng hộ 640 triệu đồng.<br><br>{LEAD}"
            "</div></body></html>")
    p = page(html, "t.html")
    assert any("640 triệu" in ln.text for ln in p.body)
    assert report(html, "t.html")["views"] == 615


def test_markup_marks_the_author_and_an_eye_icon_labels_the_count():
    html = ("<html><body><div class='post'><h1>Núi Thành tổng kết công tác dân vận năm 2023</h1>"
            "<div class='info'><span>Thứ Tư, 20/12/2023 | 17:05</span> "
            "<span class='author'>VĂN SỰ</span> <i class='fa fa-eye'></i> 173</div>"
            f"<div class='detail-content'>{P}{P}{P}</div></div></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"]) == ("VĂN SỰ", 173)


def test_a_section_heading_in_capitals_is_no_byline():
    r = report("BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021\n"
               "Ngày đăng: 03/02/2021 | Lượt xem: 198\nI. KẾT QUẢ THỰC HIỆN\n"
               "1. Công tác tham mưu: " + LEAD + "\n2. Nắm tình hình Nhân dân: " + LEAD + "\n")
    assert r["author"] is None


def test_a_count_on_the_line_under_the_posting_time():
    r = report("Mặt trận xã Chiềng Pấc công khai kết quả vận động Quỹ năm 2023\n\n"
               "Đăng lúc: 22:58\n4120\nNgày 17/10/2023\n\n" + LEAD + "\n" + LEAD + "\n")
    assert (r["views"], str(r["published_on"])) == (4120, "2023-10-17")


def test_a_youth_union_report_is_a_report_of_the_political_system():
    from analysis.tables import extract_bytes
    text = ("Tháp Mười: kết quả Tháng Thanh niên năm 2022\n\nBan Thường vụ Huyện đoàn Tháp Mười "
            "tổ chức ra quân Tháng Thanh niên, các cơ sở Đoàn trao 120 suất quà.\n")
    assert extract_bytes(text.encode(), "t.txt").error is None


@pytest.mark.parametrize("title, lead, published, want", [
    ("Hội Nông dân huyện Chư Sê: Quý II năm nay hỗ trợ hội viên", "Thực hiện Nghị quyết năm "
     "2020 của Trung ương, Hội hỗ trợ hội viên.", "Ngày đăng 05/07/2024", ("quarter", 2024, 2)),
    ("Hội Nông dân huyện Phú Tân tổng kết công tác Hội quí IV và năm 2023", LEAD,
     "15/01/2024 08:47 | 641 Lượt xem", ("quarter", 2023, 4)),   # five writers of six
    ("PHỤNG HIỆP: SƠ KẾT 3 NĂM THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN", "Ban Chỉ đạo tổ chức sơ "
     "kết 3 năm (2021 - 2023) thực hiện công tác dân vận chính quyền giai đoạn 2021-2025.",
     "Ngày đăng: 12/08/2023", ("other", 2023, None)),
])
def test_this_year_the_last_quarter_with_its_year_and_a_span_in_parentheses(title, lead,
                                                                            published, want):
    r = report(f"{title}\n{published}\n\n{lead}\n{LEAD}\n")
    assert (r["period_type"], r["year"], r["quarter"]) == want


def test_a_documents_title_block_naming_its_plans_does_not_start_the_plans():
    p = page("Báo cáo kết quả công tác dân vận quý 3 năm 2022\nLượt xem: 173\n\n"
             "BÁO CÁO\nkết quả công tác dân vận quý III năm 2022,\n"
             "phương hướng, nhiệm vụ quý IV năm 2022\nI. KẾT QUẢ THỰC HIỆN\n"
             "Nhân dân đóng góp 126 triệu đồng.\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2022\n"
             "1. Tổ chức tổng kết.\n")
    money_at = p.text.index("126 triệu")
    assert p.section_at(money_at) == "results"
    assert p.section_at(p.text.index("1. Tổ chức")) == "plans"


def test_a_cms_login_on_the_info_line_gives_way_to_the_name_closing_the_article():
    r = report("Mặt trận và các đoàn thể xã Phong Phú sơ kết 6 tháng đầu năm 2023\n"
               "Thứ Hai, 10/07/2023, 14:03 | Tác giả: quantriphongphu\n\n" + LEAD + "\n" + LEAD
               + "\n\nSƠN THÀNH\nLượt xem: 219\n")
    assert (r["author"], r["views"]) == ("SƠN THÀNH", 219)


def test_a_tag_line_without_its_colon_is_chrome():
    r = report("Hội LHPN tỉnh Bến Tre tổng kết công tác Hội năm 2023\n\n" + LEAD + "\n" + LEAD
               + "\nTin, ảnh: Kim Ngân\nTAGS Hội LHPN, tổng kết năm 2023\n")
    assert r["author"] == "Kim Ngân"


# --- held-out sets 14 and 15 ------------------------------------------------------------------

def test_so_luot_xem_and_the_writers_unit_in_parentheses_under_the_name():
    html = ("<html><head><title>Cổng thông tin điện tử huyện Mộc Châu - Khối dân vận giao ban "
            "Quý I</title></head><body><form id='aspnetForm'><div class='ms-rtestate-field'>"
            "<div class='news-date'>Thứ Tư, 03/04/2024 16:05</div>"
            "<h2 class='news-title'>Khối dân vận huyện giao ban Quý I</h2>"
            f"<div class='news-content'>{P}{P}{P}<p>Cầm Thị Ngân<br/>(Trung tâm TT-VH huyện)</p>"
            "</div><div class='news-view'>Số lượt xem: 2189</div></div></form></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"], str(r["published_on"])) == ("Cầm Thị Ngân", 2189,
                                                                 "2024-04-03")


def test_this_year_in_the_lead_dates_a_title_quarter_and_a_running_span_does_not():
    r = report("Huyện đoàn Quảng Trạch: Nhiều hoạt động nổi bật trong Quý I\n"
               "13:47 - 09/04/2024 | 527 lượt xem\n\n"
               "(QB) - Quý I năm nay, Ban Thường vụ Huyện đoàn Quảng Trạch chỉ đạo các cơ sở.\n"
               "Thực hiện Chỉ thị số 42-CT/TW về giáo dục lý tưởng cho thế hệ trẻ giai đoạn "
               "2020 - 2030, Huyện đoàn ban hành kế hoạch.\n")
    assert (r["period_type"], r["year"], r["quarter"]) == ("quarter", 2024, 1)


@pytest.mark.parametrize("sentence, code", [
    ("Thực hiện Chương trình phối hợp số 03/CTPH-MTTQ-UBND giữa Ủy ban MTTQ và UBND huyện.",
     "03/CTPH-MTTQ-UBND"),
    ("Triển khai Hướng dẫn liên ngành số 12-HDLN/BDVTU-SNV về dân vận chính quyền.",
     "12-HDLN/BDVTU-SNV"),
])
def test_joint_codes_with_type_letters_outside_the_lists(sentence, code):
    from analysis.extract.documents import find_documents
    codes = [d.code for d in find_documents(page("Giao ban dân vận quý II/2022\n\n" + sentence
                                                 + "\n"))]
    assert codes == [code]


def test_a_code_with_unknown_letters_needs_a_document_word():
    from analysis.extract.documents import find_documents
    p = page("Giao ban dân vận quý II/2022\n\nĐường 12-ĐT/BG-LS được mở rộng.\n")
    assert find_documents(p) == []


def test_a_count_after_the_time_and_the_date_and_a_guest_counter():
    r = report("XÃ IA DÊR: HIỆU QUẢ TỪ MÔ HÌNH DÂN VẬN KHÉO\nĐăng lúc: 22:58 20/09/2023   1753\n\n"
               + LEAD + "\n" + LEAD + "\n\nThống kê truy cập\nKhách trực tuyến: 12\n"
               "Lượt truy cập: 1,246,530\n")
    assert (r["views"], str(r["published_on"])) == (1753, "2023-09-20")
    stats, _ = find_site_stats(page("Giao ban dân vận quý II/2022\n\n" + LEAD + "\n\n"
                                    "Thống kê truy cập\nKhách trực tuyến: 12\n"))
    assert stats["online"] == 12


def test_two_months_reported_together():
    r = report("ỦY BAN MTTQ HUYỆN VĂN GIANG GIAO BAN CÔNG TÁC THÁNG 7, THÁNG 8/2022\n"
               "Cập nhật: 08/09/2022 09:40\n\n" + LEAD + "\n")
    assert (r["period_type"], r["start_month"], r["end_month"]) == ("other", "2022-07", "2022-08")


def test_a_province_bodys_own_document_header_decides_over_district_bodies_it_names():
    loc = find_locality(page(
        "HỘI NÔNG DÂN TỈNH KON TUM\nBAN THƯỜNG VỤ\nSố: 512-BC/HNDT\n"
        "Kon Tum, ngày 29 tháng 01 năm 2021\nBÁO CÁO\n"
        "KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO NÔNG DÂN THÁNG 01 NĂM 2021\n"
        "1. Quỹ Hỗ trợ nông dân giải ngân 05 dự án. Hội Nông dân huyện Ngọc Hồi phối hợp trao 180 "
        "suất quà.\n"))
    assert (loc.name, loc.unit_type, loc.province) == ("Kon Tum", "tỉnh", "Kon Tum")


# --- held-out sets 16 and 17 ------------------------------------------------------------------

def test_a_wordpress_byline_and_a_cms_login_give_way_to_initials_closing_the_article():
    html = ("<html><body><article><h1>Mặt trận tỉnh Vĩnh Long sơ kết 6 tháng đầu năm 2023</h1>"
            "<div class='entry-meta'><span class='posted-on'>Đăng ngày <time>14 Tháng 7 2023"
            "</time></span> <span class='byline'>bởi <a>admin_mttq</a></span> "
            f"<span class='post-views'>Lượt xem: 756</span></div>{P}{P}{P}"
            "<p><strong>H.T</strong></p></article></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"]) == ("H.T", 756)


def test_a_date_above_the_article_is_not_the_counters_posting_date():
    html = ("<html><body><div class='hdr'>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN LIÊN CHIỂU · <span>Chủ "
            "nhật, 15/05/2022</span></div><div class='detail'><h3>Phường Hòa Khánh Bắc: Công tác "
            "dân vận 4 tháng đầu năm 2022</h3><div class='date'>Ngày 13/05/2022</div>"
            f"{P}{P}</div><div class='luotxem'>Đã xem: 264</div></body></html>")
    r = report(html, "t.html")
    assert (r["views"], str(r["published_on"])) == (264, "2022-05-13")


def test_a_dateline_with_the_byline_after_it_and_an_outlet_by_name():
    r = report("Cam Lâm: Công tác dân vận từ đầu năm đến nay đạt nhiều kết quả\n"
               "19/08/2024 Tác giả: Minh Hòa\n\n" + LEAD + "\n" + LEAD + "\n")
    assert (r["author"], str(r["published_on"])) == ("Minh Hòa", "2024-08-19")
    assert report("Hướng Hóa: công tác dân vận 5 tháng đầu năm 2021\n\n" + LEAD + "\n" + LEAD
                  + "\nHồ Nguyên Kha/Báo Quảng Trị\n")["author"] == "Hồ Nguyên Kha"


def test_a_labelled_byline_over_the_dateline_above_the_title():
    p = page("TRANG THÔNG TIN ĐIỆN TỬ QUẬN NINH KIỀU\nTrang chủ > Tin tức - Sự kiện\n\n"
             "Tác giả: Kim Ngân - Quận ủy Ninh Kiều\nCập nhật: 30/12/2021 09:55\n\n"
             "Ban Dân vận Quận ủy Ninh Kiều sơ kết công tác dân vận quý IV.2021\n\n"
             + LEAD + "\n" + LEAD + "\n")
    assert p.title.text.startswith("Ban Dân vận Quận ủy Ninh Kiều sơ kết")
    assert report(p.text)["author"] == "Kim Ngân"


def test_a_byline_whose_unit_has_an_ampersand_and_online_wordings():
    assert report("Mèo Vạc giao ban công tác dân vận Quý IV\n\n" + LEAD + "\n" + LEAD
                  + "\n\nGiàng Thị Dợ - Trung tâm VH-TT&TT huyện\n")["author"] == "Giàng Thị Dợ"
    for label in ("Đang trực tuyến", "Số người đang online"):
        stats, _ = find_site_stats(page("Giao ban dân vận quý II/2022\n\n" + LEAD
                                        + f"\n\nThống kê truy cập\n{label}: 25\n"))
        assert stats["online"] == 25, label


def test_a_dateline_glued_before_a_title_under_a_breadcrumb():
    p = page("Trang chủ > Tin tức\n25/12/2024 14:30 Kết quả công tác dân vận năm 2024 của huyện "
             "Bảo Lạc\n\n" + LEAD + "\n")
    assert p.title.text.startswith("Kết quả công tác dân vận năm 2024")


def test_a_district_youth_union_names_its_district():
    loc = find_locality(page("Huyện đoàn Tuy Phước: Kết quả công tác Đoàn tháng 5/2022\n"
                             "CTTĐT - Ban Thường vụ Huyện đoàn Tuy Phước (Bình Định) vừa ban hành "
                             "báo cáo.\n"))
    assert (loc.name, loc.unit_type, loc.province) == ("Tuy Phước", "huyện", "Bình Định")


# --- held-out set 18 --------------------------------------------------------------------------

def test_a_news_item_shown_as_a_list_form():
    html = ("<html><body><div class='ms-breadcrumb'>Trang chủ &gt; Tin tức</div>"
            "<table class='ms-formtable'>"
            "<tr><td>Tiêu đề</td><td>Châu Thành: Khối dân vận sơ kết quý 1 năm 2025</td></tr>"
            "<tr><td>Ngày xuất bản</td><td>14/04/2025 10:07 SA</td></tr>"
            "<tr><td>Tác giả</td><td>Trúc Ly</td></tr>"
            f"<tr><td>Nội dung</td><td>{P}{P}<p>Mặt trận trao 720 suất quà.</p></td></tr>"
            "<tr><td>Số lượt xem</td><td>402</td></tr></table></body></html>")
    p = page(html, "t.html")
    r = report(html, "t.html")
    assert p.title.text == "Châu Thành: Khối dân vận sơ kết quý 1 năm 2025"
    assert (r["author"], r["views"], str(r["published_on"])) == ("Trúc Ly", 402, "2025-04-14")


def test_a_two_column_data_table_is_not_a_form():
    html = ("<html><body><div class='content'><h1>Xã Tân Hóa: báo cáo tháng 3/2023</h1>"
            f"{P}<table><tr><td>Hội LHPN xã</td><td><p>24 triệu đồng</p></td></tr>"
            "<tr><td>Hội Nông dân</td><td><p>15,5 triệu đồng</p></td></tr>"
            "<tr><td>Đoàn Thanh niên</td><td><p>3 buổi</p></td></tr></table></div></body></html>")
    assert any("Hội LHPN xã" in ln.text for ln in page(html, "t.html").body)


def test_nguoi_viet_is_a_byline_label():
    assert report("Ninh Phước: công tác dân vận 4 tháng đầu năm 2023\n\n" + LEAD + "\n" + LEAD
                  + "\nNgười viết: Thu Phương\n")["author"] == "Thu Phương"


# --- held-out sets 20 and 21 ------------------------------------------------------------------

@pytest.mark.parametrize("widget, want", [
    ("Truy cập: Online: 12 | Hôm nay: 355 | Tổng: 731.902", (12, 355, 731902)),
    ("<span>Đang truy cập: 31</span><span>Hôm nay: 1.305</span><span>Tổng lượt: 3.410.276</span>",
     (31, 1305, 3410276)),
])
def test_widgets_with_a_heading_field_or_spans_run_together(widget, want):
    html = (f"<html><body><div class='article'><h1>Giao ban dân vận quý III/2021</h1>{P}{P}</div>"
            f"<div class='counter'>{widget}</div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["today"], stats["total"]) == want


def test_a_category_path_over_the_dateline_is_header():
    r = report("HUYỆN CHÂU THÀNH\nTin hoạt động | Dân vận\nCập nhật: 14/07/2022\n"
               "Châu Thành: kết quả công tác dân vận 6 tháng đầu năm 2022\nNGỌC TRÂM |\n"
               + LEAD + "\n" + LEAD + "\n")
    assert (r["title"], r["author"]) == ("Châu Thành: kết quả công tác dân vận 6 tháng đầu năm "
                                         "2022", "NGỌC TRÂM")


# --- held-out sets 22 and 23 ------------------------------------------------------------------

def test_a_city_name_with_a_dash_is_whole_never_a_fragment():
    loc = find_locality(page("Ban Dân vận Thành ủy Phan Rang – Tháp Chàm sơ kết công tác 5 tháng "
                             "đầu năm 2021\n\n" + LEAD + "\n"))
    assert (loc.name, loc.unit_type, loc.province) == ("Phan Rang - Tháp Chàm", "thành phố",
                                                       "Ninh Thuận")


def test_a_province_body_before_the_district_bodies_it_names():
    loc = find_locality(page("BAN DÂN VẬN TỈNH ỦY SƠ KẾT CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2022\n"
                             "Cập nhật: 12/07/2022 - 09:15 | 1.206 lượt xem\n\n"
                             "Sáng 11/7, Ban Dân vận Tỉnh ủy Nghệ An tổ chức hội nghị sơ kết.\n"
                             "Hội nghị nghe tham luận của Ban Dân vận Huyện ủy Quỳ Châu.\n"
                             "Ban Dân vận Tỉnh ủy đề ra 5 nhiệm vụ trọng tâm.\n"))
    assert (loc.name, loc.unit_type) == ("Nghệ An", "tỉnh")


def test_the_outlet_alone_under_the_writers_name():
    assert report("Long Phú: Dân vận khéo góp sức xây dựng nông thôn mới\n\n" + LEAD + "\n" + LEAD
                  + "\n\nThái Bình\nBáo Sóc Trăng\n")["author"] == "Thái Bình"


def test_the_portals_name_between_the_title_and_its_info_line():
    r = report("Phú Tân tổng kết 9 tháng công tác dân vận\n date 2022-10-14\n\n"
               "Cổng thông tin điện tử huyện Phú Tân\n"
               "Chuyên mục: Hoạt động dân vận | Lượt xem : 1,874\n\n" + LEAD + "\n" + LEAD + "\n")
    assert r["views"] == 1874


def test_a_count_in_an_element_named_for_views_inside_the_article_block():
    html = ("<html><body><table><tr><td>"
            "<span class='ArticleTitle'>Hội CCB huyện Long Phú: sơ kết 9 tháng năm 2022</span><br/>"
            "<span class='ArticleDate'>Thứ Hai, 17/10/2022 22:58</span>"
            f"<span class='ArticleView'>4120</span><br/>{P}{P}{P}</td></tr></table></body></html>")
    assert report(html, "t.html")["views"] == 4120


def test_the_writers_unit_under_a_labelled_byline_with_a_photo_credit():
    assert report("Điện Biên Đông: giao ban dân vận quí IV/2020\n\n" + LEAD + "\n" + LEAD
                  + "\n\nTin: Lò Văn Chung, Ảnh: Thùy Dung\nTrung tâm Văn hóa - Truyền thanh - "
                  "Truyền hình huyện Điện Biên Đông\n")["author"] == "Lò Văn Chung"


def test_a_count_under_a_dateline_that_ends_in_its_date():
    assert report("Đắk Glong: kết quả công tác dân vận từ đầu năm đến nay\n22:10 | 14/08/2024\n"
                  "3120\n" + LEAD + "\n" + LEAD + "\n")["views"] == 3120


# --- held-out sets 26 and 27 ------------------------------------------------------------------

def test_an_editors_note_over_a_pasted_party_report():
    r = report("LTS: Báo cáo được đăng tải nguyên văn.\n"
               "ĐẢNG BỘ TỈNH NGHỆ AN                                   ĐẢNG CỘNG SẢN VIỆT NAM\n"
               "HUYỆN ỦY ANH SƠN                                        Anh Sơn, ngày 02 tháng 01 "
               "năm 2019\n          *\n    Số 214-BC/HU\nBÁO CÁO\n"
               "Kết quả thực hiện công tác dân vận năm 2018,\nphương hướng, nhiệm vụ năm 2019\n"
               "I. KẾT QUẢ\n" + LEAD + "\n")
    assert (r["period_type"], r["year"], str(r["published_on"])) == ("year", 2018, "2019-01-02")


def test_a_widget_line_closing_the_page_is_chrome():
    p = page("XÃ TÂN LẬP (MỘC CHÂU): KẾT QUẢ CÔNG TÁC DÂN VẬN 9 THÁNG NĂM 2024\n"
             "Đăng ngày: 08/10/2024 | 362 lượt xem\n" + LEAD + "\n" + LEAD
             + "\nThống kê: 2.941 | Online: 9\n")
    stats, _ = find_site_stats(p)
    assert (stats["online"], stats["total"]) == (9, 2941)


def test_a_counter_widget_above_the_article_does_not_start_the_chrome():
    p = page("BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021\n"
             "Ngày đăng: 02/02/2021 - Lượt truy cập\nThống kê: 1.046\nOnline: 17\n\n"
             "Tháng 01/2021, Ban Dân vận Huyện ủy vận động ủng hộ 1,16 tỷ đồng.\n" + LEAD + "\n")
    assert any("1,16 tỷ" in ln.text for ln in p.body)


def test_the_heading_beside_the_article_is_the_title_when_there_is_no_h1():
    html = ("<html><head><title>Công tác dân vận tháng 5/2024 - Ban Dân vận Tỉnh ủy Thái Bình"
            "</title></head><body><section class='post'><div class='post-date'>Thứ 2, 03.06.2024 "
            "| 10:21:07</div><h2>KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 5/2024</h2>"
            f"<div class='by'>TUẤN ANH |</div><div class='content'>{P}{P}{P}</div></section>"
            "</body></html>")
    r = report(html, "t.html")
    assert (r["title"], r["author"]) == ("KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 5/2024", "TUẤN ANH")
