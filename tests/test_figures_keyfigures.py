"""Key figures: headline numbers with target and achievement, read sentence by sentence."""

from __future__ import annotations

import pytest

from evalsearch.extract.keyfigures import blocks_to_key_figures, sentence_to_key_figure
from evalsearch.model import Block


@pytest.mark.parametrize(
    "sentence, achieved, target, unit, pct",
    [
        ("234 borgere er kommet/blevet fastholdt i job ved hjælp af kompenserende ordninger "
         "(Mål: 240 borgere / målopfyldelse: 97%)", 234, 240, "borgere", 97),
        ("12 jobcentre har deltaget i projektet (Mål: 12 jobcentre / målopfyldelse: 100%)", 12, 12, "jobcentre", 100),
        ("I alt har de tre projekter omfattet 544 deltagere mod forventet 761 deltagere.", 544, 761, "deltagere", None),
        ("Samlet betragtet har 340 borgere deltaget i et forløb i regi af de fem projekter.", 340, None, "borgere", None),
        ("De fem projekter har tilsammen fået bevilget 27,4 millioner kr. fra puljen.", 27.4, None, "millioner kr.", None),
        ("Konkret har 232 ud af 370 kursusdeltagere deltaget i evalueringerne, svarende til en "
         "besvarelsesprocent på 63 procent.", 232, None, "kursusdeltagere", 63),
        ("Ved slutevalueringen havde 51 af de 125 deltagere i projektet været i et ordinært job i mere end "
         "6 måneder, svarende til 41 procent.", 51, None, "deltagere", 41),
        ("Målet var, at 50 procent af deltagerne skulle opleve, at de havde fået øget viden.", None, 50, "procent", None),
    ],
)
def test_key_figure_fields(sentence, achieved, target, unit, pct):
    figure = sentence_to_key_figure(sentence, page=3, section="3.1")
    assert figure is not None
    assert (figure.achieved, figure.target, figure.unit, figure.achievement_pct) == (achieved, target, unit, pct)
    assert (figure.page, figure.section, figure.text) == (3, "3.1", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Projektet blev igangsat i januar 2016 og afsluttet i december 2017.",
        "Resultaterne fremgår af Tabel 3-1 nedenfor.",
        "Kompetenceforløbet blev gennemført i de 11 projekter.",
        "Der blev afholdt etableringsmøder den 1. april med alle kommuner.",
        "Vejret var godt, og 12 fugle sang i træerne.",
    ],
)
def test_not_key_figures(sentence):
    assert sentence_to_key_figure(sentence, page=1) is None


def test_key_figures_come_from_running_text_only():
    blocks = [
        Block(role="table", text="A1 | 240 borgere i job | 234 borgere", page=2, bbox=(0, 0, 1, 1)),
        Block(role="paragraph", text="Projektet startede i 2016. I alt har 125 borgere deltaget i projektet, "
              "og målet er dermed nået.", page=2, bbox=(0, 0, 1, 1), section="3"),
    ]
    figures = blocks_to_key_figures(blocks)
    assert [(f.text, f.achieved, f.unit, f.page, f.section) for f in figures] == [
        ("I alt har 125 borgere deltaget i projektet, og målet er dermed nået.", 125, "borgere", 2, "3")
    ]


def test_sample_article_headline_numbers(extracted, gold):
    doc_id = "cabi-evaluering-handicappuljer-2023"
    found = {(k.achieved, k.target, k.unit, k.achievement_pct) for k in extracted[doc_id].key_figures}
    expected = {(k["achieved"], k["target"], k["unit"], k["achievement_pct"]) for k in gold[doc_id]["key_figures"]}
    assert expected <= found
