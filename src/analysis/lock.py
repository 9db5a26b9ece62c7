"""One writer per output folder: ``extract`` on a tables folder, ``briefs`` on a reports folder.

The lock is a file ``.lock`` in the folder, held with ``flock`` for as long as the command runs
and holding the holder's pid and command. ``flock`` is released by the kernel when the holder
dies, even by ``kill -9``, so a lock left by a dead process is simply taken over (its pid is
overwritten) and two live writers can never both hold it; the pid only serves the message
the second writer prints.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"


class FolderLocked(RuntimeError):
    """Another live process writes the folder; ``str(e)`` names it and its pid."""


@contextmanager
def folder_lock(folder: Path, command: str) -> Iterator[Path]:
    """Hold the folder's lock for the block; raise :class:`FolderLocked` if another holds it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 500, 0).decode("utf-8", "replace").strip() or "unknown"
            raise FolderLocked(f"{folder} is being written by another process ({holder}); "
                               f"wait for it to finish, then run the command again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, {command}, since {time.strftime('%H:%M:%S')}\n"
                  .encode(), 0)
        yield path
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)            # releases the flock
