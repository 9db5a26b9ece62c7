"""Reporting localities: real districts and communes of several provinces, in a seeded order."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .data import load
from .words import slug


@dataclass(frozen=True)
class Locality:
    """A reporting locality: (province, unit word, name), and the district of a commune."""

    name: str
    locality_type: str
    province: str
    parent: str | None = None
    slug: str = ""

    @property
    def place(self) -> str:
        """'huyện Bảo Thắng', 'xã Bản Hồ'."""
        return f"{self.locality_type} {self.name}"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.province, self.locality_type, self.name


@cache
def _pool() -> tuple[tuple[Locality, ...], tuple[Locality, ...]]:
    """(districts, communes) in data-file order, each with a slug unique in the whole pool.

    A slug shared by two localities gets the district (of a commune) and the province:
    'chau-thanh-ben-tre', 'long-dinh-binh-dai-ben-tre', 'nam-chay-muong-khuong-lao-cai'.
    """
    data = load("localities")
    units = [(n, t, p, None) for p, rows in data["districts"].items() for t, n in rows]
    units += [(n, "xã", c["province"], c["district"]) for c in data["communes"]
              for n in c["names"]]
    shared = Counter(slug(n) for n, *_ in units)
    made = [Locality(n, t, p, d, slug(n) if shared[slug(n)] == 1
                     else "-".join(slug(x) for x in (n, d, p) if x))
            for n, t, p, d in units]
    assert len({loc.slug for loc in made}) == len(made), "locality slugs must be unique"
    return (tuple(loc for loc in made if loc.parent is None),
            tuple(loc for loc in made if loc.parent is not None))


def all_localities(seed: int) -> list[Locality]:
    """Every locality in corpus order for ``seed``.

    The same-name pair of ``same_name_first`` comes first; then districts in a seeded order with
    every fourth locality a commune.
    """
    rng = random.Random(seed)
    districts, communes = (list(x) for x in _pool())
    first = [next(loc for loc in districts if list(loc.key) == key)
             for key in load("localities")["same_name_first"]]
    districts = [loc for loc in districts if loc not in first]
    rng.shuffle(districts)
    rng.shuffle(communes)
    out = list(first)
    while districts or communes:
        take_commune = communes and (len(out) % 4 == 3 or not districts)
        out.append(communes.pop(0) if take_commune else districts.pop(0))
    return out


def provinces(seed: int) -> list[str]:
    """Provinces in corpus order: those of the same-name pair first, then a seeded order."""
    order = list(dict.fromkeys(loc.province for loc in all_localities(seed)))
    head = [key[0] for key in load("localities")["same_name_first"]]
    rest = [p for p in order if p not in head]
    random.Random(f"{seed}/provinces").shuffle(rest)
    return head + rest
