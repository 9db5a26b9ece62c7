"""Issue 7 items 4, 6 and 7: periods, by-lines, views, money and documents as real pages write
them; each case is the sentence that motivated the rule."""

import datetime as dt

import pytest

from analysis.extract import extract_page, report_period
from analysis.extract.bylines import find_author
from analysis.extract.counters import find_site_stats, find_views
from analysis.extract.documents import find_documents
from analysis.extract.money import find_money
from analysis.text.page import page_from_text

LEAD = "Ban Dân vận Huyện ủy tổ chức hội nghị, các đoàn thể tham gia đầy đủ, đạt nhiều kết quả."


def page(text):
    return page_from_text(text, "t.txt")


def period(title, lead=LEAD, published=None):
    p = report_period(page(f"{title}\n\n{lead}\n"), published)
    return (p.period_type, p.year, p.quarter, p.half, p.month, p.start_month, p.end_month)


# --- periods (item 4) ---------------------------------------------------------------------

def test_a_date_of_issue_is_not_a_period():
    got = period("Quyết định ban hành Quy chế công tác dân vận",
                 "Số: 30/2018/QĐ-UBND | Hải Phòng, ngày 09 tháng 10 năm 2018")
    assert got[0] == "other" and got[1] == 2018


def test_a_passing_month_is_not_the_period():
    got = period("Tổng kết công tác dân vận năm 2022",
                 "Sau đợt mưa lũ lịch sử giữa tháng 10/2022, Quỹ Cứu trợ tiếp nhận ủng hộ.")
    assert got[:2] == ("year", 2022)


def test_a_deadline_quarter_is_not_the_period():
    got = period("Sơ kết công tác dân vận 6 tháng đầu năm 2023",
                 "Các xã hoàn thành trong quý II/2023 việc rà soát hộ nghèo.")
    assert got[:4] == ("half_year", 2023, None, 1)


def test_five_months_is_other_with_its_year():
    assert period("Mộc Châu: kết quả công tác dân vận 5 tháng đầu năm 2022")[:2] == ("other", 2022)


def test_a_fund_year_is_a_span_of_months():
    got = period("Lục Ngạn: kết quả vận động Quỹ “Vì người nghèo” năm 2023",
                 "Mặt trận huyện tổng kết năm vận động Quỹ “Vì người nghèo” (từ tháng 10/2022 đến "
                 "tháng 9/2023).")
    assert got == ("other", 2023, None, None, None, "2022-10", "2023-09")


def test_results_year_before_the_plan_year():
    assert period("Khối dân vận huyện Tam Đường sơ kết năm 2019, triển khai năm 2020")[:2] == (
        "year", 2019)


def test_relative_quarter_takes_the_dateline_year():
    got = period("Thuận Châu: công tác dân vận quý I đạt nhiều kết quả",
                 "Quý I năm nay, Ban Dân vận Huyện ủy tham mưu.", dt.date(2024, 4, 8))
    assert got[:3] == ("quarter", 2024, 1)


# --- by-lines and views (item 6) --------------------------------------------------------------

@pytest.mark.parametrize("text, author", [
    (f"Hướng Hóa: công tác dân vận quý III năm 2022\nHOÀI THẢO |\n{LEAD}\n{LEAD}\n", "HOÀI THẢO"),
    (f"Tiêu đề quý I năm 2021\n\nMINH TÂN | {LEAD}\n", "MINH TÂN"),
    (f"Tiêu đề năm 2022\n\n{LEAD}\nThu Hà • Từ khóa: dân vận, Trảng Bàng\n", "Thu Hà"),
    (f"Tiêu đề năm 2022\n\n{LEAD}\n\nTác giả: quantritrangbang\nTừ khóa: dân vận\n", None),
    (f"Tiêu đề năm 2024\n\n{LEAD} Phong trào “Dân vận khéo” lan tỏa. Vũ Thắng, Như Huỳnh/THQH\n",
     "Vũ Thắng, Như Huỳnh"),
    (f"Tiêu đề năm 2024\n\n{LEAD}\n\nGÓP Ý KIẾN\nHọ tên\n", None),
    (f"Tiêu đề năm 2020\n\n{LEAD}\n\nT/M ĐẢNG ỦY\nPHÓ BÍ THƯ\n(đã ký)\n", None),
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nBan Dân vận Đảng ủy phường\n", None),
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nVăn phòng Đảng ủy phường\n", None),
    # organisation words, not given names: "Hội" and "Đoàn" are names too
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nNguyễn Thị Hội\n", "Nguyễn Thị Hội"),
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nĐoàn Văn Hùng\n", "Đoàn Văn Hùng"),
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nCTV Minh Hà – Thu Trang (TP. Lào Cai)\n", "Minh Hà – Thu Trang"),
    (f"Tiêu đề năm 2021\n\n{LEAD}\n\nTác giả: Nguyễn Thị Hoa – Phó Trưởng Ban Dân vận Huyện ủy\n",
     "Nguyễn Thị Hoa"),
])
def test_bylines(text, author):
    assert find_author(page(text)) == author


