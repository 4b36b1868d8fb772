"""Where tables stand on a page, from the rules and shading that draw them.

Report tables have horizontal rules (often no vertical ones) and sometimes a
shaded header row. Rules that overlap horizontally and follow each other down
the page at most a tall row apart form one table, provided the text between
them is laid out in columns. The region's words are kept out of the text flow.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.model import BBox, Fill, PageContent, Rule, Word

MIN_RULE_LENGTH = 40.0
MAX_ROW_HEIGHT = 260.0
MERGE_TOLERANCE = 2.0


def _horizontal_rules(rules: Sequence[Rule], fills: Sequence[Fill]) -> list[tuple[float, float, float]]:
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
    for row in words_to_rows(words):
        if len(row_to_fragments(row, page, column_gap)) > 1:
            return True
    return False


def _prose_rows(page: PageContent, geometry: DocGeometry, column_gap: float) -> list[float]:
    """Tops of rows that read as running text: one fragment, body-size type, most of the column wide.

    Two rules with running text between them belong to different things (a table
    and a footnote separator, say), never to one table.
    """
    width = geometry.body_right - geometry.body_left
    tops = []
    for row in words_to_rows(page.words):
        frags = row_to_fragments(row, page.number, column_gap)
        body = [f for f in frags if f.x0 >= geometry.body_left - 2]
        if (
            len(body) == 1
            and abs(body[0].x0 - geometry.body_left) < 2
            and body[0].x1 - body[0].x0 > 0.6 * width
            and body[0].size >= geometry.body_size * 0.97
        ):
            tops.append(body[0].top)
    return tops


def find_table_regions(page: PageContent, geometry: DocGeometry, column_gap: float) -> list[BBox]:
    """Bounding boxes of the ruled tables on a page.

    Args:
        page: the page's words, rules and fills.
        geometry: the document's body grid (unused by the rule chaining, kept for callers).
        column_gap: gap that splits a row into cells.
    RETURNS (list[BBox]): one box per table, top to bottom.
    """
    hrules = _horizontal_rules(page.rules, page.fills)
    if len(hrules) < 2:
        return []
    prose = _prose_rows(page, geometry, column_gap)
    groups: list[list[tuple[float, float, float]]] = []
    for rule in hrules:
        y, x0, x1 = rule
        for g in groups:
            gy, gx0, gx1 = g[-1]
            overlap = min(x1, gx1) - max(x0, gx0)
            if (
                overlap >= 0.6 * min(x1 - x0, gx1 - gx0)
                and 0 <= y - gy <= MAX_ROW_HEIGHT
                and not any(gy < top < y for top in prose)
            ):
                g.append(rule)
                break
        else:
            groups.append([rule])
    boxes: list[BBox] = []
    for g in groups:
        if len(g) < 2:
            continue
        top, bottom = g[0][0], g[-1][0]
        x0, x1 = min(r[1] for r in g), max(r[2] for r in g)
        box = (x0, top, x1, bottom)
        words = [w for w in page.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top <= (w.top + w.bottom) / 2 <= bottom]
        if not words:
            continue
        verticals = sum(1 for r in page.rules if not r.horizontal and r.top >= top - 2 and r.bottom <= bottom + 2)
        if _columnar(words, page.number, column_gap, verticals) or len(g) >= 3:
            boxes.append(box)
    return boxes


def region_text(words: Sequence[Word], box: BBox, page: int, column_gap: float) -> str:
    """Plain text of a table region: one printed row per line, cells split by " | "."""
    inside = [w for w in words if box[0] - 1 <= (w.x0 + w.x1) / 2 <= box[2] + 1 and box[1] - 1 <= (w.top + w.bottom) / 2 <= box[3] + 1]
    lines = []
    for row in words_to_rows(inside):
        lines.append(" | ".join(f.text for f in row_to_fragments(row, page, column_gap)))
    return "\n".join(lines)
