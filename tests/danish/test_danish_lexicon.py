"""Tests for ``evalsearch.danish.lexicon``: word forms and lemmas."""

from __future__ import annotations

import pytest

from evalsearch.danish.abbreviations import is_abbreviation
from evalsearch.danish.extra_words import EXTRA_PARADIGMS
from evalsearch.danish.lemma_fixes import LEMMA_FIXES
from evalsearch.danish.lexicon import (
    forms,
    inflection_base,
    is_word,
    lemma,
    lemma_candidates,
    lemma_table,
    normalise,
)


@pytest.mark.parametrize(
    "token,expected",
    [
        ("ledelsen", "ledelse"),
        ("Ledelsen", "ledelse"),
        ("ledere", "leder"),
        ("leder", "leder"),  # table: "led"
        ("lederne", "leder"),  # table: "led"
        ("opbakningen", "opbakning"),
        ("virksomhederne", "virksomhed"),
        ("Virksomhederne,", "virksomhed"),
        ("samarbejdsaftaler", "samarbejdsaftale"),
        ("frivillige", "frivillig"),
        ("borgere", "borger"),
        ("borger", "borger"),  # table: "borge"
        ("deltagerne", "deltager"),
        ("deltager", "deltager"),  # table: "deltage"
        ("handicap", "handicap"),  # table: "handicappe"
        ("begreber", "begreb"),
        ("begreb", "begreb"),  # table: "begribe"
        ("jobcentret", "jobcenter"),  # extra word
        ("jobcentrene", "jobcenter"),
        ("centret", "center"),  # table: "centrum"
        ("udrulningsfasen", "udrulningsfasen"),  # unknown compound: see compound_lemma
        ("fasen", "fase"),  # table: "fas"
        ("timer", "time"),
        ("gange", "gang"),
        ("godt", "god"),  # table: "godte"
        ("tyve", "tyve"),  # table: "tyv"
        ("har", "have"),
        ("var", "være"),
        ("evalueringerne", "evaluering"),
        ("fokuset", "fokus"),  # missing from the table: regular inflection
        ("forventningsafstemt", "forventningsafstemt"),  # missing: compound
        ("A-kasse", "a-kasse"),
        ("xyzzy", "xyzzy"),
        ("«Hjælpemidler»", "hjælpemiddel"),
        ("", ""),
    ],
)
def test_lemma(token, expected):
    assert lemma(token) == expected


@pytest.mark.parametrize(
    "token",
    ["ledelsen", "ledere", "leder", "borger", "virksomhederne", "jobcentret", "begreber", "timer", "fasen", "tages"],
)
def test_lemma_is_idempotent(token):
    assert lemma(lemma(token)) == lemma(token)


def test_lemma_is_idempotent_on_whole_table():
    table = lemma_table()
    broken = [form for form, lem in table.items() if table.get(lem, lem) != lem]
    assert broken == []


@pytest.mark.parametrize(
    "token,expected",
    [
        ("deltager", ("deltager", "deltage")),
        ("borger", ("borger", "borge")),
        ("viser", ("viser", "vise")),
        ("ledelsen", ("ledelse",)),
        ("lederne", ("leder", "led")),
    ],
)
def test_lemma_candidates(token, expected):
    assert lemma_candidates(token) == expected


@pytest.mark.parametrize(
    "token",
    [
        "ledelse", "Ledelsen", "virksomhederne,", "(borgere)", "og", "ikke",
        "jobcenter", "Jobcentrene", "handicapkompenserende", "inklusion",
        "bl.a.", "f.eks.", "kr.", "kr", "fx", "ca.", "pct.", "DKK", "A-kasse",
        "e-læring",
    ],
)
def test_is_word(token):
    assert is_word(token)


@pytest.mark.parametrize(
    "token",
    ["", "---", "2015", "ledelsesopbakning", "xyzzy", "bl", "delse", "ning", "tionsnedsættelser", "ing"],
)
def test_is_not_word(token):
    assert not is_word(token)


@pytest.mark.parametrize("token", ["bl.a.", "f.eks.", "jf.", "kr.", "fx", "ca", "mio.", "ing."])
def test_is_abbreviation(token):
    assert is_abbreviation(token)


@pytest.mark.parametrize("token", ["ing", "bl", "ledelse", ""])
def test_is_not_abbreviation(token):
    assert not is_abbreviation(token)


@pytest.mark.parametrize(
    "token,expected",
    [("«Jobcentret»,", "jobcentret"), ("ud\u00addannelse", "uddannelse"), ("CSR-politik.", "csr-politik"), ("...", "")],
)
def test_normalise(token, expected):
    assert normalise(token) == expected


@pytest.mark.parametrize("word,expected", [("fokuset", "fokus"), ("ledelsesopbakningen", None), ("xyzs", None)])
def test_inflection_base(word, expected):
    assert inflection_base(word) == expected


def test_forms_size():
    assert 540_000 < len(forms()) < 600_000


@pytest.mark.parametrize("form", sorted({f for fs in EXTRA_PARADIGMS.values() for f in fs}))
def test_extra_word_is_missing_from_table(form, raw_lookup_table):
    """An extra word must fill a gap, never override the table."""
    assert form not in raw_lookup_table


@pytest.mark.parametrize("form", sorted({f for fs in EXTRA_PARADIGMS.values() for f in fs}))
def test_extra_word_is_known(form):
    assert is_word(form)


@pytest.fixture(scope="module")
def raw_heads(raw_lookup_table) -> frozenset[str]:
    return frozenset(lem.lower() for lem in raw_lookup_table.values())


@pytest.mark.parametrize("form,fixed", sorted(LEMMA_FIXES.items()))
def test_lemma_fix_is_needed(form, fixed, raw_lookup_table, raw_heads):
    """Every fix concerns a form the table has, and either the table's pick is
    wrong or the form heads a paradigm of its own, so the homograph rule of
    ``lexicon`` would have picked the form itself ("timer", "skal")."""
    assert raw_lookup_table[form].lower() != fixed or (form in raw_heads and form != fixed)
    assert lemma(form) == fixed
