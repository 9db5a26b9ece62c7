"""Rendering one brief: papermill executes the brief notebook with its parameters (in the warm
in-process engine of ``engine.py``), nbconvert exports it to HTML with the worker's one exporter,
and the page is made self-contained (no script, no other host). Runs in a worker process
(``workers.py``) and returns text; it writes no file."""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..escape import TITLE_CHARS, plain
from .plan import BriefJob
from .style import BRIEF_CSS

# A brief carries no script (nothing to run: no widgets, no maths) and no reference to another
# host; the lab template's mermaid loader and the URLs in its CSS comments are removed.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_EXTERNAL_LINK = re.compile(r"<link[^>]*\bhref=[\"']?https?:[^>]*>", re.I)


@dataclass
class BriefResult:
    job: BriefJob
    state: str                      # "ok", "failed" or "unchanged"
    seconds: float = 0.0
    error: str | None = None
    html: str | None = field(default=None, repr=False)
    notebook: str | None = field(default=None, repr=False)


_EXPORTER = None


def _exporter():
    """One HTML exporter per process: loading its template costs more than a brief's export."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        _EXPORTER = HTMLExporter(template_name="lab", exclude_input=True,
                                 exclude_input_prompt=True, exclude_output_prompt=True)
    return _EXPORTER


def warm_worker() -> None:
    """Import the heavy modules, create the shell and load the HTML template once per process."""
    # nbformat validates with jsonschema, which loads rfc3987_syntax when it is installed
    # (JupyterLab's jupyter-events asks for it) and that compiles a grammar at import: 1.5 s of
    # CPU per process, for the "iri" format that no notebook schema uses.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import papermill  # noqa: F401
    from . import engine
    engine.register()
    engine.warm_up()
    _exporter()


def render(job: BriefJob, notebook: str, tables_dir: str, timeout: int) -> BriefResult:
    """Execute the notebook for one brief and convert it to HTML; never raises.

    Runs in a worker process, in papermill's in-process engine (``engine.py``): returns the
    HTML (or the executed notebook with its error) to the caller, which writes the files.
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from . import engine

    t0 = time.perf_counter()
    params = {**job.parameters, "tables_dir": str(Path(tables_dir).resolve())}
    try:
        nb = pm.execute_notebook(notebook, None, parameters=params,
                                 engine_name=engine.register(), kernel_name=paths.KERNEL_NAME,
                                 cwd=str(Path(notebook).parent), progress_bar=False,
                                 log_output=False, execution_timeout=timeout,
                                 request_save_on_cell_execute=False)
    except Exception as e:  # papermill's error (a cell raised or timed out), or a bad notebook
        executed = engine.last_notebook() if isinstance(e, PapermillExecutionError) else None
        nb_text = nbformat.writes(executed) if executed is not None else None
        return BriefResult(job, "failed", time.perf_counter() - t0, error_reason(e),
                           notebook=nb_text)
    return BriefResult(job, "ok", time.perf_counter() - t0, html=to_html(nb, job))


def to_html(nb, job: BriefJob) -> str:
    """The self-contained page of an executed brief notebook."""
    nb.metadata["title"] = plain(job.title, TITLE_CHARS)
    body, _ = _exporter().from_notebook_node(nb)
    return _self_contained(body)


def _self_contained(page: str) -> str:
    """The exported page without scripts, external links or CSS comments."""
    page = _SCRIPT.sub("", page)
    page = _EXTERNAL_LINK.sub("", page)
    page = re.sub(r"<style\b.*?</style>", lambda m: _CSS_COMMENT.sub("", m.group(0)), page,
                  flags=re.I | re.S)
    page = re.sub(r"<html\b[^>]*>", '<html lang="vi">', page, count=1)
    return page.replace("</head>", f"<style>{BRIEF_CSS}</style></head>", 1)


def error_reason(e: Exception) -> str:
    name = getattr(e, "ename", None) or type(e).__name__
    value = getattr(e, "evalue", None) or str(e)
    text = f"{name}: {value}".strip()
    return text.splitlines()[0][:500] if text else type(e).__name__


