"""Margin notes: the short labels in a left column beside the paragraphs they name.

A report in the house style sets a note beside the first line of its paragraph
("Praksisnært forløb" | "Det er essentielt, at …"). So a note both labels a
block and shows where one starts, where nothing else may: justified paragraphs
set without space between them, the last line of one filling the measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median

from evalsearch.extract.lines import join_lines, line_text
from evalsearch.model import Block, Line

#: a note's lines follow each other at most this many times their size apart
NOTE_LINE_STEP = 1.7
#: a step between two lines this share off the usual one parts two notes
STEP_SLACK = 0.15
#: a note opens beside a body line when their tops are at most this share of the line's size apart
BESIDE = 0.3


@dataclass(frozen=True)
class MarginNote:
    text: str
    page: int
    top: float
    bottom: float


def lines_to_notes(lines: list[Line]) -> list[MarginNote]:
    """Group margin-column lines that follow each other closely, at the page's usual step between
    note lines, into notes. A long note may run down to the next one beside a short paragraph:
    then the step between them is off the usual one ("erfaringer" / "Målrettede forløb for")."""
    ordered = sorted(lines, key=lambda l: l.top)
    steps = [b.top - a.top for a, b in zip(ordered, ordered[1:]) if 0 < b.top - a.top <= NOTE_LINE_STEP * b.size]
    usual = median(steps) if steps else None
    notes: list[MarginNote] = []
    group: list[Line] = []
    for line in ordered:
        step = line.top - group[-1].top if group else 0.0
        if group and (step > NOTE_LINE_STEP * line.size or (usual and abs(step - usual) > STEP_SLACK * usual)):
            notes.append(_note(group))
            group = []
        group.append(line)
    if group:
        notes.append(_note(group))
    return notes


def _note(group: list[Line]) -> MarginNote:
    text = join_lines([line_text(l) for l in group])
    return MarginNote(text, group[0].page, group[0].top, group[-1].bottom)


def _beside(note: MarginNote, top: float, size: float) -> bool:
    """Does the note start on the row of a line of this top and size?"""
    return abs(note.top - top) <= BESIDE * size


def opens_beside_note(line: Line, notes: Sequence[MarginNote]) -> bool:
    """Does a margin note start on this body line's row?"""
    return any(_beside(note, line.top, line.size) for note in notes)


def attach_notes(blocks: list[Block], notes: list[MarginNote]) -> tuple[list[Block], list[MarginNote]]:
    """Make each margin note the label of the block it stands beside.

    RETURNS: the labelled blocks and the notes left over (printed below the last
    block of the page; they label the first block of the next page).
    """
    out = list(blocks)
    leftover: list[MarginNote] = []
    labelled = [i for i, b in enumerate(out) if b.role in ("paragraph", "bullet", "heading")]
    for note in notes:
        # the block the note opens beside; else the first that reaches down to it (a note set
        # a little below its block's first line, or under the page's last block)
        target = next((i for i in labelled if _beside(note, out[i].bbox[1], out[i].size)), None)
        if target is None:
            target = next((i for i in labelled if out[i].bbox[3] >= note.top - 2), None)
        if target is None:
            leftover.append(note)
            continue
        b = out[target]
        label = note.text if b.label is None else f"{b.label} {note.text}"
        out[target] = replace(b, label=label)
    return out, leftover
