"""A table that starts at a page's foot: its header row, ruled off below, left there by the page
break, with no rows or with the start of its first row under the rule (the rest, and the
closing rule, stand on the next page). Tables ruled across only: no cell walls say where the
table is, so the caption above and the bold header say it.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.extract.tables.grid import is_bold
from evalsearch.extract.tables.terms import TABLE_CAPTION
from evalsearch.model import PageContent, Word, join_words

#: the header's lines stand at most this many type sizes apart
HEADER_LINE_GAP = 0.6
#: the caption is one of the lines right above the header
CAPTION_LINES = 3
#: the lines of a cut row stand at most this many body line pitches apart (and from the rule)
CUT_ROW_GAP = 1.8


def header_at_page_foot(page: PageContent, rule: tuple[float, float, float], column_gap: float,
                        prose_tops: Sequence[float], pitch: float) -> tuple[float, float] | None:
    """(top, bottom) of a table a page break cut under its header row: from the header's top to
    the rule, or to the end of the row the rule opens when that row runs to the page's end; None
    when the lone rule is not that.

    Args:
        page: the page's words, furniture removed.
        rule: the lone rule (y, x0, x1).
        column_gap: gap that splits a row into cells.
        prose_tops: tops of the rows that read as running text: a row of them is no table's.
        pitch: the body's line pitch.
    """
    y, x0, x1 = rule
    within = [w for w in page.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1]
    cut = words_to_rows([w for w in within if w.top > y])
    if cut and not _cut_row(cut, y, page.number, column_gap, prose_tops, pitch):
        return None
    rows = words_to_rows([w for w in within if w.bottom <= y + 1])
    header: list[list[Word]] = []
    for row in reversed(rows):
        lower = header[0] if header else None
        gap = (min(w.top for w in lower) if lower else y) - max(w.bottom for w in row)
        if not is_bold(row) or gap > HEADER_LINE_GAP * max(w.size for w in row) or TABLE_CAPTION.match(join_words(row)):
            break  # a bold caption set close above is no header line
        header.insert(0, row)
    if not header or max(len(row_to_fragments(r, page.number, column_gap)) for r in header) < 2:
        return None
    above = rows[: len(rows) - len(header)][-CAPTION_LINES:]
    if not any(TABLE_CAPTION.match(join_words(r)) for r in above):
        return None
    bottom = max(w.bottom for r in cut for w in r) + 0.5 if cut else y
    return min(w.top for r in header for w in r) - 0.5, bottom


def _cut_row(rows: Sequence[Sequence[Word]], y: float, page: int, column_gap: float,
             prose_tops: Sequence[float], pitch: float) -> bool:
    """Are the rows under the rule one table row cut by the page's end: split into cells at its
    first line, its lines set close from the rule on, none of them running text? Running text, or
    a wider gap, under the rule means the table ended there and the rule is something else."""
    if len(row_to_fragments(rows[0], page, column_gap)) < 2:
        return False
    tops = [min(w.top for w in r) for r in rows]
    if any(abs(top - prose) <= 1 for top in tops for prose in prose_tops):
        return False
    bottoms = [y] + [max(w.bottom for w in r) for r in rows[:-1]]
    return all(top - bottom <= CUT_ROW_GAP * pitch for bottom, top in zip(bottoms, tops))

