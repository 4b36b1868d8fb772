"""Footnotes printed at the page bottom: small rows, the first of them led by its number."""

from __future__ import annotations

import re
from dataclasses import replace

from evalsearch.extract.geometry import DocGeometry
from evalsearch.extract.lines import join_lines, line_text
from evalsearch.model import Footnote, Line, Word

#: footnote type is at most this share of the body type's size …
FOOTNOTE_SIZE_RATIO = 0.9
#: … and stands below this share of the page's height
FOOTNOTE_ZONE = 0.55
#: a footnote's number: no leading zero ("00000010" opens a hex dump), at most three digits
_NOTE_NUMBER = re.compile(r"[1-9]\d{0,2}")


def _note_number(row: list[Word]) -> int | None:
    """The number a row opens with, when it can be a footnote's and text follows it."""
    return int(row[0].text) if len(row) > 1 and _NOTE_NUMBER.fullmatch(row[0].text) else None


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
    first_numbered = next((i for i, r in enumerate(tail) if _note_number(r) is not None), None)
    if first_numbered is None:
        return rows, []
    body_rows, note_rows = rows[: start + first_numbered], tail[first_numbered:]
    footnotes: list[Footnote] = []
    # A row led by a number that does not go on from the last note's is a note's next line
    # ("2019 blev …"); many of them mean small numbered rows of another kind (a code listing).
    strays = 0
    for row in note_rows:
        text = line_text(Line(tuple(row), page))
        number = _note_number(row)
        if number is not None and (not footnotes or number == int(footnotes[-1].number) + 1):
            footnotes.append(Footnote(number=str(number), text=text.partition(" ")[2], page=page))
            continue
        strays += number is not None
        last = footnotes[-1]
        footnotes[-1] = replace(last, text=join_lines([last.text, text]))
    if strays > len(footnotes):
        return rows, []
    return body_rows, footnotes
