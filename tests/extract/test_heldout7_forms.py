"""Rules for forms met on held-out set 7 (pages written independently of the rules): each case
carries a sentence in the form that motivated its rule."""

from analysis.extract import extract_page
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_views
from analysis.extract.locality import find_locality
from tests.extract.pages import LEAD, page, report

TITLE = "Huyện ủy Krông Pắc giao ban công tác dân vận quý II năm 2021"


# --- an official document's header ------------------------------------------------------------

def _document(number_line, place_line):
    return ("ĐẢNG BỘ HUYỆN KRÔNG PẮC                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "ĐẢNG ỦY XÃ EA KLY\n"
            f"{place_line}\n{number_line}\n\nBÁO CÁO\n"
            "Kết quả công tác dân vận tháng 3/2023\n\n"
            f"{LEAD}\n{LEAD}\n")


def test_a_documents_own_number_left_blank_is_header():
    r = report(_document("Số      -BC/ĐU", "Ea Kly, ngày 30 tháng 3 năm 2023"))
    assert r["title"] == "Kết quả công tác dân vận tháng 3/2023"
    assert (r["period_type"], r["year"], r["month"]) == ("month", 2023, 3)


def test_the_star_under_the_issuer_on_the_place_and_date_line_is_header():
    r = report(_document("Số 12-BC/ĐU", "          *                 Ea Kly, ngày 30 tháng 3 năm 2023"))
    assert (r["period_type"], r["year"], r["month"]) == ("month", 2023, 3)
    assert str(r["published_on"]) == "2023-03-30"


def test_the_name_under_the_recipients_list_signs_the_document_and_is_no_byline():
    text = (f"{TITLE}\n\n{LEAD}\n{LEAD}\n"
            "Nơi nhận:                                  T/M ĐẢNG ỦY\n"
            "- Ban Dân vận Huyện ủy (b/c);               BÍ THƯ\n"
            "- Lưu VP.\n"
            "                                            Lê Thị Hạnh\n")
    assert find_author(page(text)) is None


# --- periods ----------------------------------------------------------------------------------

def test_a_year_to_date_with_its_year_inside_is_no_year_report():
    r = report("Krông Pắc: Công tác dân vận từ đầu năm 2022 đến nay có nhiều chuyển biến\n\n"
               f"{LEAD}\n{LEAD}\n")
    assert (r["period_type"], r["year"], r["start_month"], r["end_month"]) == (
        "other", 2022, None, None)


# --- by-lines ---------------------------------------------------------------------------------

def test_a_bare_name_glued_after_the_last_full_stop_is_the_byline():
    p = page(f"{TITLE}\n\n{LEAD}\nHội nghị thống nhất các nhiệm vụ trọng tâm thời gian tới. "
             "Hoàng Yến\n")
    assert find_author(p) == "Hoàng Yến"
    assert p.body[-1].text.endswith("thời gian tới.")


def test_capitalised_words_that_go_on_as_a_sentence_are_no_glued_byline():
    p = page(f"{TITLE}\n\n{LEAD}\nHội nghị thống nhất các nhiệm vụ. Đồng chí Bí thư phát biểu chỉ "
             "đạo\n")
    assert find_author(p) is None


def test_a_body_in_parentheses_holding_a_dash_is_dropped_whole():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nBài, ảnh: Hà Linh (Trung tâm Văn hóa - Thông tin huyện)\n")
    assert find_author(p) == "Hà Linh"


def test_a_long_unit_after_the_name_does_not_make_the_byline_too_long():
    p = page(f"{TITLE}\n\n{LEAD}\n{LEAD}\nMinh Châu – Ủy ban MTTQ thị trấn Phước An huyện\n")
    assert find_author(p) == "Minh Châu"


def test_a_byline_line_over_the_dateline_under_the_title():
    r = report(f"{TITLE}\nMai Anh- Quốc Việt\nNgày đăng: 02/07/2021 09:10 Lượt xem: 310\n\n"
               f"{LEAD}\n{LEAD}\n")
    assert r["author"] == "Mai Anh- Quốc Việt"
    assert str(r["published_on"]) == "2021-07-02"


# --- datelines and counters -------------------------------------------------------------------

def test_a_view_count_glued_to_the_time_of_a_dateline_without_a_weekday():
    p = page(f"Trang chủ › Tin tức\n{TITLE}\n02/07/2021 09:10745\n\n{LEAD}\n{LEAD}\n")
    assert find_views(p)[0] == 745
    assert str(extract_page(p).report["published_on"]) == "2021-07-02"


def test_a_dateline_opening_with_ngay_and_followed_by_more_fields():
    r = report(f"{TITLE}\nNgày 02/07/2021 | 310 Lượt xem | Tác giả: admin\n\n{LEAD}\n{LEAD}\n")
    assert str(r["published_on"]) == "2021-07-02"


def test_a_meta_line_opening_with_the_posting_account():
    r = report(f"{TITLE}\nNgười đăng: krongpac.admin   Ngày đăng: 02/07/2021   Lượt xem: 310\n\n"
               f"{LEAD}\n{LEAD}\n")
    assert str(r["published_on"]) == "2021-07-02"
    assert r["author"] is None


# --- locality ---------------------------------------------------------------------------------

def test_the_bodies_of_several_districts_listed_in_the_plural_do_not_report():
    text = ("Hội Nông dân tỉnh tổng kết công tác Hội năm 2022\n\n"
            "Ngày 20/12, Hội Nông dân tỉnh Hà Nam tổ chức hội nghị tổng kết năm 2022; Ban "
            "Thường vụ Hội Nông dân tỉnh chỉ đạo các cấp Hội.\n"
            "Hội Nông dân các huyện Lý Nhân, Bình Lục, Thanh Liêm dẫn đầu phong trào thi đua.\n")
    loc = find_locality(page(text))
    assert (loc.name, loc.unit_type, loc.province) == ("Hà Nam", "tỉnh", "Hà Nam")
