"""Who and when a brief is about: a locality is (province, unit type, name), a period is a
quarter, a half-year, nine months or a year. Both give the words a title uses, the matching key
that groups report pages, and the unique file slug of a brief.

Two districts called "Châu Thành" (Bến Tre, Tiền Giang) are two localities; a locality whose
province the page does not decide is its own locality too ("tỉnh chưa xác định"), never merged
into a same-name locality of a known province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from .formats import period_vi
from .text.keys import match_key, slugify

UNKNOWN_PROVINCE = "tỉnh chưa xác định"
LEVELS_VI = {"province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã"}
UNKNOWN_PROVINCE_SLUG = "chua-xac-dinh"
# Centrally governed cities are "thành phố X", every other province "tỉnh X".
_CENTRAL_CITIES = {match_key(n) for n in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng",
                                           "Cần Thơ", "Huế")}


def _text(v) -> str | None:
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) or not str(v).strip() \
        else " ".join(str(v).split())


def _key(v: str | None) -> str:
    return match_key(v) if v else ""


def province_words(province: str | None) -> str:
    """'tỉnh Bến Tre', 'thành phố Đà Nẵng', or 'tỉnh chưa xác định'."""
    if not province:
        return UNKNOWN_PROVINCE
    return f"{'thành phố' if match_key(province) in _CENTRAL_CITIES else 'tỉnh'} {province}"


def province_slug(province: str | None) -> str:
    return slugify(province) if province else UNKNOWN_PROVINCE_SLUG


class Locality(NamedTuple):
    """A reporting locality as the tables spell it; compare with :attr:`key`."""

    province: str | None
    unit_type: str | None
    name: str

    @classmethod
    def of(cls, province, unit_type, name) -> "Locality":
        name = _text(name)
        if name is None:
            raise ValueError("a locality needs a name")
        unit_type = _text(unit_type)      # a unit word is lower case in running text
        return cls(_text(province), unit_type.lower() if unit_type else None, name)

    @property
    def key(self) -> tuple[str, str, str]:
        """Matching key: tone style, case and spacing unified in each part."""
        return _key(self.province), _key(self.unit_type), _key(self.name)

    @property
    def short(self) -> str:
        """'huyện Châu Thành' (the name alone when the unit type is unknown)."""
        return f"{self.unit_type} {self.name}" if self.unit_type else self.name

    @property
    def title(self) -> str:
        """'huyện Châu Thành, tỉnh Bến Tre'; a province-level report is just 'tỉnh Yên Bái'."""
        if self.province and _key(self.province) == _key(self.name) and (
                _key(self.unit_type) in ("", "tỉnh", "thành phố")):
            return province_words(self.province)
        return f"{self.short}, {province_words(self.province)}"

    @property
    def level(self) -> str:
        """'province', 'district' (huyện, thị xã, quận, thành phố thuộc tỉnh) or 'commune'
        (xã, phường, thị trấn): figures are compared and added only within one level, since
        a district's report already covers its communes."""
        t = _key(self.unit_type)
        if t == "tỉnh" or (t in ("", "thành phố") and self.province
                           and _key(self.province) == _key(self.name)):
            return "province"
        return "commune" if t in ("xã", "phường", "thị trấn") else "district"

    @property
    def slug(self) -> str:
        """'ben-tre/huyen-chau-thanh': unique for (province, unit type, name)."""
        return f"{province_slug(self.province)}/{slugify(self.short)}"


PERIOD_KINDS = ("quarter", "half_year", "nine_months", "year")
_LABEL = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|9M))?$")


@dataclass(frozen=True)
class Period:
    """A reporting period: ``kind`` in :data:`PERIOD_KINDS`; ``n`` is the quarter or half."""

    year: int
    kind: str
    n: int | None = None

    @classmethod
    def parse(cls, label: str) -> "Period":
        """'2021-Q1', '2021-H2', '2021-9M' or '2021'."""
        m = _LABEL.match(str(label).strip().upper())
        if not m:
            raise ValueError(f"not a period label: {label!r} (expected 2021-Q1, 2021-H1, "
                             "2021-9M or 2021)")
        year, part = int(m.group(1)), m.group(2)
        if part is None:
            return cls(year, "year")
        if part == "9M":
            return cls(year, "nine_months")
        return cls(year, "quarter" if part[0] == "Q" else "half_year", int(part[1]))

    @classmethod
    def of_report(cls, row) -> "Period | None":
        """The period of a ``reports`` row, or None when it is not one a brief is made for."""
        kind, year = row["period_type"], row["year"]
        if kind not in PERIOD_KINDS or pd.isna(year):
            return None
        n = row["quarter"] if kind == "quarter" else row["half"] if kind == "half_year" else None
        if kind in ("quarter", "half_year") and pd.isna(n):
            return None
        return cls(int(year), kind, None if n is None else int(n))

    @property
    def label(self) -> str:
        suffix = {"quarter": f"-Q{self.n}", "half_year": f"-H{self.n}", "nine_months": "-9M",
                  "year": ""}[self.kind]
        return f"{self.year}{suffix}"

    @property
    def vi(self) -> str:
        """'quý I/2021', '6 tháng đầu năm 2021', '9 tháng năm 2021', 'năm 2021'."""
        return period_vi(self.kind, self.year, self.n if self.kind == "quarter" else None,
                         self.n if self.kind == "half_year" else None)

    @property
    def end_month(self) -> int:
        """Months since year 0 at the period's end, to order periods of different kinds."""
        last = {"quarter": 3 * (self.n or 0), "half_year": 6 * (self.n or 0), "nine_months": 9,
                "year": 12}[self.kind]
        return self.year * 12 + last

    @property
    def sort_key(self) -> tuple[int, int]:
        """Chronological: by end month, the shorter period first."""
        span = {"quarter": 3, "half_year": 6, "nine_months": 9, "year": 12}[self.kind]
        return self.end_month, span

    def previous(self) -> "Period | None":
        """The period just before, of the same kind (none for nine months and years, whose
        only comparison is the same period a year earlier)."""
        if self.kind == "quarter":
            return Period(self.year, "quarter", self.n - 1) if self.n > 1 else \
                Period(self.year - 1, "quarter", 4)
        if self.kind == "half_year":
            return Period(self.year, "half_year", 1) if self.n == 2 else \
                Period(self.year - 1, "half_year", 2)
        return None

    def year_ago(self) -> "Period":
        return Period(self.year - 1, self.kind, self.n)

    @property
    def previous_words(self) -> str:
        return "quý trước" if self.kind == "quarter" else "kỳ trước"

    @property
    def year_ago_words(self) -> str:
        return "năm trước" if self.kind == "year" else "cùng kỳ năm trước"
