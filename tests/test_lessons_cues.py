"""The Danish lesson cues (spaCy Matcher on lemmas): one parametrized case per wording."""

from __future__ import annotations

import pytest

from evalsearch.danish.lesson_cues import (
    cue_matcher,
    introduces_lessons,
    is_enumerated_label,
    is_lessons_title,
    read_cues,
)


@pytest.mark.parametrize(
    "text, label",
    [
        ("Erfaringen er, at det er vigtigt at inddrage virksomhederne.", "learning"),
        ("Det er projektets erfaring, at det har været en fordel.", "learning"),
        ("Projektets centrale erfaring i denne henseende er, at motivationen vokser.", "learning"),
        ("Det er endvidere erfaringen og læringen, at følgegruppen har været nyttig.", "learning"),
        ("Projektet har erfaret, at det var rigtigt at sætte fokus på nøglepersonerne.", "learning"),
        ("En central læring er, at ledelsen skal være med fra start.", "learning"),
        ("Erfaringerne fra de 11 projekter viser, at borgerne er en heterogen gruppe.", "learning"),
        ("Projektet har også opnået lærerige erfaringer med brugen af frivillige.", "learning"),
        ("Projektet har rigtig gode erfaringer med tilgangen \"Du bestemmer\".", "learning"),
        ("Hvad angår læringer skal det fremhæves, at projektet er lykkedes.", "learning"),
        ("Set i bakspejlet ville det have været bedre at starte tidligere.", "hindsight"),
        ("Det er vigtigt, at forløbene er tilpasset den enkelte kommune.", "advice"),
        ("Det er helt afgørende at have fokus på det rigtige match.", "advice"),
        ("Alle fremhæver tilgangen som værende absolut afgørende for at få målgruppen i job.", "advice"),
        ("Sørg for ledelsesmæssig involvering og opbakning fra start.", "advice"),
        ("Vi anbefaler, at kommunerne inddrages i ansøgningsfasen.", "advice"),
        ("Der kan med fordel stilles krav til projektlederens kompetencer.", "advice"),
        ("Det har blandt andet vist sig, at målgruppen er mere udfordret.", "evidence"),
        ("Flere projekter har oplevet, at jobcentrene har haft travlt.", "evidence"),
        ("Det har taget længere tid end forventet at rekruttere frivillige.", "evidence"),
    ],
)
def test_cue_labels(text, label):
    assert label in read_cues(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Kommunerne har mange års erfaring med målgruppen.",
        "Fokus i slutevalueringen er på de opnåede resultater, læringer og forankringen.",
        "Der er væsentlige forskelle mellem projekterne.",
        "Projektet er gennemført i tre kommuner i 2016 og 2017.",
    ],
)
def test_no_learning_or_advice_cue(text):
    assert not read_cues(text).labels & {"learning", "advice", "hindsight"}


@pytest.mark.parametrize(
    "text, meta",
    [
        ("Nedenfor har vi opsamlet de væsentligste erfaringer og læringer fra projektet.", True),
        ("Dette kapitel indeholder en præsentation af en række tværgående erfaringer.", True),
        ("I de følgende tre afsnit præsenteres projekternes erfaringer med samarbejdet.", True),
        ("I evalueringen oplistes seks virkningsmekanismer, der har betydning for udbyttet.", True),
        ("Vi har udledt følgende fem centrale tværgående læringspunkter fra de 11 projekter:", True),
        ("Det er vigtigt, at ledelsen bakker op om projektet.", False),
        ("Det er vigtigt, at de roller, der beskrives i samarbejdsaftalen, er tydelige.", False),
        ("Som beskrevet ovenfor er det afgørende, at ledelsen er med fra start.", False),
        ("Borgerne beskriver, at de har fået det bedre.", False),
    ],
)
def test_connective_sentences(text, meta):
    assert read_cues(text).meta is meta


def test_cross_reference_to_a_numbered_lesson_is_not_a_lessons_topic():
    assert read_cues("Det gælder især samarbejdet, jf. læringspunkt 9.").mentions_lessons is False
    assert read_cues("Nogle af erfaringerne og læringerne er brugt i udrulningen.").mentions_lessons is True


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Erfaringer og læringer", True),
        ("Læringer og erfaringer", True),
        ("Tværgående erfaringer og læringer", True),
        ("Projekternes erfaringer og læringer med målgruppen", True),
        ("Seks virkningsmekanismer", True),
        ("Anbefalinger", True),
        ("Målopfyldelse", False),
        ("Samlet vurdering", False),
        ("Forankring af projekterne", False),
    ],
)
def test_lessons_chapter_titles(title, expected):
    assert is_lessons_title(title) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Den interne midtvejsevaluering viste bl.a., at det er vigtigt:", True),
        ("Evalueringen af handicappuljer konkluderer overordnet, at:", True),
        ("Projekterne er blevet begrænset af følgende overordnede barrierer:", True),
        ("Hvad angår læringer, så er nogle af de væsentligste læringer:", True),
        ("Datagrundlaget består af:", False),
        ("Projektet har i sin ansøgning fastlagt følgende projektmål:", False),
        ("Konkret viser resultaterne af evalueringen, at", False),
    ],
)
def test_list_introductions(text, expected):
    assert introduces_lessons(text) is expected


@pytest.mark.parametrize(
    "label, expected",
    [("Læringspunkt 1", True), ("Læringspunkt 17", True), ("Anbefaling 2:", True), ("Målgruppen", False), (None, False)],
)
def test_enumerated_labels(label, expected):
    assert is_enumerated_label(label) is expected


def test_matcher_is_built_once():
    assert cue_matcher() is cue_matcher()
