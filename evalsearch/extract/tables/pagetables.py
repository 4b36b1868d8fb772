"""Every table of a document, page by page: regions → grids → rows, notes and page-break facts.

``find_document_tables(pages, geometry, column_gap)`` finds the ruled and
rule-less regions of each page, reads each into a ``PageTable``, takes in rows
that hang below the last rule (or above the first one, at the top of a page a
table continues onto), reads the legend lines under it, and records whether
the table starts at the top or ends at the bottom of its page, which the
merging of tables across page breaks needs. ``table_text`` renders a page's
part of a table as text: one row per line, " | " between cells.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import line_text, words_to_rows
from evalsearch.extract.tables.captions import caption_near, is_caption, wraps_caption
from evalsearch.extract.tables.grid import (
    MIN_COLUMN_WIDTH,
    PageTable,
    TableRow,
    aligned_starts,
    band_to_row,
    band_to_rows,
    gutter_edges,
    is_bold,
    line_pitch,
    region_to_bands,
    rule_edges,
    words_in,
    words_outside,
)
from evalsearch.extract.tables.legend import read_notes
from evalsearch.extract.tables.pagefoot import headers_cut_at_page_feet
from evalsearch.extract.tables.regions import aligned_regions, horizontal_rules, ruled_regions, ruleless_regions
from evalsearch.extract.tables.spans import crossed_edges
from evalsearch.extract.tables.terms import (
    GOAL_ID,
    NOTE_START,
    SOURCE_START,
    STATUS_HEADING,
    TABLE_CAPTION,
    TARGET_HEADING,
)
from evalsearch.model import BBox, Line, PageContent, Word

log = logging.getLogger(__name__)

HANG_MAX_GAP = 1.8
SIZE_TOLERANCE = 0.35
#: a header set on a table's first rule ends at most this far (points) above it …
HEADER_REACH = 6.0
#: … and its lines stand at most this share of the type size apart
HEADER_LINE_GAP = 0.8


def _edges(page: PageContent, box: BBox, words: Sequence[Word], ruled: bool, column_gap: float) -> list[float]:
    inner = rule_edges(page, box) if ruled else []
    if not inner:
        inner = gutter_edges(words, box, page.number, column_gap)
    edges = [box[0]] + [e for e in inner if box[0] + MIN_COLUMN_WIDTH <= e <= box[2] - MIN_COLUMN_WIDTH] + [box[2]]
    # A column no word starts in is drawn, not used: merge it into its neighbour.
    used = [edges[0]]
    for i in range(1, len(edges) - 1):
        if any(edges[i] - 1.5 <= w.x0 < edges[i + 1] - 1.5 for w in words):
            used.append(edges[i])
    used.append(edges[-1])
    return used


def _roles(rows: list[TableRow], columns: int) -> list[TableRow]:
    """Mark title rows (one cell, shaded or bold) and header rows (shaded or bold) at the top."""
    out = list(rows)
    i = 0
    while i < len(out) and columns > 1 and len(out[i].filled) == 1 and out[i].cells[0] and (out[i].shaded or out[i].bold):
        out[i] = replace(out[i], role="title")
        i += 1
    start = i
    while i < len(out) and (out[i].shaded or out[i].bold) and len(out[i].filled) >= min(2, columns):
        if GOAL_ID.match(out[i].cells[0]):
            break
        if i > start and not out[i].bold and out[i].shade != out[start].shade:
            break  # a row shaded otherwise than the header: the body's banding
        out[i] = replace(out[i], role="header")
        i += 1
    if i == start and columns > 1 and i < len(out) - 1:
        # A header set like the body: short labels above rows led by goal ids, or naming
        # a target and a status column.
        first = out[i]
        later_ids = any(GOAL_ID.match(r.cells[0]) for r in out[i + 1 :])
        low = [c.lower() for c in first.cells]
        named = any(STATUS_HEADING.search(c) for c in low[1:]) and any(TARGET_HEADING.search(c) for c in low[1:])
        short = all(len(c.split()) <= 8 for c in first.cells) and len(first.filled) >= 2
        if short and not GOAL_ID.match(first.cells[0]) and (later_ids or named):
            out[i] = replace(first, role="header")
    return out


def build_table(
    page: PageContent, box: BBox, ruled: bool, column_gap: float, plain_columns: bool = False
) -> PageTable | None:
    """Read the region into a table: column edges, rows of cells, the type size and line pitch.

    ``plain_columns``: a rule-less table of columns of list items has no row
    boundaries; each column is one cell, under a bold header row if it has one.
    """
    words = words_in(page.words, box)
    if not words:
        return None
    edges = _edges(page, box, words, ruled, column_gap)
    bands = region_to_bands(page, box) if ruled else [(box[1], box[3], False, False)]
    if plain_columns:
        bands = _header_band(words, box) or bands
    filled_bands = [b for b in bands if any(b[0] <= (w.top + w.bottom) / 2 <= b[1] for w in words)]
    split_gaps = not plain_columns and (not ruled or len(filled_bands) <= 2)
    rows: list[TableRow] = []
    starts = aligned_starts(words)
    for top, bottom, ruled_above, ruled_below in bands:
        band_words = [w for w in words if top <= (w.top + w.bottom) / 2 <= bottom]
        parts = band_to_rows(band_words, edges, split_gaps)
        for k, (ptop, pbottom) in enumerate(parts):
            part_words = [w for w in band_words if ptop <= (w.top + w.bottom) / 2 <= pbottom]
            row = band_to_row(part_words, edges, page, max(top, ptop), min(bottom, pbottom), starts)
            rows.append(
                replace(
                    row,
                    open_top=k == 0 and not ruled_above,
                    open_bottom=k == len(parts) - 1 and not ruled_below,
                )
            )
    if not rows:
        return None
    size = median(w.size for w in words)
    return PageTable(
        page.number, box, tuple(edges), tuple(_roles(rows, len(edges) - 1)), size, line_pitch(words, edges), ruled
    )


def _header_band(words: Sequence[Word], box: BBox) -> list[tuple[float, float, bool, bool]] | None:
    """A bold first printed row over rows that are not bold: (header band, body band)."""
    lines = words_to_rows(words)
    if len(lines) < 2:
        return None
    bold = [is_bold(line) for line in lines]
    if not bold[0] or bold[1]:
        return None
    cut = (max(w.bottom for w in lines[0]) + min(w.top for w in lines[1])) / 2
    return [(box[1], cut, False, False), (cut, box[3], False, False)]


def _table_like(row: Sequence[Word], table: PageTable, page: int, spanning_ok: bool = False) -> bool:
    text = line_text(Line(tuple(row), page)).strip()
    if is_caption(text) or SOURCE_START.match(text) or NOTE_START.match(text):
        return False
    size = median(w.size for w in row)
    headed_only = all(r.role != "body" for r in table.rows)
    low = table.size - (1.0 if headed_only else SIZE_TOLERANCE)  # body type is often smaller than the header's
    if not low <= size <= table.size + SIZE_TOLERANCE:
        return False
    if row[0].x0 < table.edges[0] - 2 or row[-1].x1 > table.edges[-1] + 2:
        return False
    if spanning_ok:
        return True
    # A cell may span some columns; a line across every column edge is running text.
    return len(crossed_edges(row, table.edges)) < table.columns - 1


def _hanging(table: PageTable, page: PageContent, free: Sequence[Word], column_gap: float) -> PageTable:
    """Take in the rows printed below the last rule that are set and aligned as table rows."""
    if table.columns < 2 or not table.ruled:
        return table
    x0, top, x1, bottom = table.bbox
    last = max(w.bottom for w in words_in(page.words, table.bbox))
    new_bottom = bottom
    for row in words_to_rows([w for w in free if w.top >= bottom - 1 and x0 - 2 <= w.x0 and w.x1 <= x1 + 2]):
        if min(w.top for w in row) - last > HANG_MAX_GAP * table.pitch or not _table_like(row, table, page.number):
            break
        last = new_bottom = max(w.bottom for w in row) + 0.5
    if new_bottom == bottom:
        return table
    grown = build_table(page, (x0, top, x1, new_bottom), True, column_gap)
    return grown if grown is not None else table


def _set_close(rows: Sequence[Sequence[Word]], end: float, pitch: float) -> bool:
    """Do the printed rows follow each other, and then ``end``, no further apart than a table's rows?"""
    lowers = [min(w.top for w in r) for r in rows[1:]] + [end]
    return all(lower - max(w.bottom for w in upper) <= HANG_MAX_GAP * pitch for upper, lower in zip(rows, lowers))


