"""Query words typed without æ, ø and å, read as the index words they spell.

A keyboard without the Danish letters gives "paaroerende" (aa, oe, ae) or
"parorende" (the letters without their marks) for "pårørende". ``Respeller``
finds the index word of the same spelling key (``danish.tokens.ascii_key``),
the most frequent if several; when the index holds no such form (it has
"handicapnøglepersonerne", the query says "handicapnoeglepersoner" or
"handicapnoglepersoner"), it reads the digraphs back as letters, then gives
bare letters their marks, and takes the first spelling the lexicon knows whose
lemma the index holds (``danish.tokens.danish_spellings``). Typo correction
would take the nearest index form instead, another inflection, and say so.
"""

from __future__ import annotations

from collections.abc import Callable


class Respeller:
    """The index word a query word writes without æ, ø and å, or None.

    Args:
        vocabulary: the index's words as written (called once, on first use).
        frequency: how many passages hold an index word as written.
        known: whether the lexicon knows a word and the index holds its lemma.
    """

    def __init__(self, vocabulary: Callable[[], list[str]], frequency: Callable[[str], int],
                 known: Callable[[str], bool]):
        self.vocabulary = vocabulary
        self.frequency = frequency
        self.known = known
        self._spellings: dict[str, list[str]] | None = None

    def __call__(self, word: str) -> str | None:
        # imported here: a search for corpus words loads nothing Danish
        from evalsearch.danish.tokens import ascii_key, danish_spellings

        if self._spellings is None:
            self._spellings = {}
            for term in self.vocabulary():
                if not term.isascii():
                    self._spellings.setdefault(ascii_key(term), []).append(term)
        found = self._spellings.get(ascii_key(word), [])
        if found:
            return max(found, key=self.frequency)
        return next((spelling for spelling in danish_spellings(word) if self.known(spelling)), None)
