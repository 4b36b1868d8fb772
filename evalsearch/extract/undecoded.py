"""Glyphs that the PDF gives no character for.

A font without a character map (no ToUnicode table, an "Identity" encoding)
names its glyphs by number only, and pdfminer writes each of them as
"(cid:36)". Read as text, such a line becomes "(cid:36)(cid:37)(cid:38)…":
words that no search finds and no reader can read. A word made only of such
glyphs is dropped; a glyph inside a readable word ("ledelsesm(cid:230)ssig")
becomes U+FFFD, so the word shows where a letter is missing. The page is told
how many glyphs it lost, and a document whose text is all of this kind is
reported as unreadable rather than as blank.

>>> readable_text("ledelsesm(cid:230)ssig")
('ledelsesm�ssig', 1)
>>> readable_text("(cid:36)(cid:37)")
('', 2)
"""

from __future__ import annotations

import re

#: pdfminer's text for a glyph it cannot map to a character
UNDECODED_GLYPH = re.compile(r"\(cid:\d+\)")
REPLACEMENT = "\ufffd"


def readable_text(text: str) -> tuple[str, int]:
    """The word with its undecoded glyphs replaced, and how many there were.

    Args:
        text (str): a word as pdfplumber reads it.
    RETURNS (tuple[str, int]): the text ("" when nothing but undecoded glyphs is left) and the
        number of undecoded glyphs.
    """
    if "(cid:" not in text:
        return text, 0
    marked, count = UNDECODED_GLYPH.subn(REPLACEMENT, text)
    if not any(ch.isalnum() for ch in marked.replace(REPLACEMENT, "")):
        return "", count
    return marked, count
