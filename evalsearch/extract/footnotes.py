"""Footnotes printed at the page bottom: small rows, the first of them led by its number."""

from __future__ import annotations

from dataclasses import replace

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import join_lines, line_text
from evalsearch.model import Footnote, Line, Word

#: footnote type is at most this share of the body type's size …
FOOTNOTE_SIZE_RATIO = 0.9
#: … and stands below this share of the page's height
FOOTNOTE_ZONE = 0.55


def rows_to_footnotes(
    rows: list[list[Word]], page: int, page_height: float, geometry: DocGeometry
) -> tuple[list[list[Word]], list[Footnote]]:
    """Split off footnotes: small rows at the page bottom, the first led by a number."""
    small = FOOTNOTE_SIZE_RATIO * geometry.body_size
    start = len(rows)
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        size = max(w.size for w in row)
        if size > small or row[0].top < page_height * FOOTNOTE_ZONE:
            break
        start = i
    tail = rows[start:]
    first_numbered = next((i for i, r in enumerate(tail) if r[0].text.isdigit() and len(r) > 1), None)
    if first_numbered is None:
        return rows, []
    body_rows, note_rows = rows[: start + first_numbered], tail[first_numbered:]
    footnotes: list[Footnote] = []
    for row in note_rows:
        text = line_text(Line(tuple(row), page))
        head, _, rest = text.partition(" ")
        if row[0].text.isdigit() and rest:
            footnotes.append(Footnote(number=head, text=rest, page=page))
        elif footnotes:
            last = footnotes[-1]
            footnotes[-1] = replace(last, text=join_lines([last.text, text]))
    return body_rows, footnotes
