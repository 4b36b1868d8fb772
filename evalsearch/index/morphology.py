"""What the analysis chain knows about one word, memoised and saved beside the index.

The Danish filters of ``analysis`` ask four questions of a word: its lemma
readings, its compound parts, the bases it is derived from, and the one-word
lemmas a verb and a following particle stand for. The answers come from
``evalsearch.danish`` (lexicon, compounds, derivations, particles), which
takes about a second and 170 MB to load. ``WordMorphology`` memoises every
answer; the index writer saves the memo beside the index
(``DEFAULT_CACHE_NAME``) and a search process loads it back, so a query whose
words occur in the corpus is analysed without loading the lexicon at all.

Weights say how far a reading is from the word as written; the query builder
uses them as term boosts (``DEFAULT_WEIGHTS``).

>>> morphology = WordMorphology()
>>> morphology.readings("ledelsen")
(('ledelse', 1.0),)
>>> morphology.parts("ledelsesopbakning")
('ledelse', 'opbakning')
>>> morphology.bases("ledelsesmæssig")
('ledelse', 'lede')
"""

from __future__ import annotations

import marshal
from pathlib import Path

#: file name of the saved memo inside an index directory
DEFAULT_CACHE_NAME = "morphology.bin"
#: bump when the meaning of the saved tables changes; an old memo is ignored
CACHE_VERSION = 2

#: the weight of each kind of reading, relative to the word as written (1.0)
DEFAULT_WEIGHTS: dict[str, float] = {
    "lemma": 1.0,  # the primary lemma ("ledelsen" → "ledelse")
    "reading": 0.7,  # another lemma of a homograph ("borger" → "borge")
    "particle": 0.8,  # verb + particle ("bakker op" → "opbakning")
    "base": 0.6,  # the nearest derivational base ("ledelsesmæssig" → "ledelse")
    "base2": 0.45,  # bases further away ("ledelsesmæssig" → "lede")
    "part": 0.5,  # a compound part ("ledelsesopbakning" → "opbakning")
}

_TABLES = ("readings", "parts", "bases", "particles", "known")


#: in a split into three or more parts, every part must have at least this many letters
DEFAULT_MIN_PART_OF_MANY = 4


def plausible_split(parts: tuple[str, ...]) -> bool:
    """Trust a compound split into two parts, or into more when no part is a short word.

    An unknown word can often be cut into short known words by chance
    ("samskabelsen" → "same", "kabel", "sen"); such a cut would hide the word
    from the stemmer and index noise.

    >>> plausible_split(("ledelse", "opbakning")), plausible_split(("same", "kabel", "sen"))
    (True, False)
    """
    if not parts:
        return False
    return len(parts) == 2 or all(len(part) >= DEFAULT_MIN_PART_OF_MANY for part in parts)


class WordMorphology:
    """Memoised Danish word analysis that can be saved and loaded.

    Every method takes a lowercase word (no punctuation) and returns a tuple;
    the first call for a word loads ``evalsearch.danish`` if it is not loaded.
    """

    def __init__(self) -> None:
        self.tables: dict[str, dict] = {name: {} for name in _TABLES}
        self._loaded: set[tuple[str, int, int]] = set()

    def readings(self, word: str) -> tuple[tuple[str, float], ...]:
        """Lemma readings with weights, the primary lemma first (compound-aware).

        >>> WordMorphology().readings("borger")
        (('borger', 1.0), ('borge', 0.7))
        """
        table = self.tables["readings"]
        found = table.get(word)
        if found is None:
            from evalsearch.danish.compounds import compound_lemma
            from evalsearch.danish.lexicon import lemma_candidates

            primary = compound_lemma(word) or word
            # the second candidate is the table's reading of a homograph; the first is
            # the primary lemma, or the word itself when the table lacks it
            others = [r for r in lemma_candidates(word)[1:] if r != primary]
            found = ((primary, DEFAULT_WEIGHTS["lemma"]),) + tuple(
                (r, DEFAULT_WEIGHTS["reading"]) for r in others
            )
            table[word] = found
        return found

    def parts(self, word: str) -> tuple[str, ...]:
        """Lemmas of a compound's parts, head last; () for a word that is not a compound."""
        table = self.tables["parts"]
        found = table.get(word)
        if found is None:
            from evalsearch.danish.compounds import split_compound

            found = split_compound(word)
            found = found if plausible_split(found) else ()
            table[word] = found
        return found

    def saved_parts(self, word: str) -> tuple[str, ...] | None:
        """The memoised compound parts of a word; None if it was never analysed (never loads the lexicon).

        >>> WordMorphology().saved_parts("ledelsesopbakning") is None
        True
        """
        return self.tables["parts"].get(word)

    def bases(self, word: str) -> tuple[str, ...]:
        """The lemmas a word is derived from, nearest first ("ledere" → "lede")."""
        table = self.tables["bases"]
        found = table.get(word)
        if found is None:
            from evalsearch.danish.derivations import base_forms

            found = tuple(base_forms(word)[1:])
            table[word] = found
        return found

    def particle_compounds(self, verb: str, particle: str) -> tuple[str, ...]:
        """One-word lemmas for a verb followed by a particle ("følger", "op" → "opfølge", …)."""
        table = self.tables["particles"]
        key = f"{verb} {particle}"
        found = table.get(key)
        if found is None:
            from evalsearch.danish.particles import particle_compounds

            found = particle_compounds(verb, particle)
            table[key] = found
        return found

    def is_known(self, word: str) -> bool:
        """Tell whether the lexicon knows a word: a known form, a regular inflection or a compound.

        >>> WordMorphology().is_known("samskabellse")
        False
        """
        return bool(self.known_as(word))

    def known_as(self, word: str) -> str:
        """How the lexicon knows a word: "form" (a form or a regular inflection), "compound"
        (only as a split into known words) or "" (not at all).

        A split is weak evidence: a typo can cut into known words by chance
        ("ordniger" → "ord" + "niger"), so the query builder still looks for
        an index word one edit away from a word known only as a compound.

        >>> morphology = WordMorphology()
        >>> morphology.known_as("ordninger"), morphology.known_as("ordniger"), morphology.known_as("samskabellse")
        ('form', 'compound', '')
        """
        table = self.tables["known"]
        found = table.get(word)
        if found is None or found is True:  # True: a memo saved before the kinds were told apart
            from evalsearch.danish.compounds import compound_analysis
            from evalsearch.danish.lexicon import forms, inflection_base

            if word in forms() or inflection_base(word):
                found = "form"
            else:
                parts = tuple(part.lemma for part in compound_analysis(word))
                found = "compound" if parts and plausible_split(parts) else ""
            table[word] = found
        return found or ""

    def save(self, path: str | Path) -> None:
        """Write the memo to ``path`` (through a temporary file and a rename)."""
        from evalsearch.corpus.files import write_atomic

        write_atomic(path, marshal.dumps((CACHE_VERSION, self.tables)))

    def load(self, path: str | Path) -> bool:
        """Merge a saved memo into this one; False (and nothing changed) if it is missing or stale.

        A file already merged (same path, size and time) is not read again.
        """
        try:
            stat = Path(path).stat()
            stamp = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
            if stamp in self._loaded:
                return True
            version, tables = marshal.loads(Path(path).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return False
        self._loaded.add(stamp)
        if version != CACHE_VERSION or set(tables) != set(_TABLES):
            return False
        for name, table in tables.items():
            self.tables[name].update(table)
        return True

    def __len__(self) -> int:
        return sum(len(table) for table in self.tables.values())


#: the memo the analysis filters share within one process
MORPHOLOGY = WordMorphology()
