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
#: a caption set below a chart stands at most this many of its sizes under it
CAPTION_GAP = 3.0


def block_text(block: Block) -> str:
    return f"{block.run_in} {block.text}" if block.run_in else block.text


def table_block(blocks: Sequence[Block], table: Table, part: int = 0) -> int | None:
    """Index of the placeholder block of one of the table's page parts (its first by default)."""
    first = table.parts[part]
    for i, b in enumerate(blocks):
        if b.role == "table" and b.page == first.page and abs(b.bbox[1] - first.bbox[1]) < 2:
            return i
    return None


def _table_caption(block: Block) -> bool:
    return block.role in ("caption", "paragraph") and TABLE_CAPTION.match(block_text(block).strip()) is not None


def captions_below(blocks: Sequence[Block]) -> bool:
    """Does the report set its table captions below the tables (as Word does by default)?

    Decided by the captions that stand next to one table only: right under it, or right over it.
    A paragraph that opens with a table's label ("Tabel 3-1 viser, at …") does not vote.
    """
    below = above = 0
    for i, b in enumerate(blocks):
        if b.role != "caption" or not _table_caption(b):
            continue
        after_table = i > 0 and blocks[i - 1].role == "table"
        before_table = i + 1 < len(blocks) and blocks[i + 1].role == "table"
        below += after_table and not before_table
        above += before_table and not after_table
    return below > above


def _right_under(block: Block, caption: Block) -> bool:
    """Does the caption stand right under the block, nothing drawn between them (a chart)?"""
    return caption.page == block.page and caption.bbox[1] - block.bbox[3] <= CAPTION_GAP * caption.size


def _label(text: str) -> tuple[str | None, str | None, bool]:
    m = TABLE_CAPTION.match(text)
    return m.group("label"), m.group("caption").strip() or None, False


def caption_of(
    blocks: Sequence[Block], index: int | None, table: Table, below: bool = False, last: int | None = None
) -> tuple[str | None, str | None, bool]:
    """(label, caption, is_figure) of the caption just above the table, or just below it.

    ``below``: the report sets its captions below its tables. Then the caption under the table's
    last part (``last``) comes first, and a caption set right under another table is that table's.
    """
    end = last if last is not None else index
    under = blocks[end + 1] if end is not None and end + 1 < len(blocks) else None
    if below and under is not None:
        if _table_caption(under):
            return _label(block_text(under).strip())
        if FIGURE_CAPTION.match(under.text.strip()) and _right_under(blocks[end], under):
            return None, None, True  # a chart whose labels read as a table, its caption right under it
    if index is not None:
        for j in range(index - 1, max(-1, index - 1 - CAPTION_LOOKBACK), -1):
            b = blocks[j]
            if b.role in ("table", "heading"):
                break
            if below and j > 0 and blocks[j - 1].role == "table":
                break  # the caption of the table above
            text = block_text(b).strip()
            if FIGURE_CAPTION.match(text):
                if below:
                    break  # the caption of a chart above
                return None, None, True
            if TABLE_CAPTION.match(text) and b.role in ("caption", "paragraph"):
                return _label(text)
        if index + 1 < len(blocks) and blocks[index + 1].role == "caption" and TABLE_CAPTION.match(blocks[index + 1].text.strip()):
            return _label(blocks[index + 1].text.strip())
    if table.caption_above and not below:
        if FIGURE_CAPTION.match(table.caption_above):
            return None, None, True
        if TABLE_CAPTION.match(table.caption_above):
            return _label(table.caption_above)
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
    below = captions_below(document.blocks)
    for table in merge_parts(parts):
        index = table_block(document.blocks, table)
        last = table_block(document.blocks, table, -1) if len(table.parts) > 1 else index
        label, caption, figure = caption_of(document.blocks, index, table, below, last)
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
