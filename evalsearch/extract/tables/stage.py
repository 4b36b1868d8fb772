"""The record stage of tables: ``read_tables(context)`` fills ``goal_tables`` and ``other_tables``.

It takes the tables the layout stage found on each page (and kept out of the
text flow), joins the parts of tables split by page breaks, places each table under its caption and
in its section, and reads the goal tables' rows. A table under a figure
caption is a chart, not a table. The report's verdict sentences about a goal
are looked for in the paragraphs whose margin note or run-in heading names the
goal, and in sentences about all goals of the table ("alle … mål … er nået").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from evalsearch.danish import sentences
from evalsearch.extract.patterns import split_heading_number
from evalsearch.extract.tables.assessment import verdict_of
from evalsearch.extract.tables.merge import Table, merge_parts
from evalsearch.extract.tables.records import Placement, goal_tables, is_goal_table, other_table, column_roles, header_names
from evalsearch.extract.tables.terms import ALL_GOALS, FIGURE_CAPTION, GOAL_SUBJECT, KIND_SUBJECTS, TABLE_CAPTION
from evalsearch.model import Block

LABEL_MATCH = 80
CAPTION_LOOKBACK = 3


def block_text(block: Block) -> str:
    return f"{block.run_in} {block.text}" if block.run_in else block.text


def table_block(blocks: Sequence[Block], table: Table, part: int = 0) -> int | None:
    """Index of the placeholder block of one of the table's page parts (its first by default)."""
    first = table.parts[part]
    for i, b in enumerate(blocks):
        if b.role == "table" and b.page == first.page and abs(b.bbox[1] - first.bbox[1]) < 2:
            return i
    return None


def captions_below(tables: Sequence[Table]) -> bool:
    """Does the report set its table captions below the tables (as Word does by default)?

    Decided by the tables with a table caption on one side only: right under them, or right over
    them. A caption between two tables set close says nothing.
    """
    def side(caption: str | None) -> bool:
        return caption is not None and TABLE_CAPTION.match(caption) is not None

    below = sum(1 for t in tables if side(t.caption_below) and not side(t.caption_above))
    above = sum(1 for t in tables if side(t.caption_above) and not side(t.caption_below))
    return below > above


def _label(text: str) -> tuple[str | None, str | None, bool]:
    m = TABLE_CAPTION.match(text)
    if m is None:
        return None, None, False
    return m.group("label"), m.group("caption").strip() or None, False


def _caption_under(blocks: Sequence[Block], last: int | None, first_line: str) -> str:
    """The whole caption under the table whose first line is ``first_line``: the caption block
    that opens with it, among the few blocks after the table's last part."""
    start = last + 1 if last is not None else len(blocks)
    for b in blocks[start:start + CAPTION_LOOKBACK]:
        text = block_text(b).strip()
        if text.startswith(first_line):
            return text
    return first_line


def _opens_next_page(blocks: Sequence[Block], last: int | None) -> str | None:
    """A table caption that opens the page after a table's last part: a page break fell between
    the table and its caption below it."""
    if last is None or last + 1 >= len(blocks):
        return None
    b = blocks[last + 1]
    if b.role == "caption" and b.page == blocks[last].page + 1 and TABLE_CAPTION.match(b.text.strip()):
        return b.text.strip()
    return None


def caption_of(
    blocks: Sequence[Block], index: int | None, table: Table, below: bool = False, last: int | None = None,
    heads: frozenset[str] = frozenset(),
) -> tuple[str | None, str | None, bool]:
    """(label, caption, is_figure) of the caption just above the table, or just below it.

    ``below``: the report sets its captions below its tables. Then only the caption right under
    the table's last part (``last``: its block) names it; a caption above it is another table's.
    Otherwise a table with no caption above takes the one right under it, unless that caption
    stands over another table (``heads``: the captions right over tables).
    """
    if below:
        under = table.caption_below or _opens_next_page(blocks, last)
        if under is None:
            return None, None, False
        if FIGURE_CAPTION.match(under):
            return None, None, True  # a chart whose labels read as a table, its caption right under it
        return _label(_caption_under(blocks, last, under))
    if index is not None:
        for j in range(index - 1, max(-1, index - 1 - CAPTION_LOOKBACK), -1):
            b = blocks[j]
            if b.role in ("table", "heading"):
                break
            text = block_text(b).strip()
            if FIGURE_CAPTION.match(text):
                return None, None, True
            if TABLE_CAPTION.match(text) and b.role in ("caption", "paragraph"):
                return _label(text)
        if index + 1 < len(blocks) and blocks[index + 1].role == "caption" and TABLE_CAPTION.match(blocks[index + 1].text.strip()):
            return _label(blocks[index + 1].text.strip())
    if table.caption_above:
        if FIGURE_CAPTION.match(table.caption_above):
            return None, None, True
        if TABLE_CAPTION.match(table.caption_above):
            return _label(table.caption_above)
    under = table.caption_below
    if under is not None and TABLE_CAPTION.match(under) and under not in heads:
        return _label(_caption_under(blocks, last, under))
    return None, None, False


