"""A papermill engine that runs a notebook inside the current process, in an IPython shell that
stays warm from one brief to the next (the approach of ploomber-engine).

Why not a kernel per brief: a brief's own work (its rows, three charts, four tables) takes a
fraction of a second of CPU, but a fresh kernel costs seconds of start-up and imports (pandas,
matplotlib, the package) before the first cell. Why not warm kernels reused through papermill's
``km``/``kc``: measured on the same 12 briefs, one after another in one process on the shared
2-core machine (load about 7), a warm kernel took 2.03 s per brief and this engine 1.54 s. The
kernel still pays the ZeroMQ round trips, nbclient's per-brief client set-up and a second
serialisation of every output, and it cannot be reset as cheaply; a dead or stuck kernel would
also need its own supervision, while here one worker process is the unit that dies, times out
and is replaced (``workers.py``).

Papermill stays the renderer: it injects the parameters cell, calls this engine through its
registry, runs it in the notebook's folder, records cell metadata, and raises its
``PapermillExecutionError`` when a cell's outputs hold an error, which stays in the executed
notebook as with a kernel.

Isolation between briefs rendered by one process: every brief starts with a new user namespace
(``InteractiveShell.reset(new_session=True)``: globals, ``_``/``Out`` caches, execution
counter), with matplotlib's settings and open figures, pandas' options, ``os.environ`` and
``sys.path`` as they were when the worker warmed up (papermill restores the working
directory). Module objects stay imported (that is the point); a notebook that rebinds a
module's attribute is not undone. A process that dies in a cell (``os._exit``, a segfault) is
the concern of the worker pool (``workers.py``), which replaces it and retries the brief once.

Outputs are nbformat outputs built from IPython's own formatters: ``display_data`` (including
``image/png`` from the inline backend and ``text/html`` from pandas), ``execute_result`` (a
trailing ``;`` hides it, as in Jupyter), ``stream`` and ``error`` (with IPython's traceback).
"""

from __future__ import annotations

import copy
import ctypes
import os
import signal
import sys
import threading
from contextlib import contextmanager

from nbformat import NotebookNode, from_dict

ENGINE_NAME = "analysis-inprocess"


def new_output(output_type: str, **fields) -> NotebookNode:
    """An nbformat output, as ``nbformat.v4.new_output`` makes it but not validated one by one
    (validating every display cost more than the brief's tables): the fields come from
    IPython's formatters, and nbconvert reads the notebook as a whole."""
    return from_dict({"output_type": output_type, **fields})


class CellTimeout(Exception):
    """Raised inside a cell that ran longer than the brief's per-cell timeout."""


class _Streams:
    """``sys.stdout``/``sys.stderr`` while a cell runs: text lands in the cell's outputs, in
    order with its displays, consecutive writes merged as Jupyter does."""

    encoding = "utf-8"

    def __init__(self, name: str, outputs: list):
        self.name, self.outputs = name, outputs

    def write(self, text: str) -> int:
        if text:
            last = self.outputs[-1] if self.outputs else None
            if last is not None and last.get("output_type") == "stream" and last.name == self.name:
                last.text += text
            else:
                self.outputs.append(new_output("stream", name=self.name, text=text))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _shell():
    """The process's warm shell (created on first use, with the inline matplotlib backend)."""
    global _SHELL
    if _SHELL is None:
        _SHELL = _make_shell()
    return _SHELL


_SHELL = None


def _make_shell():
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell

    class Publisher(DisplayPublisher):
        outputs: list = []

        def publish(self, data, metadata=None, source=None, *, transient=None, update=False,
                    **kwargs):
            self.outputs.append(new_output("display_data", data=data, metadata=metadata or {}))

        def clear_output(self, wait=False):
            self.outputs.clear()

    class Hook(DisplayHook):
        outputs: list = []

        def start_displayhook(self):
            pass

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            self.outputs.append(new_output("execute_result", data=format_dict,
                                           metadata=md_dict or {},
                                           execution_count=self.shell.execution_count))

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        outputs: list = []

        def _showtraceback(self, etype, evalue, stb):
            self.outputs.append(new_output("error", ename=etype.__name__, evalue=str(evalue),
                                           traceback=list(stb)))

        def enable_gui(self, gui=None):
            pass

    host = sys.modules.get("__main__"), sys.displayhook
    shell = Shell.instance(displayhook_class=Hook, display_pub_class=Publisher, colors="nocolor",
                  history_length=0, cache_size=0)
    shell.history_manager.enabled = False
    shell.enable_matplotlib("inline")
    sys.modules["__main__"], sys.displayhook = host   # the shell's own only while it runs
    # pyplot's own post-execute hook renders every open figure once more before the inline
    # backend renders it to PNG; that first rendering is never shown (the PNG is the same
    # without it: tests/test_briefs_engine.py compares with a kernel's page).
    import matplotlib.pyplot as plt
    hook = getattr(plt, "_draw_all_if_interactive", None)
    if hook in shell.events.callbacks["post_execute"]:
        shell.events.unregister("post_execute", hook)
    return shell


