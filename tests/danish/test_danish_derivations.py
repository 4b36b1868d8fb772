"""Tests for ``evalsearch.danish.derivations``: derivation links for search."""

from __future__ import annotations

import pytest

from evalsearch.danish.derivations import base_forms, derive_once


@pytest.mark.parametrize(
    "word,expected",
    [
        ("ledelsesmæssig", ("ledelsesmæssig", "ledelse", "lede")),
        ("ledelsesmæssige", ("ledelsesmæssig", "ledelse", "lede")),
        ("arbejdsmæssig", ("arbejdsmæssig", "arbejde")),
        ("ledelse", ("ledelse", "lede")),
        ("ledere", ("leder", "lede")),
        ("personlig", ("personlig", "person")),
        ("politisk", ("politisk", "politik")),
        ("økonomisk", ("økonomisk", "økonomi")),
        ("psykisk", ("psykisk", "psyke")),
        ("evaluering", ("evaluering", "evaluere")),
        ("kompensation", ("kompensation", "kompensere")),
        ("inklusion", ("inklusion", "inkludere")),
        ("ledighed", ("ledighed", "ledig")),
        ("forståelse", ("forståelse", "forstå")),
        ("regning", ("regning", "regne")),
        ("kommune", ("kommune",)),
        ("frivillige", ("frivillig",)),
        ("ledig", ("ledig",)),  # not "led"
        ("kontanthjælpsmodtager", ("kontanthjælpsmodtager",)),  # no agent rule in compound heads
        ("", ()),
    ],
)
def test_base_forms(word, expected):
    assert base_forms(word) == expected


@pytest.mark.parametrize(
    "words,common",
    [
        (("leder", "ledere", "ledelse", "ledelsen", "ledelsesmæssig"), "lede"),
        (("forventningsafstemt", "forventningsafstemning", "forventningsafstemmes"), "forventningsafstemme"),
        (("sagsbehandler", "sagsbehandling"), "sagsbehandle"),
        (("afstemning", "afstemt", "afstemmes"), "afstemme"),
        (("evaluering", "evalueringerne", "evalueret"), "evaluere"),
    ],
)
def test_words_share_a_base(words, common):
    for word in words:
        assert common in base_forms(word), word


@pytest.mark.parametrize("word,expected", [("personlig", "person"), ("forventning", "forvente"), ("kommune", None)])
def test_derive_once(word, expected):
    assert derive_once(word) == expected


def test_derive_once_without_agent_rule():
    assert derive_once("leder", agent=False) is None
