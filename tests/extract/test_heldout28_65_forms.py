"""Rules for forms met on held-out sets 28-65 (pages written independently of the rules): each
case carries the markup or the lines, cut short, that motivated its rule."""

import datetime as dt

import pytest

from analysis.extract.counters import find_site_stats
from tests.extract.pages import LEAD, page, report

TOP = "Trang chủ > Dân vận\n\nSƠ KẾT CÔNG TÁC DÂN VẬN QUÝ I/2023\nThứ Năm, 06/04/2023 09:15\n\n"


def test_a_by_line_over_a_rule_and_the_portals_name():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\nMinh Tâm\n----------------------------------\n"
            "Cổng thông tin điện tử huyện Châu Thành - tỉnh Tây Ninh\n"
            "Địa chỉ: khu phố 2, thị trấn Châu Thành\n")
    p = page(text)
    assert p.byline is not None and p.byline.text == "Minh Tâm"
    assert not any("Cổng thông tin" in ln.text or "---" in ln.text for ln in p.body)


def test_a_by_line_in_capitals_over_a_download_count():
    text = TOP + f"{LEAD}\n\n{LEAD}\n\nDIỆU HUYỀN\nLượt tải: 12\n"
    assert report(text)["author"] == "DIỆU HUYỀN"


def test_a_signer_beside_the_recipients_list_is_no_author():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\n"
            "                                             T/M BAN THƯỜNG VỤ\n"
            "Nơi nhận:                                    PHÓ BÍ THƯ THƯỜNG TRỰC\n"
            "- Ban Dân vận Tỉnh ủy,\n"
            "- Lưu Văn phòng Huyện ủy.                    Lò Văn Phương\n\nLượt xem: 96\n")
    r = report(text)
    assert (r["author"], r["views"]) == (None, 96)


def test_a_widget_under_its_heading_on_the_pages_last_line():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\n----\nĐảng ủy xã Ea Tiêu - huyện Cư Kuin\n"
            "Thống kê: Online: 4 | Hôm nay: 96 | Tổng: 48.207\n")
    p = page(text)
    stats, _ = find_site_stats(p)
    assert (stats["online"], stats["today"], stats["total"]) == (4, 96, 48207)
    assert not any("Online" in ln.text for ln in p.body)


def test_joomlas_created_by_element_is_the_by_line():
    html = ("<html><body><div class='item-page'><h1>Hội LHPN huyện Krông Nô sơ kết quý II năm 2024"
            "</h1><dl class='article-info'><dd class='createdby'>Viết bởi P.Hằng</dd>"
            "<dd class='published'>Ngày đăng: 09/07/2024</dd><dd class='hits'>Lượt xem: 275</dd>"
            f"</dl><p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"]) == ("P.Hằng", 275)


def test_a_body_class_naming_the_page_kind_is_not_the_article():
    html = ("<html><head><title>HỘI NÔNG DÂN TỈNH BÌNH PHƯỚC TỔNG KẾT CÔNG TÁC HỘI NĂM 2022 | Hội "
            "Nông dân tỉnh Bình Phước</title></head><body class='news-detail'><div id='header'>"
            "<ul class='menu'><li>Trang chủ</li><li>Hoạt động Hội</li></ul></div>"
            "<div class='bread'><a>Trang chủ</a> / <a>Hoạt động Hội</a></div><div class='article'>"
            "<h1>HỘI NÔNG DÂN TỈNH BÌNH PHƯỚC TỔNG KẾT CÔNG TÁC HỘI NĂM 2022</h1>"
            "<div class='info'>Thứ sáu - 30/12/2022 17:02 &nbsp;|&nbsp; <span>Đã xem: 1,482</span>"
            f"</div><div class='bodytext'><p>{LEAD}</p><p>{LEAD}</p></div></div></body></html>")
    p = page(html, "t.html")
    r = report(html, "t.html")
    assert (r["views"], str(r["published_on"])) == (1482, "2022-12-30")
    assert not any(ln.text.strip() == "Trang chủ" for ln in p.body)


def test_a_by_line_over_a_related_news_heading_after_a_label():
    text = (TOP + f"{LEAD}\n{LEAD}\nQuang Bảo\nTổ quốc Việt Nam - Tin nổi bật:\n"
            "- Hội nghị giao ban khối dân vận quý III/2022\n")
    assert report(text)["author"] == "Quang Bảo"


def test_a_tools_line_and_a_widget_under_the_by_line():
    text = (TOP + f"{LEAD}\n{LEAD}\nNguyễn Thị Thanh Xuân/THTQ\nÝ kiến bạn đọc | In bài | Gửi email\n"
            "Lượt truy cập\nThống kê: 1.402.336\nOnline: 41\n")
    p = page(text)
    assert report(text)["author"] == "Nguyễn Thị Thanh Xuân"
    stats, _ = find_site_stats(p)
    assert (stats["online"], stats["total"]) == (41, 1402336)


def test_a_by_line_with_its_unit_over_an_other_news_heading():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\nMinh Hiếu – Đài Truyền thanh huyện\n\nThông tin khác\n"
            "- Xã An Hữu tổ chức Ngày hội Đại đoàn kết toàn dân tộc\n")
    assert report(text)["author"] == "Minh Hiếu"


