"""Vietnamese number reading: '.' groups thousands and ',' marks decimals in prose, while
web widgets print en-US '331,618'. Shared by the money, count and counter extractors."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
"""A number as prose writes it: dot thousands with an optional decimal comma, or plain digits
with an optional single separator group."""

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}


def parse_prose_number(s: str, before_scale: bool = False) -> Decimal | None:
    """Read a number written in Vietnamese prose.

    Args:
        s: the digits as written, e.g. "178.500.000", "1,5", "2,083", "10.950".
        before_scale: the number is followed by a magnitude word (nghìn, triệu, tỷ). Then a
            comma with three digits is a decimal comma ("2,083 tỷ" = 2.083e9), while without a
            magnitude word it groups thousands ("1,250 suất quà").
    """
    s = s.strip()
    try:
        if "." in s and "," in s:
            dec = "," if s.rfind(",") > s.rfind(".") else "."
            grp = "." if dec == "," else ","
            return Decimal(s.replace(grp, "").replace(dec, "."))
        if "." in s:
            parts = s.split(".")
            if all(len(p) == 3 for p in parts[1:]):
                return Decimal(s.replace(".", ""))
            return Decimal(s) if len(parts) == 2 else None
        if "," in s:
            parts = s.split(",")
            if len(parts) > 2:
                return Decimal(s.replace(",", ""))
            if len(parts[1]) == 3 and not before_scale:
                return Decimal(s.replace(",", ""))
            return Decimal(s.replace(",", "."))
        return Decimal(s)
    except InvalidOperation:
        return None


def parse_counter(s: str) -> int | None:
    """A widget counter: every '.' or ',' groups thousands ("331,618", "112.480")."""
    digits = re.sub(r"[.,\s]", "", s)
    return int(digits) if digits.isdigit() else None


def roman_or_int(s: str) -> int | None:
    s = s.strip().lower()
    if s.isdigit():
        return int(s)
    return _ROMAN.get(s)
