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


@pytest.mark.parametrize("table,column", [("amounts", "sentence"), ("doc_refs", "sentence"),
                                          ("tasks", "text"), ("counts", "sentence")])
def test_a_changed_row_changes_only_its_locality(tables, table, column):
    before = _fingerprints(tables)
    rid = tables["reports"].loc[tables["reports"]["locality"] == "Bảo Yên", "report_id"].iloc[0]
    df = tables[table].copy()
    row = df.index[df["report_id"] == rid][0]
    df.loc[row, column] = df.loc[row, column] + " (sửa)"
    after = _fingerprints({**tables, table: df})
    assert after["Sa Pa"] == before["Sa Pa"]
    assert after["Bảo Yên"] != before["Bảo Yên"]
    assert after["Lào Cai"] != before["Lào Cai"]


def test_a_dropped_row_changes_its_locality(tables):
    before = _fingerprints(tables)
    a = tables["amounts"]
    rid = tables["reports"].loc[tables["reports"]["locality"] == "Sa Pa", "report_id"].iloc[0]
    dropped = a.drop(a.index[a["report_id"] == rid][:1])
    after = _fingerprints({**tables, "amounts": dropped})
    assert after["Sa Pa"] != before["Sa Pa"] and after["Bảo Yên"] == before["Bảo Yên"]
