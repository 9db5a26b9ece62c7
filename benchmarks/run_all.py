"""`make bench`: every benchmark, each appending its figures to benchmarks/RESULTS.md.

`python benchmarks/run_all.py briefs` runs only the benchmarks whose name contains "briefs".
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_extract.py", "bench_briefs.py", "bench_official.py")

if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    wanted = sys.argv[1:]
    for script in SCRIPTS:
        if wanted and not any(w in script for w in wanted):
            continue
        print(f"== {script}", flush=True)
        sys.argv = [str(HERE / script)]
        runpy.run_path(str(HERE / script), run_name="__main__")
