"""Which briefs the tables call for: one job per (locality, quarter), each with a fingerprint of
its inputs (its rows in the tables, the notebook, the parameters, the package code), so that a
batch re-renders only what changed."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__, schema
from ..files import source_digest
from ..text.keys import match_key, slugify


@dataclass(frozen=True)
class BriefJob:
    """One brief to render."""

    locality: str
    year: int
    quarter: int
    fingerprint: str

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def slug(self) -> str:
        return slugify(self.locality)

    @property
    def html_rel(self) -> str:
        return f"briefs/{self.label}/{self.slug}.html"

    @property
    def failed_rel(self) -> str:
        return f"failed/{self.label}/{self.slug}.ipynb"

    @property
    def name(self) -> str:
        return f"{self.label}/{self.slug}"


def _group_digests(tables: dict[str, pd.DataFrame], group_of: pd.Series,
                   base: str) -> dict[str, str]:
    """A digest per group of reports of every row of every table that belongs to them.

    ``group_of`` maps report_id to its group. Each table's rows are hashed once, vectorised
    (``hash_pandas_object``); each group then digests its rows' hashes in report order, so a
    batch of hundreds of localities is planned in milliseconds.
    """
    digests = {g: hashlib.sha256(base.encode()) for g in group_of.unique()}
    for t in schema.TABLES:
        df = tables[t]
        columns = ",".join(df.columns).encode()
        groups = df["report_id"].map(group_of)
        keep = groups.notna().to_numpy()
        rows = df[keep]
        codes, names = pd.factorize(groups[keep])
        order = np.lexsort((pd.factorize(rows["report_id"], sort=True)[0], codes))  # stable
        hashed = pd.util.hash_pandas_object(rows, index=False).to_numpy()[order]
        codes = codes[order]
        starts = np.flatnonzero(np.diff(codes, prepend=-1))
        row_bytes = {names[codes[a]]: hashed[a:b].tobytes()
                     for a, b in zip(starts, [*starts[1:], len(codes)])}
        for g, h in digests.items():
            if g in row_bytes:
                h.update(hashlib.sha256(row_bytes[g] + columns).digest())
            else:
                h.update(b"empty:" + columns)
    return {g: h.hexdigest() for g, h in digests.items()}


def plan(tables: dict[str, pd.DataFrame], notebook: Path,
         only: list[str] | None = None) -> list[BriefJob]:
    """The briefs the tables call for: one per (locality, quarter) of quarterly reports.

    Args:
        tables: the extracted tables.
        notebook: the brief notebook (its bytes are part of every fingerprint).
        only: "LOCALITY/QUARTER" filters such as "Sa Pa/2021-Q1" or "sa-pa/2021-Q1".
    """
    r = tables["reports"]
    r = r[(r["period_type"] == "quarter") & r["locality"].notna() & r["year"].notna()
          & r["quarter"].notna()]
    # The package's own code is an input too: a code change re-renders the briefs.
    code = source_digest(Path(__file__).parents[1].rglob("*.py"), salt=__version__)
    base = hashlib.sha256(Path(notebook).read_bytes() + code.encode()).hexdigest()
    keys = r["locality"].map(match_key)
    loc_digests = _group_digests(tables, pd.Series(keys.to_numpy(), index=r["report_id"]), base)
    names = r.groupby(keys, sort=False)["locality"].first()
    periods = pd.DataFrame({"key": keys, "year": r["year"], "quarter": r["quarter"]})
    jobs = []
    for key, y, q in periods.drop_duplicates().itertuples(index=False):
        locality = names[key]
        params = json.dumps({"locality": locality, "year": int(y), "quarter": int(q)},
                            ensure_ascii=False, sort_keys=True)
        fp = hashlib.sha256((loc_digests[key] + params).encode()).hexdigest()
        jobs.append(BriefJob(locality, int(y), int(q), fp))
    if only:
        wanted = {_only_key(o) for o in only}
        jobs = [j for j in jobs if (match_key(j.locality), j.label) in wanted
                or (j.slug, j.label) in wanted]
    return sorted(jobs, key=lambda j: (j.year, j.quarter, j.slug))


def _only_key(spec: str) -> tuple[str, str]:
    loc, _, period = spec.rpartition("/")
    period = period.upper().replace("Q", "-Q").replace("--", "-")
    return (match_key(loc) if not re.fullmatch(r"[a-z0-9-]+", loc) else loc), period


