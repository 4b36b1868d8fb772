"""A saved copy of the built lexicon, so that a new process loads it in a fraction of the build time.

Building the corrected lexicon from spacy-lookups-data takes about a second
(reading 550,000 forms, then the homograph and chain corrections); loading the
finished tables from a pickle takes about a sixth of that. The copy lives in
the user cache dir (``$XDG_CACHE_HOME/evalsearch``, else ``~/.cache/evalsearch``)
under a name derived from everything the tables are built from: the lookup
file's bytes, the source of the modules that correct it, and the Python
version. A change to any of them names another file, so a stale copy is never
read. A copy that cannot be read or written is rebuilt or skipped, silently:
the cache only saves time.

Set ``EVALSEARCH_NO_CACHE=1`` to build the lexicon every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

#: bumped when the shape of the saved tables changes
CACHE_FORMAT = 1


def cache_dir() -> Path:
    """The user cache dir of evalsearch."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "evalsearch"


def cache_key(sources: Iterable[bytes]) -> str:
    """A short hash of everything the tables are built from.

    >>> cache_key([b"a", b"b"]) == cache_key([b"a", b"b"]) != cache_key([b"ab"])
    True
    """
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
    for source in sources:
        digest.update(len(source).to_bytes(8, "little"))
        digest.update(source)
    return digest.hexdigest()[:16]


def _enabled() -> bool:
    return os.environ.get("EVALSEARCH_NO_CACHE", "") in ("", "0")


def load_tables(key: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """The saved (lemma_of, other_lemma) tables for ``key``, or None."""
    if not _enabled():
        return None
    try:
        with open(cache_dir() / f"lexicon-{key}.pickle", "rb") as file:
            tables = pickle.load(file)
    except Exception:  # missing, truncated or from another version: rebuild
        return None
    if (isinstance(tables, tuple) and len(tables) == 2 and all(isinstance(t, dict) for t in tables)):
        return tables
    return None


def save_tables(key: str, lemma_of: dict[str, str], other_lemma: dict[str, str]) -> None:
    """Save the tables for ``key`` (written to a temporary file, then renamed); errors are ignored."""
    if not _enabled():
        return
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=".lexicon-", suffix=".partial", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump((lemma_of, other_lemma), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, folder / f"lexicon-{key}.pickle")
            for old in folder.glob("lexicon-*.pickle"):  # copies of tables built from other sources
                if old.name != f"lexicon-{key}.pickle":
                    old.unlink(missing_ok=True)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    except OSError:  # a read-only or full disk: the next process builds the lexicon again
        return
