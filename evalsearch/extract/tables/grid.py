"""A table region → columns and rows of cells, from the rules that draw it and the words in it.

The chain, each step a function of what it takes to what it returns:
``region_to_edges`` finds the column edges (vertical rules, the break points of
horizontal rules split per cell, shaded header cells, or the white gutters
between aligned text when nothing is drawn), ``region_to_bands`` cuts the
region at its horizontal rules, ``band_to_rows`` splits a band holding
several goals at the lines led by a goal id, and ``band_to_row`` puts every
word in the column it starts in and joins each cell's lines, rejoining words
hyphenated at line ends. A row whose text runs across a column edge (a title
row, a note spanning the table) is kept as one cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Literal

from evalsearch.extract.lines import join_lines, line_text, row_to_fragments, words_to_rows
from evalsearch.extract.patterns import BULLET_MARKERS
from evalsearch.extract.tables.spans import ALIGNED_TOLERANCE, row_crossed
from evalsearch.extract.tables.terms import COLOUR_SYMBOLS, GOAL_ID, MET_SYMBOLS, UNMET_SYMBOLS
from evalsearch.model import BBox, Line, PageContent, Word

RowRole = Literal["title", "header", "body"]
Color = tuple[float, ...] | None

EDGE_TOLERANCE = 1.5
MIN_COLUMN_WIDTH = 12.0
#: a column's text starts where this many lines start a word, ``ALIGNED_TOLERANCE`` apart
ALIGNED_MIN_LINES = 4
ROW_GAP_RATIO = 1.45
#: a list marker hangs at most this many ems left of its column's text
MARKER_HANG_EMS = 2.5
_MARKUP = re.compile(r"^\|?\s*\{\d+\}\s*")  # a colspan marker left in the text layer: "| {2}Jobcenter"


@dataclass(frozen=True)
class TableRow:
    """One row of a table as printed on one page.

    ``open_top``/``open_bottom``: no rule closes the row on that side, so a page
    break may have cut it in two. ``marks``: (column, colour) of each small
    coloured symbol drawn in the row.
    """

    cells: tuple[str, ...]
    top: float
    bottom: float
    role: RowRole = "body"
    shaded: bool = False
    bold: bool = False
    open_top: bool = False
    open_bottom: bool = False
    marks: tuple[tuple[int, Color], ...] = ()
    colors: tuple[Color, ...] = ()
    page: int = 0
    #: the colour of the shading behind the row (None: not shaded, or shaded in the default colour)
    shade: Color = None

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]


@dataclass(frozen=True)
class Note:
    """A legend or note line printed under a table, with the colour of the symbol before it."""

    text: str
    color: Color = None


@dataclass(frozen=True)
class PageTable:
    """The part of a table printed on one page: its box, column edges, rows and notes."""

    page: int
    bbox: BBox
    edges: tuple[float, ...]
    rows: tuple[TableRow, ...]
    size: float
    pitch: float
    ruled: bool = True
    notes: tuple[Note, ...] = ()
    at_top: bool = False
    at_bottom: bool = False
    notes_only: bool = False
    caption_above: str | None = None
    caption_below: str | None = None

    @property
    def columns(self) -> int:
        return len(self.edges) - 1


def words_outside(words: Sequence[Word], boxes: Sequence[BBox]) -> list[Word]:
    """Words that none of the boxes holds."""
    return [w for w in words if not any(words_in([w], b) for b in boxes)]


def words_in(words: Sequence[Word], box: BBox, pad: float = 1.0) -> list[Word]:
    """Words whose centre lies inside the box."""
    return [
        w
        for w in words
        if box[0] - pad <= (w.x0 + w.x1) / 2 <= box[2] + pad and box[1] - pad <= (w.top + w.bottom) / 2 <= box[3] + pad
    ]


def _cluster(values: Sequence[float], tolerance: float = EDGE_TOLERANCE) -> list[tuple[float, int]]:
    """Sorted (mean value, count) clusters of nearby values."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [(sum(c) / len(c), len(c)) for c in out]


