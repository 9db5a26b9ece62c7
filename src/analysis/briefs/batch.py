"""The brief batch: plan, skip what is unchanged, render the rest in parallel (any
``concurrent.futures``-style executor: warm local worker processes by default, or a Dask
client's executor),
store each result atomically, keep the manifest, write the province syntheses (.docx, one per
province roll-up rendered) and the index. A failing brief keeps its executed notebook with the
error; a failing synthesis is reported like a failed brief; the others go on. Only this
process writes files."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..files import checkpoint, write_text_atomic
from ..lock import folder_lock
from ..tables import read_tables, tables_generation
from .index import refresh_index
from .outputs import MANIFEST, counts_line, forget_settled, record_settled
from .plan import plan, unmatched
from .render import BriefResult, error_reason
from .workers import prestart, render_brief, stop_workers

DEFAULT_TIMEOUT = 300
MANIFEST_EVERY_S = 2.0
"""The manifest is rewritten at most this often during a batch (and at its end)."""


class BriefSelectionError(ValueError):
    """``--only`` names a brief the tables do not call for."""


@dataclass
class BatchSummary:
    results: list[BriefResult]
    seconds: float
    syntheses: list[BriefResult] = field(default_factory=list)  # province .docx, by roll-up job

    @property
    def failed(self) -> list[BriefResult]:
        return [r for r in self.results + self.syntheses if r.state == "failed"]

    def count(self, state: str) -> int:
        return sum(1 for r in self.results if r.state == state)


def _load_manifest(out: Path) -> dict:
    p = out / MANIFEST
    try:
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
    except json.JSONDecodeError:
        return {}


class _Progress:
    """tqdm on a terminal; plain lines ("[3/40] 2021-Q1/sa-pa ok 3.1s") otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.t0 = total, 0, time.perf_counter()
        self.bar = None
        self.enabled = enabled and total > 0
        if self.enabled and sys.stderr.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="brief", desc="briefs")

    def update(self, r: BriefResult) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.set_postfix_str(f"{r.job.name} {r.state}")
            self.bar.update(1)
            return
        elapsed = time.perf_counter() - self.t0
        eta = elapsed / self.done * (self.total - self.done)
        print(f"[{self.done}/{self.total}] {r.job.name} {r.state} {r.seconds:.1f}s"
              f" (eta {eta:.0f}s)" + (f": {r.error}" if r.error else ""),
              file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_briefs(tables_dir: Path, out: Path, notebook: Path = paths.BRIEF_NOTEBOOK,
               jobs: int | None = None, only: list[str] | None = None,
               timeout: int = DEFAULT_TIMEOUT, executor: Executor | None = None,
               force: bool = False,
               progress: bool = True) -> BatchSummary:
    """Render every brief whose inputs changed, then write the index page.

    Args:
        tables_dir: folder with the extracted Parquet tables.
        out: the reports folder (briefs land in ``out/briefs/<year>-Q<q>/<slug>.html``).
        notebook: the parametrized brief notebook.
        jobs: parallel warm worker processes by default (default: the machine's cores).
        only: restrict to these briefs (names or "LOCALITY/PERIOD", see :func:`plan`).
        timeout: seconds a cell of a brief may run before the brief fails.
        executor: a ``concurrent.futures``-style executor to use instead of the local workers
            (e.g. ``distributed.Client(...).get_executor()``).
        force: render even briefs whose inputs did not change.
        progress: print progress (a bar on a terminal, lines otherwise).
    """
    t0 = time.perf_counter()
    out = Path(out)
    if executor is None and (force or not (out / MANIFEST).exists()):
        prestart()          # a first run renders everything: warm a worker while planning
    # One generation of the tables for the plan and every worker, even if extraction swaps it.
    tables_dir = tables_generation(Path(tables_dir))
    tables = read_tables(tables_dir)
    planned = plan(tables, Path(notebook), only)
    if only:
        missing = unmatched(planned, only)
        if missing:
            known = ", ".join(j.name for j in plan(tables, Path(notebook))[:20]) or "none"
            raise BriefSelectionError(f"--only {', '.join(map(repr, missing))}: no such brief in "
                                      f"the tables (briefs: {known})")
    with folder_lock(out, "briefs"):
        return _run(out, tables_dir, tables, planned, notebook, jobs, only, timeout, executor,
                    force, progress, t0)


def _run(out, tables_dir, tables, planned, notebook, jobs, only, timeout, executor, force,
         progress, t0) -> BatchSummary:
    forget_settled(out)
    manifest = _load_manifest(out)
    todo, results = [], []
    for job in planned:
        entry = manifest.get(job.html_rel)
        if (not force and entry and entry.get("state") == "ok"
                and entry.get("fingerprint") == job.fingerprint and (out / job.html_rel).exists()):
            results.append(BriefResult(job, "unchanged", entry.get("seconds", 0.0)))
        else:
            todo.append(job)
    # Crash safety: before any brief file changes, its entry stops claiming a rendered brief;
    # it claims one again only once the file is written (a killed batch re-renders those).
    for job in todo:
        if job.html_rel in manifest:
            manifest[job.html_rel] = {**manifest[job.html_rel], "state": "pending",
                                      "fingerprint": None}
    if todo:
        _save_manifest(out, manifest)
    saved = time.monotonic()
    bar = _Progress(len(todo), progress)
    if todo:
        own = executor is None
        # Each thread of the default pool drives one warm worker process (workers.py).
        ex = executor or ThreadPoolExecutor(max_workers=min(jobs or os.cpu_count() or 1,
                                                            len(todo)))
        try:
            futures = {ex.submit(render_brief, job, str(Path(notebook).resolve()),
                                 str(Path(tables_dir).resolve()), timeout): job
                       for job in todo}
            for fut in as_completed(futures):
                try:
                    r = fut.result()
                except Exception as e:  # the worker itself died
                    r = BriefResult(futures[fut], "failed", error=f"worker failed: {error_reason(e)}")
                _store(out, r, manifest)
                if time.monotonic() - saved > MANIFEST_EVERY_S:
                    _save_manifest(out, manifest)
                    saved = time.monotonic()
                results.append(r)
                bar.update(r)
        finally:
            bar.close()
            if own:
                ex.shutdown()
    stop_workers()
    # Forget briefs the tables no longer call for (their files stay until `make clean`).
    planned_keys = {j.html_rel for j in planned}
    if not only:
        manifest = {k: v for k, v in manifest.items() if k in planned_keys}
    _save_manifest(out, manifest)
    results.sort(key=lambda r: r.job.sort_key)
    syntheses = _write_syntheses(out, tables, results, manifest)
    _save_manifest(out, manifest)
    refresh_index(out, tables, manifest, tables_dir, force)
    summary = BatchSummary(results, time.perf_counter() - t0, syntheses)
    if not only and not summary.failed:
        record_settled(out, tables_dir, notebook)
    return summary


def _write_syntheses(out: Path, tables: dict, results: list[BriefResult],
                     manifest: dict) -> list[BriefResult]:
    """The province synthesis (.docx) of each province roll-up rendered this run (or whose file
    is missing), under ``out/synthesis/``; its path (or its error) goes in the roll-up's manifest
    entry, for the index."""
    from ..official.sources import pair_sources
    from ..synthesis import build, default_out, write_docx
    done = []
    pairs = None
    for r in results:
        job = r.job
        entry = manifest.get(job.html_rel)
        if job.scope != "province" or entry is None or r.state == "failed":
            continue
        rel = f"synthesis/{default_out(job.province, job.period).name}"
        if r.state == "unchanged" and entry.get("synthesis") == rel and (out / rel).exists():
            continue
        t = time.perf_counter()
        try:
            if pairs is None:                 # paired once for every province
                pairs = pair_sources(tables["reports"])
            write_docx(build(tables, job.province, job.period, pairs), out / rel)
        except Exception as e:  # one province's synthesis never stops the batch
            entry.pop("synthesis", None)
            entry["synthesis_error"] = error_reason(e)
            done.append(BriefResult(job, "failed", time.perf_counter() - t,
                                    error=f"tổng hợp .docx {rel}: {error_reason(e)}"))
            continue
        entry.pop("synthesis_error", None)
        entry["synthesis"] = rel
        done.append(BriefResult(job, "ok", time.perf_counter() - t))
    return done


def _save_manifest(out: Path, manifest: dict) -> None:
    write_text_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1,
                                                 sort_keys=True))


def _store(out: Path, r: BriefResult, manifest: dict) -> None:
    job = r.job
    entry = {**job.parameters, "title": job.title, "state": r.state,
             "seconds": round(r.seconds, 2), "error": r.error,
             "fingerprint": job.fingerprint if r.state == "ok" else None,
             "rendered_at": dt.datetime.now().isoformat(timespec="seconds")}
    if r.state == "ok":
        write_text_atomic(out / job.html_rel, r.html)
        checkpoint("brief-written")
        (out / job.failed_rel).unlink(missing_ok=True)
    else:
        if r.notebook:
            write_text_atomic(out / job.failed_rel, r.notebook)
            entry["notebook"] = job.failed_rel
    manifest[job.html_rel] = entry


def summary_text(s: BatchSummary) -> str:
    lines = [counts_line(s.count("ok"), s.count("unchanged"), s.count("failed"), s.seconds)]
    if s.syntheses:
        bad = sum(1 for r in s.syntheses if r.state == "failed")
        lines.append(f"province syntheses (.docx): {len(s.syntheses) - bad} written, {bad} failed")
    for r in s.failed:
        lines.append(f"  FAILED {r.job.name}: {r.error}")
    return "\n".join(lines)

