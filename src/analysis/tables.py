"""A folder of pages -> one Parquet file per table, validated against :mod:`analysis.schema`.

Extraction is incremental: a page whose bytes (SHA-256) were already extracted into the tables
folder is not parsed again; changed pages are re-read and removed pages leave the tables. A page
that cannot be read is reported with its file name and reason, the rest of the batch goes on,
and each table is written to a temporary file and renamed, so no table is left half-written.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .paths import table_path
from .files import atomic_path, source_digest
from .text.keys import slugify

PAGE_SUFFIXES = (".txt", ".html", ".htm")
OFFICIAL_SUFFIXES = (".docx", ".doc", ".pdf")   # read by analysis.official
TABLE_NAMES = tuple(schema.TABLES)
_PER_PAGE = ("doc_refs", "amounts", "counts", "site_stats", "tasks", "table_figures")


@dataclass
class PageResult:
    source_file: str
    report_id: str
    sha256: str
    rows: dict[str, list[dict]] | None = None
    error: str | None = None


@dataclass
class ExtractSummary:
    pages: int = 0
    parsed: int = 0
    reused: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)


def list_pages(src: Path) -> list[Path]:
    """Report pages under ``src`` (a file or a folder), sorted; gold files are skipped."""
    src = Path(src)
    if src.is_file():
        return [src]
    return sorted(p for p in src.rglob("*") if p.is_file()
                  and p.suffix.lower() in PAGE_SUFFIXES + OFFICIAL_SUFFIXES
                  and not p.name.startswith("."))


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """Digest of the code that turns page bytes into rows (text/, extract/, schema, tables)."""
    pkg = Path(__file__).parent
    return source_digest([*pkg.glob("text/*.py"), *pkg.glob("extract/*.py"),
                          *pkg.glob("official/*.py"), pkg / "schema.py", pkg / "tables.py"])[:16]


def report_id_for(source_file: str) -> str:
    """Stable id from the page's path: a readable slug plus a short hash against collisions."""
    stem = slugify(Path(source_file).with_suffix("").as_posix())[:60]
    return f"{stem}-{hashlib.sha1(source_file.encode()).hexdigest()[:8]}"


def _defaults(table: str) -> dict:
    """None for the table's nullable columns: a source that has no such fact leaves them empty."""
    return {c.name: None for c in schema.TABLES[table].columns if c.nullable}


def facts_to_rows(facts, report_id: str, source_file: str, sha: str,
                  table_figures: list[dict] = ()) -> dict[str, list[dict]]:
    rows = {"reports": [{**_defaults("reports"), "report_id": report_id,
                         "source_file": source_file, "content_sha256": sha,
                         "extractor_digest": extractor_digest(), **facts.report}]}
    for t in _PER_PAGE:
        found = table_figures if t == "table_figures" else getattr(facts, t)
        rows[t] = [{**_defaults(t), "report_id": report_id, **r} for r in found]
    return rows


def extract_bytes(data: bytes, source_file: str, path: Path | None = None) -> PageResult:
    """Extract one page from its bytes; a bad page becomes an error naming the file.

    ``path``, the page's file, lets its address sidecar (``NAME.meta.json`` / ``NAME.url``) be
    read with it; a malformed sidecar is an error naming the sidecar.
    """
    # Imported here so that readers of the tables (notebooks via trends) skip the extractors.
    from .extract import extract_page
    from .text.address import read_sidecar
    from .text.decode import PageDecodeError
    from .text.page import read_page

    sha = hashlib.sha256(data).hexdigest()
    rid = report_id_for(source_file)
    try:
        if Path(source_file).suffix.lower() in OFFICIAL_SUFFIXES:
            from .official import extract_official
            facts, figures = extract_official(data, source_file)
            rows = facts_to_rows(facts, rid, source_file, sha, table_figures=figures)
        else:
            page = read_page(data, source_file, read_sidecar(path) if path is not None else None)
            if not page.body:
                raise PageDecodeError(source_file,
                                      "no article text found (empty page or only chrome)")
            facts = extract_page(page)
            facts.report["source_kind"] = "page"
            rows = facts_to_rows(facts, rid, source_file, sha)
    except PageDecodeError as e:
        return PageResult(source_file, rid, sha, error=str(e))
    except Exception as e:  # an extractor bug must not stop the batch: report it with the file
        return PageResult(source_file, rid, sha, error=f"{source_file}: extraction failed: "
                                                        f"{type(e).__name__}: {e}")
    return PageResult(source_file, rid, sha, rows=rows)


