"""Lessons learned on the shared corpus (scored like score.py) and the lesson rules on hand-made blocks."""

from __future__ import annotations


import pytest

from evalsearch.extract.lessons import blocks_to_lessons, lessons_scopes
from evalsearch.model import Block
from paths import DOC_IDS
from scoring import score, text_match


lesson_match = text_match(lambda record: record["text"])


@pytest.fixture(scope="module")
def pairs(gold, extracted_dicts):
    """doc_id → (gold lessons, predicted lessons, matched pairs)."""
    out = {}
    for doc_id in DOC_IDS:
        g, p = gold[doc_id]["lessons"], extracted_dicts[doc_id]["lessons"]
        out[doc_id] = (g, p, score.greedy_match(g, p, lesson_match))
    return out


def test_lessons_f1_on_the_shared_corpus(pairs):
    tp = sum(len(m) for _, _, m in pairs.values())
    n_gold = sum(len(g) for g, _, _ in pairs.values())
    n_pred = sum(len(p) for _, p, _ in pairs.values())
    f1, precision, recall = score.f1(tp, n_gold, n_pred)
    assert f1 >= 0.9, f"lessons F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_lessons_per_document(pairs, doc_id):
    g, p, matched = pairs[doc_id]
    assert len(matched) >= 0.85 * len(g), [x["text"][:60] for x in g if all(x is not m[0] for m in matched)]
    assert len(matched) >= 0.85 * len(p), [x["text"][:60] for x in p if all(x is not m[1] for m in matched)]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_matched_lessons_carry_chapter_flag_and_section(pairs, doc_id):
    _, _, matched = pairs[doc_id]
    flags = sum(g["in_lessons_chapter"] == p["in_lessons_chapter"] for g, p in matched)
    sections = sum(g["section"] == p["section"] for g, p in matched)
    assert flags == len(matched)
    assert sections >= 0.9 * len(matched)


def test_lessons_have_pages_and_themes(extracted):
    for doc in extracted.values():
        for lesson in doc.lessons:
            assert 1 <= lesson.page <= doc.source.pages
            assert lesson.themes, lesson.text[:80]


def test_chart_and_leaflet_text_is_not_read_as_lessons(extracted):
    texts = [lesson.text for doc in extracted.values() for lesson in doc.lessons]
    assert not any(t.startswith("Erfaringen viser, at flere kommer i job") for t in texts)


# --- the rules on hand-made blocks -----------------------------------------------------------


def block(role, text, *, number=None, size=10.0, label=None, run_in=None, section=None, title=None, x0=72.0, bold=False):
    return Block(
        role=role, text=text, page=1, bbox=(x0, 100.0, 500.0, 110.0), size=size, bold=bold, label=label,
        run_in=run_in, number=number, section=section, section_title=title,
    )


def heading(text, number=None, size=14.0):
    return block("heading", text, number=number, size=size, section=number or text, title=text)


def test_numbered_chapter_runs_over_its_subsections_and_ends_at_the_next_chapter():
    blocks = [
        heading("4 Erfaringer og læringer", "4"),
        block("paragraph", "Det er vigtigt, at ledelsen bakker op om projektet fra start.", section="4"),
        heading("4.1 Målgruppen", "4.1", size=11),
        block("paragraph", "Borgerne har brug for mere tid end forventet, før de er klar til job.", section="4.1"),
        heading("5 Forankring", "5"),
        block("paragraph", "Projektet er forankret i jobcentret efter projektperioden.", section="5"),
    ]
    assert [s.in_chapter for s in lessons_scopes(blocks)] == [True, True, True, True, False, False]
    lessons = blocks_to_lessons(blocks)
    assert [(l.section, l.in_lessons_chapter) for l in lessons] == [("4", True), ("4.1", True)]


def test_numbered_advice_headings_under_an_unnumbered_chapter_end_at_an_unnumbered_heading():
    blocks = [
        heading("Seks virkningsmekanismer", size=15),
        block("paragraph", "I evalueringen oplistes seks virkningsmekanismer, der har betydning for udbyttet."),
        heading("1. Målrettede forløb", "1", size=12),
        block("paragraph", "Det er vigtigt, at forløbene er tilpasset den enkelte kommune og dens behov."),
        block("paragraph", "\"Indholdet har været målrettet vores kommune.\" (Jobkonsulent)"),
        heading("Kontakt", size=12),
        block("paragraph", "Har du spørgsmål til brugen af ordningerne, så spørg os gerne."),
    ]
    lessons = blocks_to_lessons(blocks)
    assert [(l.text[:20], l.heading, l.section_title) for l in lessons] == [
        ("Det er vigtigt, at f", "Målrettede forløb", "Seks virkningsmekanismer")
    ]


