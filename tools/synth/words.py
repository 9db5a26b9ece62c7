"""Small text helpers: numbers, money and dates as Vietnamese pages write them, slugs."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

from .data import site

ROMAN = ("", "I", "II", "III", "IV")


def slug(text: str) -> str:
    """ASCII file-name slug: 'Châu Thành' -> 'chau-thanh'."""
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    kept = "".join(c if c.isascii() and c.isalnum() else " "
                   for c in base.lower() if not unicodedata.combining(c))
    return "-".join(kept.split())


def lunar(year: int) -> str:
    """The lunar year's name: 2021 -> 'Tân Sửu'."""
    return f"{site('stems')[(year - 4) % 10]} {site('branches')[(year - 4) % 12]}"


def dots(n: int) -> str:
    """Dot-grouped thousands: 1234567 -> '1.234.567'."""
    return f"{n:,}".replace(",", ".")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def old_tone(text: str) -> str:
    """Old-style tone placement ('Thị uỷ', 'hoà')."""
    for new, old in site("old_tone"):
        text = text.replace(new, old)
    return text


def date_text(d: dt.date, style: str) -> str:
    month_official = f"{d.month:02d}" if d.month < 3 else str(d.month)
    if style == "official":  # day padded, months 1-2 padded (NĐ 30/2020 header rule)
        return f"{d.day:02d}/{month_official}/{d.year}"
    if style == "padded":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dash":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "long":
        return f"{d.day:02d} tháng {month_official} năm {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def pct(num: int, den: int) -> str:
    value = round(100 * num / den, 1)
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def millions_text(m: int) -> str:
    """A whole number of millions as written: '420 triệu đồng', '1,2 tỷ đồng', '2 tỷ đồng'."""
    if m < 1000:
        return f"{m} triệu đồng"
    decimals = f"{m % 1000:03d}".rstrip("0")
    return f"{m // 1000},{decimals} tỷ đồng" if decimals else f"{m // 1000} tỷ đồng"


def exact_money(value: int) -> str:
    """An exact amount in VND as a page would write it."""
    if value % 10**6 == 0:
        return millions_text(value // 10**6)
    if value % 10**5 == 0 and value < 10**9:
        return f"{value // 10**6},{value % 10**6 // 10**5} triệu đồng"
    return f"{dots(value)} đồng"
