"""One update of an index at a time, from making its folder to the files written after the commit.

Whoosh's write lock covers a writer from its start to its commit, but an update
does more around it: it makes the index (``create_in`` clears any index of that
name, so two runs that make one at once wipe each other's table of contents) and,
after the commit, writes ``sources.json``, the analysis memo and the hot terms. A
second run that started its writer in between would read the sources of the state
before the first run's commit and write them back. ``update_lock`` holds a lock
file in the index folder across the whole update; searches never take it, but
one that meets an index still being made waits for it (``wait_for_update``)
or says so, rather than take the half-made index for one of another version.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evalsearch.errors import SearchIndexError

#: the lock file in the index folder; clearing an index for a rebuild keeps it
LOCK_NAME = ".update.lock"
#: seconds between two tries for a lock another run holds
POLL_SECONDS = 0.1
BUSY = "the index is being updated by another run; try again when it is done"


def is_updating(index_dir: Path) -> bool:
    """True while another run holds the index's update lock (a search never makes the lock file)."""
    from whoosh.util.filelock import FileLock

    path = Path(index_dir) / LOCK_NAME
    if not path.exists():
        return False
    lock = FileLock(str(path))
    try:
        if lock.acquire(blocking=False):
            lock.release()
            return False
    except OSError:  # a folder this user may only read: then it cannot tell, and nothing waits
        return False
    return True


def wait_for_update(index_dir: Path, timeout: float) -> None:
    """Return when no run updates the index any more, or after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while is_updating(index_dir) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)


@contextmanager
def update_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the index's update lock; wait up to ``timeout`` seconds for another run to release it.

    Raises:
        SearchIndexError: another run held it all that time, or the folder cannot be made.
    """
    from whoosh.util.filelock import FileLock

    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(index_dir / LOCK_NAME))
        deadline = time.monotonic() + timeout
        while not lock.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise SearchIndexError(BUSY, index_dir)
            time.sleep(POLL_SECONDS)
    except OSError as exc:
        raise SearchIndexError(f"the index cannot be written ({exc})", index_dir) from exc
    try:
        yield
    finally:
        lock.release()