def test_connective_paragraphs_and_what_they_introduce_are_skipped():
    blocks = [
        heading("4 Tværgående erfaringer og læringer", "4"),
        block("paragraph", "Fokus i dette afsnit er på de erfaringer og læringer, som projekterne har gjort med "
              "målgruppen. Målgrupperne kan grupperes i følgende delmålgrupper:", label="Indhold"),
        block("bullet", "Unge med autisme"),
        block("bullet", "Voksne med psykiske funktionsnedsættelser"),
        block("paragraph", "Indledningsvist skal det bemærkes, at det har vist sig, at målgruppen har været mere "
              "udfordret end forventet."),
        block("paragraph", "Vi har udledt følgende fem centrale tværgående læringspunkter fra de 11 projekter:"),
        block("paragraph", "Tid og tillid er afgørende. Alle projekter siger, at der skal bruges tid på at opbygge "
              "tillid.", label="Læringspunkt 1"),
        block("paragraph", "Flere projekter har erfaret, at tilliden tager tid at opbygge."),
    ]
    lessons = blocks_to_lessons(blocks)
    assert [l.text[:25] for l in lessons] == ["Indledningsvist skal det ", "Alle projekter siger, at ", "Flere projekter har erfar"]
    assert [l.heading for l in lessons] == [None, "Tid og tillid er afgørende.", "Tid og tillid er afgørende."]


def test_outside_chapters_only_stated_learnings_count_from_their_sentence_on():
    blocks = [
        heading("3 Målopfyldelse", "3"),
        block("paragraph", "Projektet har gennemført alle aktiviteter. Erfaringen er, at det er vigtigt at inddrage "
              "virksomhederne tidligt.", label="Aktiviteter"),
        block("paragraph", "Kommunerne har mange års erfaring med målgruppen."),
        block("paragraph", "Det er vigtigt at bemærke, at tallene er foreløbige."),
    ]
    lessons = blocks_to_lessons(blocks)
    assert [(l.text, l.heading, l.in_lessons_chapter) for l in lessons] == [
        ("Erfaringen er, at det er vigtigt at inddrage virksomhederne tidligt.", "Aktiviteter", False)
    ]


def test_list_introduced_as_lessons_outside_a_chapter():
    blocks = [
        heading("2 Projektet", "2"),
        block("paragraph", "Den interne evaluering viste, at det er vigtigt:"),
        block("bullet", "At lederne bakker op om forløbet."),
        block("bullet", "At deltagerne udvælges nøje."),
        block("paragraph", "Datagrundlaget består af:"),
        block("bullet", "Interview med projektlederen."),
    ]
    assert [l.text for l in blocks_to_lessons(blocks)] == [
        "At lederne bakker op om forløbet.",
        "At deltagerne udvælges nøje.",
    ]


def test_list_under_a_margin_note_that_names_lessons():
    blocks = [
        heading("6 Samlet vurdering", "6"),
        block("paragraph", "Projektet har vist:", label="Væsentlige læringer"),
        block("bullet", "at handicapnøglepersonerne skal være synlige i hele organisationen."),
    ]
    assert [(l.text, l.heading) for l in blocks_to_lessons(blocks)] == [
        ("at handicapnøglepersonerne skal være synlige i hele organisationen.", "Væsentlige læringer")
    ]


def test_list_item_that_reads_on_is_one_lesson_with_its_sub_items():
    blocks = [
        heading("4 Erfaringer og læringer", "4"),
        block("bullet", "Det er projektets erfaringer, at", x0=72),
        block("bullet", "67 procent af deltagerne er kvinder", x0=84),
        block("bullet", "32 procent har en videregående uddannelse", x0=84),
        block("bullet", "Det er endvidere erfaringen, at tid er afgørende.", x0=72),
        block("paragraph", "Samtidigt skal der være plads til tilbageskridt.", x0=72),
        block("bullet", "En vigtig læring er, at man skal kunne lide målgruppen.", x0=72),
    ]
    assert [l.text for l in blocks_to_lessons(blocks)] == [
        "Det er projektets erfaringer, at 67 procent af deltagerne er kvinder 32 procent har en videregående uddannelse",
        "Det er endvidere erfaringen, at tid er afgørende. Samtidigt skal der være plads til tilbageskridt.",
        "En vigtig læring er, at man skal kunne lide målgruppen.",
    ]


def test_sub_items_of_a_complete_item_are_lessons_of_their_own_under_its_heading():
    blocks = [
        heading("3 Resultater", "3"),
        block("paragraph", "Evalueringerne viser, at projekterne er blevet begrænset af følgende barrierer:"),
        block("bullet", "Manglende fælles forståelse af mål. Især hos projekter, som ikke er lykkedes med", x0=72,
              run_in="Manglende fælles forståelse af mål."),
        block("bullet", "at få etableret en samarbejdsaftale fra start", x0=84),
        block("bullet", "at få sikret ledelsesmæssig opbakning til projektet", x0=84),
    ]
    lessons = blocks_to_lessons(blocks)
    assert [l.text for l in lessons][1:] == [
        "at få etableret en samarbejdsaftale fra start",
        "at få sikret ledelsesmæssig opbakning til projektet",
    ]
    assert {l.heading for l in lessons} == {"Manglende fælles forståelse af mål."}
    assert "ledelse og opbakning" in lessons[2].themes
