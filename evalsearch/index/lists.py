"""Paragraph blocks → passage units: a bullet read together with what it depends on.

A list item often means nothing alone: "› Tværfagligt og tværsektorielt
samarbejde." says what it is about only under its lead-in "De tre projekter
har det til fælles, at de alle har fokus på:". So

* a list of short items (each at most ``ITEM_WORDS`` words, all together at
  most ``LIST_WORDS``) is one unit with its lead-in, when none of them is a
  lesson (a lesson stays a passage of its own: it is a record people search
  for one by one);
* any other item whose text goes on with the unfinished sentence of the
  lead-in or of the item above it ("› … som ikke er lykkedes med" ›
  "› at få etableret en samarbejdsaftale") has that sentence as its
  ``lead``, put in front of its text in the passage;
* every other paragraph is a unit of its own.

A lead-in is the paragraph right before the list, in the same section, whose
last sentence is unfinished (it ends in a colon, a comma or a word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evalsearch.model import Block

#: a block of this role is a paragraph passage
PARAGRAPH_ROLES = ("paragraph", "bullet")
#: the longest item of a list read as one unit
ITEM_WORDS = 30
#: the most words the items of a list read as one unit hold together
LIST_WORDS = 120

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“”«A-ZÆØÅ])")


@dataclass(frozen=True)
class Unit:
    """Blocks (their places in the document's block list) that make one passage, in order."""

    members: tuple[int, ...]
    #: the unfinished sentence the one member completes, to go in front of its text
    lead: str | None = None


def is_unfinished(text: str) -> bool:
    """Does the paragraph stop in the middle of a sentence, handing over to a list?

    >>> is_unfinished("De tre projekter har det til fælles, at de alle har fokus på:")
    True
    >>> is_unfinished("Projektet blev afsluttet i 2018.")
    False
    """
    text = text.rstrip()
    return bool(text) and (text[-1] in ":," or text[-1].isalnum())


def last_sentence(text: str) -> str:
    """The last sentence of a paragraph.

    >>> last_sentence("Det var svært. Og her især hos dem, som ikke er lykkedes med")
    'Og her især hos dem, som ikke er lykkedes med'
    """
    return _SENTENCE_END.split(text.strip())[-1]


def _words(block: Block) -> int:
    return len(_WORD.findall(block.text))


def _lead_in(blocks: Sequence[Block], first: int) -> int | None:
    """The place of the lead-in of the list that starts at ``first``, if it has one."""
    if first == 0:
        return None
    before = blocks[first - 1]
    if before.role != "paragraph" or before.section != blocks[first].section:
        return None
    return first - 1 if is_unfinished(before.text) else None


def _list_end(blocks: Sequence[Block], first: int) -> int:
    end = first
    while end < len(blocks) and blocks[end].role == "bullet" and blocks[end].section == blocks[first].section:
        end += 1
    return end


def passage_units(blocks: Sequence[Block], is_lesson: Callable[[int], bool]) -> list[Unit]:
    """Cut the paragraph and bullet blocks of a document into passage units (module docstring).

    Args:
        blocks (Sequence[Block]): all blocks of the document, in reading order.
        is_lesson (Callable[[int], bool]): whether the block at a place holds a lesson.

    RETURNS (list[Unit]): every paragraph and bullet block in exactly one unit, in reading order.
    """
    units: list[Unit] = []
    place = 0
    while place < len(blocks):
        if blocks[place].role not in PARAGRAPH_ROLES:
            place += 1
            continue
        if blocks[place].role == "paragraph":
            end = place + 1
            if end < len(blocks) and blocks[end].role == "bullet" and _lead_in(blocks, end) == place:
                units.extend(_list_units(blocks, place, end, is_lesson))
                place = _list_end(blocks, end)
            else:
                units.append(Unit((place,)))
                place = end
            continue
        end = _list_end(blocks, place)
        units.extend(_list_units(blocks, None, place, is_lesson))
        place = end
    return units


def _list_units(blocks: Sequence[Block], lead_in: int | None, first: int,
                is_lesson: Callable[[int], bool]) -> list[Unit]:
    items = range(first, _list_end(blocks, first))
    members = ([lead_in] if lead_in is not None else []) + list(items)
    short = (
        len(items) > 1
        and all(_words(blocks[i]) <= ITEM_WORDS for i in items)
        and sum(_words(blocks[i]) for i in items) <= LIST_WORDS
        and not any(is_lesson(i) for i in members)
    )
    if short:
        return [Unit(tuple(members))]
    units = [Unit((lead_in,))] if lead_in is not None else []
    lead = last_sentence(blocks[lead_in].text) if lead_in is not None else None
    for item in items:
        text = blocks[item].text.strip()
        if lead is not None and text[:1].islower():
            units.append(Unit((item,), lead))
            continue
        units.append(Unit((item,)))
        if is_unfinished(text):  # an item that hands over to sub-items of its own
            lead = last_sentence(text)
    return units
