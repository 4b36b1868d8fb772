"""Parts of one table printed on consecutive pages → one table.

A table that ends its page continues on the next one when the next page opens
with a table of the same columns and nothing above it. A header row printed
again at the top of the continuation is dropped; a header row or a row the page break cut in
two (no rule under its first part, none above its second; or a first cell
that is empty or opens in lower case) is joined back cell by cell. Note lines
carried over to the next page join the table's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from evalsearch.extract.lines import join_lines
from evalsearch.extract.tables.grid import Note, PageTable, TableRow
from evalsearch.extract.tables.terms import GOAL_ID
from evalsearch.model import BBox

EDGE_MATCH = 6.0


@dataclass
class Table:
    """One table of the document, however many pages it runs over."""

    parts: list[PageTable]
    title: list[TableRow] = field(default_factory=list)
    header: list[TableRow] = field(default_factory=list)
    body: list[TableRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.parts[0].page

    @property
    def bbox(self) -> BBox:
        return self.parts[0].bbox

    @property
    def columns(self) -> int:
        return self.parts[0].columns

    @property
    def caption_above(self) -> str | None:
        return self.parts[0].caption_above

    @property
    def caption_below(self) -> str | None:
        return self.parts[-1].caption_below

    @property
    def rows(self) -> list[TableRow]:
        return self.title + self.header + self.body


def _key(rows: Sequence[TableRow]) -> list[str]:
    return [" ".join(" ".join(r.cells).lower().split()) for r in rows]


def column_map(prev_edges: Sequence[float], cur_edges: Sequence[float]) -> list[int] | None:
    """For each column of a continuation, the column of the part above whose edges it shares.

    The rest of a cut row may lack walls between cells it leaves empty, so it
    can have fewer columns: each of its columns must still begin and end on
    edges of the part above. None when they do not line up.

    >>> column_map([68, 267, 299, 527], [68, 299, 527])
    [0, 2]
    >>> column_map([68, 267, 299, 527], [68, 200, 527]) is None
    True
    """
    def place(x: float) -> int | None:
        return next((j for j, e in enumerate(prev_edges) if abs(e - x) <= EDGE_MATCH), None)

    starts = [place(x) for x in cur_edges]
    if any(j is None for j in starts) or starts != sorted(set(starts)):
        return None
    return starts[:-1]


def _compatible(prev: PageTable, cur: PageTable) -> bool:
    if not (prev.at_bottom and cur.at_top) or cur.caption_above:
        return False
    if cur.notes_only:
        return True
    if prev.columns == cur.columns:
        return all(abs(a - b) <= EDGE_MATCH for a, b in zip(prev.edges, cur.edges))
    return bool(cur.rows) and _rest_of_row(cur.rows[0]) and column_map(prev.edges, cur.edges) is not None


def _goes_on_mid_sentence(row: TableRow) -> bool:
    """A row that goes on mid-sentence: its first cell does ("om, hvordan de …", "(2 forløb i
    Odense) nye kommuner"), for a new row names its goal or subject first, with a capital; or,
    when its first cell goes on with a name ("Handicap, Psykiatri …"), every other cell it fills
    does ("skal have opnået …" | "(antallet, der …"), and it names no goal."""
    first = row.cells[0].strip()
    if _mid_sentence(first):
        return True
    others = [c.strip() for c in row.cells[1:] if c.strip()]
    return bool(first and others) and not GOAL_ID.match(first) and all(_mid_sentence(c) for c in others)


def _rest_of_header(row: TableRow) -> bool:
    """A header row whose filled cells all go on mid-phrase ("(måltal)", "resultater"), some empty."""
    filled = [c.strip() for c in row.cells if c.strip()]
    return bool(filled) and len(filled) < len(row.cells) and all(_mid_sentence(c) for c in filled)


def _mid_sentence(text: str) -> bool:
    return text[:1].islower() or text[:1] == "("


def _rest_of_row(row: TableRow) -> bool:
    """Does a part's first row go on with the row above it? Yes when no rule closes it above. Where
    rules or shading close both halves of a row that a page break cut (shaded rows, and the grids
    Word and LibreOffice draw), its first cell tells: one that opens in lower case, or an empty one
    in a body row."""
    if row.open_top or _goes_on_mid_sentence(row):
        return True
    return row.role == "body" and not row.cells[0].strip() and any(row.cells[1:])


def _banding(row: TableRow, header: Sequence[TableRow]) -> bool:
    """Is a continuation's first row a header only by its shading? Not when it is bold or shaded
    like the table's header: then it is the header printed again. Otherwise the shading is the
    body's banding (every other row shaded, the first row on the page among them). A table whose
    own "header" is a plain banded row (a facts table shaded every other row) takes a plain row
    shaded alike with other words as banding too: a header printed again has the same words."""
    if not (header and row.role == "header" and row.shaded and not row.bold):
        return False
    if all(row.shade != h.shade for h in header):
        return True
    return not any(h.bold for h in header) and _key([row])[0] not in _key(header)


def _widen(row: TableRow, columns: list[int], width: int) -> TableRow:
    """A continuation's row with its cells placed in the columns of the part above."""
    cells = [""] * width
    colors: list = [None] * width
    for i, j in enumerate(columns):
        cells[j] = row.cells[i]
        if i < len(row.colors):
            colors[j] = row.colors[i]
    marks = tuple((columns[c], color) for c, color in row.marks if c < len(columns))
    return replace(row, cells=tuple(cells), colors=tuple(colors) if row.colors else row.colors, marks=marks)


