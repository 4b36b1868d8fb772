"""The caption over a table, or under it: its first line ("Tabel 3-1: Oversigt over …") and the lines it wraps to."""

from __future__ import annotations

from collections.abc import Sequence

from evalsearch.extract.lines import line_text, row_to_fragments, words_to_rows
from evalsearch.extract.tables.terms import FIGURE_CAPTION, TABLE_CAPTION
from evalsearch.model import BBox, Line, PageContent, Word

#: a caption stands at most this many line steps above its table
CAPTION_REACH = 3.5
#: a caption wraps to at most this many more lines …
MAX_WRAPPED_LINES = 3
#: … each at most this share of its size below the line before
WRAP_GAP = 0.8


def is_caption(text: str) -> bool:
    """Does the text open a table's or a figure's caption ("Tabel 3-1 …", "Figur 2 …")?"""
    return TABLE_CAPTION.match(text) is not None or FIGURE_CAPTION.match(text) is not None


def _row_text(row: Sequence[Word], page: int) -> str:
    return line_text(Line(tuple(row), page)).strip()


def caption_near(page: PageContent, box: BBox, free: Sequence[Word], pitch: float, below: bool = False) -> str | None:
    """The caption printed just above the table ("Tabel 3-1 …", "Figur 2 …"), or just below it
    (Word sets a caption there by default)."""
    if below:
        rows = [r for r in words_to_rows([w for w in free if w.top >= box[3] - 1])
                if min(w.top for w in r) - box[3] <= CAPTION_REACH * pitch][:3]
    else:
        rows = [r for r in words_to_rows([w for w in free if w.bottom <= box[1] + 1])
                if box[1] - r[-1].bottom <= CAPTION_REACH * pitch][-3:][::-1]
    texts = (_row_text(row, page.number) for row in rows)
    return next((text for text in texts if is_caption(text)), None)


def wraps_caption(rows: Sequence[Sequence[Word]], k: int, page: int, column_gap: float) -> bool:
    """Is row ``k`` a line that a caption above wraps to ("… mål og opnåede" / "resultater")? It
    and the lines between it and the caption are one run of words each, under the caption's left
    edge, each a line's distance below the one before. Set in bold just above a table's header,
    such a line reads as a header line."""
    for j in range(k, max(k - MAX_WRAPPED_LINES, 0), -1):
        row, above = rows[j], rows[j - 1]
        size = max(w.size for w in row)
        if (len(row_to_fragments(list(row), page, column_gap)) > 1 or abs(row[0].x0 - above[0].x0) > 2
                or min(w.top for w in row) - max(w.bottom for w in above) > WRAP_GAP * size):
            return False
        if is_caption(_row_text(above, page)):
            return True
    return False