def _rest_of_cut_row(page: PageContent, before: PageTable, taken: Sequence[BBox], column_gap: float) -> PageTable | None:
    """The rest of the row the page break cut off ``before``, when this page opens with it and only
    its closing rule (tables ruled across only) or shading: rows set like ``before``'s down to that rule."""
    x0, x1 = before.bbox[0], before.bbox[2]
    rules = [y for y, a, b in horizontal_rules(page.rules, page.fills) if min(b, x1) - max(a, x0) >= 0.6 * (x1 - x0)]
    if not rules:
        return None
    first = min(rules)  # in a shaded row, the first rule is the fill's top, and its bottom closes the row
    closing = next((f.bottom for f in page.fills if abs(f.top - first) <= 2 and f.x0 <= x0 + 2), first)
    if any(box[1] <= closing + 2 for box in taken):
        return None  # a table starts at or above that rule: rows above it are taken in with it (``_continued_above``)
    free = words_outside(page.words, taken)
    above = words_to_rows([w for w in free if w.bottom <= closing + 1])
    if not above or not all(_table_like(r, before, page.number, spanning_ok=True) for r in above):
        return None
    if not _set_close(above, closing, before.pitch):
        return None
    top = min(w.top for r in above for w in r) - 0.5
    # one row in the columns of the part above: its cells may stand in only some of them
    row = band_to_row([w for r in above for w in r], list(before.edges), page, top, closing)
    return PageTable(page.number, (x0, top, x1, closing), before.edges, (replace(row, open_top=True),),
                     before.size, before.pitch)


