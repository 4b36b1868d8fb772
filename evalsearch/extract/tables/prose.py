"""Rows of running text on a page with tables: a heading, a caption or a paragraph between two rules.

Two rules with such a row between them belong to different things, never to one
table. The hard part is what only looks like running text: a cell's wrapped line,
a row of a table set in type larger than the body, cells set so close together
that a row reads as one fragment.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.extract.tables.captions import is_caption
from evalsearch.model import Line, PageContent, Word

#: a wrapped line starts this close to the first cell's edge
WRAP_TOLERANCE = 3.0
#: a gap this many times a line's usual one parts cells, not words
UNEVEN_GAP = 2.5


def prose_rows(page: PageContent, geometry: DocGeometry, column_gap: float) -> list[float]:
    """Tops of rows that read as running text: one fragment, body-size type, most of the column wide;
    or a heading or a caption. A heading's words are evenly spaced: a row of cells set close in
    type larger than the text reads as one fragment too, but not so."""
    width = geometry.body_right - geometry.body_left
    verticals = [r for r in page.rules if not r.horizontal]
    tops = []
    cells: list[Line] = []  # the fragments of the last row cut into cells, while lines wrap under its first
    cell_type: tuple[float, float] | None = None  # (size, bottom) of the last line of cell text
    for row in words_to_rows(page.words):
        mid = (row[0].top + row[0].bottom) / 2
        if sum(1 for r in verticals if r.top <= mid <= r.bottom) >= 2:
            continue  # a line between vertical rules stands in a grid cell
        frags = row_to_fragments(row, page.number, column_gap)
        follows_cells = cell_type is not None and _set_on(frags[0], *cell_type)
        cell_type = (frags[0].size, frags[0].bottom) if len(frags) > 1 or follows_cells else None
        if len(frags) > 1:
            cells = frags
        elif cells and _wraps_in_first_cell(frags[0], cells, row[0].top):
            cells[0] = frags[0]  # the next wrapped line is measured from this one
            continue
        else:
            cells = []
        if len(frags) == 1 and (
            (frags[0].size >= geometry.body_size * 1.1 and not follows_cells and evenly_spaced(frags[0].words))
            or is_caption(frags[0].text)
        ):
            tops.append(frags[0].top)  # a heading or a caption between two rules parts two tables
            continue
        body = [f for f in frags if f.x0 >= geometry.body_left - 2]
        if (
            len(body) == 1
            and abs(body[0].x0 - geometry.body_left) < 2
            and body[0].x1 - body[0].x0 > 0.6 * width
            and body[0].size >= geometry.body_size * 0.97
            and evenly_spaced(body[0].words)
        ):
            tops.append(body[0].top)
    return tops


def _set_on(line: Line, size: float, bottom: float) -> bool:
    """Does a line go on in the type of the cell text just above, at a line's distance? Then a
    line a cell wraps alone is no heading, in a table set larger than the body (11 pt, 10 pt)."""
    return abs(line.size - size) <= 0.3 and 0 <= line.top - bottom <= 0.8 * size


def _wraps_in_first_cell(line: Line, cells: Sequence[Line], top: float) -> bool:
    """Is a line the wrapped text of the first cell of the row just above ("D1: Antal personer …
    som fastholdes i | 60% | 60%" / "jobbet i seks måneder …")? It starts where that cell starts,
    ends before the next cell, and follows it at a line's distance. A table set in body type
    otherwise reads as running text there, which parts the row from its rules."""
    first = cells[0]
    return (abs(line.x0 - first.x0) <= WRAP_TOLERANCE and line.x1 < cells[1].x0
            and 0 < top - first.top <= 1.6 * max(first.size, line.size))


def evenly_spaced(words: Sequence[Word]) -> bool:
    """Are the words set as running text, every gap near the line's usual one?

    Running text is, ragged or justified: justification widens every gap of a line alike. A
    table row whose cells stand closer than a column gap reads as one fragment too, but its
    gaps between cells are several spaces wide ("… (målgruppen),  50 %  ✓: 75% svarer …").
    """
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
    if len(gaps) < 2:
        return True
    usual = median(gaps)
    size = median(w.size for w in words)
    return all(gap < max(UNEVEN_GAP * usual, 0.5 * size) for gap in gaps)
