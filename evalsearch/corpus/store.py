"""The corpus folder: the manifest and the record store, one JSON file per document.

A corpus is a folder holding ``manifest.sqlite`` and ``records/<doc_id>.json``.
Each record is the lossless form of a Document (``evalsearch.codec``) plus the
fingerprint of the extractor that made it, written to a temporary file and
renamed, so that a record is either whole or absent. The default corpus lives
in the user data dir, beside the default search index.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from evalsearch.codec import document_from_dict, document_to_record
from evalsearch.corpus.files import data_home, write_atomic
from evalsearch.corpus.manifest import Manifest
from evalsearch.errors import CorpusError
from evalsearch.model import Document

MANIFEST_NAME = "manifest.sqlite"
RECORDS_DIR = "records"
CORPUS_DIR_NAME = "corpus"
# A temporary file this old was left by a process that was killed mid-write.
STALE_TEMP_SECONDS = 3600


def default_corpus_dir() -> Path:
    """The corpus used when no ``--corpus`` is given: ``<user data dir>/evalsearch/corpus``."""
    return data_home() / CORPUS_DIR_NAME


class RecordStore:
    """One JSON record per document in a folder.

    Args:
        root (str | Path): the folder; created on the first write.
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path_for(self, doc_id: str) -> Path:
        return self.root / f"{doc_id}.json"

    def exists(self, doc_id: str) -> bool:
        return self.path_for(doc_id).is_file()

    def write(self, document: Document, fingerprint: str | None = None) -> Path:
        """Store the document whole (temporary file + rename); RETURNS (Path): its record file."""
        record = document_to_record(document)
        record["fingerprint"] = fingerprint
        path = self.path_for(document.doc_id)
        try:
            write_atomic(path, json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        except OSError as exc:
            raise CorpusError(f"cannot write the record of {document.doc_id} ({exc.strerror or exc})", path) from None
        return path

    def read(self, doc_id: str) -> Document:
        """The stored document; a missing or damaged record raises ``CorpusError``."""
        path = self.path_for(doc_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return document_from_dict(data)
        except FileNotFoundError:
            raise CorpusError(f"no stored record for {doc_id!r}", path) from None
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise CorpusError(f"the stored record of {doc_id!r} is damaged ({type(exc).__name__})", path) from None

    def remove(self, doc_id: str) -> None:
        self.path_for(doc_id).unlink(missing_ok=True)

    def remove_stale_temps(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Delete temporary files left by killed processes; RETURNS (int): how many."""
        if not self.root.is_dir():
            return 0
        removed = 0
        cutoff = time.time() - older_than
        for tmp in self.root.glob(".*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


class Corpus:
    """A corpus folder opened for use: ``manifest`` and ``store``.

    Args:
        root (str | Path | None): the folder; None means ``default_corpus_dir()``.
    """

    def __init__(self, root: str | Path | None = None):
        self.root = Path(root) if root is not None else default_corpus_dir()
        if self.root.exists() and not self.root.is_dir():
            raise CorpusError("the corpus must be a folder, but this is a file", self.root)
        self.manifest = Manifest(self.root / MANIFEST_NAME)
        self.store = RecordStore(self.root / RECORDS_DIR)
        self.store.remove_stale_temps()

    def close(self) -> None:
        self.manifest.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
