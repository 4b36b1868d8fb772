"""Split Danish compounds into known parts.

A compound is read as modifiers followed by a head: every modifier is a
lemma of the lexicon, optionally followed by a linking element ("fuge-s" or
"fuge-e": "ledelse|s|opbakning", "samarbejde" → "samarbejd|s|aftale"), and
the head is any known word form ("netværkene"). The head carries the meaning
and the inflection; its lemma is the last part.

Rules, in order:

* Words with digits are never split; hyphens are explicit boundaries
  ("CSR-politik" → ("csr", "politik")).
* An unknown word takes the analysis with the fewest parts, then the longest
  leading part, linking element not counted ("kompetenceudvikling|s|forløb",
  not "kompetence|udviklingsforløb"; "deltager|evalueringer", not
  "deltage|revalueringer"), then the fewest linking elements ("gade|sanger",
  not "gade|s|anger"). Every part is at least
  ``DEFAULT_MIN_PART`` letters, is not a stop word and is not a derivational
  suffix that happens to be a word ("virksom|hed", "mulig|heder").
* A modifier whose lemma ends in -else, -hed, -ing, -ion, -dom, -skab or
  -tet takes a linking s ("ledelse|s|laget", not "ledelse|slaget").
* A word the lexicon already knows is kept whole unless it has a clean split
  into two parts: both at least ``DEFAULT_MIN_PART`` letters, one at least
  ``DEFAULT_MIN_LONG_PART``, no derivational prefix as modifier, and a head
  whose lemma differs from the word's ("kontant|hjælp" splits; "for|hold",
  "under|visning", "led|else" and "for|vent|ning" do not).

A word that is a regular inflection of a known lemma ("fokuset", see
``lexicon.inflection_base``) counts as known.

Candidate boundaries are all positions, not pyphen's hyphenation points:
Danish hyphenation moves a consonant to the next syllable, so compound seams
are often not hyphenation points ("deltager|evalueringer" is hyphenated
"del-ta-ge-re-va-lu-e-rin-ger", "gade|sanger" is "ga-desan-ger").

>>> split_compound("ledelsesopbakning")
('ledelse', 'opbakning')
>>> split_compound("ledelse")
()
>>> compound_lemma("virksomhedsnetværkene")
'virksomhedsnetværk'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from evalsearch.danish.compound_data import (
    IRREGULAR_MODIFIERS,
    LINKING_ELEMENTS,
    OBLIGATORY_S_ENDINGS,
    PREFIX_PARTICLES,
    SUFFIX_LEMMAS,
)
from evalsearch.danish.lexicon import (
    DEFAULT_CACHE_SIZE,
    forms,
    inflection_base,
    is_lemma,
    lemma,
    normalise,
)
from evalsearch.danish.stopwords import NEGATIONS, STOP_WORDS

#: shortest part (without its linking element) a compound may have
DEFAULT_MIN_PART = 3
#: in a split of a known word, one of the two parts must be at least this long
DEFAULT_MIN_LONG_PART = 5


@dataclass(frozen=True)
class CompoundPart:
    """One part of a compound.

    Args:
        surface (str): the letters in the word, linking element included ("ledelses").
        lemma (str): the part's lemma ("ledelse").
        link (str): the linking element, "s", "e" or "".
    """

    surface: str
    lemma: str
    link: str = ""


_Analysis = tuple[CompoundPart, ...]


def _usable(word: str) -> bool:
    """A lemma that may serve as a compound part."""
    return (
        len(word) >= DEFAULT_MIN_PART
        and word.isalpha()
        and word not in STOP_WORDS
        and word not in NEGATIONS
        and word not in SUFFIX_LEMMAS
        and is_lemma(word)
    )


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def _modifier(surface: str) -> CompoundPart | None:
    """Read a stretch of letters as a modifier (a lemma plus linking element)."""
    if len(surface) < DEFAULT_MIN_PART:
        return None
    if surface in IRREGULAR_MODIFIERS:
        return CompoundPart(surface, IRREGULAR_MODIFIERS[surface])
    if _usable(surface):
        return CompoundPart(surface, surface)
    for link in LINKING_ELEMENTS:
        if not surface.endswith(link):
            continue
        base = surface[: -len(link)]
        if _usable(base):
            return CompoundPart(surface, base, link)
        # "samarbejde" + s → "samarbejds": the lemma's final e gives way to the s
        if link == "s" and _usable(base + "e"):
            return CompoundPart(surface, base + "e", link)
    return None


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def _head(surface: str) -> CompoundPart | None:
    """Read a stretch of letters as the head: any known form."""
    if len(surface) < DEFAULT_MIN_PART or surface not in forms() or surface in STOP_WORDS:
        return None
    head_lemma = lemma(surface)
    if head_lemma in SUFFIX_LEMMAS or surface in SUFFIX_LEMMAS or not head_lemma.isalpha():
        return None
    return CompoundPart(surface, head_lemma)


def _cost(parts: _Analysis) -> tuple[int, int, tuple[int, ...], int]:
    """Order analyses: fewest parts, no missing obligatory s, longest leading
    parts, fewest links.

    Lengths leave the linking element out, so "gade|sanger" beats "gade|s|anger",
    while "ledelse|s|laget" beats "ledelse|slaget" (-else takes an s).
    """
    missing_s = sum(
        1 for part in parts[:-1] if part.link != "s" and part.lemma.endswith(OBLIGATORY_S_ENDINGS)
    )
    lengths = tuple(len(part.link) - len(part.surface) for part in parts)
    return (len(parts), missing_s, lengths, sum(1 for part in parts if part.link))


def _best_split(word: str) -> _Analysis:
    """Dynamic programme over all boundaries; () if no full analysis exists."""
    size = len(word)
    best: list[_Analysis | None] = [None] * (size + 1)
    for start in range(size - DEFAULT_MIN_PART, -1, -1):
        head = _head(word[start:])
        options: list[_Analysis] = [(head,)] if head and start > 0 else []
        for end in range(start + DEFAULT_MIN_PART, size - DEFAULT_MIN_PART + 1):
            rest = best[end]
            if rest is None:
                continue
            modifier = _modifier(word[start:end])
            if modifier is not None:
                options.append((modifier, *rest))
        if start == 0:
            options = [option for option in options if len(option) > 1]
        best[start] = min(options, key=_cost) if options else None
    return best[0] or ()


def _clean_two_part_split(word: str) -> _Analysis:
    """The split allowed for a word the lexicon knows (see module docstring)."""
    options = []
    for end in range(DEFAULT_MIN_PART, len(word) - DEFAULT_MIN_PART + 1):
        modifier = _modifier(word[:end])
        head = _head(word[end:]) if modifier else None
        if modifier is None or head is None or modifier.lemma in PREFIX_PARTICLES:
            continue
        core = len(modifier.surface) - len(modifier.link)
        if max(core, len(head.surface)) < DEFAULT_MIN_LONG_PART:
            continue
        if head.lemma == lemma(word):
            continue
        options.append((modifier, head))
    return min(options, key=_cost) if options else ()


def _analyse_hyphenated(word: str) -> _Analysis:
    """Split at explicit hyphens; each piece is read on its own."""
    pieces = [piece for piece in word.split("-") if piece]
    if len(pieces) < 2:
        return ()
    parts: list[CompoundPart] = []
    for index, piece in enumerate(pieces):
        inner = compound_analysis(piece)
        if inner:
            parts.extend(inner)
            continue
        if index < len(pieces) - 1:
            parts.append(_modifier(piece) or CompoundPart(piece, lemma(piece)))
        else:
            parts.append(CompoundPart(piece, lemma(piece)))
    return tuple(parts)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def compound_analysis(word: str) -> tuple[CompoundPart, ...]:
    """Analyse a Danish compound into parts with surface, lemma and linking element.

    Args:
        word (str): one word, any case, punctuation around it ignored.

    RETURNS (tuple[CompoundPart, ...]): two or more parts, head last; () if the
        word is not a compound (or cannot be analysed).

    >>> [(p.surface, p.lemma, p.link) for p in compound_analysis("samarbejdsaftaler")]
    [('samarbejds', 'samarbejde', 's'), ('aftaler', 'aftale', '')]
    """
    text = normalise(word)
    if not text or any(char.isdigit() for char in text):
        return ()
    if "-" in text:
        return _analyse_hyphenated(text)
    if not text.isalpha() or len(text) < 2 * DEFAULT_MIN_PART:
        return ()
    if text in forms() or inflection_base(text):
        return _clean_two_part_split(text)
    return _best_split(text)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def split_compound(word: str) -> tuple[str, ...]:
    """Split a Danish compound into the lemmas of its parts, head last.

    Args:
        word (str): one word, e.g. "virksomhedsnetværkene".

    RETURNS (tuple[str, ...]): e.g. ("virksomhed", "netværk"); () for a word
        that is not a compound ("ledelse", "forventning").

    >>> split_compound("handicapnøglepersoner")
    ('handicap', 'nøgleperson')
    """
    return tuple(part.lemma for part in compound_analysis(word))


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def compound_parts(word: str) -> tuple[str, ...]:
    """Return the lemmas of all parts, head last; a non-compound is one part.

    Args:
        word (str): one word.

    RETURNS (tuple[str, ...]): ("ledelse", "opbakning") for "ledelsesopbakningen",
        ("ledelse",) for "ledelsen"; () only for an empty token.

    >>> compound_parts("Ledelsen")
    ('ledelse',)
    """
    parts = split_compound(word)
    if parts:
        return parts
    text = normalise(word)
    return (lemma(text),) if text else ()


def compound_head(word: str) -> str:
    """Return the lemma of the head (last part) of a word, compound or not.

    Args:
        word (str): one word.

    RETURNS (str): "netværk" for "virksomhedsnetværkene"; "" for an empty token.
    """
    parts = compound_parts(word)
    return parts[-1] if parts else ""


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def compound_lemma(word: str) -> str:
    """Return the lemma of a word, lemmatising the head of an unknown compound.

    A known word gets ``lexicon.lemma``; an unknown compound keeps its
    modifiers as written and gets its head lemmatised.

    Args:
        word (str): one word.

    RETURNS (str): "ledelsesopbakning" for "ledelsesopbakningen",
        "forandrings-teori" for "forandrings-teorien"; an unknown
        non-compound comes back normalised.
    """
    text = normalise(word)
    if not text or text in forms() or inflection_base(text):
        return lemma(text)
    parts = compound_analysis(text)
    if not parts:
        return text
    head = parts[-1]
    return text[: len(text) - len(head.surface)] + head.lemma
