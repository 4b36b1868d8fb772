"""Parts of one table printed on consecutive pages → one table.

A table that ends its page continues on the next one when the next page opens
with a table of the same columns and nothing above it. A header row printed
again at the top of the continuation is dropped; a row the page break cut in
two (no rule under its first part, none above its second) is joined back
cell by cell. Note lines carried over to the next page join the table's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from evalsearch.extract.lines import join_lines
from evalsearch.extract.tables.grid import Note, PageTable, TableRow
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
    def rows(self) -> list[TableRow]:
        return self.title + self.header + self.body


def _key(rows: Sequence[TableRow]) -> list[str]:
    return [" ".join(" ".join(r.cells).lower().split()) for r in rows]


def _compatible(prev: PageTable, cur: PageTable) -> bool:
    if not (prev.at_bottom and cur.at_top) or cur.caption_above:
        return False
    if cur.notes_only:
        return True
    if prev.columns != cur.columns:
        return False
    return all(abs(a - b) <= EDGE_MATCH for a, b in zip(prev.edges, cur.edges))


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
    lead = [r for r in rows if r.role != "body"]
    if lead:
        if _key(lead) != _key(table.title + table.header) and _key(lead) != _key(table.header):
            return False
        rows = [r for r in rows if r.role == "body"]
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