def _extract_path(args: tuple[str, str]) -> PageResult:
    path, source_file = args
    return extract_bytes(Path(path).read_bytes(), source_file, Path(path))


def _frames(results: list[PageResult]) -> dict[str, pd.DataFrame]:
    out = {}
    for t in TABLE_NAMES:
        rows = [r for res in results if res.rows for r in res.rows[t]]
        df = pd.DataFrame(rows) if rows else schema.empty_frame(t)
        out[t] = schema.validate(t, schema.coerce(t, df)) if rows else df
    return out


def read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of a tables folder (empty frames for missing files)."""
    out = {}
    for t in TABLE_NAMES:
        p = table_path(tables_dir, t)
        out[t] = pd.read_parquet(p) if p.exists() else schema.empty_frame(t)
    return out


def extract_folder(src: Path, out: Path, executor: Executor | None = None,
                   incremental: bool = True) -> ExtractSummary:
    """Extract every page under ``src`` into Parquet tables in ``out``.

    Args:
        src: a page file or a folder of pages (searched recursively).
        out: the tables folder; existing tables there are reused for unchanged pages.
        executor: a ``concurrent.futures``-style executor for the parsing fan-out (local
            processes, or a Dask client's executor); None parses in this process.
        incremental: reuse rows of pages whose bytes did not change.
    """
    src, out = Path(src), Path(out)
    base = src if src.is_dir() else src.parent
    paths = list_pages(src)
    summary = ExtractSummary(pages=len(paths))
    old = read_tables(out) if incremental and table_path(out, "reports").exists() else None
    known, current = {}, set()
    if old is not None and len(old["reports"]):
        r = old["reports"]
        known = dict(zip(r["source_file"], r["content_sha256"]))
        if "extractor_digest" in r:   # rows made by other extraction code are made again
            current = set(r.loc[r["extractor_digest"] == extractor_digest(), "source_file"])
    todo, reused_ids = [], []
    for p in paths:
        rel = p.relative_to(base).as_posix()
        if rel in known and rel in current:
            sha = hashlib.sha256(p.read_bytes()).hexdigest()
            if sha == known[rel]:
                reused_ids.append(report_id_for(rel))
                continue
        todo.append((str(p), rel))
    if executor is None:
        results = [_extract_path(a) for a in todo]
    else:
        results = list(executor.map(_extract_path, todo, chunksize=64)) if _takes_chunks(executor) \
            else list(executor.map(_extract_path, todo))
    results.sort(key=lambda r: r.source_file)
    summary.parsed = sum(1 for r in results if r.rows)
    summary.reused = len(reused_ids)
    summary.errors = [r.error for r in results if r.error]
    summary.removed = len(set(known) - {p.relative_to(base).as_posix() for p in paths})
    new = _frames(results)
    for t in TABLE_NAMES:
        frames = [new[t]]
        if old is not None and reused_ids:
            keep = old[t][old[t]["report_id"].isin(reused_ids)]
            frames.insert(0, schema.coerce(t, keep))
        df = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(
            len(f) for f in frames) else schema.empty_frame(t)
        if t == "reports" and len(df):
            df = df.sort_values("source_file", kind="stable").reset_index(drop=True)
        with atomic_path(table_path(out, t)) as tmp:
            df.to_parquet(tmp, index=False)
    return summary


def _takes_chunks(executor: Executor) -> bool:
    from concurrent.futures import ProcessPoolExecutor
    return isinstance(executor, ProcessPoolExecutor)
