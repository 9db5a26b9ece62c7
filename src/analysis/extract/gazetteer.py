"""Vietnam's administrative units of 2020-2025 (63 provinces, 696 district-level units, about
10,000 communes), from the ``vietnamadminunits`` data package, shipped offline with it.

Used to spell a locality canonically ("Sapa" -> "Sa Pa"), to give its unit type and province
when the page does not say them, and to keep communes named in the body ("xã Bản Hồ") apart
from the reporting district. Names repeat across the country ("Châu Thành" is a district of six
provinces), so a lookup returns every unit of that name and the caller narrows them down with the
provinces and districts the page mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.keys import match_key

_ALIASES = {"sapa": "sa pa"}


@dataclass(frozen=True)
class Unit:
    """One administrative unit: 'thị xã Sa Pa' of 'Lào Cai', or 'xã Bản Hồ' of 'Sa Pa'."""

    unit_type: str          # "huyện", "thị xã", "thành phố", "quận", "xã", "phường", "thị trấn"
    name: str
    province: str
    district: str | None    # for communes: their district


def name_key(name: str) -> str:
    """Key for comparing place names: tone style, case and spacing unified."""
    k = " ".join(match_key(name).split())
    return _ALIASES.get(k.replace(" ", ""), k)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[Unit, ...]], dict[str, tuple[Unit, ...]]]:
    """(districts by name key, communes by name key), loaded once."""
    from vietnamadminunits.database import get_data

    rows = get_data(["provinceShort", "districtShort", "districtType", "wardShort", "wardType"],
                    table="admin_units_legacy")
    districts: dict[str, set[Unit]] = {}
    communes: dict[str, set[Unit]] = {}
    for r in rows:
        prov, dist = r["provinceShort"], r["districtShort"]
        if dist:
            districts.setdefault(name_key(dist), set()).add(
                Unit(r["districtType"].lower(), dist, prov, None))
        if r["wardShort"]:
            communes.setdefault(name_key(r["wardShort"]), set()).add(
                Unit(r["wardType"].lower(), r["wardShort"], prov, dist))
    freeze = lambda d: {k: tuple(sorted(v, key=lambda u: (u.province, u.district or "")))  # noqa: E731
                        for k, v in d.items()}
    return freeze(districts), freeze(communes)


def districts(name: str) -> tuple[Unit, ...]:
    """District-level units with this name (any tone style or case)."""
    return _index()[0].get(name_key(name), ())


def communes(name: str) -> tuple[Unit, ...]:
    """Commune-level units with this name."""
    return _index()[1].get(name_key(name), ())



@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province names by name key ("lào cai" -> "Lào Cai"), as the gazetteer spells them."""
    return {name_key(u.province): u.province for units in _index()[0].values() for u in units}


def province(name: str) -> str | None:
    """The gazetteer's spelling of a province name, also when written in full: "lào cai" ->
    "Lào Cai", "Thừa Thiên Huế" -> "Huế"; None when it names no province or several."""
    key = name_key(name)
    known = provinces()
    if key in known:
        return known[key]
    hits = {v for k, v in known.items() if key.endswith(" " + k)}
    return hits.pop() if len(hits) == 1 else None
