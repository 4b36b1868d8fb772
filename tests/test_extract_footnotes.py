"""Footnotes at the page bottom, told from other small numbered rows there."""

from __future__ import annotations

from evalsearch.extract.footnotes import rows_to_footnotes
from evalsearch.extract.geometry import DocGeometry
from evalsearch.model import Word

PAGE_HEIGHT = 842.0
GEOMETRY = DocGeometry(body_size=11.0, body_left=70.0, body_right=520.0, margin_right=None, pitch=14.0)


def row(text: str, top: float, size: float = 8.0) -> list[Word]:
    """One printed row of words, left to right, from ``text``."""
    words, x = [], 70.0
    for token in text.split():
        width = 4.5 * len(token)
        words.append(Word(token, x, top, x + width, top + size, size))
        x += width + 2.5
    return words


def page(*small_rows: str) -> list[list[Word]]:
    """Two rows of body text, then the small rows at the page's foot."""
    body = [row("Projektet har nået sine mål.", 600.0, 11.0), row("Det fremgår af tabellen.", 614.0, 11.0)]
    return body + [row(text, 700.0 + 10 * i) for i, text in enumerate(small_rows)]


def test_numbered_notes_are_split_off_with_their_next_lines():
    rows = page("3 Kilde: STAR 2016, opgørelse af", "2019 blev tallene opgjort igen.", "4 Cabi 2018: Evaluering.")
    body, notes = rows_to_footnotes(rows, 5, PAGE_HEIGHT, GEOMETRY)
    assert len(body) == 2
    assert [(n.number, n.text, n.page) for n in notes] == [
        ("3", "Kilde: STAR 2016, opgørelse af 2019 blev tallene opgjort igen.", 5),
        ("4", "Cabi 2018: Evaluering.", 5),
    ]


def test_a_listing_of_rows_led_by_one_number_is_no_footnote():
    rows = page("4 CARD32 GLOB_LIST_OFFSET", "4 CARD32 MAGIC_LIST_OFFSET", "4 CARD32 NAMESPACE_LIST_OFFSET")
    body, notes = rows_to_footnotes(rows, 11, PAGE_HEIGHT, GEOMETRY)
    assert notes == [] and body == rows


def test_a_hex_dump_offset_is_no_footnote_number():
    rows = page("00000000 4d 49 4d 45 |MIME|", "00000010 74 65 78 74 |text|")
    body, notes = rows_to_footnotes(rows, 9, PAGE_HEIGHT, GEOMETRY)
    assert notes == [] and body == rows
