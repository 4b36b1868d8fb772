"""Tests for ``evalsearch.danish.compounds``: splitting Danish compounds."""

from __future__ import annotations

import pytest

from evalsearch.danish.compounds import (
    compound_analysis,
    compound_head,
    compound_lemma,
    compound_parts,
    split_compound,
)


@pytest.mark.parametrize(
    "word,expected",
    [
        ("ledelsesopbakning", ("ledelse", "opbakning")),
        ("Ledelsesopbakningen", ("ledelse", "opbakning")),
        ("virksomhedsnetværkene", ("virksomhed", "netværk")),
        ("handicapnøglepersoner", ("handicap", "nøgleperson")),
        ("handicapnøglepersonernes", ("handicap", "nøgleperson")),
        ("samarbejdsaftale", ("samarbejde", "aftale")),
        ("samarbejdsaftalerne", ("samarbejde", "aftale")),
        ("kompetenceudviklingsforløbet", ("kompetenceudvikling", "forløb")),
        ("kompetenceudviklingshold", ("kompetenceudvikling", "hold")),
        ("kontanthjælp", ("kontant", "hjælp")),
        ("løntilskud", ("løn", "tilskud")),
        ("arbejdsmarked", ("arbejde", "marked")),
        ("arbejdsmarkedsinklusion", ("arbejdsmarked", "inklusion")),
        ("jobcentret", ("job", "center")),
        ("forventningsafstemt", ("forventning", "afstemme")),
        ("forventningsafstemning", ("forventning", "afstemning")),
        ("deltagerevalueringer", ("deltager", "evaluering")),
        ("aktionslæringsforløbene", ("aktion", "læring", "forløb")),
        ("indsatsgruppen", ("indsats", "gruppe")),
        ("ressourceforløb", ("ressource", "forløb")),
        ("slutevalueringen", ("slut", "evaluering")),
        ("pårørenderådgivning", ("pårørende", "rådgivning")),
        ("udrulningsfasen", ("udrulning", "fase")),
        ("hjerneskadecentret", ("hjerneskade", "center")),
        ("opmærksomhedsforstyrrelser", ("opmærksomhed", "forstyrrelse")),
        ("gadesanger", ("gade", "sanger")),  # not gade|s|anger
        ("kortspiller", ("kort", "spiller")),  # not kortspil|ler
        ("ledelseslaget", ("ledelse", "lag")),  # -else takes a linking s
        ("kvalitetskrav", ("kvalitet", "krav")),
        ("børnefamilie", ("barn", "familie")),
        ("forandrings-teorien", ("forandring", "teori")),
        ("CSR-politik", ("csr", "politik")),
    ],
)
def test_split_compound(word, expected):
    assert split_compound(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        # known words that are derivations, not compounds
        "ledelse", "ledelsen", "forventning", "forhold", "undervisning",
        "uddannelse", "opmærksom", "medarbejder", "samarbejde", "virksomhed",
        "muligheder", "betaling", "erfaring", "beskæftigelse", "personale",
        "organisation", "forestilling", "afdeling", "indsats", "tilbud",
        "kommune", "evaluering", "faglig", "ledig", "mulighed", "ansættelse",
        "balsamering",  # not balsam|ring
        # too short or not words
        "le", "job", "fleksjob", "", "2015", "B1-B5", "xyzzyplugh",
        # a known word that is its own lemma and a suffix reading
        "fokuset",
    ],
)
def test_does_not_split(word):
    assert split_compound(word) == ()


@pytest.mark.parametrize(
    "word", ["ledelsesopbakning", "virksomhedsnetværkene", "kompetenceudviklingsforløbet", "handicapnøglepersoner"]
)
def test_parts_are_never_tiny(word):
    parts = split_compound(word)
    assert parts and all(len(part) >= 3 for part in parts)


@pytest.mark.parametrize(
    "word,expected",
    [
        ("samarbejdsaftaler", [("samarbejds", "samarbejde", "s"), ("aftaler", "aftale", "")]),
        ("ledelsesopbakningen", [("ledelses", "ledelse", "s"), ("opbakningen", "opbakning", "")]),
        ("børnefamilie", [("børne", "barn", ""), ("familie", "familie", "")]),
    ],
)
def test_compound_analysis(word, expected):
    assert [(p.surface, p.lemma, p.link) for p in compound_analysis(word)] == expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("ledelsesopbakningen", ("ledelse", "opbakning")),
        ("Ledelsen", ("ledelse",)),
        ("xyzzy", ("xyzzy",)),
        ("", ()),
    ],
)
def test_compound_parts(word, expected):
    assert compound_parts(word) == expected


@pytest.mark.parametrize(
    "word,expected",
    [("virksomhedsnetværkene", "netværk"), ("handicapnøglepersoner", "nøgleperson"), ("ledelsen", "ledelse"), ("", "")],
)
def test_compound_head(word, expected):
    assert compound_head(word) == expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("virksomhedsnetværkene", "virksomhedsnetværk"),
        ("ledelsesopbakningen", "ledelsesopbakning"),
        ("handicapnøglepersonerne", "handicapnøgleperson"),
        ("forandrings-teorien", "forandrings-teori"),
        ("forventningsafstemmes", "forventningsafstemme"),
        ("Ledelsen", "ledelse"),
        ("fokuset", "fokus"),
        ("xyzzy", "xyzzy"),
    ],
)
def test_compound_lemma(word, expected):
    assert compound_lemma(word) == expected
