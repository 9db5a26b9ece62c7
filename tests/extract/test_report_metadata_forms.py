"""Report metadata on forms met on pages written independently of the rules (issue 7): each case
carries the sentence that motivated its rule."""

import datetime as dt

import pytest

from analysis.extract import report_period
from analysis.extract.counters import find_site_stats
from analysis.extract.documents import find_documents
from analysis.extract.gazetteer import communes, communes_2025, districts
from analysis.extract.locality import find_locality
from analysis.extract.money import find_money
from analysis.extract.periods import Period
from analysis.extract.tasks import find_tasks, mark_run_in_plans, plan_period
from analysis.text.address import PageAddress
from analysis.text.page import page_from_text
from tests.conftest import make_page


def test_same_name_units_of_one_province_decide_the_province():
    # The register tells "Kỳ Anh (Thị xã)" from "Kỳ Anh (Huyện)": both of Hà Tĩnh.
    assert {(u.unit_type, u.name, u.province) for u in districts("Kỳ Anh")} == {
        ("thị xã", "Kỳ Anh", "Hà Tĩnh"), ("huyện", "Kỳ Anh", "Hà Tĩnh")}
    assert all("(" not in u.name for u in communes("Chi Lăng"))
    text = ("Thị xã Kỳ Anh sơ kết công tác dân vận 9 tháng đầu năm 2023\n\n"
            "Chiều 11/10, Ban Dân vận Thị ủy Kỳ Anh tổ chức hội nghị sơ kết công tác dân vận.\n")
    assert find_locality(page_from_text(text, "t.txt"))[:3] == ("Kỳ Anh", "thị xã", "Hà Tĩnh")


def test_a_commune_after_the_2025_reform_gets_its_new_province():
    # DOMAIN §6.2: from 1/7/2025 Hà Giang is part of Tuyên Quang.
    assert {u.province for u in communes_2025("Yên Minh")} == {"Tuyên Quang"}
    text = ("Đảng ủy xã Yên Minh sơ kết công tác dân vận quý III năm 2025\n\n"
            "Sáng 2/10, Đảng ủy xã Yên Minh tổ chức hội nghị sơ kết công tác dân vận quý III.\n")
    after = find_locality(page_from_text(text, "t.txt"), dt.date(2025, 10, 3))
    assert after[:3] == ("Yên Minh", "xã", "Tuyên Quang")
    # the same words on a page dated before the reform: the 2020-2025 units
    before = find_locality(page_from_text(text, "t.txt"), dt.date(2025, 4, 3))
    assert before[2] == "Hà Giang"


def test_a_centrally_run_citys_own_body_reports_for_the_city():
    text = ("Sơ kết công tác dân vận 6 tháng đầu năm 2022\n\n"
            "Sáng 14/7, Ban Dân vận Thành ủy tổ chức hội nghị giao ban khối dân vận thành phố.\n"
            "Ban Dân vận Thành ủy chỉ đạo điểm về công tác dân vận ở vùng đồng bào dân tộc thiểu "
            "số tại huyện Hòa Vang.\n")
    addr = PageAddress(url="https://bandanvan.danang.dcs.vn/tin-tuc/so-ket-1482.html")
    city = find_locality(page_from_text(text, "t.txt", address=addr))
    assert city[:3] == ("Đà Nẵng", "thành phố", "Đà Nẵng") and city.is_province
    assert not find_locality(page_from_text("Thành phố Hội An sơ kết công tác dân vận quý II\n\n"
                                            "Nội dung.\n", "t.txt")).is_province
    # a district's page naming its district stays the district
    text = text.replace("Ban Dân vận Thành ủy", "Ban Dân vận Huyện ủy Hòa Vang", 1)
    assert find_locality(page_from_text(text, "t.txt", address=addr))[:3] == (
        "Hòa Vang", "huyện", "Đà Nẵng")


def test_months_run_gets_its_start_and_end_months():
    p = report_period(make_page("Nội dung.", title="Thị xã Hoàng Mai: Kết quả công tác dân vận "
                                "5 tháng đầu năm 2021"), None)
    assert (p.period_type, p.year, p.start_month, p.end_month) == ("other", 2021, "2021-01",
                                                                   "2021-05")
    p = report_period(make_page("Nội dung.", title="Kết quả công tác dân vận 4 tháng cuối năm"),
                      dt.date(2022, 12, 30))
    assert (p.period_type, p.start_month, p.end_month) == ("other", "2022-09", "2022-12")


def test_from_the_start_of_the_year_until_now_is_other():
    body = ("Từ đầu năm đến nay, Đảng ủy phường Đông Lương đã lãnh đạo Mặt trận và các đoàn thể; "
            "phường phấn đấu đến cuối năm 2024 có 100% khu phố đạt chuẩn.")
    p = report_period(make_page(body, title="Phường Đông Lương phát huy vai trò Nhân dân"), None)
    assert (p.period_type, p.year) == ("other", 2024)


