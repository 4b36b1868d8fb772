"""Decoded posting lists of the index's most frequent terms, saved beside the index.

Decoding a Whoosh posting block costs about 0.3 µs per posting; the words that
occur in a tenth of all passages ("borger", "job", "ledelse") would cost most
of a query's time in an index of a thousand reports. After each commit the
writer saves the postings of every term found in at least
``hot_threshold(passages)`` passages as flat arrays (``write_hot_terms``); the
search engine reads those with a memory map and decodes only the rare terms.

The file is named after the index generation it was made from, so a search
that reads an older state never uses postings of a newer one (and falls back
to decoding when its file is gone).
"""

from __future__ import annotations

import marshal
from pathlib import Path

import numpy as np

#: the analysed fields whose frequent terms are saved
HOT_FIELDS = ("expanded", "exact", "context")
#: a term is hot when it occurs in at least this many passages…
DEFAULT_MIN_HOT = 2000
#: …or in this share of them, whichever is more
DEFAULT_HOT_SHARE = 0.005
PREFIX = "hotterms"


def hot_threshold(passages: int) -> int:
    """The document frequency from which a term's postings are saved.

    >>> hot_threshold(1000), hot_threshold(1_000_000)
    (2000, 5000)
    """
    return max(DEFAULT_MIN_HOT, int(DEFAULT_HOT_SHARE * passages))


def _paths(index_dir: Path, generation: int) -> tuple[Path, Path]:
    return index_dir / f"{PREFIX}-{generation}.bin", index_dir / f"{PREFIX}-{generation}.idx"


def write_hot_terms(index_dir: str | Path, searcher, engine) -> int:
    """Save the postings of the hot terms of the searcher's state; RETURNS (int): terms saved.

    Older generations' files are removed (a search still reading one keeps its open map).
    """
    from evalsearch.corpus.files import write_atomic

    index_dir = Path(index_dir)
    reader = searcher.reader()
    generation = reader.generation()
    threshold = hot_threshold(reader.doc_count_all())
    table: dict[str, tuple[int, int]] = {}
    chunks_ids: list[np.ndarray] = []
    chunks_tf: list[np.ndarray] = []
    offset = 0
    for fieldname in HOT_FIELDS:
        for term, info in reader.iter_field(fieldname):
            if info.doc_frequency() < threshold:
                continue
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            ids, tf = engine.postings(fieldname, text, use_hot=False)
            table[f"{fieldname}\t{text}"] = (offset, len(ids))
            chunks_ids.append(ids.astype(np.int32))
            chunks_tf.append(tf.astype(np.float32))
            offset += len(ids)
    data_path, index_path = _paths(index_dir, generation)
    ids_all = np.concatenate(chunks_ids) if chunks_ids else np.zeros(0, np.int32)
    tf_all = np.concatenate(chunks_tf) if chunks_tf else np.zeros(0, np.float32)
    write_atomic(data_path, ids_all.tobytes() + tf_all.tobytes())
    write_atomic(index_path, marshal.dumps((offset, table)))
    for old in index_dir.glob(f"{PREFIX}-*"):
        if old.name not in (data_path.name, index_path.name):
            old.unlink(missing_ok=True)
    return len(table)


class HotTerms:
    """The saved postings of one index generation, memory-mapped; empty if there is no file."""

    def __init__(self, index_dir: str | Path, generation: int):
        data_path, index_path = _paths(Path(index_dir), generation)
        self.table: dict[str, tuple[int, int]] = {}
        self._ids = self._tf = None
        try:
            total, table = marshal.loads(index_path.read_bytes())
            raw = np.memmap(data_path, dtype=np.uint8, mode="r")
        except (OSError, EOFError, ValueError, TypeError):
            return
        if raw.size != 8 * total:
            return
        self._ids = raw[: 4 * total].view(np.int32)
        self._tf = raw[4 * total:].view(np.float32)
        self.table = table

    def get(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        found = self.table.get(f"{fieldname}\t{text}")
        if found is None:
            return None
        start, length = found
        return self._ids[start:start + length].astype(np.int64), np.asarray(self._tf[start:start + length])
