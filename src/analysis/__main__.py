"""Command line: ``python -m analysis {extract,briefs,eval,dictionary,export,synthesis}``."""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from . import paths


@contextmanager
def _executor(args):
    """A Dask client's executor when --dask-scheduler is given, else None (local default)."""
    if getattr(args, "dask_scheduler", None):
        from distributed import Client
        with Client(args.dask_scheduler) as client:
            yield client.get_executor()
    else:
        yield None


MAX_JOBS = 256


class UsageError(ValueError):
    """An option that cannot work (e.g. --out naming a file)."""


def _out_folder(path: Path, option: str) -> Path:
    if path.exists() and not path.is_dir():
        raise UsageError(f"{option} {path} is a file, not a folder")
    return path


def _count(name: str, low: int, high: int):
    """An argparse type: an integer in [low, high], else a message naming the option."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{name} takes a whole number, not {text!r}") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"{name} {n}: must be between {low} and {high}")
        return n
    return parse


_PERIOD = r"\d{4}(?:-?[Qq][1-4]|-[Hh][12]|-9[Mm])?"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def _only_spec(text: str) -> str:
    """A brief's name ("2021-Q4/ben-tre/huyen-chau-thanh", "2021-Q4/ben-tre") or
    ``LOCALITY/PERIOD`` ("Sa Pa/2021-Q1"); never a path."""
    loc, _, period = text.rpartition("/")
    named = re.fullmatch(rf"{_PERIOD}/{_SLUG}(?:/{_SLUG})?", text)
    by_place = (loc.strip() and re.fullmatch(_PERIOD, period) and ".." not in text
                and "\\" not in text and not text.startswith("/")
                and not re.search(r"[\x00-\x1f]", text))
    if not (named or by_place):
        raise argparse.ArgumentTypeError(
            f"--only {text!r}: expected a brief's name such as '2021-Q1/lao-cai/thi-xa-sa-pa' or "
            "LOCALITY/PERIOD such as 'Sa Pa/2021-Q1' (not a path)")
    return text


def printable(text: str) -> str:
    """A message on one line: control characters of file names shown escaped."""
    return re.sub(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]",
                  lambda m: repr(m.group(0))[1:-1], text)


def cmd_extract(args) -> int:
    from concurrent.futures import ProcessPoolExecutor

    from .tables import extract_folder
    t0 = time.perf_counter()
    _out_folder(args.out, "--out")
    jobs = args.jobs or os.cpu_count() or 1
    with _executor(args) as ex:
        if ex is None and jobs > 1:
            with ProcessPoolExecutor(jobs) as pool:
                # Fork the workers now, before the pages are listed: a later fork would copy
                # the page lists into every worker.
                pool.submit(int).result()
                s = extract_folder(args.src, args.out, executor=pool,
                                   incremental=not args.full)
        else:
            s = extract_folder(args.src, args.out, executor=ex, incremental=not args.full)
    print(f"extract: {s.pages} pages ({s.parsed} parsed, {s.reused} unchanged, "
          f"{s.removed} removed, {len(s.errors)} unreadable"
          + (f", {s.duplicates} duplicates of another page" if s.duplicates else "")
          + f") -> {args.out} in {time.perf_counter() - t0:.1f}s")
    for e in s.errors:
        print(f"  ERROR {printable(e)}", file=sys.stderr)
    return 1 if s.errors else 0


def cmd_briefs(args) -> int:
    from .briefs.outputs import counts_line, settled_briefs
    t0 = time.perf_counter()
    _out_folder(args.out, "--out")
    settled = None if args.force or args.only else settled_briefs(args.out, args.tables,
                                                                  args.notebook)
    if settled is not None:
        print(counts_line(0, settled, 0, time.perf_counter() - t0))
        failed = False
    else:
        from .briefs.batch import run_briefs, summary_text
        with _executor(args) as ex:
            s = run_briefs(args.tables, args.out, notebook=args.notebook, jobs=args.jobs,
                           only=args.only, timeout=args.timeout, executor=ex, force=args.force,
                           progress=not args.quiet)
        print(summary_text(s))
        failed = bool(s.failed)
    print(f"index: {Path(args.out) / 'index.html'}")
    return 1 if failed else 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate_corpora, passes, report, summary_table
    try:
        evs = evaluate_corpora(args.corpus)
    except FileNotFoundError as e:
        print(f"eval: {e}", file=sys.stderr)
        return 2
    bad = []
    for name, ev in evs.items():
        print(f"=== {name} ===")
        print(report(ev))
        print()
        bad += [f"{name}: {b}" for b in passes(ev, args.min_f1, args.min_accuracy)]
    print(f"=== per corpus (thresholds: F1 {args.min_f1}, accuracy {args.min_accuracy}) ===")
    print(summary_table(evs))
    if bad:
        print("\nBELOW THRESHOLD: " + "; ".join(bad))
        return 1
    print("\nall measures at or above thresholds in every corpus")
    return 0


def cmd_synthesis(args) -> int:
    from .synthesis import write_synthesis
    try:
        out = write_synthesis(args.tables, args.province, args.period, args.out)
    except (LookupError, ValueError) as e:
        print(f"synthesis: {e}", file=sys.stderr)
        return 1
    print(f"synthesis: {args.province} {args.period} -> {out}")
    return 0


def cmd_dictionary(args) -> int:
    from .schema import data_dictionary_html, data_dictionary_markdown
    text = data_dictionary_html() if args.format == "html" else data_dictionary_markdown()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_export(args) -> int:
    from .export import export
    out = args.out or paths.REPORTS / ("du-lieu-dan-van.xlsx" if args.format == "xlsx" else "csv")
    try:
        written = export(args.tables, args.format, out)
    except FileNotFoundError as e:
        print(f"export: {e}", file=sys.stderr)
        return 1
    print(f"export: {len(written)} file(s) -> {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)

    e = sub.add_parser("extract", help="report pages -> Parquet tables")
    e.add_argument("src", type=Path, nargs="?", default=paths.RAW,
                   help="a page file or a folder of pages (default: data/raw)")
    e.add_argument("--out", type=Path, default=paths.PROCESSED, help="tables folder")
    e.add_argument("--jobs", type=_count("--jobs", 1, MAX_JOBS), default=None,
                   help="parallel processes (default: cores)")
    e.add_argument("--full", action="store_true", help="re-read every page (not incremental)")
    e.add_argument("--dask-scheduler", metavar="ADDRESS", help="run on a dask.distributed cluster")
    e.set_defaults(func=cmd_extract)

    b = sub.add_parser("briefs", help="tables -> HTML briefs and reports/index.html")
    b.add_argument("--tables", type=Path, default=paths.PROCESSED)
    b.add_argument("--out", type=Path, default=paths.REPORTS)
    b.add_argument("--notebook", type=Path, default=paths.BRIEF_NOTEBOOK)
    b.add_argument("--jobs", type=_count("--jobs", 1, MAX_JOBS), default=None,
                   help="parallel workers (default: cores)")
    b.add_argument("--only", nargs="+", metavar="NAME", type=_only_spec,
                   help='a brief\'s name ("2021-Q1/lao-cai/thi-xa-sa-pa", "2021-Q1/lao-cai") or "Sa Pa/2021-Q1"')
    b.add_argument("--timeout", type=_count("--timeout", 1, 86_400), default=300,
                   help="seconds per notebook cell")
    b.add_argument("--force", action="store_true", help="render even unchanged briefs")
    b.add_argument("--quiet", action="store_true", help="no progress output")
    b.add_argument("--dask-scheduler", metavar="ADDRESS", help="run on a dask.distributed cluster")
    b.set_defaults(func=cmd_briefs)

    v = sub.add_parser("eval", help="score extraction against *.gold.json files, per corpus")
    v.add_argument("corpus", nargs="+", type=Path,
                   help="corpora (folders of pages with gold, or gold files), scored separately")
    v.add_argument("--min-f1", type=float, default=0.98, help="documents and money F1")
    v.add_argument("--min-accuracy", type=float, default=0.98, help="field accuracy")
    v.set_defaults(func=cmd_eval)

    y = sub.add_parser("synthesis", help="the province's synthesis of a period, as Word (.docx)")
    y.add_argument("--province", required=True, help='e.g. "Lào Cai"')
    y.add_argument("--period", required=True, help="2021-Q2, 2021-H1, 2021-9M or 2021")
    y.add_argument("--tables", type=Path, default=paths.PROCESSED)
    y.add_argument("--out", type=Path, help="default: reports/synthesis/<province>-<period>.docx")
    y.set_defaults(func=cmd_synthesis)

    d = sub.add_parser("dictionary", help="print the data dictionary")
    d.add_argument("--format", choices=("markdown", "html"), default="markdown")
    d.add_argument("--out", type=Path)
    d.set_defaults(func=cmd_dictionary)

    x = sub.add_parser("export", help="every table with Vietnamese column labels, for Excel")
    x.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    x.add_argument("--tables", type=Path, default=paths.PROCESSED)
    x.add_argument("--out", type=Path, help="xlsx file or csv folder (default: "
                   "reports/du-lieu-dan-van.xlsx or reports/csv/)")
    x.set_defaults(func=cmd_export)

    args = p.parse_args(argv)
    try:
        return args.func(args)
    except Exception as e:
        message = _user_message(e)
        if message is None:
            raise
        print(f"error: {printable(message)}", file=sys.stderr)
        return 2


def _user_message(e: Exception) -> str | None:
    """The one-line message of an error that is the user's to fix (exit status 2), else None."""
    from .briefs.batch import BriefSelectionError
    from .lock import FolderLocked
    from .tables import SourceError, TablesError
    if isinstance(e, (UsageError, SourceError, TablesError, FolderLocked, BriefSelectionError)):
        return str(e)
    if isinstance(e, OSError):
        where = f" {e.filename}" if e.filename else ""
        if e.errno == errno.ENOSPC:
            return (f"no space left on the device (writing{where}); nothing was half-written "
                    "and the previous outputs are kept")
        return f"{e.strerror or e}:{where}; the previous outputs are kept"
    return None


if __name__ == "__main__":
    sys.exit(main())
