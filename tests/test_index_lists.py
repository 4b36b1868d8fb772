"""Bullets read with what they depend on: short lists with their lead-in, continued sentences with their start."""

from __future__ import annotations

from evalsearch.index.lists import Unit, passage_units
from evalsearch.index.passages import document_to_passages
from evalsearch.model import Block, Document, Lesson, Source

LEAD_IN = "De tre valgte projekter har det til fælles, at de alle har fokus på:"
ITEMS = ("Unge under 30 år med udviklingshæmning.", "Større tilknytning til arbejdsmarkedet.",
         "Tværfagligt og tværsektorielt samarbejde.")
LONG = " ".join(["Et langt punkt med mange ord om samarbejdet mellem jobcentret og projektet."] * 4)


def block(text: str, role: str = "paragraph", section: str = "2.1") -> Block:
    return Block(role=role, text=text, page=4, bbox=(0, 0, 1, 1), section=section, section_title="Projekterne")


def units(blocks, lessons=()) -> list[Unit]:
    return passage_units(blocks, lambda place: place in lessons)


def test_a_short_list_is_one_unit_with_its_lead_in():
    blocks = [block("Indledning", "heading"), block(LEAD_IN)] + [block(t, "bullet") for t in ITEMS]
    assert units(blocks) == [Unit((1, 2, 3, 4))]


def test_a_finished_paragraph_before_a_list_is_no_lead_in():
    blocks = [block("Projektet sluttede i 2018."), block(ITEMS[0], "bullet"), block(ITEMS[1], "bullet")]
    assert units(blocks) == [Unit((0,)), Unit((1, 2))]


def test_a_list_of_long_items_keeps_each_item_apart():
    blocks = [block(LEAD_IN), block(LONG, "bullet"), block(LONG, "bullet")]
    assert units(blocks) == [Unit((0,)), Unit((1,)), Unit((2,))]


def test_lessons_are_never_merged_into_a_list():
    blocks = [block(LEAD_IN)] + [block(t, "bullet") for t in ITEMS]
    assert units(blocks, lessons={2}) == [Unit((0,)), Unit((1,)), Unit((2,)), Unit((3,))]


def test_a_list_in_another_section_is_not_led_in():
    blocks = [block(LEAD_IN), block(ITEMS[0], "bullet", "3"), block(ITEMS[1], "bullet", "3")]
    assert units(blocks) == [Unit((0,)), Unit((1, 2))]


def test_an_item_that_completes_the_sentence_above_it_carries_that_sentence():
    opener = LONG + " Og her især hos de projekter, som ikke er lykkedes med"
    blocks = [block("Barriererne var følgende:"), block(opener, "bullet"),
              block("at få etableret en forpligtende samarbejdsaftale fra start " + LONG, "bullet"),
              block("Et nyt punkt. " + LONG, "bullet")]
    found = units(blocks)
    assert found[2] == Unit((2,), "Og her især hos de projekter, som ikke er lykkedes med")
    assert found[3] == Unit((3,))


def test_every_paragraph_and_bullet_is_in_exactly_one_unit(extracted):
    for doc in extracted.values():
        places = [m for u in passage_units(doc.blocks, lambda place: False) for m in u.members]
        expected = [i for i, b in enumerate(doc.blocks) if b.role in ("paragraph", "bullet")]
        assert sorted(places) == expected, doc.doc_id


def test_a_short_list_passage_reads_lead_in_and_items_together():
    blocks = [block(LEAD_IN)] + [block(t, "bullet") for t in ITEMS]
    doc = Document(doc_id="r", source=Source("r.pdf", "0" * 64, 5), title="R", blocks=blocks)
    assert [p.text for p in document_to_passages(doc)] == [" ".join((LEAD_IN,) + ITEMS)]


def test_a_continued_lesson_passage_reads_heading_lead_and_text():
    lead = "Og her især hos de projekter, som ikke er lykkedes med"
    item = "at få etableret en gensidig forpligtende samarbejdsaftale fra start " + LONG
    blocks = [block("Det har været en udfordring. " + lead), block(item, "bullet")]
    lesson = Lesson(item, "2.1", "Projekterne", "Manglende fælles forståelse.", 4, False)
    doc = Document(doc_id="r", source=Source("r.pdf", "0" * 64, 5), title="R", blocks=blocks, lessons=[lesson])
    passages = document_to_passages(doc)
    assert passages[1].kind == "lesson"
    assert passages[1].text == f"Manglende fælles forståelse. {lead} {item}"


def test_shared_reports_read_bullets_spanning_judged_snippets_as_one_passage(extracted):
    passages = [p for doc in extracted.values() for p in document_to_passages(doc)]
    wanted = ("Større tilknytning til arbejdsmarkedet gennem virksomhedsrettede forløb. "
              "Tværfagligt og tværsektorielt samarbejde.")
    assert any(wanted in p.text for p in passages)
    assert any("som ikke i tilstrækkelig grad er lykket med at få etableret en gensidig forpligtende "
               "samarbejdsaftale" in p.text and p.kind == "lesson" for p in passages)
