"""(c) Extraction of 1,000 and 10,000 generated pages (and 100,000 with ``--large``;
``--sizes 100000`` runs one size): wall time, pages per second, CPU time and peak memory of the
whole process tree, with the default ``--jobs`` (all cores), each figure beside its target.

Targets (issue 10, 2 cores): 10,000 pages in <= 60 s with peak RSS <= 1 GiB; 100,000 pages in
<= 10 min with memory that does not grow with the number of pages (streamed row groups): the
peak at 100,000 pages stays within 1.25x the peak at 10,000. The machine's load average is
recorded beside the figures (the benchmark machine may be shared), and so is the CPU time of
the whole process tree: on an idle machine the wall time is about CPU time / cores.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys

from common import PY, WORK, record, run

SIZES = {1_000: (25, 40), 10_000: (100, 100), 100_000: (200, 500)}
TARGETS = {10_000: (60.0, 1024.0), 100_000: (600.0, None)}
FLAT_MEMORY = 1.25


def main(sizes: tuple[int, ...] = (1_000, 10_000)) -> None:
    work = WORK / "extract"
    shutil.rmtree(work, ignore_errors=True)
    figures: dict[str, str] = {"load_avg_1m": f"{os.getloadavg()[0]:.2f}"}
    peaks, lines = {}, []
    for n, (localities, quarters) in SIZES.items():
        if n not in sizes:
            continue
        raw = work / f"raw-{n}"
        run([PY, "-m", "tools.synth", "--localities", str(localities), "--quarters",
             str(quarters), "--out", str(raw), "--seed", "7"])
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, peak = run([PY, "-m", "analysis", "extract", str(raw), "--out",
                             str(work / f"tables-{n}"), "--full"])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        figures[f"pages_{n}_cpu_s"] = f"{cpu:.1f}"   # all processes: wall on an idle machine
        shutil.rmtree(raw, ignore_errors=True)
        peaks[n] = peak
        figures[f"pages_{n}_s"] = f"{seconds:.1f}"
        figures[f"pages_{n}_per_s"] = f"{n / seconds:.0f}"
        figures[f"pages_{n}_peak_rss_mib"] = f"{peak:.0f}"
        max_s, max_mib = TARGETS.get(n, (None, None))
        if max_s is not None:
            lines.append(f"{n:>7,} pages: {seconds:7.1f} s   (target <= {max_s:.0f} s) "
                         f"{'ok' if seconds <= max_s else 'MISSED'}")
        if max_mib is not None:
            lines.append(f"{n:>7,} pages: {peak:7.0f} MiB (target <= {max_mib:.0f} MiB) "
                         f"{'ok' if peak <= max_mib else 'MISSED'}")
    figures["load_avg_1m_after"] = f"{os.getloadavg()[0]:.2f}"
    if {1_000, 10_000} <= set(peaks):
        figures["growth_10x_pages"] = \
            f"{float(figures['pages_10000_s']) / float(figures['pages_1000_s']):.2f}"
    if {10_000, 100_000} <= set(peaks):
        ratio = peaks[100_000] / peaks[10_000]
        figures["peak_ratio_100k_10k"] = f"{ratio:.2f}"
        lines.append(f"memory 100k/10k: {ratio:.2f}x (target <= {FLAT_MEMORY}x) "
                     f"{'ok' if ratio <= FLAT_MEMORY else 'MISSED'}")
    record("extract", figures)
    print("\n".join(lines))


if __name__ == "__main__":
    # --large adds 100,000 pages; --sizes N,N picks sizes (e.g. --sizes 100000 on its own).
    args = sys.argv[1:]
    chosen = (1_000, 10_000, 100_000) if "--large" in args else (1_000, 10_000)
    if "--sizes" in args:
        chosen = tuple(int(n) for n in args[args.index("--sizes") + 1].split(","))
    main(chosen)
