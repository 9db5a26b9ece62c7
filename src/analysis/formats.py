"""How numbers, amounts and dates print for a reader: Vietnamese conventions through babel
(locale ``vi``): '.' groups thousands, ',' marks decimals ("178.000.000 đồng", "1,5 tỷ đồng",
"12,5%", visit counters "1.178.756"). A figure the report does not state (None, NaN, pd.NA)
prints as "không nêu", never as 0. The portal's own text ("331,618") stays only in evidence
columns, which are printed as written, not through these functions."""

from __future__ import annotations

import datetime as dt
import functools
import math

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi"
NOT_STATED = "không nêu"
MINUS = "−"                     # U+2212, the sign a reader sees in "−12%"
_SCALES = ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"))


def missing(x) -> bool:
    """True for None, NaN, NaT and pd.NA: a figure that is not stated."""
    if x is None:
        return True
    try:
        return bool(x != x)     # NaN, NaT and pd.NA are not equal to themselves
    except TypeError:           # pd.NA: its truth value is ambiguous
        return True


def number(x: int | float | None, decimals: int = 2) -> str:
    """A number for a reader: 1178756 -> '1.178.756', 1.5 -> '1,5' (up to ``decimals``)."""
    if missing(x):
        return NOT_STATED
    return _number(x, decimals)


@functools.lru_cache(maxsize=8192, typed=True)
def _number(x, decimals: int) -> str:
    """babel's formatting, remembered: a chart's tick formatter asks for the same few values
    hundreds of times while the labels are laid out."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    text = format_decimal(x, format=pattern, locale=LOCALE)
    return "0" if text in ("-0", MINUS + "0") else text.replace("-", MINUS)


def vn_int(n: int | float | None) -> str:
    """12500 -> '12.500'."""
    return NOT_STATED if missing(n) else number(round(n), 0)


def counter(n: int | float | None) -> str:
    """A visit counter for a reader: 331618 -> '331.618' (the portal wrote '331,618')."""
    return vn_int(n)


def _qualified(text: str, qualifier: str | None) -> str:
    return f"{qualifier} {text}" if qualifier and text != NOT_STATED else text


def vnd(n: int | float | None, qualifier: str | None = None) -> str:
    """178000000 -> '178.000.000 đồng'; with qualifier 'hơn' -> 'hơn 178.000.000 đồng'."""
    return NOT_STATED if missing(n) else _qualified(f"{vn_int(n)} đồng", qualifier)


def scaled(n: int | float, decimals: int = 2) -> tuple[str, str]:
    """An amount in words of magnitude, as (number, word): 1.5e9 -> ('1,5', 'tỷ'). Two decimals at
    most, so a short amount never looks like comma thousands ("1,501 tỷ"); exact figures are
    written out in full (:func:`vnd`)."""
    for i, (scale, word) in enumerate(_SCALES):
        if abs(n) >= scale:
            v = round(n / scale, decimals)
            if i and abs(v) >= 1000:              # 999.999.999 rounds to 1 tỷ, not 1.000 triệu
                return number(v / 1000, decimals), _SCALES[i - 1][1]
            return number(v, decimals), word
    return vn_int(n), ""


def vnd_short(n: int | float | None, qualifier: str | None = None) -> str:
    """Amounts in words of magnitude: 178000000 -> '178 triệu đồng', 1.5e9 -> '1,5 tỷ đồng',
    (106000000, 'hơn') -> 'hơn 106 triệu đồng', None -> 'không nêu'."""
    if missing(n):
        return NOT_STATED
    value, word = scaled(n)
    return _qualified(f"{value} {word} đồng".replace("  ", " "), qualifier)


def percent(ratio: float | None, decimals: int = 1) -> str:
    """0.123 -> '12,3%', 0.5 -> '50%' (``decimals=0`` for a sentence: '12%')."""
    if missing(ratio) or (isinstance(ratio, float) and math.isinf(ratio)):
        return NOT_STATED
    return f"{number(ratio * 100, decimals)}%"


def _signed(x, text: str) -> str:
    return text if x == 0 or text.startswith(MINUS) else "+" + text


def signed_number(x: int | float | None, decimals: int = 0) -> str:
    """A change in a count: 12 -> '+12', -1500 -> '−1.500', 0 -> '0'."""
    return NOT_STATED if missing(x) else _signed(x, number(x, decimals))


def signed_percent(ratio: float | None, decimals: int = 1) -> str:
    """A relative change: 0.12 -> '+12%', -0.305 -> '−30,5%'."""
    text = percent(ratio, decimals)
    return text if text == NOT_STATED else _signed(ratio, text)


def signed_vnd_short(n: int | float | None) -> str:
    """A change in money: 30e6 -> '+30 triệu đồng', -1.5e9 -> '−1,5 tỷ đồng'."""
    return NOT_STATED if missing(n) else _signed(n, vnd_short(n))


def date_vi(d: dt.date | dt.datetime | None, long: bool = False) -> str:
    """20/01/2021, or with ``long`` 'ngày 20 tháng 01 năm 2021' as official documents write it."""
    if missing(d):
        return NOT_STATED
    if hasattr(d, "to_pydatetime"):
        d = d.to_pydatetime()
    pattern = "'ngày' dd 'tháng' MM 'năm' yyyy" if long else "dd/MM/yyyy"
    return format_date(d, pattern, locale=LOCALE)


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_vi(quarter: int, year: int, capital: bool = False) -> str:
    """A quarter as Vietnamese reports write it: (1, 2021) -> 'quý I/2021' ('Quý I/2021')."""
    return f"{'Quý' if capital else 'quý'} {_ROMAN.get(int(quarter), quarter)}/{int(year)}"


def period_vi(period_type: str, year, quarter=None, half=None) -> str:
    """A period in words: 'quý II/2021', '6 tháng cuối năm 2021', '9 tháng năm 2021', 'năm 2022'."""
    if period_type == "quarter" and not missing(quarter):
        return quarter_vi(quarter, year)
    y = "" if missing(year) else f" {int(year)}"
    if period_type == "half_year":
        return f"6 tháng {'đầu' if half == 1 else 'cuối'} năm{y}"
    if period_type == "nine_months":
        return f"9 tháng năm{y}"
    if period_type == "year":
        return f"năm{y}".strip()
    return "kỳ tới"
