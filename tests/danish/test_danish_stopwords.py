"""Tests for ``evalsearch.danish.stopwords``."""

from __future__ import annotations

import pytest

from evalsearch.danish.stopwords import KEPT_WORDS, NEGATIONS, STOP_WORDS, is_stop_word


@pytest.mark.parametrize("word", ["og", "i", "at", "det", "som", "på", "de", "med", "af", "for", "sig", "sine", "hvilken"])
def test_is_stop_word(word):
    assert is_stop_word(word)


@pytest.mark.parametrize("word", sorted(NEGATIONS))
def test_negation_is_kept(word):
    assert word not in STOP_WORDS


@pytest.mark.parametrize("word", sorted(KEPT_WORDS))
def test_meaning_bearing_word_is_kept(word):
    assert not is_stop_word(word)


@pytest.mark.parametrize("word", ["ikke", "ingen", "intet", "aldrig", "uden", "ingenting", "mangel"])
def test_named_negations(word):
    assert word in NEGATIONS


def test_stop_words_are_lowercase_words():
    assert all(word == word.lower() and word.isalpha() for word in STOP_WORDS)