def _continued_above(table: PageTable, before: PageTable, page: PageContent, free: Sequence[Word], column_gap: float) -> PageTable:
    """When the previous page ended with a table, the rows above this page's first rule that are
    set like that table's rows are the rest of its last row, cut by the page break."""
    x0, top, x1, bottom = table.bbox
    above = words_to_rows([w for w in free if w.bottom <= top + 1])
    if not above or not table.ruled or abs(x0 - before.bbox[0]) > 6 or abs(x1 - before.bbox[2]) > 6:
        return table
    if any(y < top - 2 and min(b, x1) - max(a, x0) >= 0.6 * (x1 - x0) for y, a, b in horizontal_rules(page.rules, page.fills)):
        return table  # a rule above: those rows are another table's, not the rest of a cut row
    if not all(_table_like(r, before, page.number, spanning_ok=True) for r in above):
        return table
    if not _set_close(above, min(w.top for w in words_in(page.words, table.bbox)), before.pitch):
        return table
    grown = build_table(page, (x0, min(w.top for r in above for w in r) - 0.5, x1, bottom), True, column_gap)
    return replace(grown, notes=table.notes, caption_above=None) if grown is not None else table


def _header_above(page: PageContent, table: PageTable, free: Sequence[Word], column_gap: float) -> PageTable:
    """The table with the bold header rows that stand on its first rule, no rule above them (Word's
    plain table styles rule only under the header); the table as it is when there are none."""
    x0, top, x1, bottom = table.bbox
    rows = words_to_rows([w for w in free if w.bottom <= top + 1 and w.x0 >= x0 - 2 and w.x1 <= x1 + 2])
    taken = 0
    limit = top
    for k in range(len(rows) - 1, -1, -1):
        row = rows[k]
        size = median(w.size for w in row)
        reach = HEADER_REACH if not taken else HEADER_LINE_GAP * size  # on the rule, then line by line
        text = line_text(Line(tuple(row), page.number)).strip()
        if limit - max(w.bottom for w in row) > reach or abs(size - table.size) > 1.0:
            break
        if is_caption(text) or wraps_caption(rows, k, page.number, column_gap):
            break
        if not is_bold(row):
            break
        taken += 1
        limit = min(w.top for w in row)
    if not taken:
        return table
    grown = build_table(page, (x0, limit - 0.5, x1, bottom), True, column_gap)
    if grown is None:
        return table
    # the header's open top is the table's start, not the rest of a row from the page before
    return replace(grown, rows=(replace(grown.rows[0], open_top=False),) + grown.rows[1:])


