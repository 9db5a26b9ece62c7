"""Which briefs the tables call for: one job per (locality, quarter), each with a fingerprint of
its inputs (its rows in the tables, the notebook, the parameters, the package code), so that a
batch re-renders only what changed."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import schema
from ..text.keys import match_key, slugify
from .code import code_digest


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
        """File-name slug; a long name is cut and keeps a hash so names stay distinct."""
        s = slugify(self.locality)
        if len(s) <= 80:
            return s
        return f"{s[:71].rstrip('-')}-{hashlib.sha1(s.encode()).hexdigest()[:8]}"

    @property
    def html_rel(self) -> str:
        return f"briefs/{self.label}/{self.slug}.html"

    @property
    def failed_rel(self) -> str:
        return f"failed/{self.label}/{self.slug}.ipynb"

    @property
    def name(self) -> str:
        return f"{self.label}/{self.slug}"


def _frame_digest(df: pd.DataFrame) -> bytes:
    if df.empty:
        return b"empty:" + ",".join(df.columns).encode()
    return hashlib.sha256(pd.util.hash_pandas_object(df, index=False).values.tobytes()
                          + ",".join(df.columns).encode()).digest()


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
    # The code the brief runs is an input too: changing it re-renders the briefs.
    code = code_digest(notebook)
    base = hashlib.sha256(Path(notebook).read_bytes() + code.encode()).hexdigest()
    jobs = []
    for _, group in r.groupby(r["locality"].map(match_key)):
        locality = group["locality"].iloc[0]
        ids = set(group["report_id"])
        h = hashlib.sha256(base.encode())
        for t in schema.TABLES:
            df = tables[t]
            h.update(_frame_digest(df[df["report_id"].isin(ids)]
                                   .sort_values("report_id", kind="stable")))
        loc_digest = h.hexdigest()
        for (y, q), _ in group.groupby(["year", "quarter"]):
            params = json.dumps({"locality": locality, "year": int(y), "quarter": int(q)},
                                ensure_ascii=False, sort_keys=True)
            fp = hashlib.sha256((loc_digest + params).encode()).hexdigest()
            jobs.append(BriefJob(locality, int(y), int(q), fp))
    if only:
        wanted = {_only_key(o) for o in only}
        jobs = [j for j in jobs if (match_key(j.locality), j.label) in wanted
                or (j.slug, j.label) in wanted]
    return sorted(jobs, key=lambda j: (j.year, j.quarter, j.slug))


def unmatched(jobs: list[BriefJob], only: list[str]) -> list[str]:
    """The ``only`` filters that match none of ``jobs``."""
    have = {(match_key(j.locality), j.label) for j in jobs} | {(j.slug, j.label) for j in jobs}
    return [o for o in only if _only_key(o) not in have]


def _only_key(spec: str) -> tuple[str, str]:
    loc, _, period = spec.rpartition("/")
    period = period.upper().replace("Q", "-Q").replace("--", "-")
    return (match_key(loc) if not re.fullmatch(r"[a-z0-9-]+", loc) else loc), period


