"""Rendering one brief: papermill executes the brief notebook with its parameters, nbconvert
exports it to HTML, and the page is made self-contained (no script, no other host). Runs in a
worker process and returns text; it writes no file."""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..escape import TITLE_CHARS, plain
from ..formats import quarter_vi
from .plan import BriefJob

# A brief carries no script (nothing to run: no widgets, no maths) and no reference to another
# host; the lab template's mermaid loader and the URLs in its CSS comments are removed.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BRIEF_CSS = ("body{max-width:70rem;margin:0 auto;padding:0 1rem}"
              ".jp-RenderedHTMLCommon table{font-size:.9rem}"
              "@media print{body{max-width:none}}")
_EXTERNAL_LINK = re.compile(r"<link[^>]*\bhref=[\"']?https?:[^>]*>", re.I)


@dataclass
class BriefResult:
    job: BriefJob
    state: str                      # "ok", "failed" or "unchanged"
    seconds: float = 0.0
    error: str | None = None
    html: str | None = field(default=None, repr=False)
    notebook: str | None = field(default=None, repr=False)


def warm_worker() -> None:
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
            reason = error_reason(e)
            return BriefResult(job, "failed", time.perf_counter() - t0, reason, notebook=nb_text)
        nb = nbformat.read(str(out), as_version=4)
        nb.metadata["title"] = (f"Bản tin dân vận {plain(job.locality, TITLE_CHARS)} "
                                f"{quarter_vi(job.quarter, job.year)}")
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


def error_reason(e: Exception) -> str:
    name = getattr(e, "ename", None) or type(e).__name__
    value = getattr(e, "evalue", None) or str(e)
    text = f"{name}: {value}".strip()
    return text.splitlines()[0][:500] if text else type(e).__name__


