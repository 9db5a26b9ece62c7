"""Rules for forms met on held-out set 3 (pages written independently of the rules, now in
``tests/fixtures/corpus-forms``): each case carries the sentence that motivated its rule."""

import datetime as dt

import pytest

from analysis.evaluate import _gold_doc_key
from analysis.extract import extract_page, report_period
from analysis.extract.bylines import find_author
from analysis.extract.documents import code_identity, find_documents
from analysis.extract.locality import find_locality
from analysis.extract.money import find_money
from analysis.extract.periods import Period
from tests.extract.pages import LEAD, page


def tasks(text):
    t = extract_page(page(text)).tasks
    return (t[0]["target_period_type"], t[0]["target_year"], len(t)) if t else None


# --- by-lines -------------------------------------------------------------------------------

def test_byline_glued_after_the_last_clause_comma_with_an_outlet_code():
    text = ("Đà Nẵng: Sơ kết công tác dân vận 6 tháng đầu năm 2024\n\n" + LEAD + "\n"
            "Nhiệm vụ 6 tháng cuối năm: xóa xong nhà tạm cho 312 hộ nghèo; xây dựng tiêu chí bình "
            "chọn mô hình \"Dân vận khéo\" năm 2024, Hoàng Lan/ĐN\n")
    p = page(text)
    assert find_author(p) == "Hoàng Lan"
    assert p.body[-1].text.endswith("năm 2024,")


def test_a_clause_ending_in_a_code_is_not_a_byline():
    text = ("Tiêu đề quý I năm 2024\n\n" + LEAD + "\n"
            "Các xã thực hiện Kế hoạch số 12, Ban Dân vận/BDV\n")
    assert find_author(page(text)) is None


@pytest.mark.parametrize("line, author", [
    ("Tác giả: Nguyễn Văn Hậu – Công chức Văn hóa - Xã hội xã", "Nguyễn Văn Hậu"),
    ("Tác giả: Lê Minh Tuấn - Văn phòng Đảng ủy xã", "Lê Minh Tuấn"),
    # two names joined by a dash stay whole
    ("Minh Hà – Thu Trang", "Minh Hà – Thu Trang"),
])
def test_a_position_after_the_name_is_not_the_author(line, author):
    assert find_author(page(f"Tiêu đề năm 2022\n\n{LEAD}\n\n{line}\n")) == author


# --- locality -------------------------------------------------------------------------------

def test_province_from_the_district_the_page_names():
    # "Vạn Hà" is not in the register (merged in 2020); huyện Thiệu Hóa exists in Thanh Hóa only.
    text = ("Thị trấn Vạn Hà đẩy mạnh công tác dân vận 5 tháng đầu năm 2021\n\n"
            "CTTĐT - Ngày 4/6, Đảng ủy thị trấn Vạn Hà, huyện Thiệu Hóa tổ chức hội nghị đánh giá "
            "kết quả công tác dân vận 5 tháng đầu năm 2021.\n")
    assert find_locality(page(text))[:3] == ("Vạn Hà", "thị trấn", "Thanh Hóa")


def test_districts_of_two_provinces_decide_nothing():
    text = ("Thị trấn Vạn Hà đẩy mạnh công tác dân vận 5 tháng đầu năm 2021\n\n"
            "Đảng ủy thị trấn Vạn Hà học tập kinh nghiệm của huyện Thiệu Hóa và huyện Bảo Thắng.\n")
    assert find_locality(page(text))[:3] == ("Vạn Hà", "thị trấn", None)


# --- periods --------------------------------------------------------------------------------

def test_a_month_report_spans_its_month():
    p = report_period(page(f"BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 3 NĂM 2023\n\n{LEAD}\n"), None)
    assert (p.period_type, p.year, p.month, p.start_month, p.end_month) == (
        "month", 2023, 3, "2023-03", "2023-03")


def test_a_year_report_naming_a_month_stays_a_year():
    p = report_period(page("Tổng kết công tác dân vận năm 2022\n\nNgày 20/12, trong tháng 12/2022 "
                           "Ban Dân vận Huyện ủy tổ chức hội nghị.\n"), None)
    assert (p.period_type, p.year, p.start_month) == ("year", 2022, None)


def test_the_period_after_a_span_of_months():
    fund_year = Period("other", 2023, start_month="2022-10", end_month="2023-09")
    assert fund_year.next() == Period("other", 2024, start_month="2023-10", end_month="2024-09")
    five = Period("other", 2021, start_month="2021-01", end_month="2021-05")
    assert five.next() == Period("other", 2021, start_month="2021-06", end_month="2021-12")
    assert Period("other", 2021).next() == Period()   # "3 năm thực hiện": no year known


# --- tasks ----------------------------------------------------------------------------------

def test_tasks_of_a_fund_year_are_for_the_next_fund_year():
    text = ("Thị xã Hương Thủy: Quỹ \"Vì người nghèo\" từ tháng 10/2022 đến tháng 9/2023 vận động "
            "hơn 3,4 tỷ đồng\n\n" + LEAD + "\n" + LEAD + "\n"
            "Phương hướng năm Quỹ 2023 - 2024: vận động tối thiểu 3,5 tỷ đồng; hỗ trợ xóa toàn bộ "
            "nhà tạm trên địa bàn; công khai, minh bạch việc sử dụng Quỹ tại 12 phường, xã.\n")
    assert tasks(text) == ("other", 2024, 3)


