"""The best-of query: a passage scores by its best-matching subquery, plus a little of the others.

A query word has several readings (its lemma, an inflection, a compound's
parts, a derived base); the ``query`` builder joins them with ``BestOf``, so
a passage that holds the lemma and a part is scored by the lemma, not by the
sum of both. ``BestMatcher`` computes it in Whoosh's matcher tree; the
``engine`` computes the same over whole posting lists.

>>> from whoosh import query as wq
>>> _best([wq.Term("exact", "a")], 0.5).boost
0.5
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq
from whoosh.matching import NullMatcher
from whoosh.matching.binary import UnionMatcher


class BestMatcher(UnionMatcher):
    """The union of two matchers scored by the better one on the current passage.

    Whoosh's ``DisjunctionMaxMatcher`` takes the maximum of both sub-matchers
    even when only one of them stands on the current document, and its
    ``replace`` drops all matches when one side runs out; this one scores like
    ``UnionMatcher`` but with max + ``tiebreak`` × the other instead of the sum.
    """

    def __init__(self, a, b, tiebreak: float = 0.0):
        super().__init__(a, b)
        self.tiebreak = tiebreak

    def copy(self):
        return BestMatcher(self.a.copy(), self.b.copy(), self.tiebreak)

    def replace(self, minquality=0):
        a_active, b_active = self.a.is_active(), self.b.is_active()
        if not (a_active or b_active):
            return NullMatcher()
        if not a_active:
            return self.b.replace(minquality)
        if not b_active:
            return self.a.replace(minquality)
        a, b = self.a.replace(0), self.b.replace(0)
        return self if (a is self.a and b is self.b) else BestMatcher(a, b, self.tiebreak)

    def score(self):
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        id_a, id_b = a.id(), b.id()
        if id_a != id_b:
            return a.score() if id_a < id_b else b.score()
        sa, sb = a.score(), b.score()
        return max(sa, sb) + self.tiebreak * min(sa, sb)


class BestOf(wq.CompoundQuery):
    """Matches any subquery; a passage scores by its best-matching subquery (see ``BestMatcher``)."""

    JOINT = " | "

    def __init__(self, subqueries, boost: float = 1.0, tiebreak: float = 0.0):
        super().__init__(subqueries, boost=boost)
        self.tiebreak = tiebreak

    def __eq__(self, other):
        return super().__eq__(other) and self.tiebreak == other.tiebreak

    __hash__ = wq.CompoundQuery.__hash__

    def normalize(self):
        norm = super().normalize()
        if isinstance(norm, BestOf):
            norm.tiebreak = self.tiebreak
        return norm

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        return self._tree_matcher(subs, BestMatcher, searcher, context, lambda q: q.estimate_size(reader),
                                  tiebreak=self.tiebreak)


def _copy(query: wq.Query) -> wq.Query:
    return query.copy()


def _best(queries: Iterable[wq.Query], boost: float) -> wq.Query:
    """The best-scoring of some queries, boosted; NullQuery for none."""
    queries = list(queries)
    if not queries:
        return wq.NullQuery
    if len(queries) == 1:
        only = queries[0]
        only.boost *= boost
        return only
    return BestOf(queries, boost=boost)
