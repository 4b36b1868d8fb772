"""Legend and note lines printed under a table ("● Angiver at målet er opfyldt", "a: Tallet i …").

A note line starts with a coloured symbol, a note letter ("a:"), an asterisk
or a note word, stands right under the table (or, when the table ends a page,
at the very top of the next one) and is set in the table's small type; lines
that follow it in the same type without a marker of their own continue it.
A source line ("Kilde: …") is not a note: it stays with the text flow.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsearch.extract.lines import join_lines, line_text, words_to_rows
from evalsearch.extract.tables.grid import Note
from evalsearch.extract.tables.terms import (
    COLOUR_SYMBOLS,
    FIGURE_CAPTION,
    NOTE_LETTER,
    NOTE_START,
    SOURCE_START,
    TABLE_CAPTION,
)
from evalsearch.model import BBox, Fill, Line, Word

NOTE_MAX_GAP = 2.2
MARK_REACH = 16.0


def mark_before(row: Sequence[Word], marks: Sequence[Fill]) -> Fill | None:
    """The small symbol drawn just left of a printed row, if any."""
    top, bottom = min(w.top for w in row), max(w.bottom for w in row)
    for m in marks:
        cy = (m.top + m.bottom) / 2
        if top - 2 <= cy <= bottom + 2 and row[0].x0 - MARK_REACH <= m.x0 and m.x1 <= row[0].x0 + 1:
            return m
    return None


def read_notes(
    words: Sequence[Word],
    marks: Sequence[Fill],
    start: float,
    box: BBox,
    pitch: float,
    page: int,
    body_size: float,
) -> tuple[list[Note], float]:
    """Read note lines printed from ``start`` down, within the table's width.

    Args:
        words: the page's words outside tables.
        marks: the page's small coloured symbols.
        start: where the table (or the page's text) ends above the notes.
        box: the table's box; notes stand within its width.
        pitch: line pitch of the table's text.
        page: page number.
        body_size: size of body text; running text is never a note.
    RETURNS: the notes, and the bottom of the last note line (``start`` if none).
    """
    below = [w for w in words if w.top >= start - 1 and w.x0 >= box[0] - 6 and w.x1 <= box[2] + 6]
    notes: list[Note] = []
    parts: list[list[str]] = []
    bottom = start
    size = None
    for row in words_to_rows(below):
        top = min(w.top for w in row)
        if top - bottom > NOTE_MAX_GAP * max(pitch, 6.0):
            break
        text = line_text(Line(tuple(row), page)).strip()
        if TABLE_CAPTION.match(text) or FIGURE_CAPTION.match(text) or SOURCE_START.match(text):
            break
        row_size = max(w.size for w in row)
        mark = mark_before(row, marks)
        color = mark.color if mark else None
        if mark is None and len(row) > 1 and row[0].text in COLOUR_SYMBOLS:
            color, text = row[0].color, line_text(Line(tuple(row[1:]), page)).strip()  # "●" set as text
            mark = row[0]
        marked = mark is not None or NOTE_START.match(text) is not None
        if mark is None and NOTE_LETTER.match(text) and row_size >= body_size * 0.97:
            marked = False  # "a) …" in body type is a list item, not a note
        if marked and row_size <= body_size * 1.01:
            notes.append(Note(text, color))
            parts.append([text])
            size = row_size
        elif notes and size is not None and abs(row_size - size) < 0.3 and row[0].x0 >= box[0] - 6:
            parts[-1].append(text)
        else:
            break
        bottom = max(w.bottom for w in row)
    joined = [Note(join_lines(p), n.color) for n, p in zip(notes, parts)]
    return joined, bottom
