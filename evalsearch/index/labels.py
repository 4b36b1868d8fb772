"""A query that names a table, figure or goal ("Tabel 3-1", "figur 2-1", "B1"): what it names first.

A number is the same with a point or a hyphen ("Figur 3.1" is "Figur 3-1":
reports print either). Words alone rank "Figur 3-1 …" above the rows of
"Tabel 3-1", because the number stands in the figure's text and only in the
rows' heading. A query that is nothing but such a label asks for one thing, so
the passages it labels go first: the rows of that table (their heading starts
with it) and that figure (its text does). So with a goal id: "B1" asks for the
goal rows B1 of the reports, which BM25 ranks below a longer row that refers
to "resultatmål B1".

>>> named_label(" tabel  3-1 "), named_label("Figur 3.1")
('tabel 3-1', 'figur 3-1')
>>> named_label("tabel over målene") is None
True
>>> named_label("b1"), named_label("Resultatmål C12")
('mål B1', 'mål C12')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: the words reports label tables and figures with, followed by their number
CAPTION_WORDS = ("tabel", "table", "figur", "figure", "billede", "boks")
LABEL_QUERY = re.compile(rf"\s*({'|'.join(CAPTION_WORDS)})\s+(\d+(?:[-.]\d+)*)\s*", re.IGNORECASE)
#: a label word in English is the Danish one (a report may print "Table 3-1" among its "Tabel"s)
_SAME_WORD = {"table": "tabel", "figure": "figur"}
#: a goal id as goal tables print it (A1, B2, C12, D1), alone or after the word for its kind of goal
GOAL_QUERY = re.compile(r"\s*(?:(?:aktivitets|resultat|effekt)?mål\s+)?([a-zæøå]\d{1,2})\s*", re.IGNORECASE)


def _label(word: str, number: str) -> str:
    word = word.lower()
    return f"{_SAME_WORD.get(word, word)} {number.replace('.', '-')}"


def named_label(text: str) -> str | None:
    """The label a query consists of, lower case with one space ("tabel 3-1"), or None."""
    found = LABEL_QUERY.fullmatch(text)
    if found:
        return _label(found.group(1), found.group(2))
    goal = GOAL_QUERY.fullmatch(text)
    return f"mål {goal.group(1).upper()}" if goal else None


def carries_label(record: Mapping[str, Any], label: str) -> bool:
    """Does a passage (its stored fields) belong to the table or figure ``label`` names, or is it that goal's row?"""
    if label.startswith("mål "):
        words = (record.get("text") or "").split()[:1]
        return record.get("kind") == "goal" and bool(words) and words[0].rstrip(":.").upper() == label[4:]
    for value in (record.get("heading"), record.get("text")):
        words = (value or "").split()[:2]
        if len(words) == 2 and _label(*words) == label:
            return True
    return False