@pytest.mark.parametrize("meta, views", [
    ("  • Lượt xem: 1753 lượt xem", 1753),
    ("Thứ Sáu, 07/07/2023 22:584120", 4120),
    ("03/10/2011 10:32 288 Lượt xem", 288),
])
def test_views(meta, views):
    p = page(f"Tiêu đề quý III năm 2023\n{meta}\n\n{LEAD}\n")
    assert find_views(p)[0] == views and p.body[0].text == LEAD


@pytest.mark.parametrize("block, want", [
    ("Đang truy cập: 23 - Hôm nay: 1.208 - Tổng lượt truy cập: 2.315.760",
     {"online": 23, "today": 1208, "total": 2315760}),
    ("Bản quyền © UBND huyện Tuần Giáo. Số lượt truy cập: 1.082.946", {"total": 1082946}),
])
def test_counter_widget_on_one_line(block, want):
    stats, _ = find_site_stats(page(f"Tiêu đề quý IV năm 2023\n\n{LEAD}\nQuàng Hương\n\n{block}\n"))
    assert {k: v for k, v in stats.items() if v is not None} == want


# --- money and documents (item 7) -------------------------------------------------------------

def test_comrades_are_people_not_dong():
    m = find_money(page(f"Tiêu đề năm 2022\n\nBan đã cử 03 đồng chí tham gia đoàn kiểm tra; "
                        f"Quỹ tiếp nhận 2,083 tỷ đồng.\n"))
    assert [f.amount_vnd for f in m] == [2_083_000_000]


def test_amount_repeated_in_title_and_body_is_one_fact():
    m = find_money(page("TP Bắc Giang: hơn 3,2 tỷ đồng chăm lo hộ nghèo 6 tháng đầu năm 2023\n\n"
                        "Các cấp đã hỗ trợ hộ nghèo với tổng số tiền 3,2 tỷ đồng.\n"))
    assert [(f.amount_vnd, f.raw) for f in m] == [(3_200_000_000, "3,2 tỷ đồng")]
    assert m[0].repeat_sentence.startswith("TP Bắc Giang: hơn 3,2 tỷ đồng")


def test_issuer_stops_at_the_end_of_the_issuer():
    d = find_documents(page(f"Tiêu đề năm 2022\n\nViệc thực hiện Quyết định số 90/QĐ-TTg ngày "
                            f"18/01/2022 của Thủ tướng Chính phủ được các chi, đảng bộ quan tâm.\n"))
    assert d[0].issuer == "Thủ tướng Chính phủ"


def test_own_document_header_gives_its_date():
    text = ("Quyết định ban hành Quy chế công tác dân vận\n\nỦY BAN NHÂN DÂN\n"
            "Số: 30/2018/QĐ-UBND | Hải Phòng, ngày 09 tháng 10 năm 2018\n\nQUYẾT ĐỊNH\n"
            "Ban hành Quy chế thực hiện công tác dân vận.\n")
    d = find_documents(page(text))
    assert (d[0].code, d[0].issued_on) == ("30/2018/QĐ-UBND", dt.date(2018, 10, 9))


def test_own_number_in_the_header_above_the_title():
    text = ("ĐẢNG BỘ HUYỆN BẠCH THÔNG\nĐẢNG ỦY XÃ VI HƯƠNG\n*\nSố 112-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Vi Hương, ngày 15 tháng 12 năm 2020\n\nBÁO CÁO\nKết quả công tác dân vận năm 2020\n\n"
            f"{LEAD}\n")
    facts = extract_page(page(text))
    assert [(d["code"], d["issued_on"]) for d in facts.doc_refs] == [
        ("112-BC/ĐU", dt.date(2020, 12, 15))]
    r = facts.report
    assert (r["locality"], r["locality_type"], r["province"], r["locality_evidence"]) == (
        "Vi Hương", "xã", "Bắc Kạn", "đầu trang")
    assert r["published_on"] == dt.date(2020, 12, 15)


