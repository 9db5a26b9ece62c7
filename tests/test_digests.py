"""Digests mean what they say: the extractor digest moves with the libraries that shape the rows,
and a brief's fingerprint moves with the code the brief runs, not with the extractors or the
test tooling (checked on a copy of the package, edited file by file)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import paths, tables
from analysis.briefs.code import brief_code_files

SRC = Path(tables.__file__).resolve().parents[1]


def test_extractor_digest_includes_library_versions(monkeypatch):
    base = tables.extractor_digest()
    for lib in ("underthesea", "vietnamadminunits", "pandas", "pyarrow"):
        tables.extractor_digest.cache_clear()
        real = tables._version
        monkeypatch.setattr(tables, "_version", lambda d, lib=lib, real=real:
                            "0.0-other" if d == lib else real(d))
        assert tables.extractor_digest() != base, lib
        monkeypatch.undo()
    tables.extractor_digest.cache_clear()
    assert tables.extractor_digest() == base


def test_brief_code_is_what_the_notebook_loads():
    files, libraries = brief_code_files(paths.BRIEF_NOTEBOOK)
    names = {p.relative_to(SRC / "analysis").as_posix() for p in files}
    assert {"present.py", "trends.py", "charts.py", "formats.py", "escape.py", "tables.py",
            "schema.py", "briefs/render.py"} <= names
    assert not {n for n in names if n.startswith(("extract/", "text/page", "text/decode"))}
    assert not {"synth.py", "evaluate.py", "briefs/batch.py", "briefs/index.py"} & names
    assert {"pandas", "matplotlib"} <= libraries and "underthesea" not in libraries


def _digest(src: Path) -> str:
    code = ("from analysis.briefs.code import code_digest; from analysis import paths; "
            f"print(code_digest(paths.ROOT / {str(paths.BRIEF_NOTEBOOK.relative_to(paths.ROOT))!r}))")
    r = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(src)},
                       capture_output=True, text=True, cwd=src, check=True)
    return r.stdout.strip()


@pytest.fixture()
def package_copy(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(SRC, root / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    shutil.copytree(paths.NOTEBOOKS, root / "notebooks")
    return root / "src"


@pytest.mark.parametrize("edited,re_renders", [
    ("extract/money.py", False), ("text/decode.py", False), ("evaluate.py", False),
    ("briefs/batch.py", False),
    ("present.py", True), ("trends.py", True), ("formats.py", True), ("briefs/render.py", True),
])
def test_fingerprint_moves_only_with_the_brief_code(package_copy, edited, re_renders):
    before = _digest(package_copy)
    with open(package_copy / "analysis" / edited, "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert (_digest(package_copy) != before) == re_renders
