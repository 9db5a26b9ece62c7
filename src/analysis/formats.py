"""How numbers print in briefs: prose uses '.' for thousands and ',' for decimals
("178.000.000 đồng", "1,5 tỷ đồng"), while visit counters print as the widget does ("331,618")."""

from __future__ import annotations

import math


def vn_int(n: int | float | None) -> str:
    """12500 -> '12.500'."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    return f"{int(n):,}".replace(",", ".")


def vnd(n: int | float | None) -> str:
    """178000000 -> '178.000.000 đồng'."""
    return "–" if n is None or (isinstance(n, float) and math.isnan(n)) else f"{vn_int(n)} đồng"


def vnd_short(n: int | float | None) -> str:
    """Amounts in words of magnitude: 178000000 -> '178 triệu đồng', 1.5e9 -> '1,5 tỷ đồng'."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    for scale, word in ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn")):
        if abs(n) >= scale:
            v = n / scale
            s = f"{v:.3f}".rstrip("0").rstrip(".")
            whole, _, frac = s.partition(".")
            return f"{vn_int(int(whole))}{',' + frac if frac else ''} {word} đồng"
    return vnd(n)


def counter(n: int | float | None) -> str:
    """A widget counter as the portal prints it: 331618 -> '331,618'."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    return f"{int(n):,}"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_vi(quarter: int, year: int, capital: bool = False) -> str:
    """A quarter as Vietnamese reports write it: (1, 2021) -> 'quý I/2021' ('Quý I/2021')."""
    return f"{'Quý' if capital else 'quý'} {_ROMAN.get(int(quarter), quarter)}/{int(year)}"


def period_vi(period_type: str, year, quarter=None, half=None) -> str:
    """A period in words: 'quý II/2021', '6 tháng cuối năm 2021', '9 tháng năm 2021', 'năm 2022'."""
    if period_type == "quarter" and quarter == quarter and quarter is not None:
        return quarter_vi(quarter, year)
    y = f" {int(year)}" if year == year and year is not None else ""
    if period_type == "half_year":
        return f"6 tháng {'đầu' if half == 1 else 'cuối'} năm{y}"
    if period_type == "nine_months":
        return f"9 tháng năm{y}"
    if period_type == "year":
        return f"năm{y}".strip()
    return "kỳ tới"


def percent(ratio: float) -> str:
    """A ratio as a Vietnamese percentage (babel, locale vi): 0.123 -> '12%', 0.005 -> '0,5%'."""
    from babel.numbers import format_percent
    return format_percent(ratio, format="#,##0%" if abs(ratio) >= 0.1 else "#,##0.#%",
                          locale="vi")
