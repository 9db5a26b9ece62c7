"""(a) 40 briefs (10 localities x 4 quarters from the generator): `python -m analysis briefs`
against the naive loop (papermill CLI then `jupyter nbconvert` CLI per brief, one after
another), in the same run; (b) the re-run with nothing changed.

Targets (2 cores): naive / ours >= 4; re-run <= 2 s.
"""

from __future__ import annotations

import shutil
import sys

import pandas as pd

from common import PY, ROOT, WORK, record, run

BIN = ROOT / ".venv" / "bin"


def main() -> None:
    work = WORK / "briefs"
    shutil.rmtree(work, ignore_errors=True)
    raw, tables = work / "raw", work / "tables"
    run([PY, "-m", "tools.synth", "--localities", "10", "--quarters", "4", "--out", str(raw),
         "--seed", "2024"])
    run([PY, "-m", "analysis", "extract", str(raw), "--out", str(tables)])
    reports = pd.read_parquet(tables / "reports.parquet")
    q = reports[reports["period_type"] == "quarter"].drop_duplicates(["locality", "year", "quarter"])
    jobs = list(zip(q["locality"], q["year"], q["quarter"]))
    notebook = ROOT / "notebooks" / "quarterly_brief.ipynb"

    naive_out = work / "naive"
    naive_out.mkdir(parents=True)
    naive = 0.0
    for i, (loc, y, qq) in enumerate(jobs):
        executed = naive_out / f"brief-{i}.ipynb"
        s, _ = run([str(BIN / "papermill"), str(notebook), str(executed), "-k", "dan-van",
                    "-p", "locality", loc, "-p", "year", str(y), "-p", "quarter", str(qq),
                    "-p", "tables_dir", str(tables), "--cwd", str(notebook.parent)])
        s2, _ = run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                     str(executed)])
        naive += s + s2
        print(f"naive {i + 1}/{len(jobs)}: {s + s2:.1f}s", file=sys.stderr)

    ours, peak = run([PY, "-m", "analysis", "briefs", "--tables", str(tables),
                      "--out", str(work / "reports"), "--quiet"])
    rerun, _ = run([PY, "-m", "analysis", "briefs", "--tables", str(tables),
                    "--out", str(work / "reports"), "--quiet"])
    record("briefs", {"briefs": len(jobs), "naive_s": f"{naive:.1f}", "ours_s": f"{ours:.1f}",
                      "speedup": f"{naive / ours:.2f}", "rerun_unchanged_s": f"{rerun:.2f}",
                      "ours_peak_rss_mib": f"{peak:.0f}"})


if __name__ == "__main__":
    main()
