"""Briefs, each figure printed beside its target (2 cores) and appended to RESULTS.md:

(a) the briefs of 10 localities x 4 quarters (and their provinces' quarterly roll-ups): `python -m analysis briefs` against the naive loop
    (papermill CLI then `jupyter nbconvert --no-input` CLI per brief, one after another),
    measured in the same run: naive / ours >= 10;
(b) 400 briefs (100 localities x 4 quarters): <= 90 s;
(c) one brief from the command line, cold (new process, new reports folder): <= 3 s;
(d) the 400-brief re-run with nothing changed: <= 1 s.

Wall seconds depend on what else the machine runs: each line also records the CPU seconds of
the command's process tree and the load average (1 min) before and after each case, so that
figures measured on a busy machine can be read. The ratio in (a) is measured in one run.
``--naive-briefs N`` times the naive loop on the first N briefs only and scales it to 40 (the
line says so).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys

from common import PY, ROOT, WORK, record, run

BIN = ROOT / ".venv" / "bin"
NOTEBOOK = ROOT / "notebooks" / "quarterly_brief.ipynb"
TARGETS = {"speedup_40": (">=", 10.0), "briefs_400_s": ("<=", 90.0),
           "cold_one_s": ("<=", 3.0), "rerun_400_s": ("<=", 1.0)}


def _children_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process tree, peak RSS MiB) of one command."""
    cpu = _children_cpu()
    wall, peak = run(cmd)
    return wall, _children_cpu() - cpu, peak


def corpus(work, localities: int) -> tuple:
    """Generated pages of ``localities`` × 4 quarters, extracted; and the briefs they call for
    (one per locality and quarter, plus each province's quarterly roll-up)."""
    from analysis.briefs.plan import plan
    from analysis.tables import read_tables

    raw, tables = work / f"raw-{localities}", work / f"tables-{localities}"
    run([PY, "-m", "tools.synth", "--localities", str(localities), "--quarters", "4",
         "--out", str(raw), "--seed", "2024"])
    run([PY, "-m", "analysis", "extract", str(raw), "--out", str(tables), "--jobs",
         str(os.cpu_count())])
    return tables, plan(read_tables(tables), NOTEBOOK)


def naive(work, tables, jobs) -> tuple[float, float]:
    out = work / "naive"
    out.mkdir(parents=True)
    wall = cpu = 0.0
    for i, job in enumerate(jobs):
        executed = out / f"brief-{i}.ipynb"
        # papermill's -y takes the parameters as YAML (JSON is YAML), None included.
        params = json.dumps({**job.parameters, "tables_dir": str(tables)}, ensure_ascii=False)
        s, c, _ = timed([str(BIN / "papermill"), str(NOTEBOOK), str(executed), "-k", "dan-van",
                         "-y", params, "--cwd", str(NOTEBOOK.parent)])
        s2, c2, _ = timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                           str(executed)])
        wall, cpu = wall + s + s2, cpu + c + c2
        print(f"naive {i + 1}/{len(jobs)}: {s + s2:.1f}s", file=sys.stderr)
    return wall, cpu


def briefs(tables, out, *extra) -> tuple[float, float, float]:
    return timed([PY, "-m", "analysis", "briefs", "--tables", str(tables), "--out", str(out),
                  "--quiet", *extra])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--naive-briefs", type=int, default=40)
    p.add_argument("--localities", type=int, default=100, help="localities of case (b)")
    args = p.parse_args(argv)
    work = WORK / "briefs"
    shutil.rmtree(work, ignore_errors=True)
    f: dict[str, object] = {}

    tables, jobs = corpus(work, 10)
    f["load_a"] = _load()
    n = min(args.naive_briefs, len(jobs))
    naive_wall, naive_cpu = naive(work, tables, jobs[:n])
    scale = len(jobs) / n
    f["naive_40_s"] = f"{naive_wall * scale:.1f}" + ("" if n == len(jobs) else f"(from {n})")
    f["naive_40_cpu_s"] = f"{naive_cpu * scale:.1f}"
    wall, cpu, peak = briefs(tables, work / "reports-40")
    f["ours_40_s"], f["ours_40_cpu_s"], f["ours_40_peak_rss_mib"] = \
        f"{wall:.1f}", f"{cpu:.1f}", f"{peak:.0f}"
    f["speedup_40"] = f"{naive_wall * scale / wall:.2f}"
    f["cpu_ratio_40"] = f"{naive_cpu / cpu * scale:.2f}"
    f["load_a_end"] = _load()

    f["load_c"] = _load()
    one = next(j for j in jobs if j.scope == "locality")
    wall, cpu, _ = briefs(tables, work / "reports-one", "--only", one.name)
    f["cold_one_s"], f["cold_one_cpu_s"] = f"{wall:.2f}", f"{cpu:.2f}"

    tables, jobs = corpus(work, args.localities)
    f["load_b"] = _load()
    wall, cpu, peak = briefs(tables, work / "reports-400")
    f["briefs_400_s"], f["briefs_400_cpu_s"], f["briefs_400_peak_rss_mib"] = \
        f"{wall:.1f}", f"{cpu:.1f}", f"{peak:.0f}"
    f["briefs_400_n"] = len(jobs)
    f["load_b_end"] = _load()
    wall, cpu, _ = briefs(tables, work / "reports-400")
    f["rerun_400_s"], f["rerun_400_cpu_s"] = f"{wall:.2f}", f"{cpu:.2f}"

    for name, (op, target) in TARGETS.items():
        value = float(str(f[name]).split("(")[0])
        met = value >= target if op == ">=" else value <= target
        print(f"{name:>14} = {value:<8g} target {op} {target:g}  {'met' if met else 'NOT MET'}")
    record("briefs", f)


if __name__ == "__main__":
    main()
