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

from ..selection import choose, source_kind
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
    rows = reports.to_dict("records")
    for row in rows:
        row["_kind"] = source_kind(row)
        row["_loc"], row["_type"], row["_prov"] = (_key(row["locality"]),
                                                   _key(row["locality_type"]),
                                                   _key(row["province"]))
    pairable = [i for i, row in enumerate(rows)
                if row["_loc"] and isinstance(row["period_label"], str)]
    by_place: dict[tuple, list[int]] = {}
    for i in pairable:
        by_place.setdefault((rows[i]["_loc"], rows[i]["period_label"]), []).append(i)
    groups: dict[tuple, list[int]] = {}
    for (loc, period), members in sorted(by_place.items()):
        named = sorted({rows[i]["_prov"] for i in members} - {""})
        for i in members:
            prov = rows[i]["_prov"] or (named[0] if len(named) == 1 else "")
            groups.setdefault((prov, loc, period, rows[i]["_type"]), []).append(i)
    # A row without a unit type joins the typed group of the same place and period, if one.
    typed_of: dict[tuple, list[tuple]] = {}
    for k in groups:
        if k[3]:
            typed_of.setdefault(k[:3], []).append(k)
    for key in [k for k in groups if k[3] == ""]:
        typed = typed_of.get(key[:3], [])
        if len(typed) == 1:
            groups[typed[0]] += groups.pop(key)
    paired = set(pairable)
    for i in range(len(rows)):
        if i not in paired:
            groups[("", "", "", f"#{i}")] = [i]
    out = []
    for idx in groups.values():
        members = [rows[i] for i in idx]
        c = choose(members)
        by_id = {row["report_id"]: row for row in members}
        g = [by_id[rid] for rid in (c.report_id, *reversed(c.others))]
        first = g[0]
        page = c.page_report_id or (c.report_id if first["_kind"] == "page" else None)
        named = [row["province"] for row in g if isinstance(row["province"], str)]
        typed = [row["locality_type"] for row in g if isinstance(row["locality_type"], str)]
        out.append({
            "province": named[0] if named else None,
            "locality_type": typed[0] if typed else None,
            "locality": first["locality"], "period_label": first["period_label"],
            "period_type": first["period_type"], "year": first["year"],
            "quarter": first["quarter"], "half": first["half"],
            "figures_report_id": first["report_id"],
            "page_report_id": page,
            "report_ids": [row["report_id"] for row in g],
            "source_files": [row["source_file"] for row in g],
            "source_kinds": [row["_kind"] for row in g]})
    return pd.DataFrame(out, columns=list(PAIR_COLUMNS))