def test_a_by_line_after_a_long_dash_on_the_dateline():
    text = ("Giồng Trôm sơ kết công tác dân vận 6 tháng đầu năm 2024\nLượt xem: 863 lượt xem\n"
            f"Thứ hai, 15/07/2024 08:20 — Tác giả: Ngọc Hân\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert (r["author"], r["views"], str(r["published_on"])) == ("Ngọc Hân", 863, "2024-07-15")


def test_a_name_over_its_organisation_closes_the_article():
    html = ("<html><body><h1>Xuân Lộc: Công tác dân vận quý IV/2020</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p><p style='text-align:right'><b>Lê Thị Ngọc Yến</b><br>"
            "Ban Dân vận Huyện ủy</p></div></body></html>")
    assert report(html, "t.html")["author"] == "Lê Thị Ngọc Yến"


def test_a_dateline_in_parentheses_and_a_count_after_a_bar():
    text = ("Châu Thành: Giao ban công tác dân vận quý 3 năm 2022\n"
            f"(Cập nhật lúc 10:20 ngày 11/10/2022)\nLượt xem: 389\n\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert (r["views"], str(r["published_on"])) == (389, "2022-10-11")
    text = f"HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2021\nThứ Năm, 30/12/2021 09:12 | 2189\n{LEAD}\n"
    assert report(text)["views"] == 2189


def test_a_count_over_an_other_articles_heading_and_people_viewing_now():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\nVăn phòng Đảng ủy xã\nLượt xem: 287\n\nBài viết khác:\n"
            "» Xã Liêu Xá ra quân Tết trồng cây\n\n"
            "Số người đang xem: 17 | Lượt truy cập hôm nay: 2.411 | Tổng lượt truy cập: 4.530.912\n")
    p = page(text)
    assert (report(text)["views"], report(text)["author"]) == (287, None)
    stats, _ = find_site_stats(p)
    assert (stats["online"], stats["today"], stats["total"]) == (17, 2411, 4530912)


@pytest.mark.parametrize("title, lead, want", [
    ("Krông Pắc: Tổng kết Tháng Thanh niên năm 2022",
     "Trong tháng 3/2022 các cơ sở Đoàn đã ra quân.", ("month", 2022, "2022-03", "2022-03")),
    ("HUYỆN ĐOÀN PHÚ TÂN TỔNG KẾT THÁNG THANH NIÊN NĂM 2024",
     "Chiều ngày 29/3, Huyện Đoàn tổng kết Tháng Thanh niên (26/3/1931 - 26/3/2024).",
     ("other", 2024, None, None)),
    ("Quận Ninh Kiều sôi nổi các hoạt động Tháng Dân vận năm 2023",
     "Hưởng ứng Tháng Dân vận năm 2023 (từ ngày 15/9 đến 15/10), các phường ra quân.",
     ("other", 2023, "2023-09", "2023-10")),
    ("Công tác dân vận năm 2023", "Năm 2023, các xã tổ chức Tháng Dân vận từ 15/9 đến 15/10.",
     ("year", 2023, None, None)),
])
def test_a_campaign_month_the_title_reports_on(title, lead, want):
    r = report(f"{title}\nNgày đăng: 02/04/2024\n\n{lead}\n{LEAD}\n")
    assert (r["period_type"], r["year"], r["start_month"], r["end_month"]) == want


def test_a_range_whose_currency_is_written_once_gives_both_bounds():
    from analysis.extract.money import find_money
    p = page(TOP + "Mức hỗ trợ từ 20 triệu đến 50 triệu đồng/nhà, các xã làm mới 14 nhà.\n")
    got = [(f.amount_vnd, f.per_unit) for f in find_money(p)]
    assert got == [(20_000_000, "nhà"), (50_000_000, "nhà")]


def test_a_2025_ward_numbered_after_its_old_town_and_hues_2025_name():
    from analysis.extract.locality import find_locality
    text = ("Trang thông tin điện tử phường Hà Giang 1 – tỉnh Tuyên Quang\n\n"
            "Khối dân vận phường Hà Giang 1 đánh giá kết quả công tác quý III năm 2025\n"
            f"10/10/2025 08:30 · 213 lượt xem\n\n{LEAD}\n")
    loc = find_locality(page(text), dt.date(2025, 10, 10))
    assert (loc.name, loc.unit_type, loc.province) == ("Hà Giang 1", "phường", "Tuyên Quang")
    text = ("Phường Thuận Hóa giao ban khối dân vận quý III/2025\nNgày đăng: 08/10/2025\n\n"
            f"Ban Dân vận Đảng ủy phường Thuận Hóa (thành phố Huế) tổ chức giao ban.\n{LEAD}\n")
    loc = find_locality(page(text), dt.date(2025, 10, 8))
    assert (loc.name, loc.province) == ("Thuận Hóa", "Huế")


# --- sets 34-37 ---------------------------------------------------------------------------------

def test_a_share_count_under_the_by_line():
    text = TOP + f"{LEAD}\n\n{LEAD}\n\nĐỨC THỊNH\n\nLượt chia sẻ: 12\n"
    assert report(text)["author"] == "ĐỨC THỊNH"


def test_joomlas_details_heading_under_the_title():
    html = ("<html><body><div class='item-page'><h2 itemprop='headline'>Ban Dân vận Huyện ủy Vĩnh "
            "Linh triển khai nhiệm vụ quý II/2023</h2><dl class='article-info'><dt "
            "class='article-info-term'>Chi tiết</dt><dd class='category-name'>Chuyên mục: <a>Dân vận"
            "</a></dd><dd class='hits'>Lượt xem: 1254</dd></dl><p>Sáng ngày 05/4/2023, Ban Dân vận "
            "tổ chức hội nghị sơ kết công tác dân vận quý I/2023, triển khai nhiệm vụ quý II/2023.</p>"
            f"<p>{LEAD}</p></div></body></html>")
    r = report(html, "t.html")
    assert (r["period_type"], r["year"], r["quarter"], r["views"]) == ("quarter", 2023, 1, 1254)


def test_joomlas_whos_online_module():
    html = ("<html><body><div class='item-page'><h1>Kon Tum giao ban quý II-2023</h1>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='moduletable'><h3>Thống kê</h3>"
            "Hiện có 9 khách Trực tuyến</div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert stats["online"] == 9


def test_a_labelled_by_line_longer_than_a_name_atop_the_article():
    html = ("<html><body><div class='content'><h1>Nghĩa Lộ: Công tác dân vận 5 tháng đầu năm 2021"
            "</h1><div class='date'>08/06/2021 | Lượt xem: 1.089</div><div class='author-top'>Tuấn Anh"
            f" (Trung tâm VH-TT-TT thị xã)</div><p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    assert report(html, "t.html")["author"] == "Tuấn Anh"


@pytest.mark.parametrize("top", [
    "ĐẢNG BỘ PHƯỜNG HƯNG DŨNG\nTrang chủ\nGiới thiệu\nTin tức\nDân vận\nVăn bản\n",
    "Cổng thông tin điện tử huyện Nông Cống    Trang chủ  Tin tức  Chính quyền  Văn bản\n"
    "Mặt trận - Đoàn thể\n",
])
def test_menus_copied_one_item_a_line_or_on_the_sites_line_above_the_title(top):
    text = (top + "Phường Hưng Dũng sơ kết công tác dân vận 9 tháng năm 2023\n"
            f"Đăng ngày: 03/10/2023 | Lượt xem: 286\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert r["title"] == "Phường Hưng Dũng sơ kết công tác dân vận 9 tháng năm 2023"
    assert (r["period_type"], r["year"], r["views"]) == ("nine_months", 2023, 286)


def test_a_title_wrapped_over_two_lines_under_its_dateline():
    text = ("Tin tức - Sự kiện > Công tác Dân vận\nThứ Năm, 06/04/2023 09:15\n"
            "Xã Tam Quan Bắc: Sơ kết công tác dân vận quý I/2023,\ntriển khai nhiệm vụ quý II\n"
            f"Lượt xem: 412\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert r["title"] == ("Xã Tam Quan Bắc: Sơ kết công tác dân vận quý I/2023, triển khai nhiệm "
                          "vụ quý II")
    assert (r["views"], r["quarter"]) == (412, 1)


@pytest.mark.parametrize("end, author", [
    ("P.Thảo\nTrang chủ | Tin tức | Liên hệ\n", "P.Thảo"),
    ("Tác giả: Ngô Thanh Phong – Ban Dân vận Quận ủy\n\nIn bài   Gửi email   Chia sẻ\n"
     "Bình luận: Họ tên (*)  Email (*)  Nội dung  [Gửi]\n", "Ngô Thanh Phong"),
    ("Tin, ảnh: PV\n", None),
])
def test_the_footers_menu_tools_and_comment_form_under_the_by_line(end, author):
    assert report(TOP + f"{LEAD}\n\n{LEAD}\n\n{end}")["author"] == author


def test_view_counts_in_their_other_places():
    text = f"Đồng Văn tổng kết Tháng Dân vận năm 2023\n17/10/2023 08:05 Số lượt xem: 1.327\n{LEAD}\n"
    assert report(text)["views"] == 1327
    text = f"Lê Chân: Công tác dân vận\nThứ Tư, 15/07/2020 | 10:48 | 1,176\n{LEAD}\n"
    assert report(text)["views"] == 1176
    text = (TOP + f"{LEAD}\n\nVăn Thắng – Ủy ban MTTQ Việt Nam xã Quảng Phú\n\nBài viết cùng "
            "chuyên mục\nQuảng Phú: Ra quân Ngày Chủ nhật xanh (02/10/2023)\n\nSố lượt xem: 268\n")
    assert report(text)["views"] == 268


def test_an_eye_character_before_the_count_and_a_counter_class_that_is_not_the_widget():
    html = ("<html><body><h1>Ủy ban MTTQ thành phố giao ban công tác Quý I</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='counter'>👁 1,534</div>"
            "<div class='box-stat'><b>Thống kê</b><br>Đang online: 17<br>Hôm nay: 845<br>"
            "Tất cả: 2,980,115</div></body></html>")
    p = page(html, "t.html")
    stats, _ = find_site_stats(p)
    assert report(html, "t.html")["views"] == 1534
    assert (stats["online"], stats["today"], stats["total"]) == (17, 845, 2980115)


def test_a_footer_widget_headed_thong_ke_luot_truy_cap():
    html = ("<html><body><h1>Đồng Văn tổng kết năm 2023</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='footer'><div>THỐNG KÊ LƯỢT TRUY CẬP</div>"
            "<div>Online 14</div><div>Hôm nay 388</div><div>Tổng 870.244</div></div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["today"], stats["total"]) == (14, 388, 870244)


@pytest.mark.parametrize("end, author, views", [
    ("Hoàng Anh\nNhững tin cũ hơn\n- Xã An Hữu tổ chức Ngày hội Đại đoàn kết\n"
     "- Huyện Cai Lậy ra mắt Tổ dân vận ấp\nLượt xem: 57\n", "Hoàng Anh", 57),
    ("NGUYỄN HÀ\nVideo\nẢnh đẹp Sa Pa\nLiên kết web\nBộ Nội vụ\n", "NGUYỄN HÀ", None),
    ("Quang cảnh hội nghị\nNhững tin cũ hơn\n- Xã An Hữu tổ chức Ngày hội\n", None, None),
])
def test_a_by_line_after_the_last_sentence_over_furniture_not_known_line_by_line(end, author,
                                                                                  views):
    r = report(TOP + f"{LEAD}\n{LEAD}\n{end}")
    assert (r["author"], r["views"]) == (author, views)


# --- sets 38-41 ---------------------------------------------------------------------------------

def test_a_by_line_element_holding_the_posting_date_too():
    html = ("<html><body><div class='content'><h1>Giồng Riềng tổng kết công tác dân vận năm 2022</h1>"
            "<div class='byline'>Tác giả: Huỳnh Văn Tiến &nbsp;&nbsp; Ngày đăng: 03/01/2023</div>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    r = report(html, "t.html")
    assert (r["author"], str(r["published_on"])) == ("Huỳnh Văn Tiến", "2023-01-03")
    html = ("<html><body><h1 class='article-title'>Ban Dân vận Huyện ủy Long Phú triển khai nhiệm vụ "
            "quý II</h1><div class='byline'>Đăng bởi: <span>quantrilongphu</span> — Thứ Tư, "
            "12/04/2023</div><p>Ban Dân vận Huyện ủy vừa họp đánh giá công tác dân vận Quý I năm nay."
            f"</p><p>{LEAD}</p></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["period_type"], r["year"], r["quarter"]) == (None, "quarter", 2023, 1)


def test_a_2025_ward_named_for_two_places():
    from analysis.extract.locality import find_locality
    text = ("ĐẢNG ỦY - HĐND - UBND PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT\n\nBan Tuyên giáo và Dân vận Đảng ủy "
            "phường giao ban quý III/2025\nNgày đăng: 08/10/2025\n\nNgày 07/10/2025, Ban Tuyên giáo và "
            "Dân vận Đảng ủy phường Xuân Hương - Đà Lạt tổ chức hội nghị giao ban.\n")
    loc = find_locality(page(text), dt.date(2025, 10, 8))
    assert (loc.name, loc.unit_type, loc.province) == ("Xuân Hương - Đà Lạt", "phường", "Lâm Đồng")


def test_the_writers_unit_after_a_slash():
    text = TOP + f"{LEAD}\n\n{LEAD}\n\nTin, ảnh: KIM NGÂN/Quận ủy Ninh Kiều\n\n" \
        "Số lượt truy cập: 1.982.440 · Đang xem: 22\n"
    assert report(text)["author"] == "KIM NGÂN"


def test_a_footer_widget_without_colons_under_its_heading():
    html = ("<html><body><h1>Hội Nông dân tỉnh Yên Bái: kết quả 5 tháng đầu năm 2025</h1>"
            f"<div class='content'><p>{LEAD}</p><p>{LEAD}</p></div><footer>Thống kê: Đang trực tuyến "
            "6 | Hôm nay 214 | Tháng 5.880 | Tổng lượt truy cập 612.307</footer></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["today"], stats["month"], stats["total"]) == (6, 214, 5880, 612307)


def test_a_date_after_the_next_item_of_a_semicolon_list_is_not_shared():
    from analysis.extract.documents import find_documents
    p = page(TOP + "Khối dân vận tuyên truyền Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về "
             "tiếp tục thực hiện Chỉ thị 05-CT/TW; Chỉ thị số 15-CT/HU ngày 10/3/2022 của Ban "
             "Thường vụ Huyện ủy.\n")
    dates = {d.code: str(d.issued_on) for d in find_documents(p, "huyện")}
    assert dates == {"01-KL/TW": "2021-05-18", "05-CT/TW": "None", "15-CT/HU": "2022-03-10"}


def test_the_heading_opening_the_articles_container_is_the_title():
    html = ("<html><head><title>Cờ Đỏ: Tổng kết năm cao điểm “Vì người nghèo” - Ủy ban MTTQ huyện Cờ "
            "Đỏ</title></head><body><div id='banner'>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CỜ ĐỎ</div>"
            "<div class='tin'><h3>Cờ Đỏ: Tổng kết năm cao điểm “Vì người nghèo”</h3><div "
            "class='ngaydang'>Cập nhật lúc 09:12 ngày 19/10/2022</div><p>(CT) - Ngày 18-10, Ủy ban "
            "MTTQ huyện tổng kết năm cao điểm “Vì người nghèo” từ tháng 10/2021 đến tháng 9/2022.</p>"
            f"<p>{LEAD}</p></div></body></html>")
    r = report(html, "t.html")
    assert r["title"] == "Cờ Đỏ: Tổng kết năm cao điểm “Vì người nghèo”"
    assert (r["period_type"], r["start_month"], r["end_month"]) == ("other", "2021-10", "2022-09")


def test_a_portal_name_after_the_province_and_a_breadcrumb_above_the_title():
    text = ("Thừa Thiên Huế - Cổng thông tin điện tử phường Vĩnh Ninh\nTrang chủ » Hoạt động Mặt trận "
            "- Đoàn thể\n\nPHƯỜNG VĨNH NINH: KẾT QUẢ CÔNG TÁC DÂN VẬN 5 THÁNG ĐẦU NĂM 2023\n\n"
            f"Cập nhật: 06/06/2023 10:15 | Lượt xem: 214 lượt xem\n\nKHÁNH LINH |\n{LEAD}\n\n{LEAD}\n")
    r = report(text)
    assert (r["author"], r["views"], r["start_month"]) == ("KHÁNH LINH", 214, "2023-01")


def test_a_province_bodys_title_without_its_name_on_the_provinces_site():
    from analysis.extract.locality import find_locality
    from analysis.text.address import PageAddress
    text = ("Hội LHPN tỉnh giao ban công tác Hội quý I.2024\nLượt xem: 276\n\nNgày 10.4, Ban Thường vụ "
            "Hội LHPN tỉnh giao ban; Hội LHPN thị xã Hoài Nhơn báo cáo mô hình mới.\n")
    address = PageAddress(url="https://phunu.binhdinh.gov.vn/tin-hoat-dong/giao-ban.html",
                          site_name="Hội Liên hiệp Phụ nữ tỉnh Bình Định", published=None,
                          title=None)
    loc = find_locality(page(text, address=address))
    assert (loc.name, loc.unit_type, loc.province) == ("Bình Định", "tỉnh", "Bình Định")


# --- sets 46-49 ---------------------------------------------------------------------------------

def test_a_cited_documents_date_does_not_date_an_undated_page():
    text = ("Huyện ủy Yên Thành ban hành Chỉ thị về công tác dân vận vùng đồng bào có đạo\n\n"
            "Lượt xem: 531\n\nNgày 14/9, Ban Thường vụ Huyện ủy ban hành Chỉ thị số 15-CT/HU.\n\n"
            "Chỉ thị nêu rõ: thực hiện Chỉ thị số 18-CT/TW ngày 10/01/2018 của Ban Bí thư.\n")
    r = report(text)
    assert (r["period_type"], r["year"]) == ("other", None)


@pytest.mark.parametrize("end, author", [
    ("Lữ Thị Hằng, Ban Dân vận Huyện ủy\n", "Lữ Thị Hằng"),
    ("BBT\n", None),
    ("PHƯƠNG THẢO\nÝ kiến bạn đọc (2)\nNguyễn Văn Tân - 29/12/2022 10:12: Mô hình rất hiệu quả.\n",
     "PHƯƠNG THẢO"),
])
def test_by_lines_with_a_unit_after_a_comma_an_editorial_board_and_counted_comments(end, author):
    assert report(TOP + f"{LEAD}\n\n{LEAD}\n\n{end}")["author"] == author


def test_counts_before_their_labels_and_widgets_above_the_title():
    html = ("<html><body><h1>Kỳ Anh sơ kết 6 tháng đầu năm 2022</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='sidebar-right'><div class='widget'>"
            "Truy cập: 12 đang online</div></div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["total"]) == (12, None)
    text = ("HUYỆN PHÚ TÂN\nTrang chủ | Tổng quan | Tin tức | Văn bản\nThống kê: 1.204.377   Online: 31\n"
            "TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2022\nThứ Năm, 29 Tháng 12 2022\n\n"
            f"{LEAD}\n{LEAD}\n")
    p = page(text)
    stats, _ = find_site_stats(p)
    assert p.title.text == "TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2022"
    assert (stats["online"], stats["total"]) == (31, 1204377)
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\nTin mới hơn:\n- Hội thảo góp ý dự thảo Luật Đất đai\n"
            "Truy cập: Hôm nay 318 | Tuần 2.104 | Tháng 8.880 | Tổng 641.057\n")
    stats, _ = find_site_stats(page(text))
    assert (stats["today"], stats["week"], stats["month"], stats["total"]) == (318, 2104, 8880, 641057)


def test_view_counts_under_their_label_and_beside_a_download_count():
    text = ("HUYỆN ỦY KIẾN XƯƠNG\nTrang chủ  |  Tin tức  |  Liên hệ\n22:10 - Thứ Hai, 01/02/2021\n"
            f"BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021\nLượt xem\n  389\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert (r["title"], r["views"], str(r["published_on"])) == (
        "BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021", 389, "2021-02-01")
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\nBAN DÂN VẬN ĐẢNG ỦY XÃ\nLượt tải: 38   |   Lượt xem: 151\n"
            "Các tin đã đăng:\n› Quảng Nham ra quân làm đường giao thông (25/05/2023)\n")
    assert report(text)["views"] == 151


def test_a_lead_wrapped_in_place_of_a_title_over_its_dateline():
    text = ("Skip to content\nBAN DÂN VẬN TỈNH ỦY QUẢNG NGÃI\nTrang chủ   Tin hoạt động   Thư viện ảnh\n"
            "(QNg) - Ngày 05/10/2023, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận "
            "9 tháng năm 2023,\ntriển khai nhiệm vụ 3 tháng cuối năm.\n"
            f"Cập nhật: 06/10/2023 | 15:22:07      2,014 lượt xem\n{LEAD}\n{LEAD}\n")
    r = report(text)
    assert (r["period_type"], r["year"], r["views"]) == ("nine_months", 2023, 2014)


# --- sets 50-53, and two older corpus pages ------------------------------------------------------

def test_a_cms_login_with_capitals_and_a_dot_but_not_an_initial():
    text = TOP + f"{LEAD}\n\n{LEAD}\n\nTác giả: danvan.thixaKA danvan.thixaKA\n"
    assert report(text)["author"] is None
    assert report(TOP + f"{LEAD}\n\n{LEAD}\n\nP.Hằng (Trung tâm VH-TT&TT huyện)\n\nBình luận (0)\n"
                  "Gửi bình luận\n")["author"] == "P.Hằng"


def test_a_search_box_a_posting_time_alone_and_a_related_heading_in_capitals():
    text = ("TRANG CHỦ   TIN TỨC   CHÍNH QUYỀN   HỎI ĐÁP\nTìm kiếm...\n\nMặt trận - Đoàn thể\n\n"
            "CHÂU THÀNH: MẶT TRẬN VÀ CÁC ĐOÀN THỂ TỔNG KẾT CÔNG TÁC NĂM 2021\n\nCập nhật: 28/12/2021\n"
            f"Lượt xem: 387\n\n{LEAD}\n\n{LEAD}\n\nHồ Phương - Đình Tuấn\n\nBÀI LIÊN QUAN\n"
            "- Quế Phong: Vận động Nhân dân di dời khỏi vùng sạt lở\n")
    r = report(text)
    assert (r["views"], r["year"], r["author"]) == (387, 2021, "Hồ Phương - Đình Tuấn")
    text = (f"BAN DÂN VẬN HUYỆN ỦY MƯỜNG TÈ TỔNG KẾT CÔNG TÁC DÂN VẬN 9 THÁNG NĂM 2022\n\n22:58\n4120\n"
            f"Thứ Tư, 12/10/2022\n\n{LEAD}\n")
    assert report(text)["views"] == 4120


def test_a_photo_credit_marked_as_the_author_and_the_category_before_the_dateline():
    html = ("<html><body><div class='article'><div class='article-meta'><span class='cat'>Hoạt động "
            "dân vận</span> <span class='time'>Thứ Ba, 27/12/2022 - 15:40</span></div><h1>TỔNG KẾT "
            "CÔNG TÁC DÂN VẬN NĂM 2022</h1><div class='views'>Lượt xem: 1,036</div>"
            f"<div class='body'><p>{LEAD}</p><p>{LEAD}</p><p class='author'>Ảnh: Quang Vinh</p>"
            "<p class='author'><b>Ngọc Loan - Ban Dân vận Thị ủy</b></p></div></div></body></html>")
    r = report(html, "t.html")
    assert (r["views"], r["author"], str(r["published_on"])) == (1036, "Ngọc Loan", "2022-12-27")


def test_the_owners_name_above_the_menu_and_the_title():
    text = ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị\nTrang chủ | Hoạt động Mặt trận | Văn bản\n\n"
            "TỔNG KẾT NĂM CAO ĐIỂM \"VÌ NGƯỜI NGHÈO\" TỪ THÁNG 10/2022 ĐẾN THÁNG 9/2023\n\n"
            f"Ngày đăng: 18/10/2023 | Lượt xem: 2.714\n\n{LEAD}\n")
    assert report(text)["views"] == 2714


def test_the_issuer_in_parentheses_under_the_title_and_a_widget_in_the_address_footer():
    text = ("BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021\n(Ban Dân vận Huyện ủy Lục Ngạn)\n"
            f"Ngày đăng: 02/02/2021 - Lượt truy cập\nThống kê: 1.046\nOnline: 17\n\n{LEAD}\n{LEAD}\n")
    stats, _ = find_site_stats(page(text))
    assert (stats["online"], stats["total"]) == (17, 1046)
    html = ("<html><body><h1>Quỹ “Vì người nghèo” năm 2022</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='footer'>Số 3, đường Lê Lợi, thành phố Lạng "
            "Sơn. Online: 12 | Tổng truy cập: 356.118</div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["total"]) == (12, 356118)


# --- sets 54-57 ---------------------------------------------------------------------------------

def test_a_category_then_a_bar_then_the_dateline_above_the_title():
    text = ("Công tác Dân vận | Thứ hai, 18/01/2021 - 08:42\n\nPhú Tân: Tổng kết công tác dân vận năm 2020"
            f"\n\nLượt xem: 412\n\n{LEAD}\n")
    r = report(text)
    assert (r["title"], r["views"], str(r["published_on"])) == (
        "Phú Tân: Tổng kết công tác dân vận năm 2020", 412, "2021-01-18")
    text = (f"Hoài Nhơn: giao ban quý III\nMinh Thư | Thứ Tư, 10/07/2024 08:00\n{LEAD}\n{LEAD}\n")
    assert report(text)["author"] == "Minh Thư"


@pytest.mark.parametrize("markup, author", [
    ("<div class='sapo-meta'><span class='by'>Hữu Lợi - Thu Ngân</span></div>", "Hữu Lợi - Thu Ngân"),
    ("<div class='field-name-field-tac-gia'><p><strong>Giàng A Lử</strong></p></div>", "Giàng A Lử"),
])
def test_by_line_elements_of_other_templates(markup, author):
    html = (f"<html><body><h1>Long Phú: công tác dân vận 5 tháng đầu năm 2021</h1>{markup}"
            f"<div class='content'><p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    assert report(html, "t.html")["author"] == author


def test_a_by_line_over_the_heading_inside_the_article_and_one_in_its_footer_table():
    html = ("<html><body><article class='container'><address class='author small'>NGUYỄN HOÀNG"
            "</address><div>Thứ Sáu, 27/12/2019 10:12</div><h1>Huyện Quảng Ninh tổng kết công tác dân "
            f"vận năm 2019</h1><div itemprop='articleBody'><p>{LEAD}</p><p>{LEAD}</p></div></article>"
            "</body></html>")
    assert report(html, "t.html")["author"] == "NGUYỄN HOÀNG"
    html = ("<html><body><h1>Đông Anh: Công tác dân vận 6 tháng đầu năm 2024</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><table class='article-footer'><tr><td class='author'><a>"
            "Lan Hương</a></td><td class='views'>Lượt xem: 1.027</td></tr></table></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"]) == ("Lan Hương", 1027)


def test_a_unit_in_long_parentheses_and_a_joomla_super_user():
    assert report(TOP + f"{LEAD}\n\n{LEAD}\n\nBảo Trân (Trung tâm Văn hóa - Thông tin huyện Châu "
                  "Thành)\n")["author"] == "Bảo Trân"
    html = ("<html><body><div class='item-page'><h2 itemprop='headline'>Tổng kết năm cao điểm</h2>"
            "<dl class='article-info'><dd class='createdby' itemprop='author'><span>Super User</span>"
            "</dd><dd class='hits'><span class='icon-eye-open'></span>Lượt xem: 967</dd></dl>"
            f"<div itemprop='articleBody'><p>{LEAD}</p><p>{LEAD}</p></div></div></body></html>")
    r = report(html, "t.html")
    assert (r["author"], r["views"]) == (None, 967)


def test_a_span_of_months_with_the_year_on_its_end_and_a_dateline_with_its_time():
    text = ("Kết quả công tác dân vận chính quyền từ tháng 3 đến tháng 8/2022\n\nThứ Tư, 14/09/2022 08:30"
            f"\n\n{LEAD}\n")
    r = report(text)
    assert (r["period_type"], r["start_month"], r["end_month"]) == ("other", "2022-03", "2022-08")
    text = (f"Xã Tà Xùa đẩy mạnh phong trào “Dân vận khéo”\nNgày 21/08/2024 09:14\n"
            f"Nhãn: Công tác dân vận · Lượt xem : 4,120\n{LEAD}\n")
    assert report(text)["views"] == 4120


# --- sets 58-61 ---------------------------------------------------------------------------------

def test_the_sites_date_of_today_above_the_title():
    text = ("Trang chủ    Giới thiệu    Tin tức    Văn bản\nHôm nay: Thứ Sáu, 23/12/2022\n\n"
            "XÃ QUẢNG PHÚ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2022\n\nNgày đăng: 23/12/2022 | 88 Lượt xem\n\n"
            f"{LEAD}\n")
    r = report(text)
    assert (r["title"], r["views"]) == ("XÃ QUẢNG PHÚ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2022", 88)


def test_posted_by_a_person_or_by_a_login():
    html = ("<html><body><h1>Đắk Mil: 5 năm thực hiện Chỉ thị 05</h1><div class='byline'>Đăng bởi: "
            f"Hoàng Minh Đức | 19/05/2021 08:10 | Lượt xem: 963</div><div class='content'><p>{LEAD}</p>"
            f"<p>{LEAD}</p></div></body></html>")
    assert report(html, "t.html")["author"] == "Hoàng Minh Đức"
    html = ("<html><body><h1>Long Phú: Quỹ “Vì người nghèo” năm 2023</h1><div class='entry-meta'><span>"
            "24/10/2023</span> <span class='byline'>Đăng bởi: quantrilongphu</span></div><div "
            f"class='content'><p>{LEAD}</p><p>{LEAD}</p><p>Trúc Linh</p></div></body></html>")
    assert report(html, "t.html")["author"] == "Trúc Linh"


def test_a_widget_in_an_element_whose_id_names_it():
    html = ("<html><body><h1>Kỳ Anh sơ kết 6 tháng</h1><div class='content'>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div><div class='sidebar'><section id='counter'><span>Online"
            "</span> : <b>14</b><br><span>Hôm nay</span> : <b>238</b><br><span>Tổng</span> : <b>845077"
            "</b></section></div></body></html>")
    stats, _ = find_site_stats(page(html, "t.html"))
    assert (stats["online"], stats["today"], stats["total"]) == (14, 238, 845077)


def test_a_year_in_a_documents_subject_and_a_fund_year_named_by_its_two_years():
    text = ("Phường Hà Giang 1: Phát huy vai trò công tác dân vận khi vận hành chính quyền 2 cấp\n"
            "Ngày đăng: 20/8/2025\n\nTừ ngày 01/7/2025, phường vận hành mô hình mới.\nBan Thường vụ ban "
            "hành Kế hoạch số 08-KH/ĐU ngày 15/7/2025 về công tác dân vận năm 2025.\n")
    assert report(text)["period_type"] == "other"
    text = ("Xã Tân Thành tổng kết Quỹ “Vì người nghèo” năm 2022 - 2023\n\n25/10/2023\n\nSáng 24/10, "
            "Ủy ban MTTQ xã tổng kết Quỹ “Vì người nghèo” từ tháng 10/2022 đến tháng 9/2023.\n")
    r = report(text)
    assert (r["start_month"], r["end_month"]) == ("2022-10", "2023-09")


# --- sets 62-65 ---------------------------------------------------------------------------------

def test_a_weekday_dateline_over_the_counter_is_no_by_line():
    html = ("<html><body><h1>Phường Sa Pa sơ kết công tác dân vận quý III/2025</h1><div class='date'>"
            "Thứ Sáu - 03/10/2025</div><div class='views'>Lượt xem: 388</div><div class='content'>"
            "<p class='article-author'>Phạm Ngọc Diệp</p>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    assert report(html, "t.html")["author"] == "Phạm Ngọc Diệp"


@pytest.mark.parametrize("end, author", [
    ("MINH HUYỀN\nTin, ảnh: Ban Dân vận Huyện ủy\nTừ khóa: Cờ Đỏ, dân vận khéo\n", "MINH HUYỀN"),
    ("Ảnh: Minh Thuận\n\nBẢN TIN LIÊN QUAN\nKrông Pắc: nông dân hiến đất mở đường (25/9/2024)\n", None),
    ("Đỗ Văn Khánh - TT VH-TT&TT\n", "Đỗ Văn Khánh"),
])
def test_an_office_label_under_the_name_a_related_heading_and_a_centres_initials(end, author):
    assert report(TOP + f"{LEAD}\n\n{LEAD}\n\n{end}")["author"] == author


def test_views_after_bracketed_tools_and_a_wards_header_with_its_number():
    text = (TOP + f"{LEAD}\n\n{LEAD}\n\n[Chia sẻ] [In bài] [Gửi email]   Số lượt xem: 1,086\n")
    assert report(text)["views"] == 1086
    text = ("Trang chủ    Giới thiệu    Tin tức    Văn bản\nPHƯỜNG HÀ GIANG 1 - TỈNH TUYÊN QUANG\n\n"
            "Thứ Năm, 02/10/2025, 16:05\n\nĐẢNG ỦY PHƯỜNG HÀ GIANG 1 ĐÁNH GIÁ CÔNG TÁC DÂN VẬN QUÝ III/2025"
            f"\n\nLượt xem: 143\n\n{LEAD}\n")
    assert report(text)["views"] == 143


def test_visits_on_the_dateline_are_the_articles():
    text = (f"Quảng Nhân: kết quả công tác dân vận tháng 5/2024\nNgày đăng: 31/05/2024 | Lượt truy cập: "
            f"215\n\n{LEAD}\n")
    p = page(text)
    assert report(text)["views"] == 215
    assert find_site_stats(p) is None


def test_a_labelled_writer_before_the_other_fields_of_the_info_line():
    text = (f"Kết quả công tác dân vận quý 3 năm 2022\nTác giả: Trần Quốc Bảo   Ngày đăng: 4/10/2022   "
            f"Lượt xem : 2189\n\n{LEAD}\n")
    r = report(text)
    assert (r["author"], r["views"]) == ("Trần Quốc Bảo", 2189)


def test_a_campaigns_months_are_not_any_date_in_those_months():
    text = ("Long Phú: Sôi nổi các hoạt động Tháng Dân vận năm 2023\nThứ Hai, 23/10/2023 07:30\n\n"
            "Hưởng ứng Tháng Dân vận năm 2023, các xã thực hiện Kế hoạch số 145-KH/HU ngày 11/9/2023.\n")
    r = report(text)
    assert (r["period_type"], r["year"], r["start_month"]) == ("other", 2023, None)
