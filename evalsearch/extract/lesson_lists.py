"""Lists as lessons: items, sub-items, continuation paragraphs and bold lead sentences.

A list is a run of list-item blocks, with the paragraphs that stand between
two items (a second paragraph of the item above, set without a marker and
not left of it). A paragraph set at the marker's place rather than indented
under the item's text goes on with the item only when it states no learning
of its own: Word sets bullets on the body margin, and a paragraph there is
body text again ("For de fire projekter … En overordnet erfaring er, at …").
Items set further right than the list's first level are sub-items:

* an item that ends in ":" or in "at" ("Det er projektets erfaringer, at")
  reads on into its sub-items, and item plus sub-items are one lesson;
* otherwise each sub-item is a lesson of its own, under the item's heading.

An item that opens with a bold sentence ("› **Et solidt forarbejde … er
afgørende.** En stor del af projekterne …") has that sentence as its heading;
the lesson is the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evalsearch.danish.lesson_cues import read_cues
from evalsearch.extract.layout import inside
from evalsearch.extract.lines import join_lines, line_text, words_to_rows
from evalsearch.model import Block, Line, PageContent, Word

#: a sub-item is set at least this far (points) right of the list's first level
INDENT_STEP = 3.0
#: what a paragraph that stands as a lesson of its own states (``lesson_cues`` labels)
OWN_LESSON = frozenset({"learning", "advice", "hindsight"})
LEAD_END = (".", ":", "!", "?")
_READS_ON = re.compile(r"(?:[:]|\bat:?)$")


@dataclass(frozen=True)
class ListItem:
    """One lesson read from a list: its text, its bold lead, the margin note beside it, its page."""

    text: str
    lead: str | None
    label: str | None
    page: int


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


def _strip_prefix(text: str, prefix: str) -> str | None:
    """``text`` without ``prefix``, comparing both without spaces and hyphens (line breaks differ)."""
    target = len(_squeeze(prefix))
    seen = 0
    for pos, ch in enumerate(text):
        if seen == target:
            rest = text[pos:].strip()
            return rest if _squeeze(text[:pos]) == _squeeze(prefix) else None
        if not (ch.isspace() or ch in "-\u00ad"):
            seen += 1
    return None


def bold_lead(block: Block, page: PageContent | None) -> tuple[str | None, str]:
    """Split a bold lead sentence off a block: (lead, rest), or (None, text).

    Args:
        block (Block): a list item or paragraph.
        page (PageContent | None): the page the block starts on (furniture removed).
    """
    if page is None:
        return None, block.text
    words: list[Word] = [w for w in page.words if inside(w, block.bbox)]
    rows = words_to_rows(words)
    lead_rows: list[str] = []
    done = False
    first = True
    for row in rows:
        taken: list[Word] = []
        for w in row:
            if first and block.marker and w.text.startswith(block.marker):
                first = False
                if w.text == block.marker:
                    continue
            first = False
            if not w.bold:
                done = True
                break
            taken.append(w)
        if taken:
            lead_rows.append(line_text(Line(tuple(taken), block.page)))
        if done:
            break
    if not done or not lead_rows:
        return None, block.text
    lead = join_lines(lead_rows)
    if block.marker and lead.startswith(block.marker):
        lead = lead[len(block.marker) :].strip()
    if len(lead.split()) < 2 or not lead.endswith(LEAD_END):
        return None, block.text
    rest = _strip_prefix(block.text, lead)
    if not rest:
        return None, block.text
    return lead, rest


def _run_end(blocks: list[Block], start: int) -> int:
    """Index after the last block of the list that starts at ``start``."""
    end = start
    while end < len(blocks):
        b = blocks[end]
        if b.role == "bullet":
            end += 1
            continue
        between = b.role == "paragraph" and end + 1 < len(blocks) and blocks[end + 1].role == "bullet"
        # a paragraph set left of the item's marker is the body text again, not the item's second paragraph
        under_item = end > start and b.bbox[0] >= blocks[end - 1].bbox[0] - 1
        at_marker = under_item and b.bbox[0] < blocks[end - 1].bbox[0] + INDENT_STEP
        if at_marker and read_cues(b.text).labels & OWN_LESSON:
            break
        if between and under_item and not b.label and not b.text.rstrip().endswith(":"):
            end += 1
            continue
        break
    return end


def group_list(blocks: list[Block], start: int, pages: dict[int, PageContent]) -> tuple[list[ListItem], int]:
    """Read the list that starts at ``blocks[start]`` into lesson items.

    RETURNS: (the items, the index of the first block after the list).
    """
    end = _run_end(blocks, start)
    run = blocks[start:end]
    top = min(b.bbox[0] for b in run if b.role == "bullet")
    groups: list[tuple[Block, list[Block], list[Block]]] = []  # item, sub-items, continuation paragraphs
    for b in run:
        deeper = b.role == "bullet" and b.bbox[0] > top + INDENT_STEP
        if b.role == "paragraph":
            if groups and not groups[-1][1]:
                groups[-1][2].append(b)
            else:
                groups.append((b, [], []))
        elif deeper and groups:
            groups[-1][1].append(b)
        else:
            groups.append((b, [], []))
    items: list[ListItem] = []
    for item, subs, extra in groups:
        lead, text = bold_lead(item, pages.get(item.page)) if item.role == "bullet" else (None, item.text)
        lead = lead or item.run_in
        text = join_lines([text] + [p.text for p in extra]) if extra else text
        if subs and _READS_ON.search(text.rstrip()):
            items.append(ListItem(" ".join([text] + [s.text for s in subs]), lead, item.label, item.page))
            continue
        items.append(ListItem(text, lead, item.label, item.page))
        items.extend(ListItem(s.text, lead, s.label, s.page) for s in subs)
    return items, end