def _segments(page: PageContent, box: BBox) -> list[tuple[float, float, float]]:
    """Horizontal strokes and shaded-cell edges inside the box, as (y, x0, x1), unmerged."""
    x0, top, x1, bottom = box
    segs = [
        ((r.top + r.bottom) / 2, r.x0, r.x1)
        for r in page.rules
        if r.horizontal and top - 2 <= (r.top + r.bottom) / 2 <= bottom + 2 and r.x1 > x0 - 2 and r.x0 < x1 + 2
    ]
    for f in page.fills:
        if top - 2 <= f.top and f.bottom <= bottom + 2 and f.x1 > x0 - 2 and f.x0 < x1 + 2:
            segs.append((f.top, f.x0, f.x1))
    return segs


def rule_edges(page: PageContent, box: BBox) -> list[float]:
    """Interior column edges drawn by the table: vertical rules and the break points of split rules."""
    x0, top, x1, bottom = box
    height = max(bottom - top, 1.0)
    inner = lambda x: x0 + 3 < x < x1 - 3  # noqa: E731
    verticals = [
        ((r.x0 + r.x1) / 2, min(r.bottom, bottom) - max(r.top, top))
        for r in page.rules
        if not r.horizontal and inner((r.x0 + r.x1) / 2) and r.bottom > top and r.top < bottom
    ]
    edges: list[float] = []
    for x, n in _cluster([x for x, _ in verticals]):
        covered = sum(length for vx, length in verticals if abs(vx - x) <= EDGE_TOLERANCE)
        if covered >= 0.3 * height:
            edges.append(x)
    ends: list[tuple[float, float]] = []
    segments = _segments(page, box)
    for y, sx0, sx1 in segments:
        for x in (sx0, sx1):
            if inner(x):
                ends.append((x, round(y, 1)))
    # a box with one rule only (a header row left alone at the page's end) is split by that rule's breaks
    needed = 1 if len({round(y) for y, _, _ in segments}) == 1 else 2
    for x, _ in _cluster([x for x, _ in ends]):
        rows = {y for ex, y in ends if abs(ex - x) <= EDGE_TOLERANCE}
        if len(rows) >= needed and not any(abs(x - e) < MIN_COLUMN_WIDTH for e in edges):
            edges.append(x)
    return sorted(edges)


