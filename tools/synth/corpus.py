"""Whole corpora: localities × periods, each page written with its gold file beside it."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from pathlib import Path

from .gold import gold_json
from .layout import assemble
from .localities import Locality, all_localities, provinces
from .page import Page
from .periods import Period


def _shared_names(pool: list[Locality]) -> set[str]:
    """Names borne by two localities of the pool (their pages always name the province)."""
    counts = Counter(loc.name for loc in pool)
    return {name for name, n in counts.items() if n > 1}


def render_page(seed: int, loc: Locality, period: Period,
                shared_name: bool = False) -> tuple[str, bytes, bytes]:
    """One page of the corpus: (file name, page bytes, gold JSON bytes)."""
    page = Page(seed, loc, period, shared_name)
    text, meta = assemble(page)
    if page.nfd:
        page.notes.append("The page bytes are UTF-8 in NFD (decomposed) form")
        text = unicodedata.normalize("NFD", text)
    name = f"{loc.slug}-{period.year}-{period.suffix}.{'html' if page.html else 'txt'}"
    return name, text.encode("utf-8"), gold_json(page, name, meta).encode("utf-8")


def _quarters(quarters: int, start_year: int) -> list[Period]:
    return [Period("quarter", start_year + i // 4, i % 4 + 1) for i in range(quarters)]


def _write(out: Path, seed: int, jobs: list[tuple[Locality, Period]], shared: set[str]) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for loc, period in jobs:
        name, page, gold = render_page(seed, loc, period, loc.name in shared)
        path = out / name
        path.write_bytes(page)
        path.with_name(f"{path.stem}.gold.json").write_bytes(gold)
        paths.append(path)
    return paths


def generate_corpus(out: Path, localities: int, quarters: int, seed: int,
                    start_year: int = 2020) -> list[Path]:
    """Write ``localities`` × ``quarters`` quarterly report pages, each with its gold file.

    Args:
        out: Folder to write into (created if missing).
        localities: Number of localities, at most ``len(all_localities(seed))`` (over 200);
            the first two are huyện Châu Thành of Bến Tre and of Tiền Giang.
        quarters: Number of consecutive quarters, starting with Q1 of ``start_year``.
        seed: The same seed gives byte-identical files; a smaller ``localities`` or
            ``quarters`` gives a subset of the same pages.
        start_year: Year of the first quarter.

    Returns:
        The page paths (``<slug>-<year>-q<q>.txt`` or ``.html``), locality by locality,
        quarter by quarter. ``<slug>-<year>-q<q>.gold.json`` sits beside each.
    """
    pool = all_localities(seed)
    if not 0 < localities <= len(pool):
        raise ValueError(f"localities must be between 1 and {len(pool)}, got {localities}")
    if quarters < 1:
        raise ValueError(f"quarters must be at least 1, got {quarters}")
    chosen = pool[:localities]
    jobs = [(loc, p) for loc in chosen for p in _quarters(quarters, start_year)]
    return _write(out, seed, jobs, _shared_names(chosen))


def generate_provinces(out: Path, n_provinces: int, localities: int, quarters: int, seed: int,
                       start_year: int = 2020) -> list[Path]:
    """A multi-province, multi-quarter corpus: ``localities`` per province over ``quarters``
    quarters, plus some half-year, nine-month and year reviews.

    The first two provinces are Bến Tre and Tiền Giang, each with its huyện Châu Thành. A
    province with fewer localities than asked gives all it has.
    A locality writes a half-year review after Q2, a nine-month review after Q3 and a year
    review after Q4, each with probability one half (seeded per locality and year).
    """
    order = provinces(seed)
    if not 0 < n_provinces <= len(order):
        raise ValueError(f"provinces must be between 1 and {len(order)}, got {n_provinces}")
    if localities < 1 or quarters < 1:
        raise ValueError("localities and quarters must be at least 1")
    pool = all_localities(seed)
    chosen = [loc for p in order[:n_provinces]
              for loc in [x for x in pool if x.province == p][:localities]]
    jobs = []
    for loc in chosen:
        for period in _quarters(quarters, start_year):
            jobs.append((loc, period))
            review = {2: "half_year", 3: "nine_months", 4: "year"}.get(period.quarter)
            if review and random.Random(f"{seed}/{loc.slug}/{period.year}/{review}").random() < 0.5:
                jobs.append((loc, Period(review, period.year)))
    return _write(out, seed, jobs, _shared_names(chosen))
