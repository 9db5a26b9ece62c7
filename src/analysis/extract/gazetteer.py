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
from pathlib import Path

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
    rows = _legacy_units()
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


def _legacy_units() -> list[dict]:
    """The package's 63-province table, read from its SQLite file. Importing
    ``vietnamadminunits`` itself costs about a second (its address parser loads shapely and
    geometry data), so only the data file is located and read."""
    import sqlite3
    from importlib.util import find_spec

    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnamadminunits is not installed (pip install vietnamadminunits)")
    db = Path(spec.submodule_search_locations[0]) / "data" / "dataset.db"
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(
            "SELECT DISTINCT provinceShort, districtShort, districtType, wardShort, wardType "
            "FROM admin_units_legacy")]


def districts(name: str) -> tuple[Unit, ...]:
    """District-level units with this name (any tone style or case)."""
    return _index()[0].get(name_key(name), ())


def communes(name: str) -> tuple[Unit, ...]:
    """Commune-level units with this name."""
    return _index()[1].get(name_key(name), ())