@pytest.mark.parametrize("block, want", [
    ("Đang online: 12 Hôm nay: 307 Trong tuần: 2,145 Tất cả: 1,093,811",
     {"online": 12, "today": 307, "week": 2145, "total": 1093811}),
    ("Đang truy cập : 31\nHôm nay : 2.014\nTổng lượt : 5.461.220",
     {"online": 31, "today": 2014, "total": 5461220}),
])
def test_widget_fields_on_one_line_and_total_visits(block, want):
    page = page_from_text(f"Tiêu đề quý I năm 2021\n\nQuý I năm 2021, huyện ổn định.\n\n"
                          f"Thống kê truy cập\n{block}\n", "t.txt")
    stats, _ = find_site_stats(page)
    assert {k: v for k, v in stats.items() if v is not None} == want


def test_a_model_named_zero_dong_is_not_money():
    body = ("Huyện đã chi hỗ trợ lao động tự do, tổng số tiền gần 3,6 tỷ đồng. Mô hình “Bếp ăn "
            "0 đồng”, “Siêu thị 0 đồng” được duy trì.")
    assert [f.raw for f in find_money(make_page(body))] == ["gần 3,6 tỷ đồng"]


def test_a_lead_repeated_with_its_source_tag_once_is_one_fact():
    lead = ("Từ tháng 10/2022 đến tháng 9/2023, Ban Vận động Quỹ “Vì người nghèo” xã Ea Kao đã "
            "tiếp nhận hơn 350 triệu đồng từ cán bộ, đảng viên và Nhân dân.")
    facts = find_money(page_from_text(f"Quỹ xã Ea Kao\n\n(Mặt trận) - {lead}\n{lead}\n", "t.txt"))
    assert [(f.amount_vnd, f.repeat_sentence is not None) for f in facts] == [(350_000_000, True)]


def test_a_year_ending_in_1_is_not_one_unit():
    # "năm 2021 đạt trên 1 tỷ": the "1" of 2021 is no "1 <unit>" making the amount a rate.
    body = "Phấn đấu vận động Quỹ “Vì người nghèo” năm 2021 đạt trên 1 tỷ đồng."
    assert [(f.raw, f.kind) for f in find_money(make_page(body))] == [("trên 1 tỷ đồng", "fund")]


def test_plans_for_the_rest_of_the_year_are_other():
    page = make_page("5 tháng đầu năm 2021, công tác dân vận đạt kết quả.\n"
                     "Nhiệm vụ tháng 6 và những tháng còn lại của năm 2021:\n"
                     "- Tuyên truyền kết quả bầu cử.\n- Giám sát cán bộ, đảng viên.",
                     title="Thị xã Hoàng Mai: Kết quả công tác dân vận 5 tháng đầu năm 2021")
    assert plan_period(page, report_period(page, None)) == Period("other", 2021)


def test_run_in_plans_for_the_coming_time_with_numbered_items():
    page = make_page("Ngày 16/9, Ban Thường vụ Huyện ủy Thanh Sơn tổ chức hội nghị sơ kết 3 năm.\n"
                     "Trong 3 năm, Nhân dân đã đóng góp hơn 9,7 tỷ đồng.\n"
                     "Thời gian tới, huyện tập trung: 1. Tiếp tục quán triệt Chỉ thị số "
                     "05-CT/TU; 2. Nâng cao chất lượng hoạt động của người có uy tín; 3. Nhân rộng "
                     "các mô hình “Dân vận khéo” trong phát triển kinh tế./.",
                     title="Thanh Sơn: Sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TU")
    reported = report_period(page, None)
    mark_run_in_plans(page, reported)
    assert [t.text[:18] for t in find_tasks(page)] == [
        "Tiếp tục quán triệ", "Nâng cao chất lượn", "Nhân rộng các mô h"]
    assert plan_period(page, reported).period_type == "other"


@pytest.mark.parametrize("body, locality_type, issuer, level", [
    # "phòng, chống" is one name: the issuer runs on to its level word
    ("Thực hiện Kế hoạch số 05-KH/BCĐ, của Ban Chỉ đạo phòng, chống dịch COVID-19 huyện.",
     "huyện", "Ban Chỉ đạo phòng, chống dịch COVID-19 huyện", "district"),
    # a centrally-run city's Thành ủy is province level (DOMAIN §7 trap 3)
    ("Ban Thường vụ Thành ủy đã ban hành Chương trình hành động số 16-CTr/TU thực hiện.", "tỉnh",
     None, "province"),
    ("Thực hiện Thông báo số 825-TB/TU ngày 3/3/2023 của Ban Thường vụ.", "tỉnh",
     "Ban Thường vụ", "province"),
    # a Sở's code (SNV, STP) is a provincial department (DOMAIN §1.5)
    ("Sở Nội vụ hướng dẫn tự đánh giá theo Công văn số 1420/SNV-CCHC&PC.", "thành phố", None,
     "province"),
])
def test_issuer_levels(body, locality_type, issuer, level):
    d = find_documents(make_page(body), locality_type)[0]
    assert (d.issuer, d.level) == (issuer, level)
