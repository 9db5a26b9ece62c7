"""Vietnam's administrative units of 2020-2025 (63 provinces, 696 district-level units, about
10,000 communes), from the ``vietnamadminunits`` data package, shipped offline with it.

Used to spell a locality canonically ("Sapa" -> "Sa Pa"), to give its unit type and province
when the page does not say them, and to keep communes named in the body ("xã Bản Hồ") apart
from the reporting district. Names repeat across the country ("Châu Thành" is a district of six
provinces), so a lookup returns every unit of that name and the caller narrows them down with the
provinces and districts the page mentions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.keys import match_key, slugify

_ALIASES = {"sapa": "sa pa"}
# Highland names written both ways, officially too: "Đắk Hà" / "Đăk Hà", "Đắk Lắk" / "Đăk Lăk".
_SPELLINGS = re.compile(r"(?<!\w)(đ|l)ắk(?!\w)")
# Provinces the data package names as of 2025 but that bore another name through 2020-2024, the
# years of its district and commune table: (name in the package, name used here, unit type).
_PROVINCE_NAMES = {"Huế": ("Thừa Thiên Huế", "tỉnh")}
# The package tells same-name units of one province apart by a suffix ("Kỳ Anh (Thị xã)",
# "Kỳ Anh (Huyện)"); pages write the name alone after their own unit word.
_TYPE_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")
# Units from 1 July 2025 (two levels, NQ 202/2025/QH15; DOMAIN §6.2).
REFORM_DATE = dt.date(2025, 7, 1)
_COMMUNE_TYPES = ("xã", "phường", "thị trấn", "đặc khu")


@dataclass(frozen=True)
class Unit:
    """One administrative unit: 'thị xã Sa Pa' of 'Lào Cai', or 'xã Bản Hồ' of 'Sa Pa'."""

    unit_type: str          # "tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", ...
    name: str
    province: str
    district: str | None    # for communes: their district

    @property
    def level(self) -> str:
        """'province', 'district' or 'commune'."""
        if self.name == self.province and self.district is None and self.unit_type in (
                "tỉnh", "thành phố") and self in provinces(self.name):
            return "province"
        return "commune" if self.district or self.unit_type in _COMMUNE_TYPES else "district"


def name_key(name: str) -> str:
    """Key for comparing place names: tone style, case, spacing and dashes unified."""
    k = _SPELLINGS.sub(r"\1ăk", re.sub(r"\s*[-–]\s*", " - ", " ".join(match_key(name).split())))
    return _ALIASES.get(k.replace(" ", ""), k)


def slug_key(name: str) -> str:
    """ASCII key as host names write a place: "Thừa Thiên Huế" -> "thuathienhue"."""
    return slugify(name).replace("-", "")


@dataclass(frozen=True)
class _Index:
    provinces: dict[str, tuple[Unit, ...]]
    districts: dict[str, tuple[Unit, ...]]
    communes: dict[str, tuple[Unit, ...]]
    slugs: dict[str, tuple[Unit, ...]]     # ASCII keys as in host names: "laocai", "bathuoc"


def _plain(name: str | None) -> str | None:
    return _TYPE_SUFFIX.sub("", name) if name else name


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Provinces, districts and communes by name key, and by ASCII slug; loaded once."""
    rows = _legacy_units()
    index: dict[str, dict[str, set[Unit]]] = {"p": {}, "d": {}, "c": {}, "s": {}}

    def add(table: str, key: str | None, unit: Unit) -> None:
        if key:
            index[table].setdefault(key, set()).add(unit)

    for r in rows:
        prov, dist = r["provinceShort"], _plain(r["districtShort"])
        ptype = "thành phố" if r["province"].startswith("Thành phố") else "tỉnh"
        old = prov
        prov, ptype = _PROVINCE_NAMES.get(prov, (prov, ptype))
        punit = Unit(ptype, prov, prov, None)
        add("p", name_key(prov), punit)
        add("p", name_key(old), punit)
        for k in [r["provinceShortKey"], *json.loads(r["provinceAlias"] or "[]"),
                  slug_key(prov)]:
            add("s", k, punit)
        if dist:
            unit = Unit(r["districtType"].lower(), dist, prov, None)
            add("d", name_key(dist), unit)
            add("s", r["districtShortKey"], unit)
            add("s", r["districtKey"], unit)
        if r["wardShort"]:
            unit = Unit(r["wardType"].lower(), _plain(r["wardShort"]), prov, dist)
            add("c", name_key(unit.name), unit)
            add("s", r["wardShortKey"], unit)
            add("s", r["wardKey"], unit)

    def freeze(d: dict[str, set[Unit]]) -> dict[str, tuple[Unit, ...]]:
        return {k: tuple(sorted(v, key=lambda u: (u.province, u.district or "", u.unit_type)))
                for k, v in d.items()}
    return _Index(*(freeze(index[t]) for t in "pdcs"))