def test_date_placed_before_the_document():
    d = find_documents(page(
        "Tiêu đề năm 2019\n\nThực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ "
        "sáu Ban Chấp hành Trung ương Đảng khóa XII, ngày 23-11-2017, Tỉnh ủy Lai Châu đã ban hành "
        "Kế hoạch số 116-KH/TU; huyện đã cụ thể hóa.\n"))
    assert [(x.code, x.issued_on) for x in d] == [("18-NQ/TW", dt.date(2017, 10, 25)),
                                                 ("116-KH/TU", dt.date(2017, 11, 23))]


def test_unknown_type_letters_after_a_document_word():
    d = find_documents(page("Tiêu đề năm 2018\n\nTheo Báo cáo thẩm định số 18/BCTĐ-STP ngày 14 tháng "
                            "9 năm 2018 của Sở Tư pháp.\n"))
    assert [(x.code, x.issued_on) for x in d] == [("18/BCTĐ-STP", dt.date(2018, 9, 14))]



def test_unknown_type_letters_after_a_record_word():
    # A fund's audit record: "Biên bản kiểm tra" is a document word, BBKT letters outside the list.
    d = find_documents(page("Tiêu đề năm 2022\n\nViệc quản lý, sử dụng Quỹ được Ban Thường trực Ủy "
                            "ban MTTQ tỉnh kiểm tra, xác nhận đúng quy định theo Biên bản kiểm tra "
                            "số 03/BBKT-MTTQ ngày 20/9/2022.\n"))
    assert [(x.code, x.doc_type, x.issued_on) for x in d] == [
        ("03/BBKT-MTTQ", "BBKT", dt.date(2022, 9, 20))]

# --- plans run into a sentence ----------------------------------------------------------------

@pytest.mark.parametrize("title, plan, target, items", [
    ("Lục Ngạn: công tác dân vận quý I năm 2023",
     "Nhiệm vụ quý II/2023, Ban Dân vận Quận ủy tập trung: hoàn thành vận động bàn giao mặt bằng; "
     "sơ kết 6 tháng thực hiện Quy chế; tham mưu tổ chức đối thoại.", ("quarter", 2023, 2), 3),
    ("Tuần Giáo: giao ban khối dân vận quý IV năm 2023",
     "Quý I năm 2024, khối dân vận huyện tập trung: vận động Nhân dân đón Tết vui tươi; tuyên "
     "truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ; nắm chắc tình hình tư tưởng Nhân dân.",
     ("quarter", 2024, 1), 3),
    ("Ea Tiêu: sơ kết công tác dân vận 9 tháng đầu năm 2023",
     "Quý IV, xã tập trung vận động Nhân dân thu hoạch cà phê, bảo đảm an ninh trật tự; tổ chức "
     "Ngày hội Đại đoàn kết toàn dân tộc ở 12 thôn, buôn.", ("quarter", 2023, 4), 2),
    ("Tân Thịnh: tổng kết công tác dân vận năm 2024",
     "Năm 2025, xã tập trung 3 nhiệm vụ: tuyên truyền Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030; "
     "tiếp tục xóa nhà tạm; nâng cao chất lượng các tổ hòa giải.", ("year", 2025, None), 3),
    # the last clause of a one-paragraph page: one task after "tập trung"
    ("Thị trấn Cái Nước: công tác dân vận quý I-2021",
     "Trong quý, thị trấn trao 350 phần quà Tết cho hộ nghèo; quý II-2021, thị trấn tập trung bảo "
     "đảm an toàn cho ngày bầu cử 23/5/2021.", ("quarter", 2021, 2), 1),
    # two tasks joined by "và" before the next verb; a verb pair stays one task
    ("Xã Quang Trung giao ban khối dân vận quý III.2023",
     "Quý IV, khối dân vận xã tập trung tuyên truyền, vận động Nhân dân tổ chức Ngày hội Đại đoàn "
     "kết toàn dân tộc ở 09 thôn và vận động Nhân dân thu hoạch vụ mùa.", ("quarter", 2023, 4), 2),
])
def test_run_in_plans(title, plan, target, items):
    body = f"{title}\n\nTrong kỳ, {LEAD[0].lower()}{LEAD[1:]}\n{LEAD}\n{plan}\n"
    facts = extract_page(page(body))
    tasks = facts.tasks
    assert len(tasks) == items
    assert (tasks[0]["target_period_type"], tasks[0]["target_year"],
            tasks[0]["target_quarter"]) == target


