"""Glyphs that the PDF gives no character for.

A font without a character map (no ToUnicode table, an "Identity" encoding)
names its glyphs by number only, and pdfminer writes each of them as
"(cid:36)". Read as text, such a line becomes "(cid:36)(cid:37)(cid:38)…":
words that no search finds and no reader can read. A word made only of such
glyphs is dropped; a glyph inside a readable word ("ledelsesm(cid:230)ssig")
becomes U+FFFD, so the word shows where a letter is missing. The pages that
lost characters are named, and a document whose text is all of this kind is
reported as unreadable rather than as blank. A glyph standing alone is a
symbol (a bullet or an arrow from a symbol font), not a character of the text:
it is dropped without a word. Glyph 0 is none of these: it is
the font's blank ".notdef" glyph, which producers set for tabs and spaces
("•(cid:0)at"); it is taken out of the page before words are formed, so the
words part where it stood.

>>> readable_text("ledelsesm(cid:230)ssig")
('ledelsesm�ssig', 1)
>>> readable_text("(cid:36)(cid:37)")
('', 2)
>>> readable_text("(cid:183)")
('', 0)
"""

from __future__ import annotations

import re

#: pdfminer's text for a glyph it cannot map to a character
UNDECODED_GLYPH = re.compile(r"\(cid:\d+\)")
REPLACEMENT = "\ufffd"
#: glyph 0, the blank .notdef glyph
BLANK_GLYPH = "(cid:0)"


def without_blank_glyphs(page):
    """The pdfplumber page without its glyph-0 characters (the page itself when it has none)."""
    if not any(char["text"] == BLANK_GLYPH for char in page.chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or obj["text"] != BLANK_GLYPH)


def readable_text(text: str) -> tuple[str, int]:
    """The word with its undecoded glyphs replaced, and how many there were.

    Args:
        text (str): a word as pdfplumber reads it.
    RETURNS (tuple[str, int]): the text ("" when nothing but undecoded glyphs is left) and the
        number of undecoded glyphs (0 for a symbol standing alone).
    """
    if "(cid:" not in text:
        return text, 0
    marked, count = UNDECODED_GLYPH.subn(REPLACEMENT, text)
    if not any(ch.isalnum() for ch in marked.replace(REPLACEMENT, "")):
        return "", count if len(marked) > 1 else 0
    return marked, count
