"""The other ways a report may print the number a query gives.

Danish reports group thousands with a point and write decimals with a comma
("1.000 borgere", "3,9 mio. kr."); a query may be typed without the point
("1000") or with an English decimal point ("3.9"). Figures, tables and sections
are numbered with a hyphen in some reports and a point in others ("Figur 3-1",
"Figur 3.1", "afsnit 3.1"). The index holds numbers as printed, so the query
looks for each spelling.

A number is read as such a label only after a word that labels ("figur 3.1",
"afsnit 3-1"): "3.9" alone is a decimal, and "2-3" alone a span.

>>> number_spellings("1000"), number_spellings("4.752.000"), number_spellings("3.9"), number_spellings("3,9")
(['1.000'], ['4752000'], ['3,9'], ['3.9'])
>>> number_spellings("3.1", after="figur"), number_spellings("1-5-2", after="afsnit"), number_spellings("3-1")
(['3,1', '3-1'], ['1.5.2'], [])
>>> number_spellings("240"), number_spellings("borgere")
([], [])
"""

from __future__ import annotations

import re

from evalsearch.index.labels import CAPTION_WORDS

_WHOLE = re.compile(r"\d{4,}")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL = re.compile(r"\d+[.,]\d+")
#: the number of a chapter, section, figure or table: "3-1", "3.1", "2.1.3"
_LABEL_NUMBER = re.compile(r"\d{1,2}(?:[.-]\d{1,2})+")
#: the words a chapter, section, figure or table number follows
LABEL_WORDS = frozenset(CAPTION_WORDS + ("afsnit", "kapitel", "bilag", "illustration"))


def number_spellings(word: str, after: str = "") -> list[str]:
    """The other spellings of a number as a report may print it; [] for anything else.

    ``after`` is the query word before it, lower case: a word of ``LABEL_WORDS`` makes
    the number a label, printed with points or hyphens.
    """
    if _WHOLE.fullmatch(word):
        return [f"{int(word):,}".replace(",", ".")]
    if _GROUPED.fullmatch(word):
        # "1.000" may also be one point nought in English; a Danish report means a thousand
        return [word.replace(".", "")]
    spellings = [word.translate(str.maketrans(".,", ",."))] if _DECIMAL.fullmatch(word) else []
    if after in LABEL_WORDS and _LABEL_NUMBER.fullmatch(word):
        spellings.append(word.translate(str.maketrans(".-", "-.")))
    return spellings
