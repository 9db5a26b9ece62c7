"""Quarterly briefs: papermill runs the brief notebook for each (locality, quarter) in the
tables, nbconvert turns each executed notebook into one self-contained HTML file, and an index
page links them all.

The batch is parallel (any ``concurrent.futures``-style executor: local processes by default, or
a Dask client's executor), incremental (a brief whose inputs did not change is not executed
again), and isolated (a failing brief keeps its executed notebook with the error, the others go
on). Workers return the HTML and notebook text; only this process writes files, each atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import re
import sys
import tempfile
import time
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, paths, schema
from .files import source_digest, write_text_atomic
from .formats import counter, quarter_vi, vnd_short
from .tables import read_tables
from .text.keys import match_key, slugify

MANIFEST = ".briefs-manifest.json"
DEFAULT_TIMEOUT = 300
# A brief carries no script (nothing to run: no widgets, no maths) and no reference to another
# host; the lab template's mermaid loader and the URLs in its CSS comments are removed.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BRIEF_CSS = ("body{max-width:70rem;margin:0 auto;padding:0 1rem}"
              ".jp-RenderedHTMLCommon table{font-size:.9rem}"
              "@media print{body{max-width:none}}")
_EXTERNAL_LINK = re.compile(r"<link[^>]*\bhref=[\"']?https?:[^>]*>", re.I)


@dataclass(frozen=True)
class BriefJob:
    """One brief to render."""

    locality: str
    year: int
    quarter: int
    fingerprint: str

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def slug(self) -> str:
        return slugify(self.locality)

    @property
    def html_rel(self) -> str:
        return f"briefs/{self.label}/{self.slug}.html"

    @property
    def failed_rel(self) -> str:
        return f"failed/{self.label}/{self.slug}.ipynb"

    @property
    def name(self) -> str:
        return f"{self.label}/{self.slug}"


@dataclass
class BriefResult:
    job: BriefJob
    state: str                      # "ok", "failed" or "unchanged"
    seconds: float = 0.0
    error: str | None = None
    html: str | None = field(default=None, repr=False)
    notebook: str | None = field(default=None, repr=False)


@dataclass
class BatchSummary:
    results: list[BriefResult]
    seconds: float

    @property
    def failed(self) -> list[BriefResult]:
        return [r for r in self.results if r.state == "failed"]

    def count(self, state: str) -> int:
        return sum(1 for r in self.results if r.state == state)


def _frame_digest(df: pd.DataFrame) -> bytes:
    if df.empty:
        return b"empty:" + ",".join(df.columns).encode()
    return hashlib.sha256(pd.util.hash_pandas_object(df, index=False).values.tobytes()
                          + ",".join(df.columns).encode()).digest()


def plan(tables: dict[str, pd.DataFrame], notebook: Path,
         only: list[str] | None = None) -> list[BriefJob]:
    """The briefs the tables call for: one per (locality, quarter) of quarterly reports.

    Args:
        tables: the extracted tables.
        notebook: the brief notebook (its bytes are part of every fingerprint).
        only: "LOCALITY/QUARTER" filters such as "Sa Pa/2021-Q1" or "sa-pa/2021-Q1".
    """
    r = tables["reports"]
    r = r[(r["period_type"] == "quarter") & r["locality"].notna() & r["year"].notna()
          & r["quarter"].notna()]
    # The package's own code is an input too: a code change re-renders the briefs.
    code = source_digest(Path(__file__).parent.rglob("*.py"), salt=__version__)
    base = hashlib.sha256(Path(notebook).read_bytes() + code.encode()).hexdigest()
    jobs = []
    for _, group in r.groupby(r["locality"].map(match_key)):
        locality = group["locality"].iloc[0]
        ids = set(group["report_id"])
        h = hashlib.sha256(base.encode())
        for t in schema.TABLES:
            df = tables[t]
            h.update(_frame_digest(df[df["report_id"].isin(ids)]
                                   .sort_values("report_id", kind="stable")))
        loc_digest = h.hexdigest()
        for (y, q), _ in group.groupby(["year", "quarter"]):
            params = json.dumps({"locality": locality, "year": int(y), "quarter": int(q)},
                                ensure_ascii=False, sort_keys=True)
            fp = hashlib.sha256((loc_digest + params).encode()).hexdigest()
            jobs.append(BriefJob(locality, int(y), int(q), fp))
    if only:
        wanted = {_only_key(o) for o in only}
        jobs = [j for j in jobs if (match_key(j.locality), j.label) in wanted
                or (j.slug, j.label) in wanted]
    return sorted(jobs, key=lambda j: (j.year, j.quarter, j.slug))


def _only_key(spec: str) -> tuple[str, str]:
    loc, _, period = spec.rpartition("/")
    period = period.upper().replace("Q", "-Q").replace("--", "-")
    return (match_key(loc) if not re.fullmatch(r"[a-z0-9-]+", loc) else loc), period


def _warm() -> None:
    """Import the heavy modules once per worker process."""
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


def render(job: BriefJob, notebook: str, tables_dir: str, kernel_name: str,
           timeout: int) -> BriefResult:
    """Execute the notebook for one brief and convert it to HTML; never raises.

    Runs in a worker: returns the HTML (or the executed notebook with its error) to the caller,
    which writes the files.
    """
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    t0 = time.perf_counter()
    params = {"locality": job.locality, "year": job.year, "quarter": job.quarter,
              "tables_dir": str(Path(tables_dir).resolve())}
    with tempfile.TemporaryDirectory(prefix="brief-") as tmp:
        out = Path(tmp) / "executed.ipynb"
        try:
            pm.execute_notebook(notebook, str(out), parameters=params, kernel_name=kernel_name,
                                cwd=str(Path(notebook).parent), progress_bar=False,
                                log_output=False, execution_timeout=timeout,
                                request_save_on_cell_execute=False,
                                extra_arguments=["--IPKernelApp.log_level=ERROR"])
        except Exception as e:  # papermill's error, a timeout, or a dead kernel
            nb_text = out.read_text(encoding="utf-8") if out.exists() else None
            reason = _reason(e)
            return BriefResult(job, "failed", time.perf_counter() - t0, reason, notebook=nb_text)
        nb = nbformat.read(str(out), as_version=4)
        nb.metadata["title"] = f"Bản tin dân vận {job.locality} {quarter_vi(job.quarter, job.year)}"
        exporter = HTMLExporter(template_name="lab", exclude_input=True,
                                exclude_input_prompt=True, exclude_output_prompt=True)
        body, _ = exporter.from_notebook_node(nb)
        body = _self_contained(body)
        return BriefResult(job, "ok", time.perf_counter() - t0, html=body)


def _self_contained(page: str) -> str:
    """The exported page without scripts, external links or CSS comments."""
    page = _SCRIPT.sub("", page)
    page = _EXTERNAL_LINK.sub("", page)
    page = re.sub(r"<style\b.*?</style>", lambda m: _CSS_COMMENT.sub("", m.group(0)), page,
                  flags=re.I | re.S)
    page = re.sub(r"<html\b[^>]*>", '<html lang="vi">', page, count=1)
    return page.replace("</head>", f"<style>{_BRIEF_CSS}</style></head>", 1)


def _reason(e: Exception) -> str:
    name = getattr(e, "ename", None) or type(e).__name__
    value = getattr(e, "evalue", None) or str(e)
    text = f"{name}: {value}".strip()
    return text.splitlines()[0][:500] if text else type(e).__name__


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
               kernel_name: str = paths.KERNEL_NAME, force: bool = False,
               progress: bool = True) -> BatchSummary:
    """Render every brief whose inputs changed, then write the index page.

    Args:
        tables_dir: folder with the extracted Parquet tables.
        out: the reports folder (briefs land in ``out/briefs/<year>-Q<q>/<slug>.html``).
        notebook: the parametrized brief notebook.
        jobs: parallel workers for the default process pool (default: the machine's cores).
        only: restrict to these "LOCALITY/QUARTER" briefs.
        timeout: seconds a cell of a brief may run before the brief fails.
        executor: a ``concurrent.futures``-style executor to use instead of a process pool
            (e.g. ``distributed.Client(...).get_executor()``).
        kernel_name: the Jupyter kernel papermill starts.
        force: render even briefs whose inputs did not change.
        progress: print progress (a bar on a terminal, lines otherwise).
    """
    t0 = time.perf_counter()
    out = Path(out)
    tables = read_tables(Path(tables_dir))
    planned = plan(tables, Path(notebook), only)
    manifest = _load_manifest(out)
    todo, results = [], []
    for job in planned:
        entry = manifest.get(job.html_rel)
        if (not force and entry and entry.get("state") == "ok"
                and entry.get("fingerprint") == job.fingerprint and (out / job.html_rel).exists()):
            results.append(BriefResult(job, "unchanged", entry.get("seconds", 0.0)))
        else:
            todo.append(job)
    bar = _Progress(len(todo), progress)
    if todo:
        own = executor is None
        ex = executor or ProcessPoolExecutor(max_workers=min(jobs or os.cpu_count() or 1,
                                                             len(todo)), initializer=_warm)
        try:
            futures = {ex.submit(render, job, str(Path(notebook).resolve()),
                                 str(Path(tables_dir).resolve()), kernel_name, timeout): job
                       for job in todo}
            for fut in as_completed(futures):
                try:
                    r = fut.result()
                except Exception as e:  # the worker itself died
                    r = BriefResult(futures[fut], "failed", error=f"worker failed: {_reason(e)}")
                _store(out, r, manifest)
                results.append(r)
                bar.update(r)
        finally:
            bar.close()
            if own:
                ex.shutdown()
    # Forget briefs the tables no longer call for (their files stay until `make clean`).
    planned_keys = {j.html_rel for j in planned}
    if not only:
        manifest = {k: v for k, v in manifest.items() if k in planned_keys}
    write_text_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1,
                                             sort_keys=True))
    results.sort(key=lambda r: (r.job.year, r.job.quarter, r.job.slug))
    write_index(out, tables, manifest)
    return BatchSummary(results, time.perf_counter() - t0)


def _store(out: Path, r: BriefResult, manifest: dict) -> None:
    job = r.job
    entry = {"locality": job.locality, "year": job.year, "quarter": job.quarter,
             "state": r.state, "seconds": round(r.seconds, 2), "error": r.error,
             "fingerprint": job.fingerprint if r.state == "ok" else None,
             "rendered_at": dt.datetime.now().isoformat(timespec="seconds")}
    if r.state == "ok":
        write_text_atomic(out / job.html_rel, r.html)
        (out / job.failed_rel).unlink(missing_ok=True)
    else:
        if r.notebook:
            write_text_atomic(out / job.failed_rel, r.notebook)
            entry["notebook"] = job.failed_rel
    manifest[job.html_rel] = entry


_STATE_VI = {"ok": ("Đã tạo", "ok"), "failed": ("Lỗi", "failed")}


def _index_figures(tables: dict[str, pd.DataFrame]) -> dict[tuple, dict]:
    """Headline figures per (locality key, year, quarter): support spending, documents, views."""
    r = tables["reports"]
    r = r[(r["period_type"] == "quarter") & r["locality"].notna() & r["year"].notna()]
    a = tables["amounts"]
    support = a[(a["kind"] == "support") & (a["section"] == "results")].groupby(
        "report_id")["amount_vnd"].sum()
    docs = tables["doc_refs"].groupby("report_id")["doc_key"].nunique()
    out = {}
    for row in r.itertuples():
        out[(match_key(row.locality), int(row.year), int(row.quarter))] = {
            "support": int(support.get(row.report_id, 0)),
            "documents": int(docs.get(row.report_id, 0)),
            "views": None if pd.isna(row.views) else int(row.views)}
    return out


def write_index(out: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> Path:
    """``out/index.html``: every brief by quarter with its state, plus the data dictionary."""
    reports = tables["reports"]
    figures = _index_figures(tables)
    rows_by_period: dict[str, list[str]] = {}
    for rel, e in sorted(manifest.items(), key=lambda kv: (-kv[1]["year"], -kv[1]["quarter"],
                                                           kv[1]["locality"])):
        label = f"{e['year']}-Q{e['quarter']}"
        text, cls = _STATE_VI.get(e["state"], (e["state"], ""))
        if e["state"] == "ok":
            cell = f"<a href='{html.escape(rel)}'>{html.escape(e['locality'])}</a>"
        else:
            cell = html.escape(e["locality"])
        detail = html.escape(e.get("error") or "")
        if e.get("notebook"):
            detail += f" — <a href='{html.escape(e['notebook'])}'>sổ tay đã chạy</a>"
        fig = figures.get((match_key(e["locality"]), e["year"], e["quarter"]), {})
        rows_by_period.setdefault(label, []).append(
            f"<tr><td>{cell}</td><td class='num'>{vnd_short(fig.get('support'))}</td>"
            f"<td class='num'>{fig.get('documents', '–')}</td>"
            f"<td class='num'>{counter(fig.get('views'))}</td>"
            f"<td class='{cls}'>{text}</td><td>{detail}</td></tr>")
    other = reports[reports["period_type"] != "quarter"]
    parts = [
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Bản tin công tác dân vận</title><style>",
        "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;max-width:60rem;"
        "margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}"
        "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
        "td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left}"
        ".num{text-align:right}.ok{color:#1b7a3a}.failed{color:#b3261e;font-weight:600}h2{margin-top:1.8rem}",
        "</style></head><body>",
        "<h1>Bản tin công tác dân vận theo quý</h1>",
        f"<p>{sum(1 for e in manifest.values() if e['state'] == 'ok')} bản tin, "
        f"{sum(1 for e in manifest.values() if e['state'] == 'failed')} lỗi; "
        f"{len(reports)} trang báo cáo trong bảng dữ liệu. "
        "<a href='data_dictionary.html'>Từ điển dữ liệu</a>.</p>",
    ]
    for label, rows in rows_by_period.items():
        y, q = label.split("-Q")
        parts.append(f"<h2>{quarter_vi(int(q), int(y), capital=True)}</h2><table><tr>"
                     "<th>Địa phương</th><th class='num'>Kinh phí hỗ trợ</th>"
                     "<th class='num'>Văn bản dẫn chiếu</th><th class='num'>Lượt xem</th>"
                     "<th>Trạng thái</th><th>Ghi chú</th></tr>" + "".join(rows) + "</table>")
    if len(other):
        parts.append("<h2>Báo cáo không theo quý</h2><p>Các trang này có trong bảng dữ liệu "
                     "nhưng không có bản tin quý.</p><table><tr><th>Địa phương</th><th>Kỳ</th>"
                     "<th>Tiêu đề</th></tr>")
        for _, r in other.iterrows():
            parts.append(f"<tr><td>{html.escape(str(r['locality'] or '–'))}</td>"
                         f"<td>{html.escape(str(r['period_label'] or r['period_type']))}</td>"
                         f"<td>{html.escape(str(r['title'] or ''))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path = Path(out) / "index.html"
    write_text_atomic(path, "".join(parts))
    write_text_atomic(Path(out) / "data_dictionary.html", schema.data_dictionary_html())
    return path


def summary_text(s: BatchSummary) -> str:
    lines = [f"briefs: {s.count('ok')} rendered, {s.count('unchanged')} unchanged, "
             f"{s.count('failed')} failed in {s.seconds:.1f}s"]
    for r in s.failed:
        lines.append(f"  FAILED {r.job.name}: {r.error}")
    return "\n".join(lines)

