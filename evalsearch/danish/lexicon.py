"""Known Danish word forms and their lemmas.

The word list is the lemma lookup table of spacy-lookups-data
(``da_lemma_lookup.json.gz``: about 553,000 forms → 81,000 lemmas, no part of
speech), lowercased, corrected and extended:

* Lowercase entries win over capitalised ones ("A-kasse" → "a-kasse" only when
  no lowercase entry exists).
* Homographs. The table gives every form exactly one lemma, and for a form
  that is both a noun and a verb form it often picks the verb or a rare word:
  "leder" → "led", "borger" → "borge", "handicap" → "handicappe",
  "deltager" → "deltage", while "ledere" → "leder". Rule: a form that is
  itself the lemma of other forms (it heads its own paradigm) is its own
  lemma, unless it is the plain plural of the table's pick (it ends in -e or
  -r and its definite plural, form + "ne", also goes to that pick:
  "grader" → "grad") and is not itself a verb infinitive. The forms of a
  head kept on the table's pick follow it ("graderen" → "grad"), so that
  ``lemma`` is idempotent. This keeps whole noun paradigms together
  ("leder", "ledere", "lederne" → "leder"; "begreb", "begreber" → "begreb")
  at the price of splitting verb present tenses that double as agent nouns
  ("viser" stays "viser", not "vise"). ``lemma_candidates`` returns both
  readings so a search index can keep both.
* ``lemma_fixes.LEMMA_FIXES`` overrides the remaining wrong picks found in the
  sample reports; ``extra_words`` adds missing domain words.

Everything is loaded once per process on first use (about 1 s and 170 MB of
memory when built by ``lookup_table``, about 0.3 s from the copy saved in the
user cache dir by ``lexicon_cache``); the per-word functions are memoised (about 0.1 µs on a
cache hit, about 1 µs on a miss).

>>> lemma("Ledelsen")
'ledelse'
>>> lemma("ledere"), lemma("leder")
('leder', 'leder')
>>> is_word("virksomhederne,")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from evalsearch.danish.abbreviations import is_abbreviation
from evalsearch.danish.lexicon_cache import cache_key, load_tables, save_tables
from evalsearch.danish.lookup_table import build_tables, read_lookup_table, table_sources
from evalsearch.danish.tokens import DEFAULT_CACHE_SIZE, normalise

__all__ = [
    "DEFAULT_CACHE_SIZE",
    "forms",
    "inflection_base",
    "is_lemma",
    "is_word",
    "lemma",
    "lemma_candidates",
    "lemma_table",
    "normalise",
    "read_lookup_table",
]

#: regular noun and adjective endings tried, longest first, on a word the table
#: lacks ("fokuset" → "fokus"); the stem must be a lemma of at least
#: ``DEFAULT_MIN_INFLECTION_STEM`` letters
INFLECTION_ENDINGS: tuple[str, ...] = (
    "ernes", "erne", "enes", "ene", "ens", "ets", "ers", "en", "et", "er", "es", "e", "s",
)
DEFAULT_MIN_INFLECTION_STEM = 4


@dataclass(frozen=True)
class _Lexicon:
    """The loaded tables; built once by ``_lexicon``."""

    lemma_of: dict[str, str]  # form → primary lemma
    other_lemma: dict[str, str]  # form → the table's pick where it differs
    forms: frozenset[str]
    lemmas: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    """The corrected lexicon, built once per process or loaded from the saved copy (``lexicon_cache``)."""
    key = cache_key(table_sources())
    tables = load_tables(key)
    if tables is None:
        tables = build_tables()
        save_tables(key, *tables)
    lemma_of, other = tables
    lemmas = frozenset(lemma_of.values())
    return _Lexicon(
        lemma_of=lemma_of,
        other_lemma=other,
        forms=frozenset(lemma_of) | lemmas,
        lemmas=lemmas,
    )


def forms() -> frozenset[str]:
    """All known lowercase Danish word forms (table keys and lemmas plus extras).

    RETURNS (frozenset[str]): about 553,000 forms; abbreviations are not included.
    """
    return _lexicon().forms


def lemma_table() -> Mapping[str, str]:
    """The corrected lowercase form → lemma table (read-only).

    RETURNS (Mapping[str, str]): about 551,000 entries; what ``lemma`` looks up.
    """
    return MappingProxyType(_lexicon().lemma_of)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def is_word(token: str) -> bool:
    """Tell whether a token is a known Danish word form or abbreviation.

    Case-insensitive; punctuation around the token is ignored, except that an
    abbreviation must keep its full stop unless it is one that reports write
    bare ("fx", "ca", "kr").

    Args:
        token (str): a word as found in text.

    RETURNS (bool): True for a known form such as "Virksomhederne," or "bl.a.".

    >>> is_word("ledelsesopbakning")  # a compound: see compounds.split_compound
    False
    """
    word = normalise(token)
    if not word:
        return False
    if word in _lexicon().forms:
        return True
    return is_abbreviation(token)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def inflection_base(word: str) -> str | None:
    """Find the lemma of a regular inflection that the table lacks.

    Args:
        word (str): lowercase word that is not a known form ("fokuset").

    RETURNS (str | None): the lemma reached by removing one regular ending
        (``INFLECTION_ENDINGS``), or None.

    >>> inflection_base("fokuset")
    'fokus'
    """
    lexicon = _lexicon()
    for ending in INFLECTION_ENDINGS:
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(stem) >= DEFAULT_MIN_INFLECTION_STEM
            and stem in lexicon.lemmas
            and lexicon.lemma_of.get(stem, stem) == stem
        ):
            return stem
    return None


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def lemma(token: str) -> str:
    """Return the lowercase lemma of a Danish word form.

    Args:
        token (str): a word as found in text ("Virksomhederne,").

    RETURNS (str): its lemma ("virksomhed"). A word the table lacks gets
        ``inflection_base`` if that finds one ("fokuset" → "fokus"), else it
        comes back normalised (lowercase, punctuation stripped). Idempotent:
        ``lemma(lemma(w)) == lemma(w)``.

    >>> lemma("samarbejdsaftaler")
    'samarbejdsaftale'
    """
    word = normalise(token)
    found = _lexicon().lemma_of.get(word)
    if found is not None:
        return found
    return inflection_base(word) or word


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def lemma_candidates(token: str) -> tuple[str, ...]:
    """Return every lemma a form may belong to, the primary one (``lemma``) first.

    Args:
        token (str): a word as found in text.

    RETURNS (tuple[str, ...]): one lemma, or two for homographs whose table
        pick was overruled, e.g. "deltager" → ("deltager", "deltage").

    >>> lemma_candidates("borger")
    ('borger', 'borge')
    """
    word = normalise(token)
    lexicon = _lexicon()
    primary = lemma(word)
    other = lexicon.other_lemma.get(word)
    return (primary, other) if other else (primary,)


def is_lemma(word: str) -> bool:
    """Tell whether a lowercase word heads a paradigm (is a lemma).

    Args:
        word (str): lowercase word, no punctuation.

    RETURNS (bool): True for "ledelse", False for "ledelsen".
    """
    return word in _lexicon().lemmas
