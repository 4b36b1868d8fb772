"""Parse numbers, percentages and kroner amounts written the Danish way.

Danish writes "." between thousands and "," before decimals ("5.034.720",
"3,9"); a non-breaking or thin space may also group thousands. A "." before
one or two final digits ("3.9") is read as a decimal point, since no Danish
thousands group has fewer than three digits. Whole numbers stay ``int``,
numbers written with decimals are ``float``; a scale word ("mio.",
"millioner", "mia.", "tusind") is applied with exact decimal arithmetic, so
"27,4 millioner kr." is exactly 27_400_000.

>>> parse_number("5.034.720")
5034720
>>> parse_number("3,9")
3.9
>>> parse_percent("50 pct. af deltagerne")
50.0
>>> parse_amount_dkk("1,2 mio. kr.")
1200000
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from evalsearch.danish.number_words import (
    COMPOUND_UNITS,
    CURRENCIES,
    PERCENT_MARKERS,
    ROUND,
    SCALES,
    SCALES_WITH_CURRENCY,
    TEENS,
    TENS,
    UNITS,
)

NumberKind = Literal["number", "percent", "amount"]

_GROUP = "[.\u00a0\u202f]"
_NUMBER = re.compile(
    r"(?<![\w.,])"
    r"(?P<sign>[-\u2212\u2013](?=\d))?"
    rf"(?P<int>\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)|\d+)"
    r"(?:,(?P<frac>\d+)|\.(?P<dotfrac>\d{1,2})(?![\d.]))?"
    r"(?!\d)"
)
# one marker word (or "%") right after a number or a previous marker
_NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]*(%|[^\W\d_][\w.]*)")
# the word right before a number ("kr. 5.000", "DKK 5.034.720")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w.]*)[ \t\u00a0\u202f]*$")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Number:
    """A number found in text, with what its neighbouring words say about it.

    Args:
        number (int | float): the numeral as written ("27,4" → 27.4).
        scale (int): the factor of a scale word after it ("millioner" → 1_000_000), else 1.
        kind (str): "percent", "amount" (Danish kroner) or "number".
        start (int): offset of the first character (sign or digit, or the
            currency word before it) in the text.
        end (int): offset just after the last marker word used.
    """

    number: int | float
    scale: int
    kind: NumberKind
    start: int
    end: int

    @property
    def value(self) -> int | float:
        """The number times its scale; ``int`` whenever the result is whole."""
        if self.scale == 1:
            return self.number
        exact = Decimal(str(self.number)) * self.scale
        return int(exact) if exact == exact.to_integral_value() else float(exact)


def _marker(word: str) -> str:
    return word.lower().rstrip(".")


def _numeral(match: re.Match[str]) -> int | float:
    digits = re.sub(_GROUP, "", match["int"])
    negative = match["sign"] is not None
    fraction = match["frac"] or match["dotfrac"]
    if fraction is None:
        value: int | float = int(digits)
    else:
        value = float(f"{digits}.{fraction}")
    return -value if negative else value


def _read_markers(text: str, position: int) -> tuple[int, NumberKind, int]:
    """Read scale, percent and currency words after a number."""
    scale, kind, end = 1, "number", position
    while True:
        found = _NEXT_WORD.match(text, end)
        if found is None:
            return scale, kind, end
        word = _marker(found.group(1))
        if word in PERCENT_MARKERS and kind == "number" and scale == 1:
            return scale, "percent", found.end()
        if word in SCALES and scale == 1 and kind == "number":
            scale = SCALES[word]
            kind = "amount" if word in SCALES_WITH_CURRENCY else kind
        elif word in CURRENCIES and kind == "number":
            kind = "amount"
        else:
            return scale, kind, end
        end = found.end()


def numbers_in(text: str) -> list[Number]:
    """Find every number in a text, reading the unit words around it.

    Args:
        text (str): any text, e.g. "Budget: 27,4 millioner kr., heraf 50 pct. til løn".

    RETURNS (list[Number]): in order of appearance.

    >>> [(n.value, n.kind) for n in numbers_in("27,4 millioner kr. og 97 %")]
    [(27400000, 'amount'), (97, 'percent')]
    """
    found: list[Number] = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        scale, kind, end = _read_markers(text, match.end())
        if kind == "number":
            before = _PREVIOUS_WORD.search(text, 0, start)
            if before is not None and _marker(before.group(1)) in CURRENCIES:
                kind, start = "amount", before.start()
        found.append(Number(_numeral(match), scale, kind, start, end))
    return found


#: four-digit numbers read as years ("i 2016"), not as counts
YEARS = range(1950, 2101)
# "3. måned", "1. april", "2.) et kursus": a number with a full stop before a lower-case word is an ordinal
_ORDINAL_AFTER = re.compile(r"\.\)|\.[ \t\u00a0]*[a-zæøå(]")


def is_quantity(text: str, number: Number) -> bool:
    """Whether a number in a text counts or measures something, rather than naming a year,
    an ordinal, a date or a numbered item.

    Args:
        text (str): the text ``number`` was found in by ``numbers_in``.
        number (Number): one of its numbers.

    RETURNS (bool): False for "i 2016", "hver 3. måned", "1. april", "2.) et kursus",
        "Tabel 3-1" and "1/3"; True for counts, shares and amounts.

    >>> text = "Der er i 2016 afholdt 3 kurser, hver 3. måned."
    >>> [n.value for n in numbers_in(text) if is_quantity(text, n)]
    [3]
    """
    if number.kind != "number":
        return True
    if isinstance(number.number, int) and number.number in YEARS:
        return False
    following = text[number.end : number.end + 3]
    if following[:1] in ("-", "/", ".") and following[1:2].isdigit():
        return False
    return _ORDINAL_AFTER.match(following) is None


def number_word(word: str) -> int | None:
    """Read a Danish number word for a small count ("to cases", "tolv borgere").

    Args:
        word (str): one word, any case ("Tre", "femogtyve", "hundrede").

    RETURNS (int | None): its value, or None. "en"/"et" (the article) give
        None; write "én"/"ét" for 1.

    >>> number_word("to"), number_word("tolv"), number_word("femogtyve")
    (2, 12, 25)
    """
    text = word.strip().lower()
    for table in (UNITS, TEENS, TENS, ROUND):
        if text in table:
            return table[text]
    unit, joiner, tens = text.partition("og")
    if joiner and unit in COMPOUND_UNITS and tens in TENS:
        return COMPOUND_UNITS[unit] + TENS[tens]
    for round_word, size in ROUND.items():
        if text.endswith(round_word) and text[: -len(round_word)] in COMPOUND_UNITS:
            return COMPOUND_UNITS[text[: -len(round_word)]] * size
    return None


def parse_number(text: str, *, words: bool = False) -> int | float | None:
    """Return the first number in a text, as written (no scale applied).

    Args:
        text (str): e.g. "ca. 425", "3 + (15)", "5.034.720 DKK".
        words (bool): also accept number words ("to cases" → 2).

    RETURNS (int | float | None): ``int`` unless decimals are written; None
        if the text holds no number.

    >>> parse_number("ca. 425"), parse_number("3 + (15)"), parse_number("to cases", words=True)
    (425, 3, 2)
    """
    match = _NUMBER.search(text)
    if words:
        for word in _WORD.finditer(text, 0, match.start() if match else len(text)):
            value = number_word(word.group())
            if value is not None:
                return value
    return _numeral(match) if match else None


def parse_percent(text: str) -> float | None:
    """Return the first percentage in a text ("80%", "50 pct.", "97 %", "12 procent").

    Args:
        text (str): any text.

    RETURNS (float | None): the percentage as written (80.0 for "80%"), or
        None if no number in the text is marked as a percentage.
    """
    for number in numbers_in(text):
        if number.kind == "percent":
            return float(number.number)
    return None


def parse_amount_dkk(text: str, *, require_currency: bool = True) -> int | None:
    """Return the first amount of Danish kroner in a text, scale applied.

    Args:
        text (str): e.g. "27,4 millioner kr.", "DKK 5.034.720", "1,2 mio. kr.".
        require_currency (bool): if False, a number with a scale word but no
            currency ("27,4 mio.") also counts.

    RETURNS (int | None): whole kroner (rounded), or None.

    >>> parse_amount_dkk("5.034.720 DKK"), parse_amount_dkk("ca. 425")
    (5034720, None)
    """
    for number in numbers_in(text):
        if number.kind == "amount" or (not require_currency and number.scale > 1):
            return int(Decimal(str(number.value)).to_integral_value(ROUND_HALF_UP))
    return None
