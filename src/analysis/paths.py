"""Where everything lives. Every other module asks here instead of building paths itself."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (``src/analysis/paths.py`` -> two levels up)."""

DATA = ROOT / "data"
RAW = DATA / "raw"
"""Report pages as published. Immutable: the program never writes here."""
PROCESSED = Path(os.environ.get("DAN_VAN_TABLES") or DATA / "processed")
"""Extracted Parquet tables, one file per table (see ``analysis.schema``). The environment
variable ``DAN_VAN_TABLES`` points it elsewhere, e.g. for a JupyterLab session on other tables."""

NOTEBOOKS = ROOT / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOKS / "quarterly_brief.ipynb"
EXPLORE_NOTEBOOK = NOTEBOOKS / "explore.ipynb"

REPORTS = ROOT / "reports"
"""Rendered briefs (``reports/briefs/<year>-Q<q>/<slug>.html``) and ``reports/index.html``."""

KERNEL_NAME = "dan-van"
"""The Jupyter kernel that ``make`` registers inside ``.venv`` for papermill and JupyterLab."""


def table_path(tables_dir: Path, table: str) -> Path:
    """The Parquet file of one table in a tables folder."""
    return Path(tables_dir) / f"{table}.parquet"
