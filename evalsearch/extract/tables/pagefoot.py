"""A table that starts at a page's foot: its header row, ruled off below, left there by the page
break, with no rows or with the start of its first row under the rule (the rest, and the
closing rule, stand on the next page). Tables ruled across only: no cell walls say where the
table is, so the caption above and the bold header say it. A header row the page break cut
itself leaves no rule on its page at all: the table that opens the next page with the rest of
the header gives its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.extract.tables.captions import caption_near
from evalsearch.extract.tables.grid import PageTable, band_to_row, is_bold, words_in, words_outside
from evalsearch.extract.tables.spans import ALIGNED_TOLERANCE, padded_words
from evalsearch.extract.tables.terms import TABLE_CAPTION
from evalsearch.model import PageContent, Word, join_words

#: the header's lines stand at most this many type sizes apart …
HEADER_LINE_GAP = 0.6
#: … and its last line at most this many above the rule under it
HEADER_PADDING = 1.0
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
    header = _captioned_header(words_to_rows([w for w in within if w.bottom <= y + 1]), y, page.number, column_gap)
    if header is None:
        return None
    cut = words_to_rows([w for w in within if w.top > y])
    if cut and not _cut_row(cut, y, page.number, column_gap, prose_tops, pitch, header):
        return None
    bottom = max(w.bottom for r in cut for w in r) + 0.5 if cut else y
    return min(w.top for r in header for w in r) - 0.5, bottom


def _captioned_header(rows: Sequence[Sequence[Word]], y: float, page: int,
                      column_gap: float) -> list[Sequence[Word]] | None:
    """The header lines that end ``rows`` right above ``y``: bold, set close together, one of them
    cut into cells, with a table caption among the lines just above them; None without."""
    header: list[Sequence[Word]] = []
    for row in reversed(rows):
        lower = header[0] if header else None
        gap = (min(w.top for w in lower) if lower else y) - max(w.bottom for w in row)
        reach = HEADER_LINE_GAP if lower else HEADER_PADDING  # the cell's padding stands above the rule
        if not is_bold(row) or gap > reach * max(w.size for w in row) or TABLE_CAPTION.match(join_words(row)):
            break  # a bold caption set close above is no header line
        header.insert(0, row)
    if not header or max(len(row_to_fragments(r, page, column_gap)) for r in header) < 2:
        return None
    above = rows[: len(rows) - len(header)][-CAPTION_LINES:]
    if not any(TABLE_CAPTION.match(join_words(r)) for r in above):
        return None
    return header


def _cut_row(rows: Sequence[Sequence[Word]], y: float, page: int, column_gap: float,
             prose_tops: Sequence[float], pitch: float, header: Sequence[Sequence[Word]]) -> bool:
    """Are the rows under the rule one table row cut by the page's end: split into cells at its
    first line (by a gutter, or where a header cell starts), its lines set close from the rule on,
    none of them running text? Running text, or a wider gap, under the rule means the table ended
    there and the rule is something else."""
    if len(row_to_fragments(rows[0], page, column_gap)) < 2 and not _starts_under_header(rows[0], header):
        return False
    tops = [min(w.top for w in r) for r in rows]
    if any(abs(top - prose) <= 1 for top in tops for prose in prose_tops):
        return False
    bottoms = [y] + [max(w.bottom for w in r) for r in rows[:-1]]
    return all(top - bottom <= CUT_ROW_GAP * pitch for bottom, top in zip(bottoms, tops))


def _starts_under_header(line: Sequence[Word], header: Sequence[Sequence[Word]]) -> bool:
    """Does a word of ``line`` start where a header cell's text starts, both after a gap wider than
    their line's word spaces (``spans.padded_words``)? A tightly padded table leaves its cells less
    than a gutter apart; its columns still start where the header's do."""
    starts = [w.x0 for row in header for w in padded_words(row)]
    return any(abs(w.x0 - x) <= ALIGNED_TOLERANCE for w in padded_words(line) for x in starts)


def unruled_header_at_page_foot(words: Sequence[Word], edges: Sequence[float], page: int,
                                column_gap: float) -> tuple[float, float] | None:
    """(top, bottom) of a table's header row that a page break left alone at the page's
    foot with no rule under it (the rule closes the header's last line, on the next page: "Antal
    deltagere" … / "(måltal)"): the page's last lines, bold, set close together and cut into cells,
    right under a table caption. ``words`` are the page's words outside its tables, ``edges`` the
    columns of the table that opens the next page; None when the page does not end so.

    Args:
        words: the page's words that no table of it holds, furniture removed.
        edges: column edges of the table at the top of the next page.
        page: the page number.
        column_gap: gap that splits a row into cells.
    """
    rows = words_to_rows(words)
    if not rows:
        return None
    header = _captioned_header(rows, max(w.bottom for w in rows[-1]), page, column_gap)
    if header is None or any(w.x0 < edges[0] - 2 or w.x1 > edges[-1] + 2 for r in header for w in r):
        return None
    return min(w.top for r in header for w in r) - 0.5, max(w.bottom for r in header for w in r) + 0.5


def headers_cut_at_page_feet(pages: Sequence[PageContent], found: dict[int, list[PageTable]], pitch: float,
                             column_gap: float) -> dict[int, PageTable]:
    """Page number → the header part of a table whose header row a page break cut with no rule on
    its page (``unruled_header_at_page_foot``), in the columns of the table that opens the next
    page with the header's rest and no header of its own, so that the two parts merge."""
    out: dict[int, PageTable] = {}
    for page in pages:
        own, nxt = found.get(page.number) or [], found.get(page.number + 1) or []
        if not nxt or (own and own[-1].at_bottom):
            continue
        rest = nxt[0]
        if not rest.at_top or rest.caption_above or rest.columns < 2 or not rest.rows or rest.rows[0].role != "body":
            continue
        free = words_outside(page.words, [t.bbox for t in own])
        span = unruled_header_at_page_foot(free, rest.edges, page.number, column_gap)
        if span is None:
            continue
        box = (rest.edges[0], span[0], rest.edges[-1], span[1])
        words = words_in(free, box)
        taken = {id(w) for w in words}
        row = replace(band_to_row(words, rest.edges, page, *span), role="header", open_bottom=True)
        caption = caption_near(page, box, [w for w in free if id(w) not in taken], pitch)
        out[page.number] = PageTable(page.number, box, rest.edges, (row,), rest.size, rest.pitch, ruled=False,
                                     at_bottom=True, caption_above=caption)
    return out