def _acceptable(table: PageTable) -> bool:
    """A one-column region is a table only under a table caption or as a list of short ruled rows."""
    if table.columns > 1:
        return True
    if table.caption_above and TABLE_CAPTION.match(table.caption_above):
        return True
    body = [r for r in table.rows if r.role == "body" and r.filled]
    return len(body) >= 3 and median(r.bottom - r.top for r in body) <= 3 * table.pitch + 4


def _cut_row_rest(page: PageContent, table: PageTable, free: Sequence[Word]) -> bool:
    """Is a one-column region the rest of a row a page break cut, alone at the page's top under
    nothing, closed by rules (Word, LibreOffice) and walled for more columns than it fills?"""
    alone = len(table.rows) == 1 and not any(w.bottom <= table.bbox[1] + 1 for w in free)
    return table.ruled and alone and bool(rule_edges(page, table.bbox))


def find_page_tables(page: PageContent, geometry: DocGeometry, column_gap: float) -> list[PageTable]:
    """Every table on one page, top to bottom, with its notes; figures drawn with rules included
    (their ``caption_above`` names the figure) so that their labels stay out of the text flow."""
    tables: list[PageTable] = []
    boxes = ruled_regions(page, geometry, column_gap)
    outside_boxes = words_outside(page.words, boxes)
    for box in boxes:
        table = build_table(page, box, True, column_gap)
        if table is not None:
            tables.append(_header_above(page, table, outside_boxes, column_gap))
    for box in ruleless_regions(page, geometry, column_gap, [t.bbox for t in tables]):
        table = build_table(page, box, False, column_gap)
        if table is not None and table.columns > 1:
            tables.append(table)
    hung: list[PageTable] = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        others = [t.bbox for t in tables if t is not table]
        hung.append(_hanging(table, page, words_outside(page.words, others + [table.bbox]), column_gap))
    tables = hung
    # Plain columns without rules, in what the tables above leave (not their hanging rows).
    for box in aligned_regions(page, geometry, column_gap, [t.bbox for t in tables]):
        table = build_table(page, box, False, column_gap, plain_columns=True)
        if table is not None and table.columns > 1:
            tables.append(table)
    out: list[PageTable] = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        others = [t.bbox for t in tables if t is not table]
        free = words_outside(page.words, others + [table.bbox])
        table = replace(table, caption_above=caption_near(page, table.bbox, free, geometry.pitch))
        if not _acceptable(table) and not _cut_row_rest(page, table, free):
            continue
        notes, notes_bottom = read_notes(
            free, page.marks, table.bbox[3], table.bbox, table.pitch, page.number, geometry.body_size
        )
        if notes:
            x0, top, x1, _ = table.bbox
            table = replace(table, notes=tuple(notes), bbox=(x0, top, x1, notes_bottom + 0.5))
        out.append(replace(table, caption_below=caption_near(page, table.bbox, free, geometry.pitch, below=True)))
    return out


