"""Counts written with their noun in the right number, in English messages and Danish pages alike.

>>> count_label(1, "document", "documents"), count_label(4, "rapport", "rapporter")
('1 document', '4 rapporter')
"""

from __future__ import annotations


def count_label(n: int, singular: str, plural: str) -> str:
    """``n`` and its noun: the singular for exactly one, else the plural ("0 rapporter")."""
    return f"{n} {singular if n == 1 else plural}"
