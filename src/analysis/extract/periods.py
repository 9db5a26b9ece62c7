"""Periods: the quarter, half-year, nine months, year or month a page reports on, and the
period its next-period tasks are for.

Matching runs on the page key (tone style and case unified), so "Quý", "quí" and "qúy" all
read as quarters, while "Quý Mão" (a lunar year), "quý báu" and "Ô Quý Hồ" do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .numbers import roman_or_int

_YEAR = r"((?:19|20)\d{2})"
_QUARTER = re.compile(
    r"(?<![\w])(?:quý|quí|qúy)\s+(iv|iii|ii|i|[1-4])(?![\w])"
    r"(?:\s*(?:/|-|–|\.|,)?\s*(?:năm\s+)?" + _YEAR + r"(?!\d))?")
_QUARTER_MONTHS = re.compile(r"(?<![\w/])0?3\s+tháng\s+(đầu|cuối)\s+năm(?:\s+" + _YEAR + r")?")
_HALF = re.compile(r"(?<![\w/])0?6\s+tháng\s+(đầu|cuối)(?:\s+năm)?(?:\s*" + _YEAR + r")?")
_HALF_PLAIN = re.compile(r"(?<![\w/])0?6\s+tháng\s+năm\s+" + _YEAR)
# Other runs of months from the start or the end of a year: "5 tháng đầu năm 2021" (January to
# May), "4 tháng cuối năm" (FORMS §2); 3, 6 and 9 months are the calendar periods above.
_MONTHS_RUN = re.compile(r"(?<![\w/])(0?[124578]|1[01])\s+tháng\s+(đầu|cuối)(?:\s+năm)?"
                         r"(?:\s*" + _YEAR + r")?")
# The rest of a year, as plans name it: "những tháng còn lại của năm 2021", "các tháng cuối năm".
_REST_OF_YEAR = re.compile(r"(?<![\w])(?:những|các)\s+tháng\s+(?:còn lại|cuối)(?:\s+của)?"
                           r"(?:\s+năm)?(?:\s*" + _YEAR + r")?")
_NINE = re.compile(r"(?<![\w/])0?9\s+tháng(?!\s*\d)(?:\s+đầu)?(?:\s+năm)?(?:\s*" + _YEAR + r")?")
_MONTH = re.compile(r"(?<![\w/])tháng\s+(0?[1-9]|1[0-2])\s*(?:/|năm|-)\s*" + _YEAR)
# Two or more months reported together: "tháng 7, tháng 8/2022", "tháng 7 và tháng 8 năm 2022",
# "tháng 7 - 8/2022".
_MONTHS_TOGETHER = re.compile(r"(?<![\w/])tháng\s+(0?[1-9]|1[0-2])\s*(?:,|và|-|–)\s*(?:tháng\s+)?"
                              r"(0?[1-9]|1[0-2])\s*(?:/|năm|-)\s*" + _YEAR)
_YEAR_WORD = re.compile(r"(?<![\w])năm\s+" + _YEAR + r"(?!\d)")
# A span of months: "từ tháng 10/2022 đến tháng 9/2023" (a fund year), "từ tháng 10 năm 2022 đến
# hết tháng 9 năm 2023".
_MONTH_YEAR = r"tháng\s+(0?[1-9]|1[0-2])\s*(?:/|-|\s+năm\s+)\s*" + _YEAR
_SPAN = re.compile(r"(?<![\w])từ\s+" + _MONTH_YEAR + r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?" + _MONTH_YEAR)
# The year on the end month only: "từ tháng 3 đến tháng 8/2022".
_SPAN_ONE_YEAR = re.compile(r"(?<![\w])từ\s+tháng\s+(0?[1-9]|1[0-2])\s*(?:đến|tới|-|–)\s*(?:hết\s+)?"
                            + _MONTH_YEAR)
# A span of whole years: "giai đoạn 2021 - 2023", "từ năm 2020 đến năm 2022", "3 năm (2021 -
# 2023)" (a term of office, "nhiệm kỳ 2020 - 2025", is no report's period).
YEAR_SPAN = re.compile(r"(?<![\w])(?:giai\s+đoạn|từ\s+năm|\d+\s+năm\s*\()\s*" + _YEAR
                       + r"\s*(?:-|–|đến(?:\s+năm)?)\s*" + _YEAR + r"(?!\d)")
# Words before a period that make it a passing mention or a deadline, not the period reported
# on: "từ tháng 01/2021", "giữa tháng 10/2022", "trước quý II/2023"; and a date of issue
# ("ngày 09 tháng 10 năm 2018") is no period at all.
_PASSING = re.compile(r"(?<![\w])(từ|kể từ|sau|trước|đến|đến hết|giữa|hết|tính đến)\s*$")
_IN_DATE = re.compile(r"(?<![\w])ngày\s*(?:\d{1,2}\s*)?$|tháng\s+\d{1,2}\s*$")
_PLAN_CONTEXT = re.compile(
    r"(nhiệm vụ|phương hướng|triển khai|kế hoạch|chương trình|mục tiêu|định hướng|chuẩn bị|"
    r"hoàn thành trong|bàn)[^.;:\n]{0,30}$")
_RANGE_CONTEXT = re.compile(r"(nhiệm kỳ|giai đoạn|khóa|đến|–|-)\s*$")


@dataclass(frozen=True)
class Period:
    """A period as (type, year, quarter, half, month); missing parts are None.

    ``start_month`` and ``end_month`` are the months a span covers when it is not a calendar
    quarter, half or year: a month report (its own month), a run of months ("5 tháng đầu năm
    2021": 2021-01 to 2021-05), a fund year ("từ tháng 10/2022 đến tháng 9/2023").
    """

    period_type: str = "other"
    year: int | None = None
    quarter: int | None = None
    half: int | None = None
    month: int | None = None
    start_month: str | None = None     # "YYYY-MM", for a span of months
    end_month: str | None = None
    run: tuple[int, bool] | None = field(default=None, compare=False, repr=False)  # months_run
    # "từ đầu năm đến nay": from January of ``year`` to the report's date, months unstated
    to_date: bool = field(default=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.period_type == "month" and self.year and self.month and not self.start_month:
            ym = f"{self.year}-{self.month:02d}"
            object.__setattr__(self, "start_month", ym)
            object.__setattr__(self, "end_month", ym)

    @property
    def months(self) -> int | None:
        """How many months a span of months covers."""
        if not (self.start_month and self.end_month):
            return None
        (y1, m1), (y2, m2) = (map(int, ym.split("-")) for ym in (self.start_month, self.end_month))
        return (y2 - y1) * 12 + m2 - m1 + 1

    @property
    def label(self) -> str | None:
        if self.year is None:
            return None
        return {"quarter": f"{self.year}-Q{self.quarter}", "half_year": f"{self.year}-H{self.half}",
                "nine_months": f"{self.year}-9M", "year": f"{self.year}",
                "month": f"{self.year}-{self.month:02d}" if self.month else None,
                }.get(self.period_type)

    def next(self) -> "Period":
        """The period that follows (the usual target of next-period tasks)."""
        y = self.year
        if self.period_type == "quarter" and self.quarter:
            q = self.quarter % 4 + 1
            return Period("quarter", y + 1 if y and q == 1 else y, quarter=q)
        if self.period_type == "half_year" and self.half:
            return (Period("half_year", y, half=2) if self.half == 1
                    else Period("year", y + 1 if y else None))
        if self.period_type == "nine_months":
            return Period("quarter", y, quarter=4)
        if self.period_type == "year":
            return Period("year", y + 1 if y else None)
        if self.period_type == "month" and self.month:
            m = self.month % 12 + 1
            return Period("month", y + 1 if y and m == 1 else y, month=m)
        if self.period_type == "other" and self.start_month and self.end_month:
            (y1, m1), (y2, m2) = (map(int, v.split("-")) for v in (self.start_month, self.end_month))
            if m1 == 1 and y1 == y2 and m2 < 12:   # "5 tháng đầu năm": the rest of the year
                return months_run(12 - m2, False, y2)
            # a fund year (10/2022-9/2023): the span of the same length that follows
            n = (y2 * 12 + m2) - (y1 * 12 + m1)
            a = y2 * 12 + m2   # months since year 0, 0-based, of the month after the span
            b = a + n
            return Period("other", b // 12, start_month=f"{a // 12}-{a % 12 + 1:02d}",
                          end_month=f"{b // 12}-{b % 12 + 1:02d}")
        if self.period_type == "other" and self.to_date and y:   # the rest of the same year
            return Period("other", y)
        return Period()


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: Period
    plan_context: bool


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def find_periods(key: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Period mentions in ``key[start:end]``, in text order, the most specific form winning."""
    end = len(key) if end is None else end
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, p: Period) -> None:
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        before = key[max(start, s - 60):s]
        if _IN_DATE.search(before[-12:]):
            return
        taken.append((s, e))
        found.append(PeriodMention(s, e, p, bool(_PLAN_CONTEXT.search(before)
                                                 or _PASSING.search(before[-15:]))))

    for m in _SPAN.finditer(key, start, end):
        add(m, _months_span(int(m.group(2)), int(m.group(1)), int(m.group(4)), int(m.group(3))))
    for m in _SPAN_ONE_YEAR.finditer(key, start, end):
        _add_months_of_year(m, add)

    for m in YEAR_SPAN.finditer(key, start, end):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y1 < y2:
            add(m, Period("other", y2, start_month=f"{y1}-01", end_month=f"{y2}-12"))

    for m in _QUARTER.finditer(key, start, end):
        add(m, Period("quarter", _int(m.group(2)), quarter=roman_or_int(m.group(1))))
    for m in _QUARTER_MONTHS.finditer(key, start, end):
        add(m, Period("quarter", _int(m.group(2)), quarter=1 if m.group(1) == "đầu" else 4))
    for m in _HALF.finditer(key, start, end):
        add(m, Period("half_year", _int(m.group(2)), half=1 if m.group(1) == "đầu" else 2))
    for m in _HALF_PLAIN.finditer(key, start, end):
        add(m, Period("half_year", _int(m.group(1)), half=1))
    for m in _REST_OF_YEAR.finditer(key, start, end):
        add(m, Period("other", _int(m.group(1))))
    for m in _MONTHS_RUN.finditer(key, start, end):
        add(m, months_run(int(m.group(1)), m.group(2) == "đầu", _int(m.group(3))))
    for m in _NINE.finditer(key, start, end):
        add(m, Period("nine_months", _int(m.group(1))))
    for m in _MONTHS_TOGETHER.finditer(key, start, end):
        _add_months_of_year(m, add)
    for m in _MONTH.finditer(key, start, end):
        add(m, Period("month", int(m.group(2)), month=int(m.group(1))))
    for m in _YEAR_WORD.finditer(key, start, end):
        if _RANGE_CONTEXT.search(key[max(start, m.start() - 12):m.start()]):
            continue
        add(m, Period("year", int(m.group(1))))
    found.sort(key=lambda pm: pm.start)
    return found


