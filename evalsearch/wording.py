"""Counts written with their noun in the right number, in English messages and Danish pages alike.

>>> count_label(1, "document", "documents"), count_label(4, "rapport", "rapporter")
('1 document', '4 rapporter')
>>> some_names(["a", "b", "c", "d"], 2, "and {n} others"), some_names(["a", "b", "c"], 2, "and {n} others")
('a, b and 2 others', 'a, b, c')
"""

from __future__ import annotations


def count_label(n: int, singular: str, plural: str) -> str:
    """``n`` and its noun: the singular for exactly one, else the plural ("0 rapporter")."""
    return f"{n} {singular if n == 1 else plural}"


def some_names(names: list[str], most: int, rest: str) -> str:
    """The first ``most`` names, then ``rest`` with the number left out ("og {n} andre"); one name
    left out would take as much room as its count, so it is shown."""
    if len(names) <= most + 1:
        return ", ".join(names)
    return ", ".join(names[:most]) + " " + rest.format(n=len(names) - most)
