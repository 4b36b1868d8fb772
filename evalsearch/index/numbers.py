"""The other ways a report may print the number a query gives.

Danish reports group thousands with a point and write decimals with a comma
("1.000 borgere", "3,9 mio. kr."); a query may be typed without the point
("1000") or with an English decimal point ("3.9"). The index holds numbers as
printed, so the query looks for each spelling.

>>> number_spellings("1000"), number_spellings("4.752.000"), number_spellings("3.9"), number_spellings("3,9")
(['1.000'], ['4752000'], ['3,9'], ['3.9'])
>>> number_spellings("240"), number_spellings("1.5.2"), number_spellings("borgere")
([], [], [])
"""

from __future__ import annotations

import re

_WHOLE = re.compile(r"\d{4,}")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL = re.compile(r"\d+[.,]\d+")


def number_spellings(word: str) -> list[str]:
    """The other spellings of a number as a report may print it; [] for anything else."""
    if _WHOLE.fullmatch(word):
        return [f"{int(word):,}".replace(",", ".")]
    if _GROUPED.fullmatch(word):
        # "1.000" may also be one point nought in English; a Danish report means a thousand
        return [word.replace(".", "")]
    if _DECIMAL.fullmatch(word):
        return [word.translate(str.maketrans(".,", ",."))]
    return []
