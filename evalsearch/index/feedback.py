"""Pseudo-relevance feedback: widen a query with the words its best passages share.

Reports say the same thing in many words ("samskabelse" next to
"tværsektorielt samarbejde", "virksomhedsnetværk" next to "eksisterende
fora"). After a first search, the lemmas (one per word, as the ``lemma`` field
holds them) that many of the top passages share and that are rare in the
index are added to the query with small weights (scored in the ``expanded``
field), so that passages which use the neighbouring words are found below
the direct matches (RM3-style feedback; no word lists). A word counts once
per passage: a heading repeated in front of several lessons, or a word
repeated within one passage, is not taken for what the passages share; and
one lemma per word keeps a compound and its parts ("frivillig", "fri",
"villig") from entering three times. A short passage is read with the
passages around it under the same heading: a table row ("Samarbejdspartnere:
Samskabelse") says what it is about in the rows of its table.

>>> weights = FeedbackWeights()
>>> weights.passages, weights.terms
(8, 12)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from evalsearch.index.ranking import robertson_idf


@dataclass(frozen=True)
class FeedbackWeights:
    """Settings of the feedback step.

    Args:
        passages (int): top passages read (0 switches feedback off).
        terms (int): most words added.
        weight (float): boost of the added words together, relative to one query word.
        min_df (int): a word must occur in at least this many passages of the index
        max_share (float): … and in at most this share of them.
        min_passages (int): … and in at least this many of the top passages (one, when the query
            matches no more than half of ``passages``).
    """

    passages: int = 8
    terms: int = 12
    weight: float = 1.0
    min_df: int = 2
    max_share: float = 0.1
    min_passages: int = 2


#: a passage of fewer words is read with its neighbours under the same heading …
CONTEXT_SHORT = 12
#: … this many passages before and after it
CONTEXT_REACH = 3


def passage_in_context(searcher, fields, docnum: int) -> str:
    """The text feedback reads for one passage: its own, and a short one's neighbours' too.

    Args:
        searcher: the open searcher (passages are found by key, "doc_id#number").
        fields: docnum → stored fields (the search's cache).
        docnum (int): the passage.
    """
    record = fields(docnum)
    text = record["text"]
    if len(text.split()) >= CONTEXT_SHORT or not record.get("heading"):
        return text
    parts = [text]
    for step in range(1, CONTEXT_REACH + 1):
        for number in (record["number"] - step, record["number"] + step):
            other = searcher.document_number(key=f"{record['doc_id']}#{number}")
            if other is not None and fields(other).get("heading") == record["heading"]:
                parts.append(fields(other)["text"])
    return " ".join(parts)


def feedback_terms(searcher, analyzer, texts: list[str], exclude: set[str], weights: FeedbackWeights) -> dict[str, float]:
    """The words to add, each with its weight (summing to ``weights.weight``).

    Args:
        searcher: the open searcher (for document frequencies).
        analyzer: the ``lemma`` field's analyzer (one lemma per word).
        texts (list[str]): the texts of the top passages, best first.
        exclude (set[str]): terms the query already holds.
        weights (FeedbackWeights): limits and weight.
    RETURNS (dict[str, float]): term → boost; {} when nothing qualifies.
    """
    reader = searcher.reader()
    documents = reader.doc_count_all()
    seen_in: Counter[str] = Counter()
    for text in texts:
        for term in {t.text for t in analyzer(text, mode="index") if t.text.isalpha() and len(t.text) > 2}:
            seen_in[term] += 1
    # a query that matches only a few passages has no more to learn from: a word of one of them will do
    need = weights.min_passages if len(texts) > weights.passages // 2 else 1
    chosen: dict[str, float] = {}
    for term, passages in seen_in.items():
        if term in exclude or passages < need:
            continue
        df = reader.doc_frequency("expanded", term)
        if df < weights.min_df or df > weights.max_share * documents:
            continue
        chosen[term] = passages * robertson_idf(documents, df)
    top = sorted(chosen.items(), key=lambda kv: -kv[1])[: weights.terms]
    total = sum(v for _, v in top)
    return {term: weights.weight * value / total for term, value in top} if total else {}

