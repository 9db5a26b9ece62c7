"""(c) Extraction of 1,000 and 10,000 generated pages: wall time, pages per second, peak memory
of the whole process tree, and how time grows with the number of pages.

Targets (2 cores): 10,000 pages in <= 120 s with peak RSS <= 1.5 GB; time linear in pages.
"""

from __future__ import annotations

import os
import shutil

from common import PY, WORK, record, run


def main() -> None:
    work = WORK / "extract"
    shutil.rmtree(work, ignore_errors=True)
    figures = {}
    for localities, quarters in ((25, 40), (100, 100)):
        n = localities * quarters
        raw = work / f"raw-{n}"
        run([PY, "-m", "tools.synth", "--localities", str(localities), "--quarters",
             str(quarters), "--out", str(raw), "--seed", "7"])
        seconds, peak = run([PY, "-m", "analysis", "extract", str(raw), "--out",
                             str(work / f"tables-{n}"), "--full", "--jobs", str(os.cpu_count())])
        figures[f"pages_{n}_s"] = f"{seconds:.1f}"
        figures[f"pages_{n}_per_s"] = f"{n / seconds:.0f}"
        figures[f"pages_{n}_peak_rss_mib"] = f"{peak:.0f}"
    t1, t10 = float(figures["pages_1000_s"]), float(figures["pages_10000_s"])
    figures["growth_10x_pages"] = f"{t10 / t1:.2f}"
    record("extract", figures)


if __name__ == "__main__":
    main()
