"""Warm brief workers: each is a child process that imports the heavy modules once and renders
briefs one after another (``render.render`` in papermill's in-process engine), so a batch pays
for its work and not for a kernel start per brief.

A child that dies while rendering (``os._exit`` in a cell, a segfault, the OOM killer) takes
only its brief with it: the caller's thread sees the pipe close, starts a new child and retries
the brief once; a brief that kills its worker twice fails with that reason. A child that stops
answering (a cell stuck in C code that ignores the per-cell timeout) is killed after the
notebook's cells have had their timeouts, and the brief fails as timed out.

``render_brief`` is what an executor runs: with the default thread pool each thread keeps one
child. Inside a daemonic process (a Dask worker under its nanny), which may not have children,
the brief renders in that process itself, one at a time; Dask replaces a worker that dies.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

from .plan import BriefJob
from .render import BriefResult, render, warm_worker

RETRIES = 1
"""How many times a brief whose worker died is tried again on a new worker."""
GRACE = 30
"""Seconds a worker may stay silent beyond its notebook's cell timeouts before it is stopped."""

_local = threading.local()
_children: set["_Child"] = set()
_spare: list["_Child"] = []
_children_lock = threading.Lock()
_in_process = threading.Lock()


class WorkerDied(Exception):
    """The worker process ended while rendering a brief."""


class WorkerSilent(Exception):
    """The worker did not answer within the brief's time limit and was stopped."""


def _serve(conn) -> None:
    """The child's loop: warm up, then render each brief sent until the pipe closes."""
    warm_worker()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        conn.send(render(*task))


class _Child:
    """One warm worker process and the pipe to it."""

    def __init__(self):
        ctx = multiprocessing.get_context()
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(theirs,), daemon=True,
                                name="brief-worker")
        self.proc.start()
        theirs.close()
        with _children_lock:
            _children.add(self)

    def call(self, task: tuple, limit: float) -> BriefResult:
        """Send a brief and wait for its result (at most ``limit`` seconds of silence)."""
        try:
            self.conn.send(task)
            answered = self.conn.poll(limit)
            if answered:
                return self.conn.recv()
        except (EOFError, OSError) as e:
            self.proc.join(5)
            code = self.proc.exitcode
            self.stop()
            how = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
            raise WorkerDied(f"its worker process died ({how})") from e
        self.stop()
        raise WorkerSilent(f"the brief did not finish in {limit:.0f}s (a cell went on past "
                           "its timeout); its worker was stopped")

    def stop(self) -> None:
        with _children_lock:
            _children.discard(self)
        self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)


def prestart() -> None:
    """Start one worker now, so that it warms up while the caller plans the batch."""
    if not multiprocessing.current_process().daemon:
        with _children_lock:
            if _spare:
                return
        child = _Child()
        with _children_lock:
            _spare.append(child)


def _own_child() -> _Child:
    child = getattr(_local, "child", None)
    if child is None or not child.proc.is_alive():
        with _children_lock:
            spare = _spare.pop() if _spare else None
        if spare is None or not spare.proc.is_alive():
            spare = _Child()
        child = _local.child = spare
    return child


def _hard_limit(notebook: str, timeout: int) -> float:
    """Seconds after which a silent worker is stopped: every code cell used its timeout."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    return timeout * (sum(c["cell_type"] == "code" for c in cells) + 1) + GRACE


def render_brief(job: BriefJob, notebook: str, tables_dir: str, timeout: int) -> BriefResult:
    """Render one brief in this thread's warm worker process; never raises."""
    task = (job, notebook, tables_dir, timeout)
    if multiprocessing.current_process().daemon:
        with _in_process:
            warm_worker()
            return render(*task)
    limit = _hard_limit(notebook, timeout)
    reasons = []
    for _ in range(1 + RETRIES):
        try:
            return _own_child().call(task, limit)
        except WorkerSilent as e:
            _local.child = None
            return BriefResult(job, "failed", limit, f"CellTimeoutError: {e}")
        except WorkerDied as e:
            _local.child = None
            reasons.append(str(e))
    return BriefResult(job, "failed", 0.0,
                       f"WorkerDied: {reasons[-1]} on each of {len(reasons)} tries")


def stop_workers() -> None:
    """Stop every worker process this process started (the end of a local batch)."""
    with _children_lock:
        children = list(_children)
        _spare.clear()
    for child in children:
        child.stop()