def _verdict_sentences(text: str) -> list[str]:
    if verdict_of(text) is None:
        return []
    return [s for s in sentences(text) if GOAL_SUBJECT.search(s.lower()) and verdict_of(s) is not None]


def kind_sentences(blocks: Sequence[Block]) -> dict[str, list[str]]:
    """Verdict sentences about all goals of one kind, anywhere in the report ("… formået at indfri
    både de forventede resultater og den forventede effekt"), by kind."""
    found: dict[str, list[str]] = {}
    for b in blocks:
        low = b.text.lower()
        if b.role not in ("paragraph", "bullet") or not any(p.search(low) for p in KIND_SUBJECTS.values()):
            continue
        if verdict_of(b.text) is None:
            continue
        for sentence in sentences(b.text):
            if verdict_of(sentence) is None:
                continue
            for kind, pattern in KIND_SUBJECTS.items():
                if pattern.search(sentence.lower()):
                    found.setdefault(kind, []).append(sentence)
    return found


class GoalText:
    """The report's sentences about the goals of one table: per goal, about all of them, and
    about all goals of their kind."""

    def __init__(self, blocks: Sequence[Block], section: str | None, by_kind: dict[str, list[str]]) -> None:
        self.groups: list[tuple[str, str]] = []  # (margin note or run-in heading, the text under it)
        self.table_wide: list[str] = []
        self.by_kind = by_kind
        self._split: list[tuple[str, list[str]]] | None = None
        label = None
        for b in blocks:
            if b.section != section or b.role not in ("paragraph", "bullet"):
                continue
            if ALL_GOALS.search(b.text.lower()):
                self.table_wide.extend(s for s in sentences(b.text) if ALL_GOALS.search(s.lower()))
            head = b.label or b.run_in
            if head:
                label = head
                self.groups.append((label, b.text))
            elif label is not None and self.groups:
                self.groups[-1] = (label, self.groups[-1][1] + " " + b.text)

    def about(self, goal_id: str | None, indicator: str, kind: str) -> list[str]:
        """Verdict sentences about one goal: those under a heading that names it (best match
        first), then those about every goal of the table, then those about all goals of its kind."""
        scored = []
        for head, verdicts in self._verdicts():
            score = fuzz.token_set_ratio(head, indicator.lower())
            if goal_id and goal_id.lower() in head.split():
                score = 100
            if score >= LABEL_MATCH:
                scored.append((score, verdicts))
        scored.sort(key=lambda x: -x[0])
        general = self.by_kind.get(kind.split("_")[0], [])
        return [s for _, verdicts in scored for s in verdicts] + self.table_wide + general

    def _verdicts(self) -> list[tuple[str, list[str]]]:
        """(lowercase heading, verdict sentences under it) of every group, split into sentences once."""
        if self._split is None:
            self._split = [(head.lower(), _verdict_sentences(text)) for head, text in self.groups]
        return self._split


def read_tables(context) -> None:
    """Record stage: fill ``document.goal_tables`` and ``document.other_tables``.

    Args:
        context (ExtractContext): the clean pages, their grid and the document's blocks.
    """
    document = context.document
    parts = context.page_tables  # read by the layout stage, which kept their words out of the text
    texts: dict[str | None, GoalText] = {}
    by_kind: dict[str, list[str]] | None = None
    tables = merge_parts(parts)
    below = captions_below(tables)
    heads = frozenset(t.caption_above for t in tables if t.caption_above)
    for table in tables:
        index = table_block(document.blocks, table)
        last = table_block(document.blocks, table, -1) if len(table.parts) > 1 else index
        label, caption, figure = caption_of(document.blocks, index, table, below, last, heads)
        if figure:
            continue
        block = document.blocks[index] if index is not None else None
        place = Placement(label, caption, block.section if block else None, block.section_title if block else None)
        names = header_names(table)
        roles = column_roles(names, table.body, table.columns)
        if is_goal_table(table, names, roles, place):
            if by_kind is None:
                by_kind = kind_sentences(document.blocks)
            if place.section not in texts:
                texts[place.section] = GoalText(document.blocks, place.section, by_kind)
            document.goal_tables.extend(goal_tables(table, place, texts[place.section].about))
            continue
        if caption is None and index and document.blocks[index - 1].role == "heading":
            # an appendix table set right under its heading ("B.4 BOMI – …") is named by it
            place = replace(place, caption=split_heading_number(document.blocks[index - 1].text)[1] or None)
        other = other_table(table, place)
        if other is not None:
            document.other_tables.append(other)