def months_run(n: int, first: bool, year: int | None) -> Period:
    """The first or last ``n`` months of ``year``: period 'other' with its start and end months
    (the months only when the year is known)."""
    if year is None:
        return Period("other", None, start_month=None, end_month=None, run=(n, first))
    a, b = (1, n) if first else (13 - n, 12)
    return Period("other", year, start_month=f"{year}-{a:02d}", end_month=f"{year}-{b:02d}")


def _months_span(y1: int, m1: int, y2: int, m2: int) -> Period:
    """The months from m1/y1 to m2/y2, a period of its own in the year it ends."""
    return Period("other", y2, start_month=f"{y1}-{m1:02d}", end_month=f"{y2}-{m2:02d}")


def _add_months_of_year(m: re.Match, add) -> None:
    """Months m1 to m2 of one year, as groups 1-3 give them ("từ tháng 3 đến tháng 8/2022",
    "tháng 7, tháng 8/2022")."""
    m1, m2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m1 < m2:
        add(m, _months_span(y, m1, y, m2))


def with_year(p: Period, year: int | None) -> Period:
    if p.year is not None or year is None:
        return p
    if p.run is not None:
        return months_run(*p.run, year)
    return replace(p, year=year)


# Campaign months of the mass organisations, with the months they run: a page whose title reports
# on one ("Tổng kết Tháng Thanh niên năm 2022") covers those months, not the whole year it names.
CAMPAIGN_MONTHS = {
    "tháng thanh niên": (3, 3),
    "tháng công nhân": (5, 5),
    "tháng nhân đạo": (5, 5),
    "tháng hành động vì trẻ em": (6, 6),
    "tháng dân vận": (9, 10),   # 15/9 to 15/10, around the mass-mobilisation day (15/10)
}
CAMPAIGN = re.compile(r"(?<!\w)(" + "|".join(CAMPAIGN_MONTHS) + r")(?!\w)")


def campaign_period(name: str, year: int | None, text: str) -> Period:
    """The period of campaign month ``name`` (a key of CAMPAIGN_MONTHS) in ``year``: its months
    when ``text`` states them ("trong tháng 3/2022", "(15/9 - 15/10/2023)"), else a period of
    its own in that year (the convention alone does not date the page's facts)."""
    a, b = CAMPAIGN_MONTHS[name]
    # a day's date of the span ("từ ngày 15/9 đến 15/10/2023"), not any date ("ngày 11/9/2023")
    stated = [rf"tháng\s*0?{a}(?!\d)"] if a == b else [
        rf"tháng\s*0?{a}(?!\d)|\d{{1,2}}/0?{a}(?![\d/])",
        rf"tháng\s*0?{b}(?!\d)|(?:đến|tới|-|–)\s*(?:ngày\s*)?\d{{1,2}}/0?{b}(?!\d)"]
    if not all(re.search(rx, text) for rx in stated):
        return Period("other", year)
    if a == b:
        return Period("month", year, month=a)
    if year is None:
        return Period("other", None)
    return Period("other", year, start_month=f"{year}-{a:02d}", end_month=f"{year}-{b:02d}")