def _edge_facts(table: PageTable, page: PageContent, boxes: Sequence[BBox], body_size: float) -> PageTable:
    """Whether nothing but the table stands above it (it opens the page) or below it (it ends the page)."""
    free = words_outside(page.words, boxes)
    at_top = not any(w.bottom <= table.bbox[1] + 1 for w in free)
    at_bottom = not any(w.top >= table.bbox[3] - 1 and w.size >= 0.95 * body_size for w in free)
    return replace(table, at_top=at_top, at_bottom=at_bottom)


def _safely(find, page: PageContent, geometry: DocGeometry, column_gap: float) -> list[PageTable]:
    """The page's tables; a page whose drawing defeats the table reader keeps its text flow instead."""
    try:
        return find(page, geometry, column_gap)
    except (ValueError, ZeroDivisionError, IndexError) as exc:
        log.warning("page %d: tables not read (%s: %s)", page.number, type(exc).__name__, exc)
        return []


def find_document_tables(
    pages: Sequence[PageContent], geometry: DocGeometry, column_gap: float
) -> dict[int, list[PageTable]]:
    """Tables of every page; note lines carried over to the top of the next page become a
    notes-only table there, to be merged with the table above them.

    RETURNS (dict[int, list[PageTable]]): page number → its tables, top to bottom.
    """
    found: dict[int, list[PageTable]] = {}
    previous: PageTable | None = None
    for page in pages:
        tables = _safely(find_page_tables, page, geometry, column_gap)
        boxes = [t.bbox for t in tables]
        cut = previous is not None and previous.page == page.number - 1 and previous.at_bottom and previous.rows \
            and previous.rows[-1].open_bottom
        if cut and not (tables and tables[0].bbox[1] <= min((w.top for w in page.words), default=0) + 1):
            rest = _rest_of_cut_row(page, previous, boxes, column_gap)
            if rest is not None:
                tables.insert(0, rest)
                boxes = [t.bbox for t in tables]
        if tables and previous is not None and previous.page == page.number - 1 and previous.at_bottom:
            free = words_outside(page.words, boxes)
            tables[0] = _continued_above(tables[0], previous, page, free, column_gap)
            boxes = [t.bbox for t in tables]
        found[page.number] = [_edge_facts(t, page, boxes, geometry.body_size) for t in tables]
        previous = found[page.number][-1] if found[page.number] else None
    for number, header in headers_cut_at_page_feet(pages, found, geometry.pitch, column_gap).items():
        found[number] = found.get(number, []) + [header]
    by_number = {p.number: p for p in pages}
    for page in pages:
        tables = found.get(page.number) or []
        nxt = by_number.get(page.number + 1)
        if not tables or nxt is None or not tables[-1].notes or not tables[-1].at_bottom:
            continue
        last = tables[-1]
        boxes = [t.bbox for t in found.get(nxt.number, [])]
        free = words_outside(nxt.words, boxes)
        start = min((w.top for w in free), default=None)
        if start is None:
            continue
        notes, bottom = read_notes(free, nxt.marks, start, last.bbox, last.pitch, nxt.number, geometry.body_size)
        if notes:
            box = (last.bbox[0], start - 0.5, last.bbox[2], bottom + 0.5)
            carried = PageTable(nxt.number, box, last.edges, (), last.size, last.pitch, notes=tuple(notes), at_top=True, notes_only=True)
            found[nxt.number] = sorted(found.get(nxt.number, []) + [carried], key=lambda t: t.bbox[1])
    return found


def table_text(table: PageTable) -> str:
    """Plain text of a page's part of a table: one row per line, cells split by " | ", then its notes."""
    lines = [" | ".join(row.filled) for row in table.rows if row.filled]
    lines.extend(note.text for note in table.notes)
    return "\n".join(lines)