def provinces(name: str) -> tuple[Unit, ...]:
    """The province (or centrally-run city) with this name: 'Yên Bái', 'Đà Nẵng'."""
    return _index().provinces.get(name_key(name), ())


def _legacy_units() -> list[dict]:
    """The package's 63-province table."""
    return _query("SELECT DISTINCT province, provinceShort, provinceShortKey, provinceAlias, "
                  "districtShort, districtType, districtShortKey, districtKey, wardShort, "
                  "wardType, wardShortKey, wardKey FROM admin_units_legacy")


def _query(sql: str) -> list[dict]:
    """Rows of ``vietnamadminunits``' SQLite file. Importing the package itself (even its
    ``database`` module, through the package's ``__init__``) costs about a second and loads
    shapely and geometry data for its address parser, so only the data file is located and
    read."""
    import sqlite3
    from importlib.util import find_spec

    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnamadminunits is not installed (pip install vietnamadminunits)")
    db = Path(spec.submodule_search_locations[0]) / "data" / "dataset.db"
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]


def districts(name: str) -> tuple[Unit, ...]:
    """District-level units with this name (any tone style or case)."""
    return _index().districts.get(name_key(name), ())


def communes(name: str) -> tuple[Unit, ...]:
    """Commune-level units with this name."""
    return _index().communes.get(name_key(name), ())


@lru_cache(maxsize=1)
def _communes_2025() -> dict[str, tuple[Unit, ...]]:
    """Communes and wards from 1 July 2025 by name key, with their post-reform province (no
    district: the level was abolished)."""
    out: dict[str, set[Unit]] = {}
    for r in _query("SELECT DISTINCT provinceShort, wardShort, wardType FROM admin_units"):
        # the province by its name of that time ("Huế", a city since 1 January 2025)
        unit = Unit(r["wardType"].lower(), r["wardShort"], r["provinceShort"], None)
        out.setdefault(name_key(unit.name), set()).add(unit)
    return {k: tuple(sorted(v, key=lambda u: (u.province, u.unit_type))) for k, v in out.items()}


def communes_2025(name: str) -> tuple[Unit, ...]:
    """Communes and wards with this name as of 1 July 2025 (after the reform, DOMAIN §6.2):
    "xã Yên Minh" is then a commune of Tuyên Quang, no longer of Hà Giang."""
    return _communes_2025().get(name_key(name), ())


def from_host(labels: list[str]) -> Unit | None:
    """The unit a portal's host names, most specific first: ['bathuoc', 'thanhhoa'] -> huyện
    Bá Thước of Thanh Hóa; ['sapa', 'laocai'] -> thị xã Sa Pa; ['bandanvan', 'laocai'] -> tỉnh
    Lào Cai. A label must name a unit inside the one named by the label on its right; a label
    that names nothing known (a portal word) is skipped, and an ambiguous one decides nothing.
    """
    slugs = _index().slugs
    found: Unit | None = None
    for label in reversed(labels):
        units = slugs.get(label.replace("-", ""), ())
        if found is None:
            units = tuple(u for u in units if u.level == "province")
        elif found.level == "province":
            units = tuple(u for u in units if u.level == "district" and u.province == found.province)
        elif found.level == "district":
            units = tuple(u for u in units if u.level == "commune"
                          and u.province == found.province and u.district == found.name)
        else:
            break
        if len(units) == 1:
            found = units[0]
    return found


@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Province names by name key ("lào cai" -> "Lào Cai"), as the gazetteer spells them (also
    under a province's other name: "huế" -> "Thừa Thiên Huế")."""
    return {k: units[0].province for k, units in _index().provinces.items()}


def province(name: str) -> str | None:
    """The gazetteer's spelling of a province name, also when written in full: "lào cai" ->
    "Lào Cai", "Huế" -> "Thừa Thiên Huế"; None when it names no province or several."""
    key = name_key(name)
    known = province_names()
    if key in known:
        return known[key]
    hits = {v for k, v in known.items() if key.endswith(" " + k)}
    return hits.pop() if len(hits) == 1 else None
