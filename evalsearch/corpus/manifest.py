"""The corpus manifest: one SQLite row per document, what became of its file.

Each row holds doc_id, path, sha256, size and modification time (so that an
unchanged file is recognised without reading it), pages, status (success,
partial, failed), the error, the extractor fingerprint and when it was
extracted. Every change is committed at once, so an interrupted run keeps
everything it finished. SQLite's write-ahead log lets ``status`` read while a
run writes, and two runs on one corpus wait for each other instead of failing.

Against the files on disk an entry is in one ``State``: extracted, failed,
stale (the file changed since), outdated (extracted by other code or settings)
or missing (the file is gone).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import astuple, dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from evalsearch.errors import CorpusError
from evalsearch.corpus.files import file_sha256

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 60_000
EntryStatus = Literal["success", "partial", "failed"]
State = Literal["extracted", "failed", "stale", "outdated", "missing"]
STATES: tuple[State, ...] = ("extracted", "failed", "stale", "outdated", "missing")

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    pages INTEGER,
    status TEXT NOT NULL CHECK (status IN ('success', 'partial', 'failed')),
    error TEXT,
    fingerprint TEXT,
    extracted_at TEXT NOT NULL,
    seconds REAL,
    needs_password INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
"""


@dataclass(frozen=True)
class FileStamp:
    """Size and modification time: equal stamps mean the file was not rewritten."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | Path) -> "FileStamp":
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class Entry:
    """One document of the corpus, as the manifest knows it."""

    doc_id: str
    path: str
    sha256: str | None
    size: int | None
    mtime_ns: int | None
    pages: int | None
    status: EntryStatus
    error: str | None
    fingerprint: str | None
    extracted_at: str
    seconds: float | None = None
    needs_password: bool = False

    @property
    def ok(self) -> bool:
        """The document was extracted (fully or partly) and its record is in the store."""
        return self.status != "failed"

    @property
    def stamp(self) -> FileStamp | None:
        return FileStamp(self.size, self.mtime_ns) if self.size is not None and self.mtime_ns is not None else None


COLUMNS = tuple(f.name for f in fields(Entry))


def _entry(row: tuple) -> Entry:
    entry = Entry(*row)
    return replace(entry, needs_password=bool(entry.needs_password))


def is_encrypted(path: str | Path) -> bool:
    """Whether the PDF names an encryption dictionary (its trailer has /Encrypt)."""
    try:
        return b"/Encrypt" in Path(path).read_bytes()
    except OSError:
        return False


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")



def same_file_content(entry: Entry, path: str | Path, stamp: FileStamp) -> bool:
    """Whether ``path`` still holds the bytes ``entry`` was made from.

    An unchanged size and modification time are trusted (as make and rsync
    do); otherwise the file is hashed, so that a copy or a touch is not taken
    for a change.
    """
    if entry.sha256 is None:
        return False
    if entry.stamp == stamp and Path(entry.path) == Path(path):
        return True
    return file_sha256(path) == entry.sha256


def entry_state(entry: Entry, fingerprint: str | None = None) -> State:
    """Compare an entry with its file on disk (and with the current extractor, if given)."""
    try:
        stamp = FileStamp.of(entry.path)
    except OSError:
        return "missing"
    if entry.status == "failed":
        return "failed"
    if not same_file_content(entry, entry.path, stamp):
        return "stale"
    if fingerprint is not None and entry.fingerprint != fingerprint:
        return "outdated"
    return "extracted"


class Manifest:
    """The SQLite manifest of one corpus.

    Args:
        path (str | Path): the database file; created with its folder if missing.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise CorpusError(
                    f"the corpus manifest was written by a newer evalsearch (schema {version}); upgrade evalsearch",
                    self.path,
                )
            self._db.executescript(SCHEMA)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"the corpus manifest cannot be read ({exc}); remove it to start a new corpus", self.path) from None
        except OSError as exc:
            raise CorpusError(f"the corpus folder cannot be written ({exc.strerror or exc})", self.path.parent) from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Manifest":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"the corpus manifest cannot be used ({exc})", self.path) from None

    def entries(self) -> list[Entry]:
        """Every entry, by doc_id."""
        rows = self._run(f"SELECT {', '.join(COLUMNS)} FROM documents ORDER BY doc_id").fetchall()
        return [_entry(row) for row in rows]

    def __len__(self) -> int:
        return self._run("SELECT COUNT(*) FROM documents").fetchone()[0]

    def get(self, doc_id: str) -> Entry | None:
        row = self._run(f"SELECT {', '.join(COLUMNS)} FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _entry(row) if row else None

    def put(self, entry: Entry) -> None:
        """Insert or replace the entry of ``entry.doc_id``; committed at once."""
        marks = ", ".join("?" for _ in COLUMNS)
        self._run(f"INSERT OR REPLACE INTO documents ({', '.join(COLUMNS)}) VALUES ({marks})", astuple(entry))

    def moved(self, entry: Entry, path: str | Path, stamp: FileStamp) -> Entry:
        """Record that the entry's unchanged content now stands at ``path`` with ``stamp``."""
        updated = replace(entry, path=str(path), size=stamp.size, mtime_ns=stamp.mtime_ns)
        self.put(updated)
        return updated

    def remove(self, doc_id: str) -> None:
        self._run("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
