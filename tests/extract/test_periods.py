"""Periods reported on and planned (FORMS.md §2, DOMAIN.md §2.2)."""

import datetime as dt

import pytest

from analysis.extract import report_period
from analysis.extract.periods import Period, find_periods
from analysis.extract.tasks import find_tasks, plan_period
from analysis.text.keys import match_key
from tests.conftest import make_page


def period_of(title, body="Nội dung báo cáo.", published=None):
    p = report_period(make_page(body, title=title), published)
    return (p.period_type, p.year, p.quarter, p.half)


@pytest.mark.parametrize("title, want", [
    ("Kết quả công tác dân vận quý I năm 2021", ("quarter", 2021, 1, None)),
    ("Kết quả công tác dân vận Quý II/2021", ("quarter", 2021, 2, None)),
    ("Kết quả công tác dân vận quý 3 năm 2022", ("quarter", 2022, 3, None)),
    ("Kết quả công tác dân vận QUÝ III - 2020", ("quarter", 2020, 3, None)),
    ("Kết quả công tác dân vận quý IV.2022", ("quarter", 2022, 4, None)),
    ("Kết quả công tác dân vận quí II năm 2021", ("quarter", 2021, 2, None)),
    ("Kết quả công tác dân vận qúy II năm 2021", ("quarter", 2021, 2, None)),
    ("Sơ kết công tác dân vận 6 tháng đầu năm 2021", ("half_year", 2021, None, 1)),
    ("Sơ kết công tác dân vận 06 tháng cuối năm 2021", ("half_year", 2021, None, 2)),
    ("Sơ kết công tác dân vận 9 tháng năm 2021", ("nine_months", 2021, None, None)),
    ("Tổng kết công tác dân vận năm 2021, triển khai nhiệm vụ năm 2022", ("year", 2021, None, None)),
    ("Kết quả quý III/2021, nhiệm vụ quý IV/2021", ("quarter", 2021, 3, None)),
])
def test_report_period_forms(title, want):
    assert period_of(title) == want


def test_quarter_without_year_takes_it_from_the_page():
    assert period_of("Kết quả công tác dân vận quý II", "Quý II năm 2021, huyện tổ chức bầu cử.") \
        == ("quarter", 2021, 2, None)
    assert period_of("Kết quả công tác dân vận quý IV", "Nội dung.",
                     published=dt.date(2022, 1, 10)) == ("quarter", 2021, 4, None)


@pytest.mark.parametrize("text", ["Tết Quý Mão 2023", "những kinh nghiệm quý báu",
                                  "phường Ô Quý Hồ", "đồng chí Cao Bá Quý"])
def test_quy_that_is_not_a_quarter(text):
    assert [m for m in find_periods(match_key(text)) if m.period.period_type == "quarter"] == []


def test_plan_period_is_told_apart_and_tasks_counted():
    page = make_page("Quý I năm 2021, tình hình ổn định.\n"
                     "Với kết quả quý I/2021, Ban Dân vận xác định nhiệm vụ trọng tâm quý II/2021:\n"
                     "- Nắm chắc tình hình Nhân dân.\n- Tổ chức hội nghị.\n"
                     "- Công tác dân tộc: tiếp tục theo dõi.")
    reported = report_period(page, None)
    assert (reported.quarter, reported.year) == (1, 2021)
    assert plan_period(page, reported) == Period("quarter", 2021, quarter=2)
    tasks = find_tasks(page)
    assert [t.heading for t in tasks] == [None, None, "Công tác dân tộc"]
    assert page.section_at(page.text.index("Nắm chắc")) == "plans"
    assert page.section_at(page.text.index("tình hình ổn định")) == "results"


@pytest.mark.parametrize("heading, want", [
    ("Nhiệm vụ 3 tháng cuối năm 2021, khối dân vận tập trung:", Period("quarter", 2021, quarter=4)),
    ("Phương hướng, nhiệm vụ 6 tháng cuối năm 2021", Period("half_year", 2021, half=2)),
    ("Phương hướng, nhiệm vụ năm 2022", Period("year", 2022)),
    ("Nhiệm vụ trọng tâm quí IV", Period("quarter", 2021, quarter=4)),
])
def test_plan_period_forms(heading, want):
    page = make_page(f"Quý III năm 2021, tình hình ổn định.\n{heading}\n- Việc một.",
                     title="Kết quả công tác dân vận quý III năm 2021")
    got = plan_period(page, report_period(page, None))
    assert got == want


def test_hard_wrapped_task_item_is_one_item():
    page = make_page("Quý I năm 2021, tình hình ổn định.\nNHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2021\n"
                     "- Nắm chắc tình hình Nhân dân.\n- Tiếp tục triển khai Kết luận số 07-\n"
                     "KL/TW ngày 20-6-2011 của Ban Bí thư.\n- Tổ chức hội nghị.")
    tasks = find_tasks(page)
    assert len(tasks) == 3 and "KL/TW ngày 20-6-2011" in tasks[1].text


@pytest.mark.parametrize("title, want", [
    ("BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN THÁNG 01 NĂM 2021", ("month", 2021, 1)),
    ("Kết quả công tác dân vận tháng 3/2022", ("month", 2022, 3)),
])
def test_month_periods(title, want):
    p = report_period(make_page("Nội dung báo cáo.", title=title), None)
    assert (p.period_type, p.year, p.month) == want and p.label == f"{want[1]}-{want[2]:02d}"


@pytest.mark.parametrize("title, year", [
    ("Sơ kết công tác dân vận 5 tháng đầu năm 2024", 2024),
    ("Sơ kết 3 năm thực hiện Chỉ thị số 49-CT/TW", None),
    ("Kết quả công tác dân vận từ đầu năm đến nay", None),
    ("Hưởng ứng Tháng Dân vận năm 2022", 2022),
    ("Tổng kết công tác dân vận giai đoạn 2016-2020", 2020),
])
def test_non_calendar_spans_are_other(title, year):
    p = report_period(make_page("Nội dung báo cáo.", title=title), None)
    assert (p.period_type, p.year) == ("other", year)


def test_a_span_of_years_in_the_title_gives_its_months_but_not_in_the_lead():
    """A title's "giai đoạn 2021 - 2023" is the report's span; in the lead the same words say
    what a directive covers ("Chỉ thị ... giai đoạn 2018 - 2021")."""
    title = report_period(make_page("Nội dung báo cáo.", title="Bảo Lộc: 3 năm thực hiện phong "
                                    "trào “Dân vận khéo” giai đoạn 2021 - 2023"), None)
    assert (title.year, title.start_month, title.end_month) == (2023, "2021-01", "2023-12")
    lead = report_period(make_page("Sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TU về công tác dân "
                                   "vận vùng đồng bào giai đoạn 2018 - 2021.",
                                   title="Thanh Sơn: Sơ kết 3 năm thực hiện Chỉ thị số 05-CT/TU"),
                         None)
    assert lead.start_month is None
