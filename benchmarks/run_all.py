"""`make bench`: every benchmark, each appending its figures to benchmarks/RESULTS.md."""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(HERE))
    for script in ("bench_extract.py", "bench_briefs.py", "bench_official.py"):
        print(f"== {script}")
        runpy.run_path(str(HERE / script), run_name="__main__")
