"""A folder of pages -> one Parquet file per table, validated against :mod:`analysis.schema`.

The tables are one unit. A tables folder holds generations and a pointer::

    data/processed/current -> generations/<id>        (a symlink, replaced in one rename)
    data/processed/generations/<id>/<table>.parquet   (every table, and generation.json)
    data/processed/<table>.parquet -> current/<table>.parquet  (stable links for other readers)

Extraction stages a whole new generation and swaps ``current`` only when every table is on disk
(:func:`analysis.files.publish_generation`), so a run killed at any point, or stopped by a full
disk, leaves the previous set untouched, and :func:`read_tables` resolves ``current`` once and
reads one generation. A pointer swap was chosen over "write ``reports`` last": it needs no
reader to check a manifest against the files, and it is the same single rename whatever the
number of tables. One extraction at a time writes a folder (:mod:`analysis.lock`).

Extraction is incremental: a page whose bytes (SHA-256) were extracted by the same extractor
(:func:`extractor_digest`) is not parsed again and its rows are copied from the current
generation; changed pages are re-read and removed pages leave the tables. Rows are written in
row groups as results arrive, so memory does not grow with the number of pages (beyond one
name per distinct page bytes, kept to mark duplicate pages). A page that
cannot be read is reported with its file name and reason; the rest of the batch goes on. So is
a page that is not a "công tác dân vận" report (the words "dân vận" occur nowhere on it), one
above :data:`MAX_PAGE_BYTES` or with a paragraph above :data:`MAX_PARAGRAPH_CHARS`.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import stat
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import schema
from .files import (checkpoint, current_generation, new_generation, publish_generation,
                    source_digest)
from .lock import folder_lock
from .paths import table_path
from .text.keys import slugify

PAGE_SUFFIXES = (".txt", ".html", ".htm")
OFFICIAL_SUFFIXES = (".docx", ".doc", ".pdf")   # read by analysis.official
TABLE_NAMES = tuple(schema.TABLES)
_PER_PAGE = ("doc_refs", "amounts", "counts", "site_stats", "tasks", "table_figures")
GENERATION_FILE = "generation.json"

MAX_PAGE_BYTES = 16 * 2**20
"""Larger files are refused: portal pages are under 1 MB, saved HTML with inline images a few."""
MAX_PARAGRAPH_CHARS = 100_000
"""A longer paragraph is refused: real paragraphs are under 5,000 characters, and the fact
finders' cost grows faster than linearly with a sentence's length."""
FLUSH_PAGES = 2000
"""Pages whose rows are validated and written as one row group (validation costs about as much
per call as for 500 pages' rows)."""
REWRITE_ROWS = 8_192
"""Rows of ``reports`` rewritten at a time when duplicates are marked (a 65,536-row batch of
whole report rows added about 130 MiB to the peak at 100,000 pages)."""
CHUNK_PAGES = 16
"""Pages extracted by one task of the executor (fewer round trips than a task per page)."""
CHUNKS_PER_WORKER = 4
"""Chunks submitted per worker ahead of the one whose results are being written: enough to keep
every worker busy, few enough that memory does not grow with the number of pages."""
LIBRARIES = ("underthesea", "vietnamadminunits", "pandas", "pyarrow")
"""Libraries whose version changes the rows (sentence splitting, the gazetteer, dtypes)."""


_REPORT_WORDS = re.compile(
    r"dân vận|mặt trận|mttq|cấp ủy|đảng ủy|đảng bộ|chi bộ|huyện ủy|tỉnh ủy|thành ủy|thị ủy|quận ủy|"
    r"ủy ban nhân dân|ubnd|hội đồng nhân dân|chính quyền|hội nông dân|hội liên hiệp phụ nữ|"
    r"hội cựu chiến binh|đoàn thanh niên|liên đoàn lao động|công đoàn|"
    r"(?:huyện|tỉnh|thành|thị|quận) đoàn|đoàn tncs|đoàn viên|hội lhpn|hội liên hiệp thanh niên")
"""Words of the bodies whose reports the toolkit reads (on the page's match key). A Front, Farmers'
Union or People's Committee report need not say "dân vận"; a recipe or foreign news names none."""


class SourceError(ValueError):
    """The SRC given to extraction is missing or holds no pages (the tables stay as they are)."""


class TablesError(ValueError):
    """A tables folder that cannot be read as the schema says; ``str(e)`` names table and column."""


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
    duplicates: int = 0
    generation: str | None = None


# --- listing ----------------------------------------------------------------------------------

def _is_page_name(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES + OFFICIAL_SUFFIXES) and not name.startswith(".")


def list_pages(src: Path) -> tuple[list[Path], list[str]]:
    """Regular page files under ``src`` (a file or a folder), sorted, and the problems of the
    entries that look like pages but cannot be read (each "name: reason").

    Symbolic links are followed once: a loop, a dangling link, a folder or a FIFO named like a
    page is a problem, never a silent skip.

    Raises:
        SourceError: ``src`` does not exist.
    """
    src = Path(src)
    if not src.exists() and not src.is_symlink():
        raise SourceError(f"{src}: no such file or folder (the tables were not changed)")
    if not src.is_dir():
        if src.is_file():
            return [src], []
        return [], [f"{src.name}: not a regular file (FIFO, socket, device or broken link)"]
    pages, problems, seen = [], [], set()
    for root, dirs, files in os.walk(src, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            problems.append(f"{_rel(Path(root), src)}: symbolic link loop (folder visited twice)")
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files + [d for d in dirs if _is_page_name(d)]):
            if not _is_page_name(name):
                continue
            p = Path(root) / name
            try:
                st = os.stat(p)
            except OSError as e:
                reason = {errno.ELOOP: "symbolic link loop",
                          errno.ENOENT: "broken symbolic link"}.get(e.errno, e.strerror)
                problems.append(f"{_rel(p, src)}: {reason}")
                continue
            if stat.S_ISDIR(st.st_mode):
                problems.append(f"{_rel(p, src)}: a folder named like a page, not a page")
            elif not stat.S_ISREG(st.st_mode):
                problems.append(f"{_rel(p, src)}: not a regular file (FIFO, socket or device)")
            elif st.st_size > MAX_PAGE_BYTES:
                problems.append(f"{_rel(p, src)}: {st.st_size / 2**20:.0f} MB, above the limit of "
                                f"{MAX_PAGE_BYTES // 2**20} MB for one page")
            else:
                pages.append(p)
    return pages, problems


def _rel(p: Path, base: Path) -> str:
    return p.relative_to(base).as_posix()


# --- one page ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """Digest of what turns page bytes into rows: the code (text/, extract/, schema, tables)
    and the versions of the libraries that shape the rows (:data:`LIBRARIES`)."""
    pkg = Path(__file__).parent
    versions = ";".join(f"{lib}={_version(lib)}" for lib in LIBRARIES)
    return source_digest([*pkg.glob("text/*.py"), *pkg.glob("extract/*.py"),
                          *pkg.glob("official/*.py"), pkg / "schema.py", pkg / "tables.py"],
                         salt=versions)[:16]


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def report_id_for(source_file: str) -> str:
    """Stable id from the page's path: a readable slug plus a short hash against collisions."""
    stem = slugify(Path(source_file).with_suffix("").as_posix())[:60]
    return f"{stem}-{hashlib.sha1(source_file.encode()).hexdigest()[:8]}"


_DATE_AFTER = re.compile(r"^[\s,;]*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*"
                         r"(\d{4})")


def _flag_year(row: dict, flags: list[str]) -> None:
    y = row.get("year")
    if y is not None and y not in schema.PLAUSIBLE_YEARS:
        flags.append("year_out_of_range")
        row.update(year=None, quarter=None, half=None, month=None, period_label=None,
                   period_type="other")
    d = row.get("published_on")
    if d is not None and d.year not in schema.PLAUSIBLE_YEARS:
        flags.append("date_out_of_range")
        row["published_on"] = None


def _flag_document(row: dict) -> list[str]:
    d = row.get("issued_on")
    if d is not None and d.year not in schema.PLAUSIBLE_YEARS:
        row["issued_on"] = None
        return ["date_out_of_range"]
    if d is None:   # a written date the document finder could not take: say why
        at = row["sentence"].find(row["mention"])
        m = _DATE_AFTER.match(row["sentence"][at + len(row["mention"]):]) if at >= 0 else None
        if m:
            day, month, year = map(int, m.groups())
            try:
                dt.date(year, month, day)
            except ValueError:
                return ["date_invalid"]
            if year not in schema.PLAUSIBLE_YEARS:
                return ["date_out_of_range"]
    return []


def _flag_amount(row: dict) -> list[str]:
    v = row.get("amount_vnd")
    if v is None:
        return []
    if v < 0:
        row["amount_vnd"] = None
        return ["amount_negative"]
    if v > schema.MAX_PLAUSIBLE_VND:
        row["amount_vnd"] = None
        return ["amount_implausible"]
    return []


def _defaults(table: str) -> dict:
    """None for the table's nullable columns: a source that has no such fact leaves them empty."""
    return {c.name: None for c in schema.TABLES[table].columns if c.nullable}


def facts_to_rows(facts, report_id: str, source_file: str, sha: str,
                  table_figures: list[dict] = ()) -> dict[str, list[dict]]:
    """Rows of every table for one page or document; values that cannot be real are emptied and
    flagged."""
    report = {**_defaults("reports"), "report_id": report_id, "source_file": source_file,
              "content_sha256": sha, "extractor_digest": extractor_digest(), **facts.report}
    flags: list[str] = []
    _flag_year(report, flags)
    report["flags"] = ";".join(flags) or None
    rows = {"reports": [report]}
    for t in _PER_PAGE:
        found = table_figures if t == "table_figures" else getattr(facts, t)
        rows[t] = [{**_defaults(t), "report_id": report_id, **r} for r in found]
    for r in rows["doc_refs"]:
        r["flags"] = ";".join(_flag_document(r)) or None
    for r in rows["amounts"]:
        r["flags"] = ";".join(_flag_amount(r)) or None
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
        if len(data) > MAX_PAGE_BYTES:
            raise PageDecodeError(source_file, f"{len(data) / 2**20:.0f} MB, above the limit of "
                                               f"{MAX_PAGE_BYTES // 2**20} MB for one page")
        if Path(source_file).suffix.lower() in OFFICIAL_SUFFIXES:
            from .official import extract_official
            facts, figures = extract_official(data, source_file)
            rows = facts_to_rows(facts, rid, source_file, sha, table_figures=figures)
        else:
            page = read_page(data, source_file, read_sidecar(path) if path is not None else None)
            if not page.body:
                raise PageDecodeError(source_file,
                                      "no article text found (empty page or only chrome)")
            if not _REPORT_WORDS.search(page.key):
                raise PageDecodeError(source_file, "not a report of the political system (no "
                                                   "'dân vận', Party committee, Front, People's "
                                                   "Committee or mass organisation is named)")
            longest = max(page.body, key=lambda ln: ln.end - ln.start)
            if longest.end - longest.start > MAX_PARAGRAPH_CHARS:
                raise PageDecodeError(source_file, f"a paragraph of "
                                                   f"{longest.end - longest.start:,} characters, "
                                                   f"above the limit of {MAX_PARAGRAPH_CHARS:,}: "
                                                   "not a report page")
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
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return PageResult(source_file, report_id_for(source_file), "",
                          error=f"{source_file}: cannot be read: {e.strerror or e}")
    return extract_bytes(data, source_file, Path(path))


# --- reading ----------------------------------------------------------------------------------

def tables_generation(tables_dir: Path) -> Path:
    """The folder holding the complete table set of ``tables_dir`` (its current generation, or
    the folder itself for a flat folder of Parquet files written by an older version).

    Raises:
        TablesError: the folder does not exist or holds no tables.
    """
    tables_dir = Path(tables_dir)
    if not tables_dir.is_dir():
        raise TablesError(f"tables folder {tables_dir} does not exist (run "
                          "`python -m analysis extract` first, or give --tables)")
    gen = current_generation(tables_dir)
    if gen is not None:
        return gen
    if table_path(tables_dir, "reports").is_file() and not table_path(tables_dir,
                                                                     "reports").is_symlink():
        return tables_dir
    raise TablesError(f"tables folder {tables_dir} holds no tables (run "
                      "`python -m analysis extract` first)")


def read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of one generation of a tables folder, checked against the schema.

    Raises:
        TablesError: missing folder, missing table, or a column missing or of another dtype
            (the message names the table, the file and the column).
    """
    gen = tables_generation(tables_dir)
    out = {}
    for t in TABLE_NAMES:
        p = table_path(gen, t)
        if not p.exists():
            raise TablesError(f"table {t} ({p}) is missing from the tables folder")
        try:
            df = pd.read_parquet(p)
        except Exception as e:
            raise TablesError(f"table {t} ({p}) cannot be read: {e}") from None
        check_frame(t, df, p)
        out[t] = df
    return out


def check_frame(table: str, df: pd.DataFrame, where: Path | str = "") -> None:
    """Columns and dtypes as :mod:`analysis.schema` declares them (cheap; no pandera)."""
    label = f"table {table}" + (f" ({where})" if where else "")
    for c in schema.TABLES[table].columns:
        if c.name not in df.columns:
            raise TablesError(f"{label}: column {c.name!r} is missing")
        have = df[c.name].dtype
        if str(have) != c.dtype and not (c.dtype == "string" and isinstance(have, pd.StringDtype)):
            raise TablesError(f"{label}: column {c.name!r} has dtype {have}, expected {c.dtype}")


# --- writing ----------------------------------------------------------------------------------

def _arrow_schema(table: str):
    import pyarrow as pa
    return pa.Schema.from_pandas(schema.empty_frame(table), preserve_index=False)


class _GenerationWriter:
    """Parquet writers for every table of a staged generation, one row group per flush.

    ``reports`` rows go to a partial file first: once every page is in, the pages with the same
    bytes as an earlier one (by name) are known, and the file is rewritten batch by batch with
    ``duplicate_of`` filled in. What is held meanwhile is one name per distinct page bytes
    (about 300 bytes a page; reading the two columns back into Arrow or pandas cost 100-150 MiB
    at 100,000 pages)."""

    _PARTIAL = ".reports.partial.parquet"

    def __init__(self, gen: Path):
        import pyarrow.parquet as pq
        self.gen = gen
        self.schemas = {t: _arrow_schema(t) for t in TABLE_NAMES}
        self.writers = {t: pq.ParquetWriter(gen / self._PARTIAL if t == "reports"
                                            else table_path(gen, t), self.schemas[t])
                        for t in TABLE_NAMES}
        self.rows = dict.fromkeys(TABLE_NAMES, 0)
        self.first: dict[str, str] = {}

    def write(self, table: str, data) -> None:
        """Write a validated frame or an Arrow table/batch of ``table``."""
        import pyarrow as pa
        if isinstance(data, pd.DataFrame):
            data = pa.Table.from_pandas(data, schema=self.schemas[table], preserve_index=False)
        elif isinstance(data, pa.RecordBatch):
            data = pa.Table.from_batches([data])
        if not data.num_rows:
            return
        self.rows[table] += data.num_rows
        if table == "reports":
            self._note_pages(data)
        self.writers[table].write_table(data.cast(self.schemas[table]))

    def close(self, info: dict) -> int:
        """Finish every file (duplicates marked in reports); returns the duplicate pages."""
        import pyarrow as pa
        import pyarrow.parquet as pq
        for w in self.writers.values():
            w.close()
        checkpoint("tables-written")
        partial = self.gen / self._PARTIAL
        schema_ = self.schemas["reports"]
        at = schema_.get_field_index("duplicate_of")
        duplicates = 0
        with pq.ParquetWriter(table_path(self.gen, "reports"), schema_) as w:
            for batch in pq.ParquetFile(partial).iter_batches(batch_size=REWRITE_ROWS):
                dup_of = [self._duplicate_of(f, sha)
                          for f, sha in zip(batch.column("source_file").to_pylist(),
                                            batch.column("content_sha256").to_pylist())]
                duplicates += sum(d is not None for d in dup_of)
                w.write_table(pa.Table.from_batches([batch]).set_column(
                    at, schema_.field(at), pa.array(dup_of, type=schema_.field(at).type))
                    .cast(schema_))
        partial.unlink()
        (self.gen / GENERATION_FILE).write_text(json.dumps(
            {**info, "rows": self.rows}, ensure_ascii=False, indent=1), encoding="utf-8")
        return duplicates

    def _note_pages(self, data) -> None:
        """Remember, per page bytes, the first page by name that has them."""
        for f, sha in zip(data.column("source_file").to_pylist(),
                          data.column("content_sha256").to_pylist()):
            first = self.first.get(sha)
            if sha is not None and (first is None or f < first):
                self.first[sha] = f

    def _duplicate_of(self, source_file: str, sha: str | None) -> str | None:
        first = self.first.get(sha, source_file)
        return None if first == source_file else first

    def abort(self) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:
                pass


@contextmanager
def _staged(out: Path) -> Iterator[_GenerationWriter]:
    """A writer on a new generation of ``out``; published when the block (which must call the
    writer's ``close``) succeeds, removed when it fails."""
    gen = new_generation(out)
    writer = _GenerationWriter(gen)
    try:
        yield writer
        publish_generation(out, gen, links=[table_path(Path(), t).name for t in TABLE_NAMES])
    except BaseException:
        writer.abort()
        shutil.rmtree(gen, ignore_errors=True)
        raise


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> Path:
    """Publish a whole table set (validated frames, e.g. edited copies of extracted tables) as
    the new generation of ``out``; returns the generation folder."""
    frames = {t: schema.validate(t, schema.coerce(t, tables[t])) for t in TABLE_NAMES}
    with folder_lock(out, "write_tables"), _staged(Path(out)) as writer:
        for t in TABLE_NAMES:
            writer.write(t, frames[t])
        writer.close({"created": dt.datetime.now().isoformat(timespec="seconds"),
                      "extractor_digest": None, "source": "write_tables"})
    return writer.gen


def _valid_frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """Coerced and validated frames of some pages' rows (raises on the first invalid table)."""
    out = {}
    for t in TABLE_NAMES:
        df = _frame(t, rows[t]) if rows[t] else schema.empty_frame(t)
        out[t] = schema.validate(t, schema.coerce(t, df)) if rows[t] else df
    return out


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """The rows as a frame, built column by column (half the cost of a frame from a list of
    dicts); rows that lack a column of the table are left to pandas, which fills it in."""
    try:
        return pd.DataFrame({c.name: [r[c.name] for r in rows]
                             for c in schema.TABLES[table].columns})
    except KeyError:
        return pd.DataFrame(rows)


class _Batch:
    """Pages' rows waiting to be written together; a page whose rows fail validation becomes
    an error naming it, the others are written."""

    def __init__(self, writer: _GenerationWriter, summary: ExtractSummary):
        self.writer, self.summary = writer, summary
        self.pages: list[PageResult] = []

    def add(self, r: PageResult) -> None:
        if r.error:
            self.summary.errors.append(r.error)
            return
        self.summary.parsed += 1
        self.pages.append(r)
        if len(self.pages) >= FLUSH_PAGES:
            self.flush()

    def flush(self) -> None:
        if not self.pages:
            return
        try:
            frames = [_valid_frames({t: [x for p in self.pages for x in p.rows[t]]
                                     for t in TABLE_NAMES})]
        except Exception:
            frames = []
            for p in self.pages:             # find the page(s) at fault
                try:
                    frames.append(_valid_frames(p.rows))
                except Exception as e:
                    self.summary.parsed -= 1
                    self.summary.errors.append(f"{p.source_file}: rows do not fit the schema: "
                                               f"{str(e).splitlines()[0][:300]}")
        for f in frames:
            for t in TABLE_NAMES:
                self.writer.write(t, f[t])
        self.pages = []


def _copy_reused(old_gen: Path, writer: _GenerationWriter, ids: set[str]) -> None:
    """Stream the rows of unchanged pages from the current generation into the new one."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    keep = pa.array(sorted(ids), type=pa.string())
    for t in TABLE_NAMES:
        f = pq.ParquetFile(table_path(old_gen, t))
        for batch in f.iter_batches(batch_size=65_536):
            mask = pc.is_in(batch.column("report_id").cast(pa.string()), value_set=keep)
            writer.write(t, batch.filter(mask))


def _reusable(old_gen: Path | None) -> tuple[dict[str, str], set[str]]:
    """(source_file -> sha of every page in the current generation, the pages whose rows the
    current extractor made and can be copied)."""
    if old_gen is None:
        return {}, set()
    import pyarrow.parquet as pq
    try:
        for t in TABLE_NAMES:     # rows of another schema are made again, not copied
            if not pq.read_schema(table_path(old_gen, t)).equals(_arrow_schema(t),
                                                                 check_metadata=False):
                raise TablesError(t)
        r = pd.read_parquet(table_path(old_gen, "reports"),
                            columns=["source_file", "content_sha256", "extractor_digest"])
    except (OSError, TablesError, KeyError, ValueError):
        return {}, set()
    known = dict(zip(r["source_file"], r["content_sha256"]))
    return known, set(r.loc[r["extractor_digest"] == extractor_digest(), "source_file"])


def extract_folder(src: Path, out: Path, executor: Executor | None = None,
                   incremental: bool = True) -> ExtractSummary:
    """Extract every page under ``src`` into a new generation of Parquet tables in ``out``.

    Args:
        src: a page file or a folder of pages (searched recursively).
        out: the tables folder; rows of unchanged pages are copied from its current generation.
        executor: a ``concurrent.futures``-style executor for the parsing fan-out (local
            processes, or a Dask client's executor); None parses in this process.
        incremental: reuse rows of pages whose bytes did not change.

    Raises:
        SourceError: ``src`` is missing or holds no pages; the tables are not changed.
        analysis.lock.FolderLocked: another extraction writes ``out``.
        OSError: writing failed (e.g. the disk is full); the previous tables are intact.
    """
    src, out = Path(src), Path(out)
    base = src if src.is_dir() else src.parent
    paths, problems = list_pages(src)
    if not paths and not problems:
        raise SourceError(f"{src}: no pages ({', '.join(PAGE_SUFFIXES + OFFICIAL_SUFFIXES)} files) found; the tables "
                          "were not changed")
    summary = ExtractSummary(pages=len(paths) + len(problems), errors=list(problems))
    with folder_lock(out, "extract"):
        old_gen = current_generation(out) if incremental else None
        known, current = _reusable(old_gen)
        todo, reused_ids, listed = [], set(), set()
        for p in paths:
            rel = _rel(p, base)
            listed.add(rel)
            if rel in current:
                try:
                    same = hashlib.sha256(p.read_bytes()).hexdigest() == known[rel]
                except OSError:
                    same = False
                if same:
                    reused_ids.add(report_id_for(rel))
                    continue
            todo.append((str(p), rel))
        summary.reused = len(reused_ids)
        summary.removed = len(set(known) - listed)
        del paths, listed, known, current   # held by no one while the pages are parsed
        with _staged(out) as writer:
            if reused_ids:
                _copy_reused(old_gen, writer, reused_ids)
            batch = _Batch(writer, summary)
            for i, r in enumerate(_results(todo, executor)):
                batch.add(r)
                if i == 0:
                    checkpoint("first-page-done")
            batch.flush()
            summary.duplicates = writer.close({
                "created": dt.datetime.now().isoformat(timespec="seconds"),
                "extractor_digest": extractor_digest(), "source": str(src),
                "pages": summary.pages})
            checkpoint("generation-staged")
        summary.generation = writer.gen.name
    return summary


def _extract_chunk(chunk: list[tuple[str, str]]) -> list[PageResult]:
    return [_extract_path(args) for args in chunk]


def _results(todo: list[tuple[str, str]], executor: Executor | None) -> Iterator[PageResult]:
    """Page results in the order of ``todo``, as they arrive.

    Pages go to the executor in chunks of :data:`CHUNK_PAGES` (one task each, for local
    processes and Dask alike), at most :data:`CHUNKS_PER_WORKER` chunks per worker ahead of the
    one being written: the results waiting in memory do not grow with the number of pages.
    """
    if executor is None:
        yield from map(_extract_path, todo)
        return
    # A process pool knows its size; for another executor (Dask) assume this machine's cores.
    workers = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
    ahead = CHUNKS_PER_WORKER * workers
    waiting: deque = deque()
    try:
        for at in range(0, len(todo), CHUNK_PAGES):
            waiting.append(executor.submit(_extract_chunk, todo[at:at + CHUNK_PAGES]))
            if len(waiting) >= ahead:
                yield from waiting.popleft().result()
        while waiting:
            yield from waiting.popleft().result()
    finally:
        for f in waiting:   # the batch stopped (an error, a kill): drop the queued chunks
            f.cancel()
