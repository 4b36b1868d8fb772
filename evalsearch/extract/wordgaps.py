"""Words that pdfplumber joined across a gap as wide as a space.

pdfplumber starts a new word at a space character, or where the gap between
two characters exceeds ``x_tolerance`` (3 pt). A table cell whose longest
word fills its width leaves no space character before the next cell's text,
and in a tightly padded table the gap between them is under 3 pt: at 8.4 pt,
"interventionsgruppen" and the next column's "kontrolgruppe" stand 2.8 pt
apart and come out as one word, which then spans both columns and joins
their cells. Within a word, letters stand less than a tenth of the type size
apart (kerning narrows, it never opens a space), and a space is a quarter of
it or more, so a gap of ``WORD_GAP_EM`` of the type size parts the word; the
3 pt of pdfplumber still holds for type above 12 pt. A PDF that sets its
words without space characters is read the same way: "Der er udarbejdet …"
in 10 pt, 2.6 pt apart, came out as "Dererudarbejdet…".

>>> chars = [{"text": t, "x0": x, "x1": x + 4.0, "top": 0.0, "bottom": 8.0, "size": 8.0} for t, x in
...          (("a", 10.0), ("b", 14.0), ("c", 20.5))]
>>> [w["text"] for w in split_wide_gaps([{"text": "abc", "x0": 10.0, "x1": 24.5, "upright": True, "chars": chars}])]
['ab', 'c']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pdfplumber.utils.text import LIGATURES

#: an inner gap of this share of the type size or more parts a word …
WORD_GAP_EM = 0.25
#: … and of at least this many points (a size misread as tiny must not part kerned letters)
WORD_GAP_MIN = 1.0


def split_wide_gaps(words: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber words (read with ``return_chars=True``) parted where two letters stand a space apart.

    Args:
        words (Iterable[Mapping]): ``extract_words`` dicts, each with its "chars".
    RETURNS (list[dict]): the words, a parted one as one dict per part (its attributes kept, its
        text and box its part's); without "chars".
    """
    out: list[dict[str, Any]] = []
    for word in words:
        chars = word.get("chars") or ()
        plain = {key: value for key, value in word.items() if key != "chars"}
        parts = _parts(chars) if len(chars) > 1 and word.get("upright", True) else [chars]
        if len(parts) == 1:
            out.append(plain)
            continue
        for part in parts:
            out.append({**plain,
                        "text": "".join(LIGATURES.get(c["text"], c["text"]) for c in part),
                        "x0": min(float(c["x0"]) for c in part), "x1": max(float(c["x1"]) for c in part),
                        "top": min(float(c["top"]) for c in part), "bottom": max(float(c["bottom"]) for c in part)})
    return out


def _parts(chars) -> list[list[Mapping[str, Any]]]:
    parts = [[chars[0]]]
    for before, char in zip(chars, chars[1:]):
        size = float(before.get("size") or 0.0)
        if size > 0 and float(char["x0"]) - float(before["x1"]) >= max(WORD_GAP_EM * size, WORD_GAP_MIN):
            parts.append([char])
        else:
            parts[-1].append(char)
    return parts

