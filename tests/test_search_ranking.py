"""Ranking over the shared corpus: feedback, split compounds, short passages, specific words."""

from __future__ import annotations

import pytest

from evalsearch.index.feedback import FeedbackWeights, feedback_terms
from evalsearch.index.query import QueryWeights
from evalsearch.index.search import search
from evalsearch.index.writer import open_index


@pytest.fixture(scope="module")
def searcher(search_index):
    with open_index(search_index).searcher() as opened:
        yield opened


def test_feedback_counts_a_word_once_per_passage(searcher):
    lemma = searcher.schema["lemma"].analyzer
    texts = ["Styregruppen styregruppen styregruppen mødes.", "Tovholderen ringer.", "Tovholderen skriver."]
    terms = feedback_terms(searcher, lemma, texts, set(), FeedbackWeights())
    # a word repeated in one passage is not shared by the passages; one found in two of them is
    assert "tovholder" in terms and "styregruppe" not in terms
    assert sum(terms.values()) == pytest.approx(FeedbackWeights().weight)


def test_feedback_takes_one_lemma_per_word_not_its_compound_parts(searcher):
    lemma = searcher.schema["lemma"].analyzer
    texts = ["De frivillige mentorer.", "Færre frivillige end ventet.", "Frivillige er svære at finde."]
    terms = feedback_terms(searcher, lemma, texts, set(), FeedbackWeights())
    assert "frivillig" in terms and not {"fri", "villig"} & set(terms)


def test_a_compound_written_as_two_words_ranks_with_the_compound(search_index):
    """ "handicap nøglepersonerne" is the same concept as "handicapnøglepersonerne"."""
    hits = search(search_index, "handicapnøglepersoner", {"limit": 12}).hits
    assert any("handicap nøglepersonerne" in h.passage.text for h in hits)
    split_off = search(search_index, "handicapnøglepersoner", {"limit": 12, "weights": QueryWeights(split=0.0)}).hits
    rank = next(i for i, h in enumerate(hits) if "handicap nøglepersonerne" in h.passage.text)
    rank_off = next((i for i, h in enumerate(split_off) if "handicap nøglepersonerne" in h.passage.text), 99)
    assert rank < rank_off
