"""(a) the briefs of 10 localities x 4 quarters from the generator (and their province
roll-ups): `python -m analysis briefs`
against the naive loop (papermill CLI then `jupyter nbconvert` CLI per brief, one after
another), in the same run; (b) the re-run with nothing changed.

Targets (2 cores): naive / ours >= 4; re-run <= 2 s.
"""

from __future__ import annotations

import json
import shutil
import sys

from common import PY, ROOT, WORK, record, run

from analysis.briefs import plan
from analysis.tables import read_tables

BIN = ROOT / ".venv" / "bin"


def main() -> None:
    work = WORK / "briefs"
    shutil.rmtree(work, ignore_errors=True)
    raw, tables = work / "raw", work / "tables"
    run([PY, "-m", "tools.synth", "--localities", "10", "--quarters", "4", "--out", str(raw),
         "--seed", "2024"])
    run([PY, "-m", "analysis", "extract", str(raw), "--out", str(tables)])
    notebook = ROOT / "notebooks" / "quarterly_brief.ipynb"
    # The naive loop renders the same briefs as ours (localities and province roll-ups).
    jobs = [j.parameters for j in plan(read_tables(tables), notebook)]

    naive_out = work / "naive"
    naive_out.mkdir(parents=True)
    naive = 0.0
    for i, params in enumerate(jobs):
        executed = naive_out / f"brief-{i}.ipynb"
        # papermill's -y takes the parameters as YAML (JSON is YAML), None included.
        s, _ = run([str(BIN / "papermill"), str(notebook), str(executed), "-k", "dan-van",
                    "-y", json.dumps({**params, "tables_dir": str(tables)}, ensure_ascii=False),
                    "--cwd", str(notebook.parent)])
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
