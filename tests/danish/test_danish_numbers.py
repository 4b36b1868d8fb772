"""Tests for ``evalsearch.danish.numbers``: Danish numbers, percentages, kroner."""

from __future__ import annotations

import pytest

from evalsearch.danish.numbers import (
    number_word,
    numbers_in,
    parse_amount_dkk,
    parse_number,
    parse_percent,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("5.034.720", 5034720),
        ("3,9", 3.9),
        ("3,0", 3.0),
        ("80%", 80),
        ("50 pct.", 50),
        ("97 %", 97),
        ("27,4 millioner kr.", 27.4),  # as written; the scale is for parse_amount_dkk
        ("5.034.720 DKK", 5034720),
        ("ca. 425", 425),
        ("3 + (15)", 3),
        ("1.000,50 kr", 1000.5),
        ("100\u00a0000 borgere", 100000),
        ("−3,5", -3.5),
        ("-12", -12),
        ("2015-2016", 2015),
        ("3.9", 3.9),
        ("Tabel 3.1.2", 3),
        ("B1 og 42", 42),
        ("ingen tal", None),
        ("", None),
    ],
)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    "text,expected",
    [("to cases", 2), ("tolv borgere og 3 ledere", 12), ("en borger og 3 ledere", 3), ("ingen", None)],
)
def test_parse_number_with_words(text, expected):
    assert parse_number(text, words=True) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("80%", 80.0),
        ("50 pct. af deltagerne", 50.0),
        ("97 %", 97.0),
        ("12,5 procent", 12.5),
        ("ud af 40 svarede 25 %", 25.0),
        ("40 deltagere", None),
    ],
)
def test_parse_percent(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("27,4 millioner kr.", 27_400_000),
        ("1,2 mio. kr.", 1_200_000),
        ("5.034.720 DKK", 5034720),
        ("DKK 5.034.720", 5034720),
        ("kr. 5.000", 5000),
        ("0,5 mia. kr.", 500_000_000),
        ("450 tkr.", 450_000),
        ("1.000,50 kr", 1001),
        ("3 tusind kroner", 3000),
        ("ca. 425", None),
        ("27,4 mio.", None),
        ("50 pct.", None),
    ],
)
def test_parse_amount_dkk(text, expected):
    assert parse_amount_dkk(text) == expected


@pytest.mark.parametrize("text,expected", [("27,4 mio.", 27_400_000), ("ca. 425", None)])
def test_parse_amount_without_currency(text, expected):
    assert parse_amount_dkk(text, require_currency=False) == expected


def test_numbers_in():
    text = "Budget: 27,4 millioner kr., heraf 50 pct. til 12 projekter"
    found = [(n.value, n.kind, text[n.start : n.end]) for n in numbers_in(text)]
    assert found == [
        (27_400_000, "amount", "27,4 millioner kr."),
        (50, "percent", "50 pct."),
        (12, "number", "12"),
    ]


@pytest.mark.parametrize(
    "word,expected",
    [
        ("én", 1), ("to", 2), ("Tre", 3), ("fire", 4), ("ti", 10), ("tolv", 12),
        ("tyve", 20), ("halvtreds", 50), ("enogtyve", 21), ("femogtyve", 25),
        ("hundrede", 100), ("tohundrede", 200), ("tusind", 1000),
        ("en", None), ("et", None), ("cases", None), ("", None),
    ],
)
def test_number_word(word, expected):
    assert number_word(word) == expected
