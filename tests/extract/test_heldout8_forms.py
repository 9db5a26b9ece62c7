"""Rules for forms met on held-out set 8 (pages written independently of the rules): each case
carries a sentence in the form that motivated its rule."""

from analysis.extract import extract_page
from analysis.extract.counters import find_views
from analysis.extract.locality import find_locality
from analysis.text.address import PageAddress
from tests.extract.pages import LEAD, page, report


# --- locality ---------------------------------------------------------------------------------

def test_communes_named_decide_between_same_name_districts():
    text = ("Bảo Lâm: Khối dân vận sơ kết 6 tháng đầu năm 2024\n\n"
            "Ban Dân vận Huyện ủy Bảo Lâm tổ chức hội nghị sơ kết.\n"
            "Nhân dân thị trấn Lộc Thắng, xã Lộc Ngãi, Lộc An hiến đất mở đường nội đồng.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Bảo Lâm", "huyện", "Lâm Đồng")


def test_the_address_outranks_a_unit_word_when_the_unit_changed_type():
    # huyện Phong Điền (Thừa Thiên Huế) became a thị xã in 2025; Cần Thơ has a huyện Phong Điền.
    text = ("Phong Điền: Hội nghị giao ban khối dân vận quý II/2022\n\n"
            "Ngày 05/7, Ban Dân vận Huyện ủy Phong Điền tổ chức hội nghị giao ban.\n" + LEAD + "\n")
    addr = PageAddress(url="https://phongdien.thuathienhue.gov.vn/?gd=8", site_name=None,
                       published=None, title=None)
    loc = find_locality(page(text, address=addr))
    assert (loc.name, loc.province) == ("Phong Điền", "Thừa Thiên Huế")


def test_districts_listed_after_a_plural_word_in_a_province_bodys_page_are_inside_it():
    text = ("Quỹ “Vì người nghèo” năm 2022 vận động hơn 20,4 tỷ đồng\n\n"
            "Ban Vận động Quỹ “Vì người nghèo” tỉnh Lạng Sơn tổ chức hội nghị tổng kết.\n"
            "Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh được thực hiện tốt. "
            "Các huyện Bình Gia, Văn Quan có tỷ lệ giảm nghèo cao nhất tỉnh.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Lạng Sơn", "tỉnh", "Lạng Sơn")


# --- by-lines and page regions ----------------------------------------------------------------

def test_an_unlabelled_name_on_the_info_line_is_the_author():
    r = report("Giao ban công tác dân vận quý I.2024\n"
               "Thùy Linh · 12/04/2024 · Lượt xem: 3120\n\n" + LEAD + "\n" + LEAD + "\n")
    assert (r["author"], r["views"]) == ("Thùy Linh", 3120)


def test_a_capitals_byline_with_a_bar_opening_the_lead_keeps_the_lead_in_the_body():
    p = page("Phú Tân: Sơ kết công tác dân vận quý I năm 2023\n"
             "Đăng ngày: Thứ sáu, 07/04/2023 | Lượt xem: 1,031\n"
             "TRẦN KHANG | Ngày 04/4/2023, Ban Dân vận Huyện ủy Phú Tân tổ chức hội nghị sơ kết "
             "công tác dân vận quý I năm 2023 và triển khai nhiệm vụ quý II.\n" + LEAD + "\n")
    assert p.body[0].text.startswith("TRẦN KHANG |")
    assert extract_page(p).report["author"] == "TRẦN KHANG"


def test_bai_va_anh_is_a_byline_label():
    assert report("Huyện ủy Thanh Hà tổng kết công tác dân vận năm 2019\n\n" + LEAD + "\n"
                  + LEAD + "\nBài và ảnh: Minh Nguyệt\n")["author"] == "Minh Nguyệt"


def test_a_contact_footer_is_chrome_so_the_byline_above_it_ends_the_article():
    r = report("Phong Điền: Hội nghị giao ban khối dân vận quý II/2022\n\n" + LEAD + "\n" + LEAD
               + "\nTác giả: Lê Thị Hoài Thương\n"
               "Trụ sở: 181 Phò Trạch, thị trấn Phong Điền. Tổng lượt truy cập: 2,406,913\n")
    assert r["author"] == "Lê Thị Hoài Thương"


def test_a_title_in_capitals_over_its_two_name_byline():
    p = page("HUYỆN ỦY MƯỜNG CHÀ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2023\n"
             "Lò Thu Hà- Quàng Vinh\n15/01/2024\nLượt xem: 642 lượt xem\n\n" + LEAD + "\n"
             + LEAD + "\n")
    assert p.title.text.startswith("HUYỆN ỦY MƯỜNG CHÀ")
    assert extract_page(p).report["author"] == "Lò Thu Hà- Quàng Vinh"


def test_a_portal_name_line_above_the_title_is_header():
    r = report("Cổng thông tin điện tử huyện Bảo Lạc\n"
               "Trang chủ  Giới thiệu  Tin tức - Sự kiện  Văn bản\n"
               "HUYỆN BẢO LẠC SƠ KẾT CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2022\n"
               "Cập nhật: 12/07/2022 15:20\n856 lượt xem\n" + LEAD + "\n" + LEAD + "\n")
    assert r["title"].startswith("HUYỆN BẢO LẠC")
    assert r["views"] == 856


def test_a_signed_official_document_has_no_byline_and_its_title_is_under_its_kind():
    r = report("ĐẢNG BỘ TỈNH YÊN BÁI                      ĐẢNG CỘNG SẢN VIỆT NAM\n"
               "THỊ UỶ NGHĨA LỘ\n"
               "BAN DÂN VẬN                               Nghĩa Lộ, ngày 31 tháng 8 năm 2022\n"
               "*\nSố 45-BC/BDVTU\nBÁO CÁO\n"
               "KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 8 NĂM 2022\n"
               "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 9 NĂM 2022\n" + LEAD + "\n" + LEAD + "\n"
               "Nơi nhận:\n- Ban Dân vận Tỉnh uỷ (b/c),\n- Lưu BDV.\n"
               "                   T/M BAN DÂN VẬN\n                   TRƯỞNG BAN\n"
               "                   (đã ký)\n                   Hoàng Thị Vân\n")
    assert r["title"] == "KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 8 NĂM 2022"
    assert (r["period_type"], r["year"], r["month"]) == ("month", 2022, 8)
    assert r["author"] is None


# --- views and periods ------------------------------------------------------------------------

def test_da_xem_is_a_view_counter():
    p = page("Thị xã Kỳ Anh tổng kết công tác dân vận năm 2024\n\n" + LEAD + "\n" + LEAD
             + "\nĐã xem: 612\n")
    assert find_views(p)[0] == 612


def test_a_year_to_date_with_its_year_inside_is_not_the_years_report():
    r = report("Đại Từ: Phát huy sức mạnh khối dân vận trong xây dựng nông thôn mới\n\n"
               "Từ đầu năm 2023 đến nay, Ban Dân vận Huyện ủy Đại Từ đã chủ động tham mưu cấp ủy.\n"
               + LEAD + "\n")
    assert (r["period_type"], r["year"]) == ("other", 2023)
