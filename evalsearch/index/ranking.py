"""Ranking: BM25F with the probabilistic IDF, and a prior against passages of a few words.

``PassageBM25F`` is the weighting the searcher is opened with (and that the
``engine`` reproduces over whole posting lists).

Whoosh's ``BM25F`` uses ``log(N / (df + 1)) + 1`` as the inverse document
frequency; the +1 flattens it, so two common words of a question ("borgere",
"job") outscore its one specific word ("fastholdes"). ``PassageBM25F`` uses
the IDF of the BM25 literature (Robertson/Spärck Jones, as Lucene does):
``ln(1 + (N - df + 0.5) / (df + 0.5))``.

>>> round(robertson_idf(1000, 40), 2), round(robertson_idf(1000, 250), 2)
(3.21, 1.39)

``length_prior`` damps passages of very few words: a name line ("Niels
Anders Poulsen, Leder af …"), a heading repeated as a paragraph ("+ 5.
Ledelsesmæssig fokus og opbakning") or a lone table cell matches a query
word as well as a paragraph about it, and BM25's length normalisation even
favours it; a judged relevant passage almost never has fewer than ten words.

>>> [round(float(p), 2) for p in length_prior(np.array([3.0, 8.0, 20.0, 60.0]), 4.0)]
[0.53, 0.86, 0.99, 1.0]
"""

from __future__ import annotations

from math import log

import numpy as np
from whoosh.scoring import BM25F


def robertson_idf(documents: int, df: int) -> float:
    """ln(1 + (N - df + 0.5) / (df + 0.5)): near 0 for a word in every passage, never negative."""
    return log(1.0 + (documents - df + 0.5) / (df + 0.5))


def length_prior(lengths: np.ndarray, scale: float) -> np.ndarray:
    """1 − exp(−words / scale) per passage: near 1 from about three times ``scale`` words on; all 1 for scale 0.

    Args:
        lengths (np.ndarray): words per passage (the ``exact`` field's lengths).
        scale (float): the number of words at which a passage keeps 63 % of its score.
    RETURNS (np.ndarray): float32 factors in (0, 1].
    """
    if scale <= 0:
        return np.ones(len(lengths), dtype=np.float32)
    return (1.0 - np.exp(-np.asarray(lengths, dtype=np.float32) / scale)).astype(np.float32)


class PassageBM25F(BM25F):
    """Whoosh's BM25F with ``robertson_idf``.

    Args:
        B (float): length normalisation (0 none, 1 full).
        K1 (float): term-frequency saturation.
    """

    def idf(self, searcher, fieldname, text):
        return robertson_idf(searcher.doc_count_all(), searcher.doc_frequency(fieldname, text))
