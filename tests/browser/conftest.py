"""Headless Chromium (Debian's, driven by playwright) and one real rendered brief with four
quarters of history, shared by the browser tests."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from analysis.briefs.batch import run_briefs
from analysis.identity import Locality
from analysis.tables import extract_folder, read_tables
from tools.synth import generate_corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@contextmanager
def chromium():
    """A headless browser; the tests skip where Chromium or playwright is missing."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (installed by tools/system-packages.sh)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def rendered_briefs(tmp_path_factory):
    """Synthetic pages of three localities over four quarters, extracted, and the brief of the
    first locality's last quarter rendered with the index. Returns (reports dir, brief path,
    tables dir)."""
    tmp = tmp_path_factory.mktemp("rendered")
    generate_corpus(tmp / "raw", localities=3, quarters=4, seed=11)
    tables = tmp / "tables"
    assert extract_folder(tmp / "raw", tables).errors == []
    reports = read_tables(tables)["reports"]
    first = reports.sort_values("source_file").iloc[0]
    loc = Locality.of(first["province"], first["locality_type"], first["locality"])
    out = tmp / "reports"
    s = run_briefs(tables, out, jobs=1, only=[f"2020-Q4/{loc.slug}"], progress=False)
    assert [r.state for r in s.results] == ["ok"], [r.error for r in s.results]
    return out, out / s.results[0].job.html_rel, tables
