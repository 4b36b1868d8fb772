"""BM25F with the probabilistic IDF, so that a query's rare words outweigh its common ones.

Whoosh's ``BM25F`` uses ``log(N / (df + 1)) + 1`` as the inverse document
frequency; the +1 flattens it, so two common words of a question ("borgere",
"job") outscore its one specific word ("fastholdes"). ``PassageBM25F`` uses
the IDF of the BM25 literature (Robertson/Spärck Jones, as Lucene does):
``ln(1 + (N - df + 0.5) / (df + 0.5))``.

>>> round(robertson_idf(1000, 40), 2), round(robertson_idf(1000, 250), 2)
(3.21, 1.39)
"""

from __future__ import annotations

from math import log

from whoosh.scoring import BM25F


def robertson_idf(documents: int, df: int) -> float:
    """ln(1 + (N - df + 0.5) / (df + 0.5)): near 0 for a word in every passage, never negative."""
    return log(1.0 + (documents - df + 0.5) / (df + 0.5))


class PassageBM25F(BM25F):
    """Whoosh's BM25F with ``robertson_idf``.

    Args:
        B (float): length normalisation (0 none, 1 full).
        K1 (float): term-frequency saturation.
    """

    def idf(self, searcher, fieldname, text):
        return robertson_idf(searcher.doc_count_all(), searcher.doc_frequency(fieldname, text))
