"""Where tables stand on a page: ruled regions, and rule-less runs of goal rows.

Report tables have horizontal rules (often no vertical ones) and sometimes a
shaded header row. Rules that overlap horizontally and follow each other down
the page at most a tall row apart form one table, provided the text between
them is laid out in columns. A table drawn without any rules is found from its
text: printed rows led by a goal id ("A1:", "B2") whose cells stand in aligned
columns, over several rows, or rows cut into three or more columns whose left
edges line up (a theory-of-change table of "›" bullets, say).
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.extract.tables.captions import is_caption
from evalsearch.extract.tables.grid import is_bold
from evalsearch.extract.tables.pagefoot import header_at_page_foot
from evalsearch.extract.tables.prose import prose_rows
from evalsearch.extract.tables.terms import GOAL_ID, SOURCE_START, TABLE_CAPTION
from evalsearch.extract.patterns import TOC_LINE
from evalsearch.model import BBox, Fill, Line, PageContent, Rule, Word, join_words

MIN_RULE_LENGTH = 40.0
MAX_ROW_HEIGHT = 560.0
MERGE_TOLERANCE = 2.0
ALIGN_TOLERANCE = 3.0
MIN_GOAL_ROWS = 2
#: a rule-less table of plain columns needs this many rows cut into this many columns
MIN_ALIGNED_ROWS = 3
MIN_ALIGNED_COLUMNS = 3
#: a column's lines start within this distance of each other (a "›" bullet and its wrapped lines)
COLUMN_TOLERANCE = 12.0


#: the shortest empty band (points) between two full-grid tables; double rules stand closer
GRID_GAP_MIN = 4.0


def horizontal_rules(rules: Sequence[Rule], fills: Sequence[Fill]) -> list[tuple[float, float, float]]:
    """Horizontal strokes as (y, x0, x1), with touching segments of one rule merged."""
    segs = [((r.top + r.bottom) / 2, r.x0, r.x1) for r in rules if r.horizontal and r.x1 - r.x0 >= 5]
    for f in fills:
        # A shaded header row bounds the table as a rule would.
        segs.append((f.top, f.x0, f.x1))
        segs.append((f.bottom, f.x0, f.x1))
    segs.sort()
    merged: list[list[float]] = []
    for y, x0, x1 in segs:
        if merged and abs(merged[-1][0] - y) <= MERGE_TOLERANCE and x0 <= merged[-1][2] + MERGE_TOLERANCE:
            merged[-1][2] = max(merged[-1][2], x1)
            merged[-1][1] = min(merged[-1][1], x0)
        else:
            merged.append([y, x0, x1])
    return [(y, x0, x1) for y, x0, x1 in merged if x1 - x0 >= MIN_RULE_LENGTH]


def _columnar(words: Sequence[Word], page: int, column_gap: float, vertical_rules: int) -> bool:
    """True when some row between the rules is split into separate cells."""
    if vertical_rules >= 2:
        return True
    return any(len(row_to_fragments(row, page, column_gap)) > 1 for row in words_to_rows(words))


def _between_grids(verticals: Sequence[Rule], upper: float, lower: float, x0: float, x1: float) -> bool:
    """Does the band between two rules lie outside a full grid (between two tables, or under one)?

    A full grid's cell walls cross every row, a row across all columns
    included (its outer walls). When the grid above ends at the upper rule
    (its walls stop there) and no wall crosses the band, the band is not a
    row: two grids a few points apart (Word keeps a paragraph between
    tables), or a grid and the note lines and chart frame under it.
    """
    if lower - upper <= GRID_GAP_MIN:
        return False
    walls = [r for r in verticals if x0 - 1 <= r.x0 <= x1 + 1]
    ends_above = any(abs(r.bottom - upper) <= 2 for r in walls)
    crosses = any(r.top <= upper + 1 and r.bottom >= lower - 1 for r in walls)
    return ends_above and not crosses


def _walls_span(verticals: Sequence[Rule], y: float, x0: float, x1: float) -> tuple[float, float] | None:
    """The rows a lone rule belongs to, from the cell walls that meet it: walls standing on it (the
    rest of a row whose upper part a page break left on the page before: only its closing rule is
    here), hanging from it (a last row that no rule closes: a table style without outer borders),
    or crossing it (both). (top, bottom) of the walls; None without two walls that agree."""
    walls = [r for r in verticals
             if x0 - 1 <= r.x0 <= x1 + 1 and r.top <= y + 2 and r.bottom >= y - 2 and r.bottom - r.top > 5]
    if len(walls) < 2:
        return None
    tops, bottoms = [r.top for r in walls], [r.bottom for r in walls]
    if max(tops) - min(tops) > 2 or max(bottoms) - min(bottoms) > 2:
        return None
    return min(min(tops), y), max(max(bottoms), y)


def _split_at_new_header(page: PageContent, rules: list[tuple[float, float, float]],
                         column_gap: float) -> list[list[tuple[float, float, float]]]:
    """Cut a run of rules where a second table starts: a bold row of several cells under rows
    that are not bold (an uncaptioned table set right under another, its header ruled off)."""
    x0, x1 = min(r[1] for r in rules), max(r[2] for r in rules)
    parts = [[rules[0]]]
    above_bold = None
    for upper, lower in zip(rules, rules[1:]):
        band = [w for w in page.words
                if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and upper[0] < (w.top + w.bottom) / 2 < lower[0]]
        if band:
            bold = is_bold(band)
            cells = max(len(row_to_fragments(row, page.number, column_gap)) for row in words_to_rows(band))
            if bold and cells > 1 and above_bold is False:
                parts.append([upper])
            above_bold = bold
        parts[-1].append(lower)
    return parts


def _joined_rule(hrules: Sequence[tuple[float, float, float]], rule: tuple[float, float, float]) -> tuple[float, float, float] | None:
    """A rule drawn in segments, cell by cell, as one: its first segment gives the whole; a later
    segment gives None (the first one stands for it)."""
    y, x0, x1 = rule
    same = sorted((a, b) for ry, a, b in hrules if abs(ry - y) <= 1)
    if any(abs(b - x0) <= 1 for a, b in same):
        return None
    for a, b in same:
        if a <= x1 + 1 and b > x1:
            x1 = b
    return y, x0, x1


def ruled_regions(page: PageContent, geometry: DocGeometry, column_gap: float) -> list[BBox]:
    """Bounding boxes of the ruled tables on a page, top to bottom.

    Args:
        page: the page's words, rules and fills.
        geometry: the document's body grid (running text never lies inside a table).
        column_gap: gap that splits a row into cells.
    RETURNS (list[BBox]): one box per table.
    """
    hrules = horizontal_rules(page.rules, page.fills)
    if not hrules:
        return []
    prose = prose_rows(page, geometry, column_gap)
    verticals = [r for r in page.rules if not r.horizontal]
    groups: list[list[tuple[float, float, float]]] = []
    for rule in hrules:
        y, x0, x1 = rule
        for g in reversed(groups):  # the nearest table above: an older one was closed by it
            gy, gx0, gx1 = g[-1]
            overlap = min(x1, gx1) - max(x0, gx0)
            if (
                overlap >= 0.6 * min(x1 - x0, gx1 - gx0)
                and 0 <= y - gy <= MAX_ROW_HEIGHT
                and not any(gy < top < y for top in prose)
                and not _between_grids(verticals, gy, y, max(x0, gx0), min(x1, gx1))
            ):
                g.append(rule)
                break
        else:
            groups.append([rule])
    groups = [part for g in groups for part in _split_at_new_header(page, g, column_gap)]
    boxes: list[BBox] = []
    for g in groups:
        x0, x1 = min(r[1] for r in g), max(r[2] for r in g)
        top, bottom = g[0][0], g[-1][0]
        # cell walls that run on past the first or last rule hold rows no rule closes
        above, below = _walls_span(verticals, top, x0, x1), _walls_span(verticals, bottom, x0, x1)
        top, bottom = min(top, above[0]) if above else top, max(bottom, below[1]) if below else bottom
        if bottom - top < 1:
            lone = _joined_rule(hrules, g[0])
            span = header_at_page_foot(page, lone, column_gap, prose, geometry.pitch) if lone else None
            if span is None:
                continue
            (top, bottom), x0, x1 = span, lone[1], lone[2]
        words = [w for w in page.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top <= (w.top + w.bottom) / 2 <= bottom]
        if not words:
            continue
        walls = sum(1 for r in verticals if r.top >= top - 2 and r.bottom <= bottom + 2)
        if _columnar(words, page.number, column_gap, walls) or len(g) >= 3:
            boxes.append((x0, top, x1, bottom))
    return boxes


def _inside_any(word: Word, boxes: Sequence[BBox]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


def _is_goal_row(frags: Sequence[Line]) -> bool:
    return len(frags) >= 2 and GOAL_ID.match(frags[0].words[0].text) is not None


def ruleless_regions(
    page: PageContent, geometry: DocGeometry, column_gap: float, taken: Sequence[BBox] = ()
) -> list[BBox]:
    """Boxes of tables drawn without rules: aligned columns over rows led by goal ids.

    A run of at least two printed rows led by a goal id at the same left edge,
    each cut into several column fragments, makes a table; the rows between
    them (wrapped cell lines) belong to it, and so does a header row of several
    fragments just above the first goal row.
    """
    words = [w for w in page.words if not _inside_any(w, taken)]
    rows = words_to_rows(words)
    frags = [[f for f in row_to_fragments(row, page.number, column_gap) if not geometry.is_margin(f)] for row in rows]
    pitch = geometry.pitch or 12.0
    boxes: list[BBox] = []
    i = 0
    while i < len(rows):
        if not _is_goal_row(frags[i]):
            i += 1
            continue
        left = frags[i][0].x0
        first = last = i
        j = i + 1
        while j < len(rows):
            gap = rows[j][0].top - max(w.bottom for w in rows[j - 1])
            if gap > 1.8 * pitch or not frags[j] or frags[j][0].x0 < left - ALIGN_TOLERANCE:
                break
            text = frags[j][0].text
            if is_caption(text) or SOURCE_START.match(text):
                break
            if _is_goal_row(frags[j]) and abs(frags[j][0].x0 - left) <= ALIGN_TOLERANCE:
                last = j
            elif len(frags[j]) == 1 and frags[j][0].x1 - frags[j][0].x0 > 0.8 * (geometry.body_right - geometry.body_left):
                break  # a full-width line of running text ends the table
            j += 1
        goal_rows = sum(1 for k in range(first, j) if _is_goal_row(frags[k]) and abs(frags[k][0].x0 - left) <= ALIGN_TOLERANCE)
        if goal_rows >= MIN_GOAL_ROWS:
            starts = [f.x0 for k in range(first, last + 1) for f in frags[k]]
            end = last + 1
            while end < j and all(any(abs(f.x0 - s) <= ALIGN_TOLERANCE for s in starts) for f in frags[end]):
                end += 1  # wrapped lines of the last row's cells
            top_row = first
            if first > 0 and len(frags[first - 1]) >= 2:
                gap = rows[first][0].top - max(w.bottom for w in rows[first - 1])
                if gap <= 1.8 * pitch and not TABLE_CAPTION.match(frags[first - 1][0].text):
                    top_row = first - 1
            members = [w for k in range(top_row, end) for f in frags[k] for w in f.words]
            boxes.append(
                (
                    min(w.x0 for w in members) - 1,
                    min(w.top for w in members) - 1,
                    max(w.x1 for w in members) + 1,
                    max(w.bottom for w in members) + 1,
                )
            )
            i = end
        else:
            i = last + 1 if last > i else i + 1
    return boxes


def _near_start(x: float, starts: Sequence[float]) -> bool:
    return any(abs(x - s) <= COLUMN_TOLERANCE for s in starts)


def _cut_at_starts(row: Sequence[Word], starts: Sequence[float]) -> list[list[Word]]:
    """Cut a printed row before each word that stands at a known column start after a gap."""
    pieces: list[list[Word]] = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        if w.x0 - prev.x1 > 0.3 * w.size and any(abs(w.x0 - s) <= ALIGN_TOLERANCE for s in starts):
            pieces.append([w])
        else:
            pieces[-1].append(w)
    return pieces


def aligned_regions(
    page: PageContent, geometry: DocGeometry, column_gap: float, taken: Sequence[BBox] = ()
) -> list[BBox]:
    """Boxes of rule-less tables of plain columns.

    A run of printed rows, each close below the one before, makes a table when
    at least ``MIN_ALIGNED_ROWS`` of them are cut into ``MIN_ALIGNED_COLUMNS``
    or more fragments; the other rows of the run have all their fragments
    starting at one of the columns (a cell's wrapped lines). A wide line of
    running text, a caption or a source line ends the run. A margin note beside
    body text makes two fragments only, so it never starts a table.
    """
    words = [w for w in page.words if not _inside_any(w, taken)]
    # contents lines ("1.1  Baggrund  4") stand in columns too, but are no table
    rows = [r for r in words_to_rows(words) if not TOC_LINE.match(join_words(r).strip())]
    frags = [row_to_fragments(row, page.number, column_gap) for row in rows]
    pitch = geometry.pitch or 12.0
    width = geometry.body_right - geometry.body_left
    boxes: list[BBox] = []
    i = 0
    while i < len(rows):
        if len(frags[i]) < MIN_ALIGNED_COLUMNS:
            i += 1
            continue
        starts = [f.x0 for f in frags[i]]
        j = i + 1
        while j < len(rows):
            gap = rows[j][0].top - max(w.bottom for w in rows[j - 1])
            text = frags[j][0].text
            if gap > 1.8 * pitch or is_caption(text) or SOURCE_START.match(text):
                break
            if len(frags[j]) >= MIN_ALIGNED_COLUMNS:
                starts += [f.x0 for f in frags[j] if not _near_start(f.x0, starts)]
            elif len(_cut_at_starts(rows[j], starts)) >= MIN_ALIGNED_COLUMNS:
                pass  # columns set so close that this row's gutters are narrow
            elif not all(_near_start(f.x0, starts) for f in frags[j]) or (
                len(frags[j]) == 1 and frags[j][0].x1 - frags[j][0].x0 > 0.8 * width
            ):
                break
            j += 1
        wide = sum(1 for k in range(i, j) if len(frags[k]) >= MIN_ALIGNED_COLUMNS)
        if wide >= MIN_ALIGNED_ROWS:
            members = [w for k in range(i, j) for w in rows[k]]
            boxes.append(
                (
                    min(w.x0 for w in members) - 1,
                    min(w.top for w in members) - 1,
                    max(w.x1 for w in members) + 1,
                    max(w.bottom for w in members) + 1,
                )
            )
        i = max(j, i + 1)
    return boxes
