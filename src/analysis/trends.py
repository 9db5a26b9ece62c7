"""Quarter series and brief contents for the notebooks, computed from the extracted tables.

The notebooks stay thin: they call :func:`load_tables`, :func:`brief_context` and the series
functions here, and :mod:`analysis.charts` to draw them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .tables import read_tables
from .text.keys import match_key

SERIES_COLUMNS = ("period_label", "year", "quarter")


_LOADED: dict[tuple, dict[str, pd.DataFrame]] = {}


def load_tables(tables_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of the tables folder, keyed by table name.

    A process that renders many briefs reads a folder once: the frames are kept, keyed by the
    folder and its files' sizes and modification times, and each call returns new frames over
    the same data (pandas copy-on-write: a notebook that changes its tables changes no other
    brief's)."""
    folder = Path(tables_dir).resolve()
    key = (folder, tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                for p in folder.glob("*.parquet"))))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = read_tables(folder)
    return {name: df.copy(deep=False) for name, df in _LOADED[key].items()}


def _locality_reports(tables: dict[str, pd.DataFrame], locality: str) -> pd.DataFrame:
    r = tables["reports"]
    key = match_key(locality)
    mask = r["locality"].fillna("").map(match_key) == key
    return r[mask & (r["period_type"] == "quarter") & r["year"].notna() & r["quarter"].notna()]


def quarters(tables: dict[str, pd.DataFrame], locality: str) -> pd.DataFrame:
    """The locality's quarterly reports, one row per quarter (the latest page wins)."""
    r = _locality_reports(tables, locality).copy()
    r = r.sort_values(["year", "quarter", "source_file"]).drop_duplicates(["year", "quarter"],
                                                                         keep="last")
    return r.reset_index(drop=True)


def _per_quarter(tables, locality, table: str) -> pd.DataFrame:
    q = quarters(tables, locality)[["report_id", "period_label", "year", "quarter"]]
    return tables[table].merge(q, on="report_id")


def support_by_quarter(tables: dict[str, pd.DataFrame], locality: str) -> pd.DataFrame:
    """Support spending reported for each quarter (kind 'support', results section), in VND."""
    q = quarters(tables, locality)[list(SERIES_COLUMNS)]
    a = _per_quarter(tables, locality, "amounts")
    a = a[(a["kind"] == "support") & (a["section"] == "results") & a["amount_vnd"].notna()]
    s = a.groupby("period_label")["amount_vnd"].sum()
    out = q.assign(support_vnd=q["period_label"].map(s).fillna(0).astype("int64"))
    return out


def documents_by_quarter(tables: dict[str, pd.DataFrame], locality: str) -> pd.DataFrame:
    """Distinct documents cited per quarter and document type (quarters × types, counts)."""
    q = quarters(tables, locality)
    d = _per_quarter(tables, locality, "doc_refs").drop_duplicates(["report_id", "doc_key"])
    d = d.assign(doc_type_name=d["doc_type_name"].fillna(d["doc_type"]).fillna("Khác"))
    t = d.pivot_table(index="period_label", columns="doc_type_name", values="doc_key",
                      aggfunc="count", fill_value=0)
    return t.reindex(q["period_label"], fill_value=0)


def views_by_quarter(tables: dict[str, pd.DataFrame], locality: str) -> pd.DataFrame:
    """Article views and the portal's all-time visit counter seen on each quarter's page."""
    q = quarters(tables, locality)[["report_id", *SERIES_COLUMNS, "views"]]
    s = tables["site_stats"][["report_id", "today", "total"]]
    return q.merge(s, on="report_id", how="left").drop(columns="report_id")


@dataclass
class BriefContext:
    """Everything one quarterly brief shows."""

    locality: str
    year: int
    quarter: int
    report: pd.Series | None
    documents: pd.DataFrame
    amounts: pd.DataFrame
    counts: pd.DataFrame
    tasks: pd.DataFrame
    site_stats: pd.Series | None
    support: pd.DataFrame
    doc_series: pd.DataFrame
    views: pd.DataFrame

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def support_vnd(self) -> int:
        a = self.amounts
        return int(a.loc[(a["kind"] == "support") & (a["section"] == "results"),
                         "amount_vnd"].sum())


def brief_context(tables: dict[str, pd.DataFrame], locality: str, year: int,
                  quarter: int) -> BriefContext:
    """The contents of the brief for one locality and quarter.

    Raises:
        LookupError: no quarterly report of that locality for that quarter in the tables.
    """
    q = quarters(tables, locality)
    row = q[(q["year"] == year) & (q["quarter"] == quarter)]
    if row.empty:
        have = ", ".join(q["period_label"]) or "none"
        raise LookupError(f"no report for {locality} {year}-Q{quarter} in the tables "
                          f"(quarters present: {have})")
    report = row.iloc[0]
    rid = report["report_id"]

    def of(t: str) -> pd.DataFrame:
        df = tables[t]
        return df[df["report_id"] == rid].reset_index(drop=True)

    docs = of("doc_refs")
    first = docs[docs["is_first_mention"]].reset_index(drop=True)
    stats = of("site_stats")
    return BriefContext(
        locality=report["locality"], year=year, quarter=quarter, report=report,
        documents=first, amounts=of("amounts"), counts=of("counts"), tasks=of("tasks"),
        site_stats=stats.iloc[0] if len(stats) else None,
        support=support_by_quarter(tables, locality),
        doc_series=documents_by_quarter(tables, locality),
        views=views_by_quarter(tables, locality))


def documents_by_level(ctx: BriefContext) -> pd.Series:
    """Distinct documents of the brief's quarter per issuer level."""
    names = {"central": "Trung ương", "province": "Tỉnh", "district": "Huyện/thị xã",
             "commune": "Xã/phường", "province|district": "Tỉnh hoặc huyện"}
    return ctx.documents["level"].map(names).fillna("Chưa rõ").value_counts()