def _join_rows(upper: TableRow, lower: TableRow) -> TableRow:
    cells = tuple(join_lines([a, b]) for a, b in zip(upper.cells, lower.cells))
    return replace(upper, cells=cells, open_bottom=lower.open_bottom, marks=upper.marks + lower.marks)


def _start(part: PageTable) -> Table:
    table = Table([part])
    for row in part.rows:
        {"title": table.title, "header": table.header, "body": table.body}[row.role].append(row)
    table.notes.extend(part.notes)
    return table


def _extend(table: Table, part: PageTable) -> bool:
    """Add a continuation part to the table; False when its header shows it is a new table."""
    rows = list(part.rows)
    above = table.parts[-1]
    if part.columns != above.columns:
        columns = column_map(above.edges, part.edges)
        rows = [_widen(r, columns, above.columns) for r in rows]
    for k, row in enumerate(rows):
        if not _banding(row, table.header):
            break
        rows[k] = replace(row, role="body")
    if rows and table.body and (rows[0].open_top and table.body[-1].open_bottom or _goes_on_mid_sentence(rows[0])):
        # the rest of a row the page break cut, whatever its place at the top made it look like
        rows[0] = replace(rows[0], role="body")
    if rows and table.header and not table.body and (rows[0].role == "header" or rows[0].bold) \
            and _rest_of_header(rows[0]):
        # the page break cut the header row: "Antal deltagere" … / "(måltal)" …
        table.header[-1] = _join_rows(table.header[-1], rows[0])
        rows = rows[1:]
    lead = [r for r in rows if r.role != "body"]
    if lead:
        if _key(lead) != _key(table.title + table.header) and _key(lead) != _key(table.header):
            return False
        rows = [r for r in rows if r.role == "body"]  # the header printed again on the new page
    if rows and table.body and _rest_of_row(rows[0]):
        rows[0] = replace(rows[0], open_top=True)
        table.body[-1] = replace(table.body[-1], open_bottom=True)
    if rows and table.body and table.body[-1].open_bottom and rows[0].open_top:
        table.body[-1] = _join_rows(table.body[-1], rows[0])
        rows = rows[1:]
    table.body.extend(rows)
    table.notes.extend(part.notes)
    table.parts.append(part)
    return True


def merge_parts(parts_by_page: dict[int, list[PageTable]]) -> list[Table]:
    """Join the page parts of every table, in document order.

    Args:
        parts_by_page: page number → the tables found on it, top to bottom.
    RETURNS (list[Table]): the document's tables; notes-only parts are folded
        into the table above them.
    """
    tables: list[Table] = []
    prev: PageTable | None = None
    for number in sorted(parts_by_page):
        parts = parts_by_page[number]
        for i, part in enumerate(parts):
            joined = False
            if i == 0 and prev is not None and tables and prev.page == number - 1 and _compatible(prev, part):
                if part.notes_only:
                    tables[-1].notes.extend(part.notes)
                    joined = True
                else:
                    joined = _extend(tables[-1], part)
            if not joined and not part.notes_only:
                tables.append(_start(part))
            prev = part if not part.notes_only else prev
        if parts and not parts[-1].notes_only:
            prev = parts[-1]
    return tables