@contextmanager
def _cell_timeout(seconds: float | None):
    """Raise :class:`CellTimeout` in the running cell after ``seconds``: a signal in the main
    thread (it interrupts sleeps and blocking calls), an asynchronous exception otherwise (it
    lands at the next Python instruction)."""
    if not seconds:
        yield
        return
    message = f"A cell timed out while it was being executed, after {seconds:g} seconds."
    if threading.current_thread() is threading.main_thread():
        def on_alarm(signum, frame):
            raise CellTimeout(message)
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    tid = threading.get_ident()

    class Timeout(CellTimeout):
        def __init__(self, *args):
            super().__init__(message)

    timer = threading.Timer(seconds, lambda: ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(tid), ctypes.py_object(Timeout)))
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


class _Baseline:
    """The process-wide state a notebook may change, as it was when the shell warmed up."""

    def __init__(self):
        import matplotlib
        import pandas as pd
        self.rc = matplotlib.rcParams.copy()
        self.pandas = copy.deepcopy(pd._config.config._global_config)
        self.environ = dict(os.environ)
        self.path = list(sys.path)

    def restore(self) -> None:
        import matplotlib
        import matplotlib.pyplot as plt
        import pandas as pd
        plt.close("all")
        with _quiet_warnings():
            matplotlib.rcParams.clear()
            matplotlib.rcParams.update(self.rc)
        pd._config.config._global_config.clear()
        pd._config.config._global_config.update(copy.deepcopy(self.pandas))
        if os.environ != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        sys.path[:] = self.path


@contextmanager
def _quiet_warnings():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


_BASELINE: _Baseline | None = None


def warm_up() -> None:
    """Create the shell and remember the process state every brief starts from."""
    global _BASELINE
    _shell()
    if _BASELINE is None:
        _BASELINE = _Baseline()


def _fresh_shell():
    """The warm shell, reset to the state of a new kernel for the next notebook."""
    warm_up()
    shell = _shell()
    shell.reset(new_session=True)
    _BASELINE.restore()
    return shell


@contextmanager
def _as_main(shell):
    """While a notebook runs, its namespace is ``__main__`` and its display hook
    ``sys.displayhook``, as in a kernel; the host process (a worker, a Dask worker) gets its
    own back afterwards."""
    host = sys.modules.get("__main__"), sys.displayhook
    sys.modules["__main__"], sys.displayhook = shell.user_module, shell.displayhook
    try:
        yield
    finally:
        sys.modules["__main__"], sys.displayhook = host


def run_cell(shell, source: str, timeout: float | None) -> tuple[list, bool]:
    """Run one cell; return its outputs and whether it raised."""
    outputs: list = []
    shell.outputs = shell.displayhook.outputs = shell.display_pub.outputs = outputs
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Streams("stdout", outputs), _Streams("stderr", outputs)
    try:
        with _cell_timeout(timeout):
            try:
                result = shell.run_cell(source, store_history=True)
            except CellTimeout as e:  # raised between the cell's end and the timer's cancel
                shell.showtraceback((type(e), e, e.__traceback__))
                return outputs, True
    finally:
        sys.stdout, sys.stderr = saved
    return outputs, not result.success


def _engine_class():
    from papermill.engines import Engine

    class InProcessEngine(Engine):
        """Papermill engine: the notebook's cells in this process's warm IPython shell."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     execution_timeout=None, **kwargs):
            global _LAST
            shell = _fresh_shell()
            nb = _LAST = nb_man.nb
            with _as_main(shell):
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    nb_man.cell_start(cell, index)
                    try:
                        count = shell.execution_count
                        cell.outputs, failed = run_cell(shell, cell.source, execution_timeout)
                        cell.execution_count = count
                        if failed:
                            nb_man.cell_exception(cell, cell_index=index)
                            break
                    finally:
                        nb_man.cell_complete(cell, cell_index=index)
            nb.metadata["language_info"] = {
                "name": "python", "mimetype": "text/x-python", "file_extension": ".py",
                "version": ".".join(map(str, sys.version_info[:3])),
                "pygments_lexer": "ipython3", "nbconvert_exporter": "python",
                "codemirror_mode": {"name": "ipython", "version": 3}}
            return nb

    return InProcessEngine


_LAST = None


def last_notebook():
    """The notebook this process executed last, with its outputs so far: when a cell fails,
    papermill adds its error banner to it and raises instead of returning it."""
    return _LAST


def register() -> str:
    """Register the engine with papermill (idempotent); return its name."""
    from papermill.engines import papermill_engines
    if ENGINE_NAME not in papermill_engines._engines:
        papermill_engines.register(ENGINE_NAME, _engine_class())
    return ENGINE_NAME
