"""Which briefs the tables call for: one job per (locality, period) — a locality being
(province, unit type, name) — and one province roll-up per (province, quarter), each with a
fingerprint of its inputs (its rows in the tables, the notebook, the parameters, the package code), so that a
batch re-renders only what changed."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import schema
from ..identity import Locality, Period, province_slug, province_words
from ..text.keys import match_key, slugify
from ..trends import catalog
from .code import code_digest


@dataclass(frozen=True)
class BriefJob:
    """One brief to render: a locality's brief (``scope`` 'locality') or a province roll-up
    (``scope`` 'province') for one period ('2021-Q4', '2021-H1', '2021-9M', '2021')."""

    scope: str
    province: str | None
    locality_type: str | None
    locality: str | None
    period: str
    fingerprint: str

    @property
    def label(self) -> str:
        return self.period

    @property
    def _period(self) -> Period:
        return Period.parse(self.period)

    @property
    def year(self) -> int:
        return self._period.year

    @property
    def quarter(self) -> int | None:
        p = self._period
        return p.n if p.kind == "quarter" else None

    @property
    def place(self) -> Locality | None:
        return None if self.scope == "province" else \
            Locality(self.province, self.locality_type, self.locality)

    @property
    def slug(self) -> str:
        """'ben-tre/huyen-chau-thanh' for a locality, 'ben-tre' for a province roll-up; a part
        longer than 80 characters is cut and keeps a hash, so file names stay valid and distinct."""
        slug = province_slug(self.province) if self.scope == "province" else self.place.slug
        return "/".join(part if len(part) <= 80 else
                        f"{part[:71].rstrip('-')}-{hashlib.sha1(part.encode()).hexdigest()[:8]}"
                        for part in slug.split("/"))

    @property
    def html_rel(self) -> str:
        return f"briefs/{self.label}/{self.slug}.html"

    @property
    def failed_rel(self) -> str:
        return f"failed/{self.label}/{self.slug}.ipynb"

    @property
    def name(self) -> str:
        return f"{self.label}/{self.slug}"

    @property
    def title(self) -> str:
        """The page title: 'Bản tin dân vận huyện Châu Thành, tỉnh Bến Tre — quý IV/2021'."""
        who = f"toàn {province_words(self.province)}" if self.scope == "province" \
            else self.place.title
        return f"Bản tin dân vận {who} — {self._period.vi}"

    @property
    def parameters(self) -> dict:
        """The notebook's papermill parameters (``tables_dir`` is added by the renderer)."""
        return {"scope": self.scope, "province": self.province,
                "locality_type": self.locality_type, "locality": self.locality,
                "period": self.period}

    @property
    def sort_key(self) -> tuple:
        return (self._period.sort_key, self.scope != "province", self.slug)


def _report_digests(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """A digest of each report's rows in every table (pandas row hashes, table by table), made
    in one pass so that a batch of thousands of briefs fingerprints in seconds."""
    acc: dict[str, hashlib._Hash] = {}
    for t in schema.TABLES:
        df = tables[t]
        if df.empty:
            continue
        rows = pd.util.hash_pandas_object(df, index=False).to_numpy()
        for rid, at in df.groupby("report_id", sort=False).indices.items():
            acc.setdefault(rid, hashlib.sha256()).update(t.encode() + rows[at].tobytes())
    return {k: h.digest() for k, h in acc.items()}


def plan(tables: dict[str, pd.DataFrame], notebook: Path,
         only: list[str] | None = None) -> list[BriefJob]:
    """The briefs the tables call for: one per (locality, period) of quarterly, half-year,
    nine-month and yearly reports, and one per (province, quarter).

    Args:
        tables: the extracted tables.
        notebook: the brief notebook (its bytes are part of every fingerprint).
        only: brief names ("2021-Q4/ben-tre/huyen-chau-thanh", "2021-Q4/ben-tre") or
            "LOCALITY/PERIOD" filters such as "Sa Pa/2021-Q1" or "sa-pa/2021-Q1" (every
            locality of that name).
    """
    cat = catalog(tables)
    # The code the brief runs is an input too: changing it re-renders the briefs.
    code = code_digest(notebook)
    base = hashlib.sha256(Path(notebook).read_bytes() + code.encode()).hexdigest()

    # The tables' columns are an input too (a schema change re-renders every brief).
    columns = ";".join(f"{t}:{','.join(tables[t].columns)}" for t in schema.TABLES)
    per_report = _report_digests(tables)

    def rows_digest(ids: set[str]) -> str:
        return hashlib.sha256(base.encode() + columns.encode() + b"".join(
            per_report.get(i, b"-") for i in sorted(ids))).hexdigest()

    def job(scope: str, loc: Locality, period: str, digest: str) -> BriefJob:
        province_only = scope == "province"
        params = json.dumps({"scope": scope, "province": loc.province,
                             "locality_type": None if province_only else loc.unit_type,
                             "locality": None if province_only else loc.name,
                             "period": period}, ensure_ascii=False, sort_keys=True)
        fp = hashlib.sha256((digest + params).encode()).hexdigest()
        return BriefJob(scope, loc.province, None if province_only else loc.unit_type,
                        None if province_only else loc.name, period, fp)

    # A locality's brief reads all its own pages (series, documents cited before) and the
    # pages of its province for the same period (the comparison table); a province brief
    # reads all the province's pages.
    province_period = {k: rows_digest(set(g["report_id"]))
                       for k, g in cat.groupby(["province_id", "period_label"])}
    jobs = []
    for _, group in cat.groupby("loc_id"):
        loc = group["locality"].iloc[0]
        loc_digest = rows_digest(set(group["report_id"]))
        for period in sorted(set(group["period_label"])):
            digest = loc_digest + province_period[(loc.key[0], period)]
            jobs.append(job("locality", loc, period, digest))
    quarterly = cat[(cat["period_kind"] == "quarter") & (cat["province_id"] != "")]
    for _, group in quarterly.groupby("province_id"):
        loc = group["locality"].iloc[0]
        digest = rows_digest(set(cat.loc[cat["province_id"] == loc.key[0], "report_id"]))
        for period in sorted(set(group["period_label"])):
            jobs.append(job("province", loc, period, digest))
    if only:
        jobs = [j for j in jobs if any(_matches(j, o) for o in only)]
    return sorted(jobs, key=lambda j: j.sort_key)


def _matches(j: BriefJob, spec: str) -> bool:
    """Whether an ``--only`` spec names this brief: its name ("2021-Q4/ben-tre/huyen-chau-thanh"),
    or "LOCALITY/PERIOD" by name ("Châu Thành/2021-Q4", every locality of that name) or slug."""
    key = _only_key(spec)
    return spec == j.name or key == _job_key(j) or \
        key == (slugify(j.locality or j.province or ""), j.label)


def _job_key(j: BriefJob) -> tuple[str, str]:
    return (match_key(j.locality) if j.locality else match_key(j.province or "")), j.label


def unmatched(jobs: list[BriefJob], only: list[str]) -> list[str]:
    """The ``only`` filters that match none of ``jobs``."""
    return [o for o in only if not any(_matches(j, o) for j in jobs)]


def _only_key(spec: str) -> tuple[str, str]:
    loc, _, period = spec.rpartition("/")
    period = period.upper().replace("Q", "-Q").replace("--", "-")
    return (match_key(loc) if not re.fullmatch(r"[a-z0-9-]+", loc) else loc), period


