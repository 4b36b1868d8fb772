"""Does a document break words at its line ends? Told once per document, from its line-end hyphens.

A report set with hyphenation breaks words between syllables ("uddan-" / "nelse",
"virksom-" / "hederne"). One printed without it, as Word prints by default, ends a
line in a hyphen only where the word has one: "kontant-" / "hjælpsmodtagerne" is then
"kontant-hjælpsmodtagerne", however well "kontanthjælpsmodtagerne" reads. A single
line end seldom tells the two apart, since hyphenation prefers the joints of compounds.
The document does: one line end whose piece before the hyphen is a syllable but no word
(``danish.hyphenation.is_word_break``) shows that the document breaks words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from evalsearch.danish.hyphenation import HYPHENS, is_word_break
from evalsearch.extract.lines import words_to_rows
from evalsearch.model import PageContent

#: a gap this many ems wide ends a run of words: a column's or a table cell's line ends there
RUN_GAP_EMS = 1.0
#: points the word that goes on may start left of its run's first word
START_TOLERANCE = 2.0


def hyphenated_line_ends(pages: Iterable[PageContent]) -> Iterator[tuple[str, str]]:
    """(word that ends a line in a hyphen, first word of the line below it in the same column).

    A line ends where its run of words does: at the row's end, or at a gap of more than an
    em (a table cell, a second column). The line below is the next row's run that starts
    within the line's span, so a margin note beside the text or a cell in the next column
    is not taken for it.
    """
    for page in pages:
        rows = words_to_rows(page.words)
        for row, below in zip(rows, rows[1:]):
            start = row[0]
            for k, word in enumerate(row):
                after = row[k + 1] if k + 1 < len(row) else None
                if after is not None and after.x0 - word.x1 <= RUN_GAP_EMS * word.size:
                    continue
                if word.text[-1:] in HYPHENS:
                    right = next((w for w in below if start.x0 - START_TOLERANCE <= w.x0 < word.x1), None)
                    if right is not None:
                        yield word.text, right.text
                if after is not None:
                    start = after


def breaks_words(pages: Iterable[PageContent]) -> bool:
    """Tell whether the document breaks words at line ends (hyphenation), or ends lines only in real hyphens.

    A document with no line end that a hyphen joins to a lowercase word shows neither, and
    is read as the default: one that breaks words.
    """
    hyphens = False
    for left, right in hyphenated_line_ends(pages):
        if right[:1].islower():
            if is_word_break(left, right):
                return True
            hyphens = True
    return not hyphens
