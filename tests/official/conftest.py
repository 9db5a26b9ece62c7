"""Official-report fixtures, generated once per session by tools/officialgen into tmp dirs.

Every report is generated as .docx and text PDF; OCR runs on two scanned reports only (a Party
and a State layout), since OCR costs seconds per page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.officialgen import generate

SCANNED = ["lc-baothang-2021-q2", "lc-muongkhuong-2021-q2"]
MIXED = "lc-sapa-2021-q2"   # its signed last page scanned, the rest a text layer


@pytest.fixture(scope="session")
def official(tmp_path_factory) -> Path:
    """OUT with docx/, pdf/, doc/, bad/ (all reports), scan/ (the SCANNED ones) and mixed/."""
    out = tmp_path_factory.mktemp("official")
    generate(out, formats=("docx", "pdf", "doc", "bad"))
    generate(out / "_scan", formats=("scan",), names=SCANNED)
    (out / "_scan" / "scan").rename(out / "scan")
    generate(out / "_mixed", formats=("scan",), names=[MIXED])
    (out / "_mixed" / "mixed").rename(out / "mixed")
    return out


@pytest.fixture(scope="session")
def scan_eval(official):
    from analysis.evaluate import evaluate
    return evaluate([official / "scan"])


@pytest.fixture(scope="session")
def scan_rows(official) -> dict[str, dict]:
    """Rows extracted from each scanned PDF (OCR once per session), by file name."""
    from analysis.tables import extract_bytes
    out = {}
    for f in sorted((official / "scan").glob("*.pdf")):
        res = extract_bytes(f.read_bytes(), f.name)
        assert res.error is None, res.error
        out[f.name] = res.rows
    return out
