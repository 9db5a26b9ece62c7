"""Rules for forms met on held-out set 6 (pages written independently of the rules, now in
``tests/fixtures/corpus-forms``): each case carries a sentence in the form that motivated its
rule."""

import pytest

from analysis.extract import extract_page
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_site_stats, find_views
from analysis.extract.documents import find_documents
from analysis.extract.locality import find_locality
from tests.extract.pages import LEAD, page

TITLE = "Huyện ủy Đăk Hà giao ban công tác dân vận quý III năm 2020"


# --- by-lines -------------------------------------------------------------------------------

def test_a_byline_labelled_tin_with_a_colon():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nTin: Mai Hương\n")
    assert find_author(p) == "Mai Hương"


def test_a_heading_opening_with_tin_is_no_byline():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nTin Tức Sự Kiện\n")
    assert find_author(p) is None


def test_the_writers_role_in_parentheses_after_the_name():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nY Hiền (CTV)\n")
    assert find_author(p) == "Y Hiền"


def test_the_print_and_share_tools_after_the_byline_are_not_article_text():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nLò Hương\nIn trang Gửi email Về đầu trang\n")
    assert find_author(p) == "Lò Hương"
    assert p.body[-1].text == LEAD


def test_a_sentence_opening_with_in_trang_phuc_stays_in_the_article():
    line = "In trang phục dân tộc lên áo đồng phục là sáng kiến của Hội Phụ nữ."
    p = page(f"{TITLE}\n\n{LEAD}\n{line}\n")
    assert p.body[-1].text == line


def test_a_labelled_byline_opening_the_info_line_under_the_title():
    text = (f"{TITLE}\nTác giả: Minh Nhựt | 08/01/2020 10:25 | Lượt xem: 2,438\n\n{LEAD}\n"
            f"{LEAD}\n")
    p = page(text)
    assert find_author(p) == "Minh Nhựt"
    assert find_views(p)[0] == 2438
    assert str(extract_page(p).report["published_on"]) == "2020-01-08"
    assert p.body[0].text == LEAD


def test_a_heading_inside_the_body_container_after_a_breadcrumb():
    html = ("<html><head><title>Giao ban dân vận quý IV</title></head><body><div id='main'>"
            "<div class='bc'><a href='/'>Trang chủ</a> / Tin tức - Sự kiện / Đảng - Đoàn thể</div>"
            "<h1>Phú Giáo: Kết quả công tác dân vận quý IV năm 2019</h1>"
            "<div class='sub'>Tác giả: Minh Nhựt | 08/01/2020 10:25 | Lượt xem: 2,438</div>"
            f"<p>{LEAD}</p><p>{LEAD}</p></div></body></html>")
    p = page(html, "t.html")
    assert p.title.text.startswith("Phú Giáo:")
    assert find_author(p) == "Minh Nhựt"
    assert find_views(p)[0] == 2438
    assert not any("Trang chủ" in ln.text for ln in p.body)


# --- locality -------------------------------------------------------------------------------

def test_members_of_a_hoi_at_the_districts_do_not_make_the_districts_organisations():
    text = ("Hội Nông dân tỉnh sơ kết công tác Hội 6 tháng đầu năm 2024\n\n"
            "Ngày 2/7, Ban Chấp hành Hội Nông dân tỉnh Ninh Thuận tổ chức hội nghị sơ kết; Ban "
            "Thường vụ Hội Nông dân tỉnh chỉ đạo các cấp Hội.\n"
            "Các cấp Hội mở 86 lớp tập huấn cho 3.940 lượt hội viên tại các huyện Ninh Phước, "
            "Thuận Nam, Bác Ái.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Ninh Thuận", "tỉnh", "Ninh Thuận")


