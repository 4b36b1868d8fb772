"""The best-of query: a passage scores by its best-matching subquery, plus a little of the others.

A query word has several readings (its lemma, an inflection, a compound's
parts, a derived base); the ``query`` builder joins them with ``BestOf``, so
a passage that holds the lemma and a part is scored by the lemma, not by the
sum of both. The ``engine`` computes it over whole posting lists; no Whoosh
matcher is ever built for it.

>>> from whoosh import query as wq
>>> _best([wq.Term("exact", "a")], 0.5).boost
0.5
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq


class BestOf(wq.CompoundQuery):
    """Matches any subquery; a passage scores by its best-matching subquery, plus ``tiebreak`` × the others."""

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
