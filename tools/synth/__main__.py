"""``python -m tools.synth``: write a synthetic corpus of report pages with gold files."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .corpus import generate_corpus, generate_provinces


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.synth", description=__doc__)
    p.add_argument("--localities", type=int, required=True,
                   help="localities (with --provinces: localities per province)")
    p.add_argument("--quarters", type=int, required=True, help="consecutive quarters")
    p.add_argument("--out", type=Path, required=True, help="folder to write pages and gold into")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--start-year", type=int, default=2020, help="year of the first quarter")
    p.add_argument("--provinces", type=int,
                   help="multi-province mode: this many provinces (Bến Tre and Tiền Giang "
                        "first), with half-year, nine-month and year reviews")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    try:
        if args.provinces:
            pages = generate_provinces(args.out, args.provinces, args.localities, args.quarters,
                                       args.seed, args.start_year)
        else:
            pages = generate_corpus(args.out, args.localities, args.quarters, args.seed,
                                    args.start_year)
    except ValueError as e:
        p.error(str(e))
    print(f"synth: {len(pages)} pages in {args.out} in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