def test_a_centrally_run_citys_body_above_the_title_issues_a_city_report():
    text = ("BAN DÂN VẬN THÀNH ỦY CẦN THƠ\n"
            "Trang chủ | Tin tức - Sự kiện | Dân vận chính quyền | Văn bản\n\n"
            "Công tác dân vận 9 tháng năm 2021 góp phần tạo đồng thuận\n"
            "Thứ Sáu, 08/10/2021 10:44\n\n"
            "Ngày 6/10, Ban Dân vận Thành ủy tổ chức hội nghị sơ kết công tác dân vận 9 tháng.\n"
            "Các cơ sở tôn giáo trên địa bàn quận Ninh Kiều, Bình Thủy tham gia nấu cơm.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Cần Thơ", "thành phố", "Cần Thơ")


def test_a_district_body_in_the_article_outweighs_the_province_issuer_above_the_title():
    text = ("BAN DÂN VẬN TỈNH ỦY LÀO CAI\n"
            "Trang chủ | Tin tức - Sự kiện | Văn bản\n\n"
            "Giao ban công tác dân vận quý III năm 2021\n"
            "Thứ Sáu, 08/10/2021 10:44\n\n"
            "Ngày 6/10, Ban Dân vận Huyện ủy Bát Xát tổ chức hội nghị giao ban khối dân vận.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type) == ("Bát Xát", "huyện")


def test_a_title_name_the_page_calls_a_commune_shared_by_provinces_gets_no_province():
    text = ("Tân Hiệp: Sơ kết công tác dân vận 5 tháng đầu năm 2024\n\n"
            "Chiều 5/6, Ban Dân vận Đảng ủy xã Tân Hiệp tổ chức hội nghị sơ kết công tác dân vận "
            "5 tháng đầu năm 2024.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Tân Hiệp", "xã", None)


# --- counters -------------------------------------------------------------------------------

def test_a_visits_box_with_its_heading_and_fields_on_one_line():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\n\nThống kê truy cập\n"
             "Lượt truy cập Thống kê: 1.245.880 Online: 12\n")
    stats, _ = find_site_stats(p)
    assert (stats["total"], stats["online"]) == (1245880, 12)


# --- documents ------------------------------------------------------------------------------

def _docs(sentence, locality_type="huyện"):
    return {d.code: d for d in find_documents(page(f"{TITLE}\n\n{LEAD}\n{sentence}\n"),
                                              locality_type)}


def test_a_list_repeating_its_document_word_shares_the_date_after_the_last_code():
    docs = _docs("Mặt trận thực hiện giám sát theo Quyết định số 217-QĐ/TW và Quyết định số "
                 "218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.")
    assert str(docs["217-QĐ/TW"].issued_on) == str(docs["218-QĐ/TW"].issued_on) == "2013-12-12"


def test_a_date_after_a_document_of_another_word_is_not_shared():
    docs = _docs("Các chi bộ thực hiện Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW ngày 18/5/2021 "
                 "của Bộ Chính trị.")
    assert docs["05-CT/TW"].issued_on is None


def test_a_body_named_in_full_before_ban_hanh_outweighs_its_short_name_after_the_code():
    docs = _docs("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện ban hành Kế hoạch số "
                 "79-KH/BCĐ, ngày 14/02/2020 của Ban Chỉ đạo về kiểm tra, giám sát.")
    d = docs["79-KH/BCĐ"]
    assert (d.issuer, d.level) == ("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện",
                                   "district")


def test_the_subject_whose_abbreviation_the_code_carries_issues_it():
    docs = _docs("UBND huyện triển khai Kế hoạch số 112/KH-UBND ngày 15/4/2024 về vận động Nhân "
                 "dân bàn giao mặt bằng.")
    d = docs["112/KH-UBND"]
    assert (d.issuer, d.level) == ("UBND huyện", "district")


def test_a_subject_of_another_body_does_not_issue_the_code():
    docs = _docs("UBND huyện triển khai Chỉ thị số 16/CT-TTg ngày 31/3/2020 về giãn cách xã hội.")
    assert docs["16/CT-TTg"].issuer != "UBND huyện"
