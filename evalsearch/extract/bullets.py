"""Bullets and symbols that are not printed as the Unicode character they show.

Word prints a list bullet, a tick or a coloured dot in the Symbol or
Wingdings font; pdfplumber reads the glyph as a private-use character
("\\uf0b7" for a bullet, "\\uf0fc" for a tick). HTML-to-PDF converters draw
the bullet as a small filled disc or square instead, so the list item's line
starts with a word and nothing marks it as an item. Word's second-level
bullet is a letter "o" in Courier New. Bullets become a plain "•" word here
and ticks, crosses and dots their Unicode character, so the layout and table
stages see one kind of each.

>>> symbol_text("\\uf0b7")
'•'
>>> symbol_text("\\uf0b7Projekt")
'•Projekt'
>>> symbol_text("\\uf0fc")
'✓'
>>> symbol_text("Projekt")
'Projekt'
>>> symbol_text("o", "CourierNewPSMT"), symbol_text("o", "Calibri")
('•', 'o')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from evalsearch.model import Fill, Word

#: private-use code points of the Symbol and Wingdings glyphs that only ever mark a list item
SYMBOL_BULLETS = frozenset("\uf0b7\uf0a7\uf0d8\uf076\uf0e0\uf0f0\uf071")
#: other bullet characters, read as "•" ("●", "■" and "□" stay: in a table their colour is a verdict)
OTHER_BULLETS = frozenset("‣⁃∙❖➢➤►▸")
#: a list number and the word it touches, printed as one word: "11.De", "10.at" (not "10.000")
TOUCHING_NUMBER = re.compile(r"^(\d{1,2}[.)])[A-Za-zÆØÅæøå]")
#: the letter Word's second list level prints as its bullet, in a monospaced font (Courier New)
MONO_BULLET = "o"
MONO_FONT_HINTS = ("courier", "mono")
#: Wingdings ticks, crosses, dots and boxes → the Unicode characters they show
SYMBOL_CHARACTERS = str.maketrans({
    "\uf0fc": "✓", "\uf0fb": "✗", "\uf0fe": "☑", "\uf0fd": "☒",
    "\uf06c": "●", "\uf06e": "■", "\uf0a8": "□",
})
#: a drawn bullet is at most this big (points) either way …
DRAWN_MAX = 7.0
#: … and sits at most this far left of its item's first word
DRAWN_GAP = (1.5, 24.0)
#: the tallest word box that a drawn bullet is looked for in (points)
WORD_MAX_HEIGHT = 60.0
#: darkest channel value of a drawn bullet (legend dots, which are coloured, are not bullets)
DARK = 0.35


def symbol_text(text: str, font: str = "") -> str:
    """The word with a leading bullet glyph read as "•" and symbol-font ticks and dots as Unicode
    (``font``: the word's font name)."""
    if text == MONO_BULLET and any(hint in font.lower() for hint in MONO_FONT_HINTS):
        return "•"
    if text[:1] in SYMBOL_BULLETS or (text[:1] in OTHER_BULLETS and (len(text) == 1 or text[1].isalpha())):
        text = "•" + text[1:]
    return text.translate(SYMBOL_CHARACTERS)


def _is_dark(mark: Fill) -> bool:
    color = mark.color
    if not color:
        return True  # no fill colour given: the default, black
    if len(color) == 4:  # CMYK
        return color[3] >= 1 - DARK and max(color[:3]) <= DARK
    return max(color) <= DARK


def drawn_bullets(words: Sequence[Word], marks: Sequence[Fill]) -> list[Word]:
    """A "•" word for every small dark shape that starts a line of text.

    A shape starts a line when a word on its row begins a short gap to its
    right and no word of that row lies to its left within the gap either.
    """
    found = []
    by_top = sorted(words, key=lambda w: w.top)
    tops = [w.top for w in by_top]
    for mark in marks:
        width, height = mark.x1 - mark.x0, mark.bottom - mark.top
        if width > DRAWN_MAX or height > DRAWN_MAX or not 0.5 <= (width or 0.1) / (height or 0.1) <= 2 or not _is_dark(mark):
            continue
        middle = (mark.top + mark.bottom) / 2
        # a page of many dots (a scatter chart) must not cost marks × words comparisons
        nearby = by_top[bisect_left(tops, middle - WORD_MAX_HEIGHT):bisect_right(tops, middle)]
        row = [w for w in nearby if w.top <= middle <= w.bottom]
        right = [w for w in row if DRAWN_GAP[0] <= w.x0 - mark.x1 <= DRAWN_GAP[1]]
        left = [w for w in row if w.x1 <= mark.x0 and mark.x0 - w.x1 <= DRAWN_GAP[1]]
        if not right or left:
            continue
        first = min(right, key=lambda w: w.x0)
        found.append(Word("•", mark.x0, first.top, mark.x1, first.bottom, first.size, color=None))
    return found


def split_touching_numbers(words: Sequence[Word], chars: Sequence[dict]) -> list[Word]:
    """Cut a list number off the word it touches at the start of its line ("11.De", "10.at").

    A number wider than the list's hanging indent pushes the item's text against it, so the
    number and the first word print as one word. Only a word that opens its line is cut (no word
    stands to its left), at the x where the character after the number starts.
    """
    out: list[Word] = []
    for w in words:
        match = TOUCHING_NUMBER.match(w.text)
        if match is None or _has_left_neighbour(w, words):
            out.append(w)
            continue
        inside = sorted((c for c in chars if w.x0 - 0.5 <= c["x0"] and c["x1"] <= w.x1 + 0.5
                         and abs(c["top"] - w.top) <= 1.0), key=lambda c: c["x0"])
        cut = len(match.group(1))
        if len(inside) != len(w.text):
            out.append(w)
            continue
        out.append(replace(w, text=w.text[:cut], x1=float(inside[cut - 1]["x1"])))
        out.append(replace(w, text=w.text[cut:], x0=float(inside[cut]["x0"])))
    return out


def _has_left_neighbour(word: Word, words: Sequence[Word]) -> bool:
    mid = (word.top + word.bottom) / 2
    return any(o is not word and o.x1 <= word.x0 + 0.5 and o.top <= mid <= o.bottom for o in words)