def test_a_plan_amount_is_in_the_plans_section():
    text = ("Lục Ngạn: kết quả vận động Quỹ “Vì người nghèo” năm 2023\n\nMặt trận huyện tổng kết năm "
            "vận động Quỹ (từ tháng 10/2022 đến tháng 9/2023), vận động được hơn 4,6 tỷ đồng.\n"
            "Năm vận động 2024 (từ tháng 10/2023 đến tháng 9/2024), Mặt trận huyện phấn đấu vận động "
            "Quỹ đạt trên 5 tỷ đồng.\n")
    facts = extract_page(page(text))
    assert [(a["amount_vnd"], a["section"]) for a in facts.amounts] == [
        (4_600_000_000, "results"), (5_000_000_000, "plans")]


def test_a_document_in_a_next_year_clause_is_in_the_plans_section():
    # The word of intent comes after the document the plan cites, late in the clause.
    text = ("Văn Lãng công khai kết quả Quỹ “Vì người nghèo” năm 2022\n\nNăm 2022, Quỹ các cấp "
            "trong huyện vận động được 5,12 tỷ đồng.\nNăm 2023, Mặt trận huyện tiếp tục vận động "
            "theo Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ, phấn đấu hỗ trợ "
            "thêm 70 nhà Đại đoàn kết.\n")
    facts = extract_page(page(text))
    assert [(d["code"], d["section"]) for d in facts.doc_refs] == [("90/QĐ-TTg", "plans")]
    assert facts.tasks == []   # one target, not a list of tasks


@pytest.mark.parametrize("sentence, kinds", [
    # compensation for land is not support spending
    ("Quận đã chi trả hơn 210 tỷ đồng tiền bồi thường, hỗ trợ tái định cư.", ["other"]),
    # a fund's own name is not a verb of spending
    ("Nguồn Quỹ Hỗ trợ nông dân các cấp đến nay đạt hơn 62,5 tỷ đồng.", ["fund"]),
    # parts of a total in parentheses take the total's kind
    ("Quỹ các cấp vận động được hơn 4,6 tỷ đồng (trong đó cấp huyện 1,8 tỷ đồng; cấp xã gần "
     "2,8 tỷ đồng).", ["fund", "fund", "fund"]),
    # a per-unit amount said earlier in its clause
    ("Các xã hỗ trợ 41 hộ nghèo với tổng kinh phí 2,05 tỷ đồng; mỗi hộ xây mới được hỗ trợ 60 "
     "triệu đồng.", ["support", "rate"]),
    # money raised stays funds when a next clause says what it paid for, or the aim is bare
    ("Quỹ “Vì người nghèo” các cấp vận động được 2 tỷ 300 triệu đồng, hỗ trợ xây mới 38 nhà Đại "
     "đoàn kết.", ["fund"]),
    ("Khối dân vận dự kiến vận động trên 3 tỷ đồng chăm lo Tết cho hộ nghèo.", ["fund"]),
    # "trị giá" only says an amount follows: the works valued decide (a bridge is investment) ...
    ("Đoàn thể vận động xây dựng 12 cây cầu bê tông nông thôn trị giá gần 1,6 tỷ đồng từ nguồn "
     "xã hội hóa.", ["investment"]),
    # ... and so does the verb before it (houses handed over are support)
    ("Mặt trận phối hợp các nhà hảo tâm bàn giao 18 căn nhà Đại đoàn kết, mỗi căn 50 triệu đồng, "
     "tổng trị giá 900 triệu đồng.", ["rate", "support"]),
    # money paid out for infrastructure works is investment; allocated to people, support
    ("Nguồn vốn Chương trình đã giải ngân 12,4 tỷ đồng cho các công trình hạ tầng thiết yếu.",
     ["investment"]),
    ("Ban Vận động cứu trợ đã phân bổ 280,5 tỷ đồng hỗ trợ Nhân dân khắc phục thiệt hại.",
     ["support"]),
    # a loan disbursed is not support spending
    ("Hội Nông dân phối hợp với Ngân hàng Chính sách xã hội giải ngân 930 triệu đồng vốn vay ưu "
     "đãi cho 27 hộ hội viên.", ["other"]),
    # hard-wrapped lines: the clause runs over the wrap ("hơn⏎2,1 tỷ", "bám⏎biển 260 triệu")
    ("Nhân dân các tổ dân phố ven biển đóng góp hơn\n2,1 tỷ đồng xây dựng đô thị văn minh; Mặt trận"
     "\nvà các đoàn thể vận động hỗ trợ ngư dân bám\nbiển 260 triệu đồng.", ["fund", "support"]),
])
def test_money_kinds(sentence, kinds):
    assert [f.kind for f in find_money(page(f"Tiêu đề năm 2023\n\n{sentence}\n"))] == kinds