def gutter_edges(words: Sequence[Word], box: BBox, page: int, column_gap: float) -> list[float]:
    """Column starts found from text alone: x positions where several rows start a fragment
    and no word of any multi-fragment row runs across."""
    rows = words_to_rows(words)
    starts: list[float] = []
    for row in rows:
        frags = row_to_fragments(row, page, column_gap)
        if len(frags) > 1:
            starts.extend(f.x0 for f in frags[1:])
    edges = []
    for x, count in _cluster(starts, 3.0):
        if count < 2 or x <= box[0] + MIN_COLUMN_WIDTH:
            continue
        left = min(s for s in starts if abs(s - x) <= 3.0)
        blocked = sum(1 for row in rows for w in row if w.x0 < left - 1 < w.x1)
        if blocked <= max(1, len(rows) // 10):
            edges.append(left - 1.0)
    return _before_markers(edges, words)


def _before_markers(edges: list[float], words: Sequence[Word]) -> list[float]:
    """Move a column's edge left of the list markers ("›", "•") hung before its text: a marker
    stands in the gutter, and the text it leads is in the column to its right."""
    markers = [w for w in words if w.text in BULLET_MARKERS]
    if not markers:
        return edges
    out: list[float] = []
    for edge in edges:
        hung = [m for m in markers if edge - MARKER_HANG_EMS * m.size <= m.x0 and m.x1 <= edge + 2.0]
        moved = min((m.x0 for m in hung), default=edge + 1.0) - 1.0
        if moved < edge and not any(w.x0 < moved < w.x1 for w in words):
            edge = moved
        if not out or edge - out[-1] >= MIN_COLUMN_WIDTH:
            out.append(edge)  # the edge at the text of the markers moved before it goes
    return out


#: share of a row's letters set in bold that makes the row bold
BOLD_SHARE = 0.8


def is_bold(words: Sequence[Word]) -> bool:
    """Are (nearly) all the letters of these words bold? False for no words."""
    letters = sum(len(w.text) for w in words)
    return letters > 0 and sum(len(w.text) for w in words if w.bold) >= BOLD_SHARE * letters


def _strip_marker(text: str) -> tuple[str, bool]:
    """Take a list marker ("›", "•") off a cell line; say whether there was one."""
    text = _MARKUP.sub("", text.strip())
    if text[:1] in BULLET_MARKERS and (len(text) == 1 or text[1] == " "):
        return text[1:].strip(), True
    return text, False


def cell_text(words: Sequence[Word], page: int) -> str:
    """The text of one cell: its printed lines joined, line-end hyphens rejoined, list markers dropped."""
    items: list[list[str]] = []
    for row in words_to_rows(words):
        text, bullet = _strip_marker(line_text(Line(tuple(row), page)))
        if not text:
            continue
        if bullet or not items:
            items.append([text])
        else:
            items[-1].append(text)
    return " ".join(join_lines(item) for item in items)


def aligned_starts(words: Sequence[Word]) -> list[float]:
    """The x positions where several lines of a table start a word, one above the other (the left
    edges of its columns' text); the first column's edge is the table's and is left out."""
    if not words:
        return []
    first = min(w.x0 for w in words)
    return [min(x for x in (w.x0 for w in words) if abs(x - mean) <= ALIGNED_TOLERANCE)
            for mean, count in _cluster([w.x0 for w in words], ALIGNED_TOLERANCE)
            if count >= ALIGNED_MIN_LINES and mean > first + MIN_COLUMN_WIDTH]


def column_of(x: float, edges: Sequence[float]) -> int:
    for i in range(len(edges) - 2, -1, -1):
        if x >= edges[i] - EDGE_TOLERANCE:
            return i
    return 0


def _walled(page: PageContent, edges: Sequence[float], top: float, bottom: float) -> set[int]:
    """Indexes of the interior edges where a vertical rule runs down the whole row."""
    walls = [r for r in page.rules if not r.horizontal and r.top <= top + 2 and r.bottom >= bottom - 2]
    return {i for i in range(1, len(edges) - 1) if any(abs((r.x0 + r.x1) / 2 - edges[i]) <= EDGE_TOLERANCE for r in walls)}


def band_to_row(
    words: Sequence[Word],
    edges: Sequence[float],
    page: PageContent,
    top: float,
    bottom: float,
    starts: Sequence[float] = (),
) -> TableRow:
    """Cells of one row: each word in the column its first letter stands in. ``starts``: where the
    table's columns start their lines (``aligned_starts``)."""
    lines = words_to_rows(words)
    n = len(edges) - 1
    marks = tuple(
        (column_of(m.x0, edges), m.color)
        for m in page.marks
        if top - 1 <= (m.top + m.bottom) / 2 <= bottom + 1 and edges[0] - 1 <= m.x0 <= edges[-1] + 1
    )
    shades = [
        f.color
        for f in page.fills
        if f.x0 < edges[-1] and f.x1 > edges[0]
        and f.top <= top + 2 and f.bottom >= bottom - 2 and f.x1 - f.x0 >= 0.3 * (edges[-1] - edges[0])
    ]
    bold = is_bold(words)
    crossed = row_crossed(lines, edges, starts)
    if crossed:
        crossed -= _walled(page, edges, top, bottom)  # a drawn wall parts the cells however close their words
    # A cell spanning several columns: its words go to the first column it covers.
    owner = list(range(n))
    for i in range(1, n):
        if i in crossed:
            owner[i] = owner[i - 1]
    by_column: list[list[Word]] = [[] for _ in range(n)]
    for w in words:
        by_column[owner[column_of(w.x0, edges)]].append(w)
    cells = tuple(cell_text(ws, page.number) for ws in by_column)
    colors = tuple(_first_color(ws) for ws in by_column)
    return TableRow(cells, top, bottom, shaded=bool(shades), bold=bold, marks=marks, colors=colors, page=page.number,
                    shade=shades[0] if shades else None)


#: symbols a status cell may open with, coloured or not
_VERDICT_SYMBOLS = COLOUR_SYMBOLS | MET_SYMBOLS | UNMET_SYMBOLS


def _first_color(words: Sequence[Word]) -> Color:
    """The colour of the symbol a cell opens with ("●" in green), or None for a cell of text."""
    if not words:
        return None
    first = min(words, key=lambda w: (round(w.top), w.x0))
    return first.color if first.text[:1] in _VERDICT_SYMBOLS else None


def region_to_bands(page: PageContent, box: BBox) -> list[tuple[float, float, bool, bool]]:
    """Cut the region at its horizontal rules: (top, bottom, ruled above, ruled below) per band."""
    width = box[2] - box[0]
    merged: dict[float, float] = {}
    for y, sx0, sx1 in _segments(page, box):
        key = next((k for k in merged if abs(k - y) <= EDGE_TOLERANCE), round(y, 1))
        merged[key] = merged.get(key, 0.0) + (min(sx1, box[2]) - max(sx0, box[0]))
    ys = sorted(y for y, length in merged.items() if length >= 0.45 * width)
    cuts = [y for y in ys if box[1] - 2 <= y <= box[3] + 2]
    if not cuts:
        return [(box[1], box[3], False, False)]
    bands = []
    if cuts[0] > box[1] + 2:
        bands.append((box[1], cuts[0], False, True))
    bands.extend((a, b, True, True) for a, b in zip(cuts, cuts[1:]))
    if cuts[-1] < box[3] - 2:
        bands.append((cuts[-1], box[3], True, False))
    return bands


def band_to_rows(words: Sequence[Word], edges: Sequence[float], split_gaps: bool) -> list[tuple[float, float]]:
    """Split one band into rows at the lines led by a goal id, and (rule-less tables) at wide gaps."""
    lines = words_to_rows(words)
    if not lines:
        return []
    first_col = lambda line: [w for w in line if column_of(w.x0, edges) == 0]  # noqa: E731
    starts = [0]
    tops = [min(w.top for w in line) for line in lines]
    steps = [b - a for a, b in zip(tops, tops[1:])]
    usual = median(steps) if steps else 0.0
    for i in range(1, len(lines)):
        lead = first_col(lines[i])
        led_by_id = bool(lead) and lead[0].x0 <= edges[0] + 12 and GOAL_ID.match(lead[0].text) is not None
        wide_gap = split_gaps and usual > 0 and steps[i - 1] > ROW_GAP_RATIO * usual and len(lines) > 2
        if led_by_id or wide_gap:
            starts.append(i)
    rows = []
    for a, b in zip(starts, starts[1:] + [len(lines)]):
        part = [w for line in lines[a:b] for w in line]
        rows.append((min(w.top for w in part) - 0.5, max(w.bottom for w in part) + 0.5))
    return rows


def line_pitch(words: Sequence[Word], edges: Sequence[float]) -> float:
    """The usual step from one printed line to the next inside the table's cells."""
    steps: list[float] = []
    for i in range(len(edges) - 1):
        column = [w for w in words if column_of(w.x0, edges) == i]
        rows = words_to_rows(column)
        for upper, lower in zip(rows, rows[1:]):
            step = min(w.top for w in lower) - min(w.top for w in upper)
            if 0 < step <= 1.9 * max(w.size for w in upper):
                steps.append(step)
    if steps:
        return median(steps)
    return 1.3 * median(w.size for w in words) if words else 10.0
