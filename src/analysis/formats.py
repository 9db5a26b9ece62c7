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
