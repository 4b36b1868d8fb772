"""Document → passages: one passage per lesson, paragraph, goal row, table row, figure and key figure, none twice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from evalsearch.index.passages import document_to_passages, squash
from evalsearch.model import Block, Document, Figure, GoalRow, GoalTable, KeyFigure, Lesson, OtherTable, Project, Source

LESSON = "Det er vigtigt at have ledelsen med fra start, så de opnår ejerskab til projektet."
KEY_FIGURE = "234 borgere er fastholdt i job (Mål: 240 borgere / målopfyldelse: 97%)"


def block(text: str, page: int = 3, role: str = "paragraph", **kwargs) -> Block:
    return Block(role=role, text=text, page=page, bbox=(0, 0, 1, 1), section="4.2", section_title="Læringer", **kwargs)


@pytest.fixture
def document() -> Document:
    row = GoalRow("A9", "Udarbejdet en samarbejdskontrakt med frivillige mentorer", "1", "✓", "opfyldt",
                  ("Udarbejdet en samarbejdskontrakt med frivillige mentorer", "1", "✓"), page=8)
    return Document(
        doc_id="rapport",
        source=Source("rapport.pdf", "0" * 64, 12),
        title="Evaluering af et projekt",
        projects=[Project("Stå ikke i stampe", operator="SIND", pool_year=2015)],
        blocks=[
            block("Indledning", role="heading"),
            block(LESSON, label="Læringspunkt 6"),
            block(f"Resultatet er godt. {KEY_FIGURE}"),
            block("Der er afholdt møder med ledelsen.", run_in="Møder med ledelsen:"),
            block("Tabel 3-1 Status", role="caption"),
            block('"Vi har fået bredt budskabet ud" (Jobkonsulent)', role="table", page=4),
        ],
        lessons=[
            Lesson(LESSON, "4.2", "Læringer", "Sørg for ledelsesmæssig opbakning.", 3, True, ("ledelse og opbakning",)),
            Lesson("En læring, der kun står i en tabel.", "4.3", None, None, 9, True),
        ],
        key_figures=[KeyFigure(KEY_FIGURE, 234, 240, "borgere", 97, 3)],
        goal_tables=[GoalTable("Tabel 3-1", "Status", "3.1", "aktivitet", ("A", "B", "C"), (row,), 8)],
        other_tables=[OtherTable("Tabel 2-1", "Basisoplysninger", "2.1", (("Formål", "At bruge netværk"),), 2)],
        figures=[Figure("Figur 2-1", "figur", "Samarbejdsmodellen", "2.2", None, 5)],
    )


def by_kind(passages, kind):
    return [p for p in passages if p.kind == kind]


def test_a_lesson_is_indexed_once_as_its_paragraph(document):
    passages = document_to_passages(document)
    lessons = [p for p in passages if LESSON in p.text]
    assert len(lessons) == 1
    lesson = lessons[0]
    assert lesson.kind == "lesson" and set(lesson.kinds) == {"lesson", "paragraph"}
    assert lesson.text == f"Sørg for ledelsesmæssig opbakning. {LESSON}"
    assert lesson.heading == "Sørg for ledelsesmæssig opbakning."
    assert "ledelse og opbakning" in lesson.themes


def test_a_lesson_found_in_no_paragraph_is_its_own_passage(document):
    loose = [p for p in document_to_passages(document) if p.text == "En læring, der kun står i en tabel."]
    assert [(p.kind, p.page, p.section) for p in loose] == [("lesson", 9, "4.3")]


def test_a_key_figure_inside_a_paragraph_marks_that_paragraph(document):
    passages = [p for p in document_to_passages(document) if KEY_FIGURE in p.text]
    assert len(passages) == 1
    assert passages[0].kind == "keyfigure" and "paragraph" in passages[0].kinds


def test_a_paragraph_set_in_capitals_is_no_passage(document):
    """A cover or letterhead label; a paragraph with an acronym in it is text."""
    document.blocks += [block("STYRELSEN FOR ARBEJDSMARKED OG REKRUTTERING", page=1),
                        block("COWI har evalueret projektet for STAR.", page=1)]
    texts = [p.text for p in document_to_passages(document) if p.page == 1]
    assert texts == ["COWI har evalueret projektet for STAR."]


def test_a_run_in_heading_stays_in_front_of_its_paragraph(document):
    texts = [p.text for p in document_to_passages(document)]
    assert "Møder med ledelsen: Der er afholdt møder med ledelsen." in texts


def test_a_heading_without_a_closing_mark_is_parted_from_its_text_by_a_full_stop(document):
    """"Rekrutteringen af frivillige Det er erfaringen …" read as one sentence."""
    document.blocks.append(block("Det blev lettere at rekruttere.", run_in="Rekruttering"))
    document.lessons.append(Lesson("Det er erfaringen, at det tager tid.", "4.3", None, "Frivillige", 9, True))
    texts = [p.text for p in document_to_passages(document)]
    assert "Rekruttering. Det blev lettere at rekruttere." in texts
    assert "Frivillige. Det er erfaringen, at det tager tid." in texts
    assert "Møder med ledelsen: Der er afholdt møder med ledelsen." in texts  # a mark of its own stays


def test_a_row_passage_knows_the_length_of_its_id_or_first_cell(document):
    passages = document_to_passages(document)
    assert [p.text[:p.lead] for p in by_kind(passages, "goal") + by_kind(passages, "table")] == ["A9", "Formål"]
    assert all(p.lead == 0 for p in passages if p.kind not in ("goal", "table"))


def test_goal_rows_table_rows_and_figures_are_passages(document):
    passages = document_to_passages(document)
    assert [p.text for p in by_kind(passages, "goal")] == [
        "A9: Udarbejdet en samarbejdskontrakt med frivillige mentorer 1 ✓"
    ]
    assert [p.text for p in by_kind(passages, "table")] == ["Formål At bruge netværk"]
    assert [p.text for p in by_kind(passages, "figure")] == ["Figur 2-1 Samarbejdsmodellen"]
    assert by_kind(passages, "goal")[0].heading == "Tabel 3-1 Status"
    assert by_kind(passages, "table")[0].heading == "Tabel 2-1 Basisoplysninger"


def test_a_table_no_structured_table_claims_is_indexed_as_text(document):
    quotes = [p for p in document_to_passages(document) if "budskabet" in p.text]
    assert [(p.kind, p.page) for p in quotes] == [("paragraph", 4)]


def test_the_rows_a_table_continues_with_on_the_next_page_are_not_indexed_twice(document):
    # the table's rows are filed under page 2; its last row runs on at the top of page 3
    tail = "henseende er netværk en fordel for borgerne og for virksomhederne i kommunen"
    continued = block(f"ne {tail}", role="table", page=3)  # "den-" ended page 2
    table = OtherTable("Tabel 2-1", "Basisoplysninger", "2.1", (("Formål", f"At bruge netværk. I denne {tail}"),), 2)
    passages = document_to_passages(replace(document, blocks=[*document.blocks, continued], other_tables=[table]))
    assert [p.kind for p in passages if "henseende" in p.text] == ["table"]


def test_a_table_block_on_the_next_page_with_words_of_its_own_is_kept(document):
    other = block("At bruge netværk med nye virksomheder i hele regionen", role="table", page=3)
    passages = document_to_passages(replace(document, blocks=[*document.blocks, other]))
    assert [(p.kind, p.page) for p in passages if "regionen" in p.text] == [("paragraph", 3)]


def test_no_shared_report_indexes_a_table_row_as_a_paragraph_too(extracted):
    for doc_id, document in extracted.items():
        rows = squash(" ".join(" ".join(cells) for table in document.other_tables for cells in table.rows))
        twice = [p.text[:60] for p in document_to_passages(document)
                 if p.kind == "paragraph" and len(p.text) > 40 and squash(p.text) in rows]
        assert twice == [], doc_id


def test_headings_and_captions_are_not_passages(document):
    texts = [p.text for p in document_to_passages(document)]
    assert "Indledning" not in texts and "Tabel 3-1 Status" not in texts


def test_every_passage_carries_report_and_project(document):
    for passage in document_to_passages(document):
        assert passage.doc_id == "rapport" and passage.title == "Evaluering af et projekt"
        assert (passage.project, passage.operator, passage.pool_year) == ("Stå ikke i stampe", "SIND", 2015)
    numbers = [p.number for p in document_to_passages(document)]
    assert numbers == list(range(len(numbers)))


def test_shared_reports_give_passages_of_every_paragraph(extracted):
    for doc_id, document in extracted.items():
        passages = document_to_passages(document)
        paragraphs = [b for b in document.blocks if b.role in ("paragraph", "bullet") and any(c.isalpha() for c in b.text)]
        assert len(passages) >= len(paragraphs), doc_id
        assert len({p.key for p in passages}) == len(passages)


def test_a_lesson_heading_is_ranked_in_the_first_of_its_passages_only(document):
    heading = "Sørg for ledelsesmæssig opbakning."
    more = [Lesson("Ledelsen skal deltage i styregruppen.", "4.2", "Læringer", heading, 4, True),
            Lesson("Ledelsen skal kende målene.", "4.2", "Læringer", heading, 4, True),
            Lesson("Lederne skal have tid.", "4.2", "Læringer", "Giv lederne tid.", 4, True)]
    document.blocks.append(block(f"{heading} er en god overskrift.", page=5))
    document.lessons.extend(more)
    passages = document_to_passages(document)
    under = [p for p in passages if p.heading == heading and "lesson" in p.kinds]
    assert [p.text.startswith(heading) for p in under] == [True, True, True]
    assert [p.ranked_from for p in under] == [0, len(heading), len(heading)]
    assert [p.text[p.ranked_from:].strip() for p in under[1:]] == [m.text for m in more[:2]]
    others = [p for p in passages if p not in under]
    assert others and all(p.ranked_from == 0 for p in others)
