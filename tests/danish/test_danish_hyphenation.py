"""Tests for ``evalsearch.danish.hyphenation``: line-end hyphens."""

from __future__ import annotations

import pytest

from evalsearch.danish.hyphenation import dehyphenate_text, join_inline_hyphen, join_line_break


@pytest.mark.parametrize(
    "left,right,expected",
    [
        # a word broken inside: join
        ("ud-", "dannelse", "uddannelse"),
        ("funktionsnedsættel-", "se", "funktionsnedsættelse"),
        ("evalueringer-", "ne,", "evalueringerne,"),
        ("op-", "mærksom", "opmærksom"),
        ("hand-", "icap", "handicap"),
        ("handi-", "cap", "handicap"),
        ("el-", "ler", "eller"),
        ("for-", "hold", "forhold"),
        ("psy-", "kiske", "psykiske"),
        ("lø-", "bende", "løbende"),
        ("ar-", "bejdsmarkedet.", "arbejdsmarkedet."),
        ("Bor-", "geren", "Borgeren"),
        ("kompeten-", "ce-", "kompetence-"),
        # a compound broken at its seam: join
        ("kompetenceudviklings-", "forløb", "kompetenceudviklingsforløb"),
        ("kompetenceudviklings-", "hold", "kompetenceudviklingshold"),
        ("ledelses-", "opbakning", "ledelsesopbakning"),
        ("virksomheds-", "arrangementer", "virksomhedsarrangementer"),
        ("etablerings-", "møde", "etableringsmøde"),
        ("implementerings-", "workshop", "implementeringsworkshop"),
        ("handicap-", "nøglepersonen,", "handicapnøglepersonen,"),
        ("Special-", "funktionen", "Specialfunktionen"),
        ("job-", "center", "jobcenter"),
        # only the piece after the last in-word hyphen is judged
        ("forandrings-teo-", "rien", "forandrings-teorien"),
        ("Faaborg-Midt-", "fyn,", "Faaborg-Midtfyn,"),
        # unknown words broken anywhere: join
        ("Ca-", "bis", "Cabis"),
        ("http://www.ca-", "biweb.dk/", "http://www.cabiweb.dk/"),
        # suspended compounds: keep hyphen and space
        ("Social-", "og", "Social- og"),
        ("beskæftigelses-", "og", "beskæftigelses- og"),
        ("social-", "eller", "social- eller"),
        ("kultur-", "samt", "kultur- samt"),
        ("3-", "til", "3- til"),
        ("her-", "til", "hertil"),  # a known word, not a suspension
        ("sygdom-", "men", "sygdommen"),
        # real hyphens: keep
        ("CSR-", "politik", "CSR-politik"),
        ("A-", "kasse", "A-kasse"),
        ("Hf-", "enkeltfag", "Hf-enkeltfag"),  # no vowel: an abbreviation, never a syllable
        ("pc-", "skærm", "pc-skærm"),
        ("2015-", "2016", "2015-2016"),
        ("5-", "årige", "5-årige"),
        ("igang-", "2", "igang-2"),
        ("Nord-", "Jylland", "Nord-Jylland"),
        ("it-", "system", "it-system"),
        ("tv-", "serie", "tv-serie"),
        ("e-", "læring", "e-læring"),
        ("ikke-", "kommunale", "ikke-kommunale"),
        ("to-", "dagskursus", "to-dagskursus"),  # a word and a compound, unknown joined
        # soft hyphen and other hyphen characters
        ("ud\u00ad", "dannelse", "uddannelse"),
        ("ud\u2010", "dannelse", "uddannelse"),
        # degenerate input
        ("ud-", "", "ud-"),
        ("ud", "dannelse", "ud dannelse"),
        ("", "dannelse", "dannelse"),
    ],
)
def test_join_line_break(left, right, expected):
    assert join_line_break(left, right) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("en god ud-\ndannelse giver job", "en god uddannelse\ngiver job"),
        ("en god ud-\ndannelse", "en god uddannelse"),
        ("ud-\ndannelse\nnæste linje", "uddannelse\nnæste linje"),
        ("Social-\nog arbejdsmarkedsområdet", "Social- og\narbejdsmarkedsområdet"),
        ("CSR-\npolitik er vigtig", "CSR-politik\ner vigtig"),
        ("perioden 2015-\n2016", "perioden 2015-2016"),
        ("ledelses- \n  opbakning", "ledelsesopbakning"),
        ("funk-\r\ntionsnedsættelser.", "funktionsnedsættelser."),
        ("ingen brud her", "ingen brud her"),
        ("en tankestreg -\nher", "en tankestreg -\nher"),
    ],
)
def test_dehyphenate_text(text, expected):
    assert dehyphenate_text(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("en god ud- dannelse", "en god uddannelse"),
        ("Social- og arbejdsmarked", "Social- og arbejdsmarked"),
    ],
)
def test_dehyphenate_joined_lines(text, expected):
    assert dehyphenate_text(text, joined_lines=True) == expected


@pytest.mark.parametrize(
    "token,expected",
    [
        ("projektaktivi-teterne", "projektaktiviteterne"),
        ("par-ter", "parter"),
        ("samarbejdsafta-ler", "samarbejdsaftaler"),
        ("ud-fordringer", "udfordringer"),
        ("arbejds-gange", "arbejdsgange"),
        ("temperaturmå-ling", "temperaturmåling"),
        ("ikke-kommunale", "ikke-kommunale"),
        ("match-making-events", "match-making-events"),
        ("e-læring", "e-læring"),
        ("ordinær-job", "ordinær-job"),
    ],
)
def test_join_inline_hyphen(token, expected):
    assert join_inline_hyphen(token) == expected
