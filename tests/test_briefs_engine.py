"""The warm brief workers: briefs rendered one after another in one worker process never see
each other's state, give the same page as a fresh kernel, survive a worker that dies, and stay
bounded by the timeout. Real notebooks, real papermill, real worker processes; the crafted
notebooks are copies of the brief notebook with one extra cell."""

from __future__ import annotations

import re
import sys
import threading

import nbformat
import papermill as pm
import pytest

from analysis import paths
from analysis.briefs import engine, workers
from analysis.briefs.batch import run_briefs
from analysis.briefs.plan import plan
from analysis.briefs.render import to_html
from analysis.tables import extract_folder, read_tables
from tests.test_briefs import OTHER_TEXT, SEED_TEXT, _notebook_with, _raw

pytestmark = pytest.mark.slow

# pandas' Styler gives each table a random id, and papermill its injected parameters cell;
# nothing else in a page may differ.
_RANDOM_IDS = re.compile(r"T_[0-9a-f]{5}|cell-id=[0-9a-f-]+")


def _masked(page: str) -> str:
    return _RANDOM_IDS.sub("ID", page)


@pytest.fixture(scope="module")
def two_localities(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engine")
    tables = tmp / "tables"
    extract_folder(_raw(tmp, {"a.txt": SEED_TEXT, "b.txt": OTHER_TEXT}), tables)
    jobs = {j.locality: j for j in plan(read_tables(tables), paths.BRIEF_NOTEBOOK)
            if j.scope == "locality"}                  # (their province's roll-up aside)
    assert set(jobs) == {"Sa Pa", "Bảo Yên"}
    return tmp, tables, jobs


@pytest.fixture
def own_workers():
    """Each test starts its workers afresh and stops them at the end."""
    workers.stop_workers()
    workers._local.child = None
    yield
    workers.stop_workers()
    workers._local.child = None


LEAKY_CELL = '''\
import os, sys
import matplotlib, pandas as pd
seen = {"global": "LEAKED" in globals(), "env": os.environ.get("BRIEF_LEAK"),
        "dpi": matplotlib.rcParams["figure.dpi"], "rows": pd.get_option("display.max_rows"),
        "path": "/leaked" in sys.path, "out": len(Out), "count": get_ipython().execution_count}
print("state seen:", sorted(seen.items()))
if locality == "Sa Pa":
    LEAKED = 1
    os.environ["BRIEF_LEAK"] = "1"
    matplotlib.rcParams["figure.dpi"] = 20
    pd.set_option("display.max_rows", 3)
    sys.path.append("/leaked")
    open_figure = matplotlib.pyplot.figure()
'''


def test_a_brief_that_sets_globals_does_not_change_the_next_one(two_localities, tmp_path,
                                                                own_workers):
    _, tables, jobs = two_localities
    nb = str(_notebook_with(tmp_path, LEAKY_CELL))
    first = workers.render_brief(jobs["Bảo Yên"], nb, str(tables), 60)
    pid = workers._local.child.proc.pid
    leaky = workers.render_brief(jobs["Sa Pa"], nb, str(tables), 60)
    after = workers.render_brief(jobs["Bảo Yên"], nb, str(tables), 60)
    assert [first.state, leaky.state, after.state] == ["ok"] * 3
    assert workers._local.child.proc.pid == pid            # one warm worker rendered all three
    # What a fresh kernel prints for this cell (checked once by hand with papermill).
    clean = ("state seen: [('count', 4), ('dpi', 100.0), ('env', None), ('global', False), "
             "('out', 0), ('path', False), ('rows', 60)]")
    assert clean in first.html and clean in after.html
    assert _masked(after.html) == _masked(first.html)


def test_warm_worker_page_equals_a_fresh_kernel_page(two_localities, tmp_path, own_workers):
    _, tables, jobs = two_localities
    job = jobs["Sa Pa"]
    nb = str(paths.BRIEF_NOTEBOOK)
    workers.render_brief(jobs["Bảo Yên"], nb, str(tables), 60)    # the worker is warm
    warm = workers.render_brief(job, nb, str(tables), 60)
    executed = pm.execute_notebook(
        nb, str(tmp_path / "fresh.ipynb"), kernel_name=paths.KERNEL_NAME,
        parameters={**job.parameters, "tables_dir": str(tables.resolve())},
        cwd=str(paths.NOTEBOOKS), progress_bar=False)
    fresh = to_html(executed, job)
    assert warm.state == "ok"
    # three charts, each a picture or (one quarter of data) its one-line note
    assert len(re.findall(r"<img[^>]+src=\"data:image/png;base64,|<p class=\"chart-note\">",
                          fresh)) == 3
    assert _masked(warm.html) == _masked(fresh)


def test_a_worker_that_dies_is_replaced_and_its_brief_retried_once(two_localities, tmp_path,
                                                                   own_workers):
    _, tables, _ = two_localities
    marker = tmp_path / "died-once"
    nb = _notebook_with(tmp_path, f'''\
import os
if locality == "Sa Pa" and not os.path.exists({str(marker)!r}):
    open({str(marker)!r}, "w").close()
    os._exit(5)
if locality == "Bảo Yên":
    os._exit(7)
''')
    out = tmp_path / "reports"
    s = run_briefs(tables, out, notebook=nb, jobs=1, progress=False)
    states = {r.job.locality: (r.state, r.error) for r in s.results}
    sapa = next(r.job for r in s.results if r.job.locality == "Sa Pa")
    assert marker.exists()                                  # Sa Pa killed its first worker
    assert states["Sa Pa"] == ("ok", None)
    assert states["Bảo Yên"] == (
        "failed", "WorkerDied: its worker process died (exit code 7) on each of 2 tries")
    assert (out / sapa.html_rel).exists()
    assert "exit code 7" in (out / "index.html").read_text(encoding="utf-8")


def test_timeout_bounds_a_brief_and_the_worker_goes_on(two_localities, tmp_path, own_workers):
    _, tables, jobs = two_localities
    nb = str(_notebook_with(tmp_path, 'import time\nif locality == "Sa Pa":\n    time.sleep(60)'))
    slow = workers.render_brief(jobs["Sa Pa"], nb, str(tables), 2)
    pid = workers._local.child.proc.pid
    ok = workers.render_brief(jobs["Bảo Yên"], nb, str(tables), 2)
    assert slow.state == "failed" and "timed out" in slow.error and slow.seconds < 30
    executed = nbformat.reads(slow.notebook, as_version=4)
    assert any(o.get("ename") == "CellTimeout" for c in executed.cells
               for o in c.get("outputs", []))
    assert ok.state == "ok" and workers._local.child.proc.pid == pid


def test_a_cell_that_ignores_the_timeout_is_stopped_with_its_worker(two_localities, tmp_path,
                                                                   own_workers, monkeypatch):
    """A cell the timeout signal cannot reach (here it blocks the signal) is bounded by the
    pool: the silent worker is stopped, the brief fails as timed out, the next brief renders."""
    _, tables, jobs = two_localities
    monkeypatch.setattr(workers, "GRACE", 3)
    nb = str(_notebook_with(tmp_path, 'import signal, time\nif locality == "Sa Pa":\n'
                                      '    signal.pthread_sigmask(signal.SIG_BLOCK, '
                                      '[signal.SIGALRM])\n    time.sleep(600)'))
    stuck = workers.render_brief(jobs["Sa Pa"], nb, str(tables), 1)
    ok = workers.render_brief(jobs["Bảo Yên"], nb, str(tables), 1)
    assert stuck.state == "failed" and "did not finish" in stuck.error
    assert stuck.seconds < 60
    assert ok.state == "ok"


def test_timeout_bounds_a_cell_run_outside_the_main_thread(two_localities, tmp_path):
    """Inside a Dask worker the engine runs in a task thread: no signal, an exception raised
    in that thread instead."""
    _, tables, jobs = two_localities
    nb = str(_notebook_with(tmp_path, "while True:\n    pass"))
    from analysis.briefs.render import render
    host_main = sys.modules["__main__"]
    box = {}
    t = threading.Thread(target=lambda: box.setdefault(
        "r", render(jobs["Sa Pa"], nb, str(tables), 2)))
    t.start()
    t.join(60)
    assert not t.is_alive()
    assert box["r"].state == "failed" and "timed out" in box["r"].error
    assert engine.last_notebook() is not None
    # The host (here pytest, there a Dask worker) keeps its own __main__ (Dask's nannies need
    # it to start processes).
    assert sys.modules["__main__"] is host_main
