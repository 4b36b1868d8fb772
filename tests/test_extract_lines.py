"""Printed rows cut into fragments: where a gap parts two columns and where it is a word space."""

from __future__ import annotations

from evalsearch.extract.lines import row_to_fragments
from evalsearch.model import Word

COLUMN_GAP = 14.0


def words(*spec: tuple[str, float, float, float]) -> list[Word]:
    """Words of one printed row from (text, x0, x1, size)."""
    return [Word(text, x0, 100.0, x1, 100.0 + size, size) for text, x0, x1, size in spec]


def texts(row: list[Word]) -> list[str]:
    return [" ".join(w.text for w in frag.words) for frag in row_to_fragments(row, 1, COLUMN_GAP)]


def test_a_margin_note_line_that_fills_its_column_is_not_the_text_beside_it():
    """8.5 pt note type 14.2 pt from 12 pt text: a word space of 12 pt text may stretch that far in
    justified text, but not between type of two sizes ("De første kompetence- Det er projektets …")."""
    row = words(("De", 62.2, 73.1, 8.5), ("første", 75.2, 100.7, 8.5), ("kompetence-", 102.8, 155.8, 8.5),
                ("Det", 170.0, 190.0, 12.0), ("er", 193.3, 204.0, 12.0))
    assert texts(row) == ["De første kompetence-", "Det er"]


def test_a_wide_word_space_in_large_justified_type_stays_in_its_line():
    row = words(("Det", 170.0, 190.0, 12.0), ("er", 204.2, 215.0, 12.0), ("vigtigt", 229.2, 265.0, 12.0))
    assert texts(row) == ["Det er vigtigt"]


def test_a_list_marker_in_smaller_type_stays_with_its_text():
    row = words(("▪", 90.0, 95.0, 8.0), ("Det", 110.0, 128.0, 11.0), ("er", 131.0, 141.0, 11.0))
    assert texts(row) == ["▪ Det er"]
