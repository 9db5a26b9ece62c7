"""What a batch leaves in the reports folder besides the briefs: the manifest, the index pages
and the "settled" record, which answers a re-run with nothing to do before pandas is imported.

A batch that rendered every brief the tables call for, without a failure, records what it
rendered from: the tables generation it read (a generation never changes in place), the
notebook's bytes and the brief's code digest (:func:`code.code_digest`: package modules and
library versions). A later run with the same three, whose briefs, syntheses and index pages are
all still on disk, has nothing to render and says so without reading the tables (a Python start
and a pandas import are most of a second). Anything else (``--force``, ``--only``, a missing
file, a failed brief, a tables folder that is not a generation) takes the normal path, which
checks every brief's fingerprint. Stdlib only: importing this module must stay cheap.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..files import current_generation, write_text_atomic
from .code import code_digest

MANIFEST = ".briefs-manifest.json"
PAGES = ("index.html", "documents.html", "data_dictionary.html")
INDEX_KEY = ".index-key"
"""The inputs the index pages were last written from (``index.index_key``)."""
SETTLED = ".briefs-settled"


def counts_line(rendered: int, unchanged: int, failed: int, seconds: float) -> str:
    return f"briefs: {rendered} rendered, {unchanged} unchanged, {failed} failed in {seconds:.1f}s"


def _key(generation: Path, notebook: Path) -> str:
    return hashlib.sha256(f"{Path(generation).resolve()}\0".encode() + Path(notebook).read_bytes()
                          + code_digest(notebook).encode()).hexdigest()


def record_settled(out: Path, generation: Path, notebook: Path) -> None:
    """Record that every brief of ``generation`` is rendered in ``out``."""
    write_text_atomic(Path(out) / SETTLED, json.dumps({"key": _key(generation, notebook)}))


def forget_settled(out: Path) -> None:
    """A batch is changing ``out``: until it records again, re-runs take the normal path."""
    (Path(out) / SETTLED).unlink(missing_ok=True)


def settled_briefs(out: Path, tables_dir: Path, notebook: Path) -> int | None:
    """How many briefs ``out`` holds if nothing is left to render from ``tables_dir``, else
    None (then the batch decides brief by brief)."""
    out = Path(out)
    generation = current_generation(Path(tables_dir))
    if generation is None:
        return None
    try:
        stored = json.loads((out / SETTLED).read_text(encoding="utf-8"))
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != _key(generation, notebook):
        return None
    entries = manifest.values()
    files = [*PAGES, *manifest, *(e["synthesis"] for e in entries if e.get("synthesis"))]
    if any(e.get("state") != "ok" or e.get("synthesis_error") for e in entries) or not all(
            (out / f).exists() for f in files):
        return None
    return len(manifest)
