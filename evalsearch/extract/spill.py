"""Glyphs that spill over a page break: the parts of a line printed on the page before it.

A browser that prints a page breaks between two lines but paints every glyph
whose ink reaches above the break: the rings of "å" in "Pårørenderådgivning"
stand alone at the foot of one page, while the whole line opens the next. The
text layer then holds a line of stray letters ("å å") that would end a
paragraph in the middle of a sentence. Such a line is dropped when each of its
words stands, at the same place and size, inside a word of the next page's
first line that holds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from evalsearch.extract.lines import words_to_rows
from evalsearch.model import PageContent, Word

#: longest stray word kept as a spilled glyph: a ring or an accent paints one letter, two when they touch
MAX_SPILLED_LETTERS = 2
#: points a spilled glyph may stand off its place in the whole line
PLACE_TOLERANCE = 1.0


def _inside(glyph: Word, word: Word) -> bool:
    return (word.x0 - PLACE_TOLERANCE <= glyph.x0 and glyph.x1 <= word.x1 + PLACE_TOLERANCE
            and abs(glyph.size - word.size) <= 0.5 and glyph.text in word.text)


def _spilled(last: Sequence[Word], first: Sequence[Word]) -> bool:
    return all(len(g.text) <= MAX_SPILLED_LETTERS and g.text.isalpha() and any(_inside(g, w) for w in first)
               for g in last)


def drop_spilled_lines(pages: Sequence[PageContent]) -> list[PageContent]:
    """The pages without the last line of a page that is glyphs of the next page's first line.

    Args:
        pages: the pages in order, their furniture (headers, page numbers) already taken out.
    RETURNS (list[PageContent]): the same pages, a spilled line dropped where there is one.
    """
    out = list(pages)
    rows = [words_to_rows(page.words) for page in pages]  # each page's rows once: its last and its first are compared
    for i, (page, following) in enumerate(zip(pages, pages[1:])):
        if following.number != page.number + 1 or not rows[i] or not rows[i + 1]:
            continue
        last = rows[i][-1]
        if _spilled(last, rows[i + 1][0]):
            dropped = {id(w) for w in last}
            out[i] = replace(page, words=tuple(w for w in page.words if id(w) not in dropped))
    return out
