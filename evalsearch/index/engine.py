"""BM25F over whole posting lists at once: the ranking engine behind ``search``.

Whoosh stores the postings; scoring them one matcher call at a time costs a
few microseconds per posting, far too slow for a query whose words occur in a
quarter of 200,000 passages. ``PostingEngine`` reads a term's postings block
by block into numpy arrays and scores a whole list in one step (BM25 with the
probabilistic IDF, ``ranking.robertson_idf``). ``evaluate`` computes a query
tree (the ``query`` module's word clauses, ``bestof.BestOf``, And/Or/Not, phrases)
into one score per passage; matched passages have a score above 0.

Field lengths are read from Whoosh's length columns (one byte per passage)
and mapped back to lengths with Whoosh's own table; deleted passages (before a
segment merge) are masked out.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from evalsearch.index.ranking import robertson_idf

#: Whoosh's byte → field length table, as an array for lookups
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


class PostingEngine:
    """Posting lists and field lengths of one open searcher, as numpy arrays (cached).

    Args:
        searcher: an open Whoosh searcher.
        k1 (float): BM25 term-frequency saturation.
        b (float): BM25 length normalisation.
    """

    def __init__(self, searcher, k1: float, b: float, index_dir=None):
        self.searcher = searcher
        self.index_dir = index_dir
        self._hot = None
        self.k1 = k1
        self.b = b
        self.size = searcher.doc_count_all()
        self.leaves = searcher.leaf_searchers()
        self._lengths: dict[str, np.ndarray] = {}
        self._averages: dict[str, float] = {}
        self._postings: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._live: np.ndarray | None = None

    def zeros(self) -> np.ndarray:
        return np.zeros(self.size, dtype=np.float32)

    def live(self) -> np.ndarray:
        """True for every passage that is not deleted."""
        if self._live is None:
            live = np.ones(self.size, dtype=bool)
            for leaf, offset in self.leaves:
                reader = leaf.reader()
                if reader.has_deletions():
                    deleted = [offset + d for d in getattr(reader, "deleted_docs_set", ()) or ()]
                    if not deleted:
                        deleted = [offset + d for d in range(reader.doc_count_all()) if reader.is_deleted(d)]
                    live[deleted] = False
            self._live = live
        return self._live

    def lengths(self, fieldname: str) -> np.ndarray:
        """The length (in tokens, as Whoosh stores it) of ``fieldname`` in every passage."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = np.zeros(self.size, dtype=np.float32)
            for leaf, offset in self.leaves:
                count = leaf.doc_count_all()
                found[offset:offset + count] = self._leaf_lengths(leaf, fieldname, count)
            self._lengths[fieldname] = found
        return found

    def _average_length(self, fieldname: str) -> float:
        found = self._averages.get(fieldname)
        if found is None:
            found = self._averages[fieldname] = float(self.lengths(fieldname).mean()) or 1.0
        return found

    @staticmethod
    def _leaf_lengths(leaf, fieldname: str, count: int) -> np.ndarray:
        reader = leaf.reader()
        perdoc = getattr(reader, "_perdoc", None)
        column = getattr(perdoc, "_cached_reader", None)
        try:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            lengths = column(_lenfield(fieldname), LENGTHS_COLUMN) if column else None
            raw = lengths._dbfile.get(lengths._basepos, lengths._count) if lengths is not None else None
        except (AttributeError, ImportError, TypeError):
            raw = None
        if raw is None:  # another codec: ask passage by passage
            return np.array([reader.doc_field_length(d, fieldname) for d in range(count)], dtype=np.float32)
        codes = np.zeros(count, dtype=np.uint8)
        codes[: min(count, len(raw))] = np.frombuffer(raw, dtype=np.uint8)[:count]
        return _LENGTH_OF_BYTE[codes]

    def hot(self):
        """The saved postings of frequent terms for this searcher's index state (``hotterms``)."""
        if self._hot is None:
            from evalsearch.index.hotterms import HotTerms

            generation = self.searcher.reader().generation()
            self._hot = HotTerms(self.index_dir, generation) if self.index_dir is not None else False
        return self._hot

    def postings(self, fieldname: str, text: str, use_hot: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """(passage numbers, term frequencies) of a term; empty arrays for an unknown term."""
        key = (fieldname, text)
        found = self._postings.get(key)
        if found is None and use_hot:
            hot = self.hot()
            found = hot.get(fieldname, text) if hot else None
            if found is not None:
                self._postings[key] = found
        if found is None:
            ids: list[np.ndarray] = []
            weights: list[np.ndarray] = []
            for leaf, offset in self.leaves:
                reader = leaf.reader()
                if (fieldname, text) not in reader:
                    continue
                leaf_ids, leaf_weights = _read_all(reader.postings(fieldname, text))
                ids.append(np.asarray(leaf_ids, dtype=np.int64) + offset)
                weights.append(np.asarray(leaf_weights, dtype=np.float32))
            found = (np.concatenate(ids) if ids else np.zeros(0, np.int64),
                     np.concatenate(weights) if weights else np.zeros(0, np.float32))
            self._postings[key] = found
        return found

    def term_scores(self, fieldname: str, text: str, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
        """BM25 of one term: (passage numbers, scores)."""
        ids, tf = self.postings(fieldname, text)
        if not len(ids):
            return ids, tf
        idf = robertson_idf(self.size, len(ids))
        lengths = self.lengths(fieldname)
        average = self._average_length(fieldname)
        norm = self.k1 * (1.0 - self.b + self.b * lengths[ids] / average)
        return ids, (boost * idf * tf * (self.k1 + 1.0) / (tf + norm)).astype(np.float32)

    def dense(self, fieldname: str, text: str, boost: float = 1.0) -> np.ndarray:
        scores = self.zeros()
        ids, values = self.term_scores(fieldname, text, boost)
        scores[ids] = values
        return scores


def _read_all(matcher) -> tuple:
    """Every (id, weight) of a leaf matcher; whole blocks at a time where the codec allows it."""
    if isinstance(matcher, FilterMatcher):  # deletions are masked by PostingEngine.live()
        matcher = matcher.child
    ids: list = []
    weights: list = []
    if all(hasattr(matcher, name) for name in ("_read_data", "_next_block", "_blocklength", "_byteids")):
        # Whoosh's W3 codec: each block is a pickled (delta-coded ids, weights, values) tuple
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            deltas, block_weights = matcher._data[0], matcher._data[1]
            block_ids = np.asarray(deltas, dtype=np.int64)
            ids.append(block_ids if matcher._byteids else np.cumsum(block_ids))
            if block_weights is None or isinstance(block_weights, float):
                weights.append(np.full(len(block_ids), 1.0 if block_weights is None else block_weights, np.float32))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float32))
            matcher._next_block()
        return (np.concatenate(ids) if ids else np.zeros(0, np.int64)), (
            np.concatenate(weights) if weights else np.zeros(0, np.float32))
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def evaluate(engine: PostingEngine, node: wq.Query) -> tuple[np.ndarray, np.ndarray]:
    """Score a query tree on every passage: (scores, matched)."""
    from evalsearch.index.bestof import BestOf

    if node is wq.NullQuery or isinstance(node, wq.NullQuery.__class__):
        return engine.zeros(), np.zeros(engine.size, dtype=bool)
    if isinstance(node, wq.Term):
        scores = engine.dense(node.fieldname, node.text, node.boost)
        return scores, scores > 0
    if isinstance(node, wq.Phrase):
        scores = engine.zeros()
        matched = np.zeros(engine.size, dtype=bool)
        docs = list(engine.searcher.docs_for_query(node))
        if docs:
            matched[docs] = True
            for word in node.words:
                scores += engine.dense(node.fieldname, word, node.boost)
            scores *= matched
        return scores, matched
    if isinstance(node, wq.Not):
        _, inner = evaluate(engine, node.query)
        return engine.zeros(), ~inner
    if isinstance(node, (wq.AndNot, wq.Require, wq.AndMaybe)):
        a_scores, a_matched = evaluate(engine, node.a)
        b_scores, b_matched = evaluate(engine, node.b)
        if isinstance(node, wq.AndNot):
            keep = a_matched & ~b_matched
            return a_scores * keep, keep
        if isinstance(node, wq.Require):
            keep = a_matched & b_matched
            return (a_scores + b_scores) * keep, keep
        return a_scores + b_scores * a_matched, a_matched
    if isinstance(node, (wq.And, wq.Or, BestOf)):
        parts = [evaluate(engine, child) for child in node.subqueries]
        if not parts:
            return engine.zeros(), np.zeros(engine.size, dtype=bool)
        stack = np.vstack([scores for scores, _ in parts])
        masks = np.vstack([matched for _, matched in parts])
        if isinstance(node, BestOf):
            best = stack.max(axis=0)
            scores = best + node.tiebreak * (stack.sum(axis=0) - best)
            matched = masks.any(axis=0)
        elif isinstance(node, wq.And):
            matched = masks.all(axis=0)
            scores = stack.sum(axis=0) * matched
        else:
            scores = stack.sum(axis=0)
            matched = masks.any(axis=0)
        return (scores * node.boost).astype(np.float32), matched
    # the query syntax (``syntax.parse``) makes no other kind of node
    raise TypeError(f"no scoring for a {type(node).__name__} query")
