"""Tests for ``evalsearch.danish.nlp``: the offline spaCy pipeline."""

from __future__ import annotations

import pytest

from evalsearch.danish.compounds import compound_lemma
from evalsearch.danish.nlp import lemmas, sentences


def test_pipeline_components(da_nlp):
    assert da_nlp.lang == "da"
    assert da_nlp.pipe_names == ["sentencizer", "da_sentence_ends", "lemmatizer", "da_lemma_fallback"]
    assert da_nlp.get_pipe("lemmatizer").mode == "lookup"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Der var bl.a. 12 deltagere. Alle gennemførte.", ["Der var bl.a. 12 deltagere.", "Alle gennemførte."]),
        ("Det viser f.eks. figur 2. Se også tabel 3.", ["Det viser f.eks. figur 2.", "Se også tabel 3."]),
        ("Hvorfor? Fordi ledelsen bakkede op!", ["Hvorfor?", "Fordi ledelsen bakkede op!"]),
        ("Projektet startede i 2019. Det gik godt.", ["Projektet startede i 2019.", "Det gik godt."]),
        ("Budgettet var 1,2 mio. kr. Næste år steg det.", ["Budgettet var 1,2 mio. kr.", "Næste år steg det."]),
        ("Det kostede 5 mio. kr. til løn.", ["Det kostede 5 mio. kr. til løn."]),
        ("Se kapitel 2. for detaljer.", ["Se kapitel 2. for detaljer."]),
        ("Borgerne (jf. afsnit 2) var glade.", ["Borgerne (jf. afsnit 2) var glade."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ledelsen støttede virksomhederne.", ["ledelse", "støtte", "virksomhed"]),
        ("Lederne og ledere", ["leder", "og", "leder"]),
        ("Handicapnøglepersonerne i jobcentrene", ["handicapnøgleperson", "i", "jobcenter"]),
        ("Fokuset var på samarbejdsaftaler.", ["fokus", "være", "på", "samarbejdsaftale"]),
    ],
)
def test_lemmas(text, expected):
    assert lemmas(text) == expected


def test_pipeline_agrees_with_compound_lemma(da_nlp):
    doc = da_nlp("Borgerne oplevede at virksomhedsnetværkene gav bedre Ledelsesopbakning i kommunerne")
    assert [token.lemma_ for token in doc] == [compound_lemma(token.text) for token in doc]


def test_get_nlp_is_built_once(da_nlp):
    from evalsearch.danish.nlp import get_nlp

    assert get_nlp() is da_nlp