def test_tasks_after_a_year_to_date_are_for_the_rest_of_that_year():
    text = ("Xã Tân Thành: kết quả công tác dân vận từ đầu năm đến nay\n\n"
            "Chiều 16/8, Đảng ủy xã Tân Thành tổ chức hội nghị đánh giá kết quả công tác dân vận "
            "từ đầu năm 2022 đến nay.\n" + LEAD + "\n"
            "Thời gian tới, xã tập trung: hoàn thành giải ngân vốn hỗ trợ sinh kế trong quý III năm "
            "nay; tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 06 thôn; chuẩn bị tổng kết công tác "
            "dân vận năm 2022.\n")
    assert tasks(text) == ("other", 2022, 3)


def test_plan_named_inside_its_sentence_with_items_after_the_colon():
    text = ("Thị trấn Vạn Hà đẩy mạnh công tác dân vận 5 tháng đầu năm 2021\n\n" + LEAD + "\n"
            + LEAD + "\nHội nghị đề ra nhiệm vụ 7 tháng cuối năm: tập trung tuyên truyền kết quả "
            "bầu cử; tiếp tục phòng, chống dịch; vận động xây dựng đô thị văn minh.\n")
    assert tasks(text) == ("other", 2021, 3)


def test_plan_heading_with_its_numbered_items_on_one_line():
    text = ("Ngô Quyền: sơ kết công tác dân vận năm 2019\n\n" + LEAD + "\n" + LEAD + "\n"
            "Phương hướng, nhiệm vụ năm 2020: 1) Tuyên truyền đại hội đảng bộ các cấp tiến tới Đại "
            "hội XIII của Đảng; 2) thực hiện Năm \"Dân vận chính quyền\" 2020; 3) nhân rộng mô hình "
            "\"Dân vận khéo\" trong cải cách hành chính; 4) chăm lo Tết Canh Tý 2020 cho hộ nghèo.\n")
    assert tasks(text) == ("year", 2020, 4)


def test_numbered_run_in_items_each_a_sentence():
    text = ("Điện Biên: tổng kết công tác dân vận năm 2023\n\n" + LEAD + "\n" + LEAD + "\n"
            "Nhiệm vụ năm 2024: 1. Quán triệt, thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của "
            "Ban Chấp hành Trung ương khóa XIII về phát huy sức mạnh khối đại đoàn kết toàn dân tộc. "
            "2. Tổ chức kỷ niệm 70 năm Chiến thắng Điện Biên Phủ. 3. Tiếp tục thực hiện Chỉ thị số "
            "21-CT/TU. 4. Tham mưu sơ kết 10 năm thực hiện Kết luận số 114-KL/TW của Ban Bí thư.\n"
            "Phương Nhi\n")
    t = extract_page(page(text)).tasks
    assert [x["text"][:12] for x in t] == ["Quán triệt, ", "Tổ chức kỷ n", "Tiếp tục thự",
                                            "Tham mưu sơ "]
    assert t[-1]["text"].endswith("của Ban Bí thư.") and t[0]["target_year"] == 2024


# --- documents ------------------------------------------------------------------------------

def test_code_letters_key_a_document_whose_word_disagrees():
    text = ("Tiêu đề năm 2019\n\nCác cấp ủy thực hiện Kết luận số 62-TB/TU ngày 08/5/2019 của Ban "
            "Thường vụ Thành ủy Hải Phòng về tăng cường công tác dân vận. Kết luận 62 được 13/13 "
            "phường triển khai.\n")
    docs = find_documents(page(text), "quận")
    assert {(d.doc_key, d.doc_type, d.doc_type_name) for d in docs} == {
        ("62|TB|TU|", "TB", "Kết luận")}
    assert docs[0].level == "province" and docs[1].issued_on == dt.date(2019, 5, 8)
    gold = {"code": "62-TB/TU", "doc_type": "KL", "number": "62", "issuer_code": "TU"}
    assert _gold_doc_key(gold) == docs[0].doc_key
    assert code_identity("136/2024/QH15", "NQ") == "136|NQ|QH15|2024"


def test_a_provincial_city_committee_stays_district_level():
    text = ("Tiêu đề năm 2020\n\nThực hiện Đề án số 05-ĐA/TU ngày 12/3/2020 của Ban Thường vụ Thành "
            "ủy Tuy Hòa về công tác dân vận.\n")
    assert find_documents(page(text), "thành phố")[0].level == "district"


def test_the_unit_after_a_quoted_campaign_name_belongs_to_the_issuer():
    text = ("Tiêu đề năm 2023\n\nThực hiện Kế hoạch số 36-KH/BCĐ, của Ban chỉ đạo Cuộc vận động "
            "\"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\" thị xã và Thông tri số "
            "09-TTr/TU ngày 15-9-2022 của Ban Thường vụ Thị ủy.\n")
    d = find_documents(page(text), "thị xã")[0]
    assert (d.issuer, d.level) == ("Ban Chỉ đạo Cuộc vận động thị xã", "district")


# --- money ----------------------------------------------------------------------------------

def test_members_savings_are_funds_raised():
    text = "Tiêu đề tháng 3 năm 2023\n\nHội LHPN xã | Tiết kiệm hội viên | 24 triệu đồng\n"
    assert [f.kind for f in find_money(page(text))] == ["fund"]
