"""The plan's fingerprints: a locality brief's fingerprint changes when its locality's rows
change, and only then (rows hashed per table at once, then grouped by locality); the province
roll-up changes with any of its localities."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.briefs.plan import plan
from analysis.tables import extract_folder, read_tables
from tests.test_briefs import OTHER_TEXT, SEED_TEXT, _raw


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plan")
    extract_folder(_raw(tmp, {"a.txt": SEED_TEXT, "b.txt": OTHER_TEXT}), tmp / "tables")
    return read_tables(tmp / "tables")


def _fingerprints(tables) -> dict[str, str]:
    """Locality name (or the province, for its roll-up) -> fingerprint."""
    return {j.locality or j.province: j.fingerprint for j in plan(tables, paths.BRIEF_NOTEBOOK)}


def test_same_rows_same_fingerprints(tables):
    again = {t: df.iloc[::-1].reset_index(drop=True) if t == "reports" else df.copy()
             for t, df in tables.items()}
    assert _fingerprints(again) == _fingerprints(tables)


def _apart(tables) -> dict:
    """The same tables with Bảo Yên moved to another province, so that no brief of Sa Pa
    (whose province comparison lists the other localities of Lào Cai) reads its rows."""
    r = tables["reports"].copy()
    r.loc[r["locality"] == "Bảo Yên", "province"] = "Yên Bái"
    return {**tables, "reports": r}


def _rid(tables, locality: str) -> str:
    r = tables["reports"]
    return r.loc[r["locality"] == locality, "report_id"].iloc[0]


@pytest.mark.parametrize("table,column", [("amounts", "sentence"), ("doc_refs", "sentence"),
                                          ("tasks", "text"), ("counts", "sentence")])
def test_a_changed_row_changes_only_the_briefs_that_read_it(tables, table, column):
    apart = _apart(tables)
    before = _fingerprints(apart)
    df = apart[table].copy()
    row = df.index[df["report_id"] == _rid(apart, "Bảo Yên")][0]
    df.loc[row, column] = df.loc[row, column] + " (sửa)"
    after = _fingerprints({**apart, table: df})
    assert after["Bảo Yên"] != before["Bảo Yên"] and after["Yên Bái"] != before["Yên Bái"]
    assert after["Sa Pa"] == before["Sa Pa"] and after["Lào Cai"] == before["Lào Cai"]
    # In one province the comparison table reads both pages: both briefs change.
    same = _fingerprints(tables)
    df = tables[table].copy()
    row = df.index[df["report_id"] == _rid(tables, "Bảo Yên")][0]
    df.loc[row, column] = df.loc[row, column] + " (sửa)"
    changed = _fingerprints({**tables, table: df})
    assert all(changed[k] != same[k] for k in ("Bảo Yên", "Sa Pa", "Lào Cai"))


def test_a_dropped_row_changes_its_locality(tables):
    apart = _apart(tables)
    before = _fingerprints(apart)
    a = apart["amounts"]
    dropped = a.drop(a.index[a["report_id"] == _rid(apart, "Sa Pa")][:1])
    after = _fingerprints({**apart, "amounts": dropped})
    assert after["Sa Pa"] != before["Sa Pa"] and after["Bảo Yên"] == before["Bảo Yên"]
