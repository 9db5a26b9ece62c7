"""Rules for forms met on held-out sets 28-33 (pages written independently of the rules): each
case carries the markup or the lines, cut short, that motivated its rule."""

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
    html = ("<html><body class='news-detail'><ul class='menu'><li>Trang chủ</li>"
            "<li>Hoạt động Hội</li></ul><div class='article'>"
            "<h1>HỘI NÔNG DÂN TỈNH BÌNH PHƯỚC TỔNG KẾT CÔNG TÁC HỘI NĂM 2022</h1>"
            "<div class='info'>Thứ sáu - 30/12/2022 17:02 &nbsp;|&nbsp; <span>Đã xem: 1,482</span>"
            f"</div><div class='bodytext'><p>{LEAD}</p><p>{LEAD}</p></div></div></body></html>")
    p = page(html, "t.html")
    r = report(html, "t.html")
    assert (r["views"], str(r["published_on"])) == (1482, "2022-12-30")
    assert not any(ln.text.strip() == "Trang chủ" for ln in p.body)
