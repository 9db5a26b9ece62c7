"""Reporting periods: a quarter, the first half-year, the first nine months or a year, with
the period the page's task list targets and the words pages use for both."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .data import prose, weighted
from .words import ROMAN, month_end


@dataclass(frozen=True)
class Period:
    kind: str            # "quarter", "half_year", "nine_months", "year"
    year: int
    quarter: int | None = None

    @property
    def end(self) -> dt.date:
        month = {"quarter": 3 * (self.quarter or 0), "half_year": 6, "nine_months": 9,
                 "year": 12}[self.kind]
        return month_end(self.year, month)

    @property
    def season(self) -> int:
        """The calendar quarter the period ends in (occasions, seasonal sentences)."""
        return (self.end.month - 1) // 3 + 1

    @property
    def suffix(self) -> str:
        """File-name part: 'q3', 'h1', '9m', 'year'."""
        return {"quarter": f"q{self.quarter}", "half_year": "h1", "nine_months": "9m",
                "year": "year"}[self.kind]

    @property
    def gold(self) -> dict:
        return {"period_type": self.kind, "year": self.year, "quarter": self.quarter,
                "half": 1 if self.kind == "half_year" else None}

    @property
    def target(self) -> dict:
        """The period of the next-period task list, in the gold's ``tasks`` fields."""
        y = self.year
        if self.kind == "quarter":
            ty, tq = (y, self.quarter + 1) if self.quarter < 4 else (y + 1, 1)
            return {"target_period_type": "quarter", "target_year": ty, "target_quarter": tq,
                    "target_half": None}
        if self.kind == "half_year":
            return {"target_period_type": "half_year", "target_year": y, "target_quarter": None,
                    "target_half": 2}
        if self.kind == "nine_months":
            return {"target_period_type": "quarter", "target_year": y, "target_quarter": 4,
                    "target_half": None}
        return {"target_period_type": "year", "target_year": y + 1, "target_quarter": None,
                "target_half": None}

    @property
    def target_season(self) -> int:
        """The calendar quarter the task list starts in."""
        t = self.target
        return t["target_quarter"] or (3 if t["target_half"] == 2 else 1)

    def fmt(self) -> dict[str, object]:
        y = self.year
        return {"R": ROMAN[self.quarter or self.season], "n": self.quarter or self.season, "y": y}

    def title_phrase(self, rng: random.Random) -> str:
        """'quý III năm 2020', 'Quý 3-2020', '6 tháng đầu năm 2021', 'năm 2021' ..."""
        return weighted(rng, prose("title_periods")[self.kind]).format(**self.fmt())

    def body_phrase(self, rng: random.Random) -> str:
        return rng.choice(prose("body_periods")[self.kind]).format(**self.fmt())

    def short(self) -> str:
        """'quý III', '6 tháng đầu năm', '9 tháng', 'năm 2021'."""
        return {"quarter": f"quý {ROMAN[self.quarter or 0]}", "half_year": "6 tháng đầu năm",
                "nine_months": "9 tháng", "year": f"năm {self.year}"}[self.kind]

    def next_phrase(self, slash: bool) -> str:
        """The target period as a title names it."""
        t = self.target
        ty = t["target_year"]
        if t["target_period_type"] == "quarter":
            r = ROMAN[t["target_quarter"]]
            return f"quý {r}/{ty}" if slash else f"quý {r} năm {ty}"
        if t["target_period_type"] == "half_year":
            return f"6 tháng cuối năm {ty}"
        return f"năm {ty}"

    def both_phrase(self) -> str:
        """'quý I và nhiệm vụ trọng tâm quý II năm 2021', '6 tháng đầu năm và ... năm 2021'."""
        if self.kind == "quarter" and self.quarter < 4:
            return (f"quý {ROMAN[self.quarter]} và nhiệm vụ trọng tâm quý "
                    f"{ROMAN[self.quarter + 1]} năm {self.year}")
        if self.kind == "quarter":
            return f"quý IV năm {self.year} và nhiệm vụ trọng tâm quý I năm {self.year + 1}"
        if self.kind == "half_year":
            return f"6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm {self.year}"
        if self.kind == "nine_months":
            return f"9 tháng đầu năm và nhiệm vụ quý IV năm {self.year}"
        return f"năm {self.year} và phương hướng, nhiệm vụ năm {self.year + 1}"

    def plan_heading(self, rng: random.Random) -> str:
        t = self.target
        ty = t["target_year"]
        r = ROMAN[t["target_quarter"] or 0]
        return rng.choice(prose("plan_headings")[t["target_period_type"]]).replace(
            "{R}", r).replace("{y}", str(ty))
