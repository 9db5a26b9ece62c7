"""One report, two sources: an official document and a news page of the same locality and
period are one report.

:func:`pair_sources` groups the ``reports`` table by (province, unit type, locality, period) and
says, for each report, which row gives the figures, which gives the views and the address (the
news page), and every source it has, so that nothing is counted twice. The choice inside a
group is :func:`analysis.selection.choose` (the one rule, which briefs and the index use too);
this module only groups rows for the synthesis.
"""

from __future__ import annotations

import pandas as pd

from ..selection import choose
from ..text.keys import match_key

PAIR_COLUMNS = ("province", "locality_type", "locality", "period_label", "period_type", "year",
                "quarter", "half", "figures_report_id", "page_report_id", "report_ids",
                "source_files", "source_kinds")


def _key(s) -> str:
    return " ".join(match_key(s).split()) if isinstance(s, str) else ""


def pair_sources(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per report (province, locality_type, locality, period_label).

    Rows without a locality or a period cannot be paired and stay reports of their own. A row
    whose province is unknown joins the group of the same locality and period when exactly one
    province is named there. Columns: see :data:`PAIR_COLUMNS`; ``report_ids``,
    ``source_files`` and ``source_kinds`` are lists, the figures' source first.
    """
    if reports.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PAIR_COLUMNS})
    r = reports.copy()
    kind = r["source_kind"].fillna("page") if "source_kind" in r else pd.Series("page", r.index)
    r["_kind"] = kind
    r["_loc"] = r["locality"].map(_key)
    r["_type"] = r["locality_type"].map(_key)
    r["_prov"] = r["province"].map(_key)
    pairable = (r["_loc"] != "") & r["period_label"].notna()
    groups: dict[tuple, list[int]] = {}
    for (loc, period), g in r[pairable].groupby(["_loc", "period_label"], sort=True):
        named = sorted(set(g["_prov"]) - {""})
        for i, row in g.iterrows():
            prov = row["_prov"] or (named[0] if len(named) == 1 else "")
            typ = row["_type"]
            groups.setdefault((prov, loc, period, typ), []).append(i)
    # A row without a unit type joins the typed group of the same place and period, if one.
    for key in [k for k in groups if k[3] == ""]:
        typed = [k for k in groups if k[:3] == key[:3] and k[3]]
        if len(typed) == 1:
            groups[typed[0]] += groups.pop(key)
    for i in r.index[~pairable]:
        groups[("", "", "", f"#{i}")] = [i]
    out = []
    for idx in groups.values():
        c = choose(r.loc[idx])
        g = r.loc[idx].set_index("report_id", drop=False).loc[
            [c.report_id, *reversed(c.others)]]
        first = g.iloc[0]
        page = c.page_report_id or (c.report_id if first["_kind"] == "page" else None)
        named = g[g["province"].notna()]
        typed = g[g["locality_type"].notna()]
        out.append({
            "province": named["province"].iloc[0] if len(named) else None,
            "locality_type": typed["locality_type"].iloc[0] if len(typed) else None,
            "locality": first["locality"], "period_label": first["period_label"],
            "period_type": first["period_type"], "year": first["year"],
            "quarter": first["quarter"], "half": first["half"],
            "figures_report_id": first["report_id"],
            "page_report_id": page,
            "report_ids": list(g["report_id"]), "source_files": list(g["source_file"]),
            "source_kinds": list(g["_kind"])})
    return pd.DataFrame(out, columns=list(PAIR_COLUMNS))
