"""Shared by the benchmark scripts: the machine's description, timing of whole commands with
the peak memory of their process tree, and the RESULTS.md log."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
WORK = HERE / "work"
RESULTS = HERE / "RESULTS.md"


def machine() -> str:
    mem = psutil.virtual_memory().total / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        models = [line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")]
        cpu = models[0] if models else cpu
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def run(cmd: list[str], **kw) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS of its whole process tree in MiB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=kw.pop("cwd", ROOT), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        p = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                total = p.memory_info().rss + sum(c.memory_info().rss
                                                  for c in p.children(recursive=True))
                peak = max(peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    stop.set()
    t.join()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n"
                         f"{err.decode(errors='replace')[-3000:]}")
    return seconds, peak / 2**20


def record(name: str, figures: dict[str, object]) -> None:
    """Print the figures as one line of name=value pairs and append them to RESULTS.md."""
    line = " ".join(f"{k}={v}" for k, v in figures.items())
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n\nAppended by `make bench` (one line per run).\n\n",
                           encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(f"- {stamp} `{name}` on {machine()}: {line}\n")
    print(line)
