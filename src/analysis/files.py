"""Writing outputs so that none is ever left half-written.

One file: write a temporary file beside the target, flush it to disk, then rename it over the
target (atomic on one file system). A set of files that must change together (the tables): write
them into a new generation folder, then replace the folder's ``current`` symlink with one
rename (:func:`publish_generation`); readers resolve ``current`` once and read that generation.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

GENERATIONS = "generations"
CURRENT = "current"
KEEP_OLD_GENERATIONS = 1
"""Generations kept besides the current one, so a reader that resolved ``current`` just before
a swap still finds its files."""


def checkpoint(name: str) -> None:
    """A named point of a writer where tests kill the process: with ``ANALYSIS_PAUSE_AT=name``
    in the environment the process announces ``PAUSED name`` on stderr and waits to be killed."""
    if os.environ.get("ANALYSIS_PAUSE_AT") == name:
        print(f"PAUSED {name}", file=sys.stderr, flush=True)
        while True:
            time.sleep(60)


def fsync_path(path: Path) -> None:
    """Flush a file or a folder entry to disk (so a rename after it cannot outlive its data)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces ``path`` when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        fsync_path(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def source_digest(paths: Iterable[Path], salt: str = "") -> str:
    """Digest of some source files (names and bytes, in path order), to tell when code changed."""
    h = hashlib.sha256(salt.encode())
    for p in sorted(paths):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


# --- generations ------------------------------------------------------------------------------

def current_generation(folder: Path) -> Path | None:
    """The folder's published generation (``folder/current`` resolved once), or None."""
    link = Path(folder) / CURRENT
    if not link.is_symlink():
        return None
    target = Path(folder) / os.readlink(link)
    return target if target.is_dir() else None


def new_generation(folder: Path) -> Path:
    """A fresh, empty generation folder to stage files in (not visible to readers)."""
    gens = Path(folder) / GENERATIONS
    gens.mkdir(parents=True, exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"
    path = gens / name
    path.mkdir()
    return path


def publish_generation(folder: Path, gen: Path, links: Iterable[str] = ()) -> None:
    """Make ``gen`` the folder's current generation in one rename, then drop old generations.

    Every file of ``gen`` is flushed to disk first. ``links`` names files that also get a stable
    symlink in the folder itself (``folder/x -> current/x``) for readers that open files by path.
    """
    folder = Path(folder)
    for p in gen.iterdir():
        fsync_path(p)
    fsync_path(gen)
    tmp = folder / f".{CURRENT}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(Path(GENERATIONS) / gen.name, tmp)
    checkpoint("before-publish")
    os.replace(tmp, folder / CURRENT)
    fsync_path(folder)
    checkpoint("after-publish")
    for name in links:
        link = folder / name
        if not link.is_symlink():   # a file of the old flat layout, or missing
            tmp = folder / f".{name}.{os.getpid()}"
            tmp.unlink(missing_ok=True)
            os.symlink(Path(CURRENT) / name, tmp)
            os.replace(tmp, link)
    clean_generations(folder)


def clean_generations(folder: Path) -> None:
    """Remove generations other than the current one and the newest old ones; also leftovers
    of runs that died while staging (a lock on the folder keeps live writers out)."""
    gens = Path(folder) / GENERATIONS
    current = current_generation(folder)
    if not gens.is_dir():
        return
    old = sorted((p for p in gens.iterdir() if current is None or p.name != current.name),
                 key=lambda p: p.stat().st_mtime, reverse=True)
    complete = [p for p in old if (p / "generation.json").exists()]
    keep = set(complete[:KEEP_OLD_GENERATIONS])
    for p in old:
        if p not in keep:
            shutil.rmtree(p, ignore_errors=True)
