"""Money facts: one test per form (FORMS.md §3, DOMAIN.md §3)."""

import pytest

from analysis.extract.money import find_money
from tests.conftest import make_page


def money(body):
    return [(f.amount_vnd, f.raw, f.kind, f.qualifier) for f in find_money(make_page(body))]


@pytest.mark.parametrize("text, amount, raw", [
    ("chúc tết các đơn vị với tổng số tiền 178 triệu đồng.", 178_000_000, "178 triệu đồng"),
    ("tặng quà trị giá 1,5 tỷ đồng.", 1_500_000_000, "1,5 tỷ đồng"),
    ("hỗ trợ 2,083 tỷ đồng cho hộ nghèo.", 2_083_000_000, "2,083 tỷ đồng"),      # 3-digit decimal
    ("đầu tư 10.950 tỷ đồng cho hạ tầng.", 10_950_000_000_000, "10.950 tỷ đồng"),  # dot thousands
    ("tặng 510 suất quà trị giá 178.500.000 đồng.", 178_500_000, "178.500.000 đồng"),
    ("vận động được 2 tỷ 300 triệu đồng.", 2_300_000_000, "2 tỷ 300 triệu đồng"),  # compound
    ("hỗ trợ 50 nghìn đồng mỗi hộ.", 50_000, "50 nghìn đồng"),
    ("hỗ trợ 500 ngàn đồng.", 500_000, "500 ngàn đồng"),
    ("tặng quà trị giá 200.000 VNĐ.", 200_000, "200.000 VNĐ"),
    ("tặng quà trị giá 500.000đ.", 500_000, "500.000đ"),
    ("ủng hộ 2,3 tỉ đồng.", 2_300_000_000, "2,3 tỉ đồng"),
])
def test_forms(text, amount, raw):
    assert [(a, r) for a, r, _, _ in money(text)] == [(amount, raw)]


@pytest.mark.parametrize("qualifier", ["gần", "hơn", "trên", "ước đạt"])
def test_qualifiers(qualifier):
    [(amount, raw, _, q)] = money(f"Quỹ vắc-xin tiếp nhận {qualifier} 260 triệu đồng.")
    assert (amount, raw, q) == (260_000_000, f"{qualifier} 260 triệu đồng", qualifier)


@pytest.mark.parametrize("text, amount, per", [
    ("tặng 510 suất quà, mức 350.000 đồng/suất.", 350_000, "suất"),
    ("thu nhập bình quân 45 triệu đồng/ người/ năm.", 45_000_000, "người/ năm"),
    ("tặng 16 suất quà, mỗi suất 2 triệu đồng, tổng trị giá 32 triệu đồng.", 2_000_000, "suất"),
])
def test_rates(text, amount, per):
    facts = find_money(make_page(text))
    rate = [f for f in facts if f.kind == "rate"]
    assert [(f.amount_vnd, f.per_unit) for f in rate] == [(amount, per)]


def test_vague_amount_has_no_value():
    assert money("Nhân dân đóng góp hàng tỷ đồng làm đường.") == [
        (None, "hàng tỷ đồng", "fund", None)]


def test_total_with_parts_in_parentheses_are_separate_facts():
    found = money("Ban Dân vận huy động gần 1,2 tỷ đồng (ngân sách huyện 420 triệu đồng; các "
                  "doanh nghiệp, nhà hảo tâm ủng hộ 765 triệu đồng) để chăm lo Tết cho hộ nghèo.")
    assert found == [(1_200_000_000, "gần 1,2 tỷ đồng", "support", "gần"),
                     (420_000_000, "420 triệu đồng", "budget", None),
                     (765_000_000, "765 triệu đồng", "fund", None)]


def test_headline_repeating_the_lead_is_one_fact():
    page = make_page("Các cấp huy động gần 1,2 tỷ đồng chăm lo Tết cho Nhân dân.",
                     title="Bảo Thắng: gần 1,2 tỷ đồng chăm lo Tết cho Nhân dân")
    facts = find_money(page)
    assert len(facts) == 1 and facts[0].start > page.title.end


def test_duplicated_paragraph_is_one_fact():
    p = "Hội Nông dân trao 120 suất quà trị giá 36 triệu đồng."
    assert len(money(f"{p}\n{p}")) == 1


@pytest.mark.parametrize("text", [
    "Thị xã huy động cán bộ của 14 ngành, đoàn thể tham gia.",     # "ngành" is not "ngàn"
    "Tỷ lệ cử tri đi bầu đạt 99,9%.",
    "Sửa chữa 4,5 km đường liên thôn.",
    "Phát 12.500 tờ rơi song ngữ.",
    "Thu hút 3 triệu lượt khách du lịch.",
])
def test_non_money(text):
    assert money(text) == []


@pytest.mark.parametrize("text, kind", [
    ("Quỹ phòng, chống dịch COVID-19 đã tiếp nhận hơn 45 triệu đồng.", "fund"),
    ("trao 120 suất quà cho trẻ em, tổng trị giá 36 triệu đồng.", "support"),
    ("thu ngân sách ước đạt 120 tỷ đồng, bằng 105% kế hoạch.", "budget"),
    ("tổng vốn đầu tư 15 tỷ đồng xây dựng trường học.", "investment"),
])
def test_kinds(text, kind):
    assert money(text)[0][2] == kind
