"""Which column edges a row's text runs across, so that its cell spans them.

A printed line meets a column edge in one of three ways: a word stands over it,
two words stand a word space apart on either side of it, or a gap parts two
cells there. Tightly padded cells stand a word space apart too, so a gap counts
as a cell's where the next word starts where the column's lines start and the
gap is wider than the line's own word spaces, or where another line of the row
parts at the same edge. Two figures side by side ("60%" | "60%") are always two
cells': a cell's text does not run from one figure on to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from evalsearch.extract.lines import word_space
from evalsearch.model import Word

#: word starts this close (points) stand one above the other: a left-aligned column
ALIGNED_TOLERANCE = 0.8
#: two words at most this many ems apart may be one cell's text across an edge
SPAN_GAP_RATIO = 0.45


#: a word that ends a figure ("60%", "1.250", "%") and one that starts the next ("60%", "(15)")
FIGURE_END = re.compile(r"\d[%)]?$|^%$")
FIGURE_START = re.compile(r"\(?\d")

EdgeState = Literal["over", "close", "parted"]


def edge_states(line: Sequence[Word], edges: Sequence[float], starts: Sequence[float] = ()) -> dict[int, EdgeState]:
    """How a printed line meets each interior column edge it has words on both sides of: a word
    over the edge ("over"), two words a word space apart on either side of it ("close"), or a gap
    between cells ("parted"). Cells set with little padding stand a word space apart too: the gap
    is theirs when it is wider than the line's word spaces and the second word starts where the
    lines of a column start (``aligned_starts``); a line of running text under a table ("a: Tallet
    i parentes angiver …") keeps one width of space, wherever its words fall."""
    space = _word_space(line) if starts else 0.0
    out: dict[int, EdgeState] = {}
    for i in range(1, len(edges) - 1):
        e = edges[i]
        if any(a.x0 < e - 1 < a.x1 - 1 for a in line):
            out[i] = "over"
            continue
        for a, b in zip(line, line[1:]):
            if a.x1 <= e + 1 and b.x0 >= e - 1:
                # two figures side by side are two cells' ("60% | 60%"), however close
                close = b.x0 - a.x1 <= SPAN_GAP_RATIO * max(a.size, b.size) and not (
                    FIGURE_END.search(a.text) and FIGURE_START.match(b.text))
                padded = b.x0 - a.x1 > space + ALIGNED_TOLERANCE
                if close and not (padded and any(abs(b.x0 - s) <= ALIGNED_TOLERANCE for s in starts)):
                    out[i] = "close"
                else:
                    out[i] = "parted"
                break
    return out


def crossed_edges(line: Sequence[Word], edges: Sequence[float], starts: Sequence[float] = ()) -> set[int]:
    """Indexes of the interior column edges a printed line runs across (``edge_states``: a word over
    the edge, or two words a word space apart on either side of it)."""
    return {i for i, state in edge_states(line, edges, starts).items() if state != "parted"}


def row_crossed(lines: Sequence[Sequence[Word]], edges: Sequence[float], starts: Sequence[float]) -> set[int]:
    """The edges a row's cell spans: one a word runs over, or one its lines meet a word space apart
    where none of its lines shows the gap between two cells. Tightly padded cells leave a word space
    between them on some lines only ("85 % af deltagerne | 70 af de 82 borgere"); a cell spanning
    the edge has no line that parts there."""
    states = [edge_states(line, edges, starts) for line in lines]
    crossed = set()
    for i in range(1, len(edges) - 1):
        seen = {s[i] for s in states if i in s}
        if "over" in seen or ("close" in seen and "parted" not in seen):
            crossed.add(i)
    return crossed


def padded_words(line: Sequence[Word]) -> list[Word]:
    """The words of a printed line that stand further from the word before them than the line's
    word spaces: where a tightly padded cell's text may start."""
    space = _word_space(line)
    return [b for a, b in zip(line, line[1:]) if b.x0 - a.x1 > space + ALIGNED_TOLERANCE]


def _word_space(line: Sequence[Word]) -> float:
    """The line's usual word space, measured on at least three gaps narrow enough to be one."""
    return word_space(line, SPAN_GAP_RATIO, 3)
