"""Danish text analysis for the search index: a tokenizer and filters chained with ``|``.

A tokenizer turns a string into a stream of tokens; each filter turns a stream
into another. The full chain, the same at index and at query time:

    DanishTokenizer | NormaliseFilter | ParticleVerbFilter | DanishStopFilter
      | LemmaFilter | CompoundFilter | DerivationFilter | DanishStemFilter

* ``NormaliseFilter``: lowercase, Unicode NFC, soft hyphens removed.
* ``ParticleVerbFilter``: "bakker op" also yields "opbakning", "holder fast"
  yields "fastholde" (``evalsearch.danish.particles``).
* ``DanishStopFilter``: the stop words of ``evalsearch.danish.stopwords``, which
  keep negations ("ikke", "ingen"); positions are renumbered.
* ``LemmaFilter``: the lemma ("ledelsen" → "ledelse") and, for homographs, the
  other reading ("borger" → "borger", "borge").
* ``CompoundFilter``: the parts of a compound, linking -s-/-e- removed
  ("ledelsesopbakning" → "ledelse", "opbakning").
* ``DerivationFilter``: the bases of a derived word ("ledelsesmæssig" →
  "ledelse" → "lede"; "ledere" → "lede").
* ``DanishStemFilter``: Snowball's Danish stemmer, last, for the words the
  lexicon does not know; duplicates at one position are dropped.

Filters after the stop filter add tokens *at the position of the word they
come from*, so phrase and proximity queries still see one word there. Each
added token carries ``morph`` (what kind of reading it is), ``part`` (the index
of the compound part it belongs to, or -1) and ``boost`` (its weight from
``morphology.DEFAULT_WEIGHTS``); the query builder uses them, the index stores
only the text and position.

The index uses three prefixes of the chain as three fields (``schema``):
``exact_analyzer`` (the words as written), ``lemma_analyzer`` (lemma, or the
stem of an unknown word) and ``expanded_analyzer`` (everything). Analyzers are
module-level classes so that they pickle into the index; they load the Danish
lexicon only when a word is not in the saved memo (``morphology``).

>>> [t.text for t in expanded_analyzer()("Relevante ledere bakker op")]
['relevant', 'leder', 'lede', 'bakke', 'opbakning']
>>> [t.text for t in exact_analyzer()("Ledelsesmæssig opbakning")]
['ledelsesmæssig', 'opbakning']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from whoosh.analysis import CompositeAnalyzer, CompositionError, Filter, RegexTokenizer, Tokenizer
from whoosh.analysis.acore import Token

from evalsearch.index.morphology import DEFAULT_WEIGHTS, MORPHOLOGY

#: a word: letters and digits, inner hyphens kept ("A-kasse", "CSR-politik"),
#: or a number with thousands/decimal marks ("5.034.720", "3,9")
DEFAULT_TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|[^\W_]+(?:-[^\W_]+)*"
#: how many tokens after a verb its particle may stand ("bakker ikke op")
DEFAULT_PARTICLE_GAP = 2
SOFT_HYPHEN = "\u00ad"
#: typographic ligatures as letters: pdfplumber expands them, but a query pasted from a PDF viewer may hold "ﬂeksjob"
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


def _token(template: Token, text: str, morph: str, boost: float, part: int = -1) -> Token:
    """A new token at the position and characters of ``template``."""
    token = template.copy()
    token.text = text
    token.morph = morph
    token.boost = boost
    token.part = part
    return token


class DanishChain(CompositeAnalyzer):
    """A tokenizer followed by filters, checked when it is built.

    Raises ``CompositionError`` when a tokenizer stands anywhere but first, or
    when a filter comes before a filter it needs (``requires``).

    >>> LemmaFilter() | NormaliseFilter()
    Traceback (most recent call last):
    ...
    whoosh.analysis.acore.CompositionError: LemmaFilter needs NormaliseFilter before it
    """

    def __init__(self, *composables):
        super().__init__(*composables)
        seen: set[str] = set()
        for item in self.items:
            for needed in getattr(item, "requires", ()):
                if needed not in seen:
                    raise CompositionError(f"{type(item).__name__} needs {needed} before it")
            seen.add(type(item).__name__)

    def __call__(self, value, **kwargs):
        if not self.items or not isinstance(self.items[0], Tokenizer):
            raise CompositionError("an analyzer must start with a tokenizer, e.g. DanishTokenizer()")
        return super().__call__(value, **kwargs)

    def __or__(self, other):
        return DanishChain(self, other)


class DanishTokenizer(RegexTokenizer):
    """Split text into words and numbers (``DEFAULT_TOKEN_PATTERN``).

    >>> [t.text for t in DanishTokenizer()("CSR-politik, 5.034.720 kr.")]
    ['CSR-politik', '5.034.720', 'kr']
    """

    def __init__(self, expression: str = DEFAULT_TOKEN_PATTERN):
        super().__init__(expression=expression)

    def __or__(self, other):
        return DanishChain(self, other)


class DanishFilter(Filter):
    """Base of the Danish filters: compares by value, composes into a ``DanishChain``."""

    requires: tuple[str, ...] = ()

    def __eq__(self, other):
        return other is not None and type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(type(self).__name__)

    def __or__(self, other):
        return DanishChain(self, other)


class NormaliseFilter(DanishFilter):
    """Lowercase, compose to NFC, drop soft hyphens and write ligatures as letters ("ﬂ" → "fl");
    numbers the words (``token.word``).

    >>> [t.text for t in (DanishTokenizer() | NormaliseFilter())("Udvikling")]
    ['udvikling']
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for number, token in enumerate(tokens):
            text = token.text
            if not text.isascii():
                text = unicodedata.normalize("NFC", text).replace(SOFT_HYPHEN, "").translate(LIGATURES)
            token.text = text.lower()
            token.morph = "lemma"
            token.part = -1
            token.word = number
            yield token


class ParticleVerbFilter(DanishFilter):
    """After a verb followed by an adverbial particle, add the one-word lemma they stand for.

    Args:
        particles (frozenset[str] | None): the particles; default
            ``evalsearch.danish.particles.PARTICLE_PREFIXES``.
        gap (int): how many tokens after the verb the particle may stand.

    >>> [(t.text, t.morph) for t in (DanishTokenizer() | NormaliseFilter() | ParticleVerbFilter())("holder fast")]
    [('holder', 'lemma'), ('fastholde', 'particle'), ('fastholdelse', 'particle'), ('fast', 'lemma')]
    """

    requires = ("NormaliseFilter",)

    def __init__(self, particles: frozenset[str] | None = None, gap: int = DEFAULT_PARTICLE_GAP):
        # the default list is read when first needed (or pickled), so that building a chain is cheap
        self._particles = frozenset(particles) if particles is not None else None
        self.gap = gap

    @property
    def particles(self) -> frozenset[str]:
        if self._particles is None:
            from evalsearch.danish.particles import PARTICLE_PREFIXES

            self._particles = frozenset(PARTICLE_PREFIXES)
        return self._particles

    def __getstate__(self):
        return {"_particles": self.particles, "gap": self.gap}

    def __eq__(self, other):
        return type(self) is type(other) and (self.particles, self.gap) == (other.particles, other.gap)

    __hash__ = DanishFilter.__hash__

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        window = [token.copy() for token in tokens]
        particles = self.particles
        for index, token in enumerate(window):
            added: list[Token] = []
            if token.text not in particles:
                for later in window[index + 1 : index + 1 + self.gap]:
                    if later.text in particles:
                        texts = MORPHOLOGY.particle_compounds(token.text, later.text)
                        added = [_token(token, text, "particle", DEFAULT_WEIGHTS["particle"]) for text in texts]
                        break
            yield token
            yield from added


class DanishStopFilter(DanishFilter):
    """Drop stop words (negations are not stop words) and renumber positions.

    Tokens that share a position keep sharing it. With ``removestops=False``
    (highlighting) stop words are kept and marked ``stopped``.

    Args:
        stoplist (frozenset[str] | None): default ``evalsearch.danish.stopwords.STOP_WORDS``.

    >>> [t.text for t in (DanishTokenizer() | NormaliseFilter() | DanishStopFilter())("det er ikke i job")]
    ['ikke', 'job']
    """

    requires = ("NormaliseFilter",)

    def __init__(self, stoplist: frozenset[str] | None = None):
        # the default list is read when first needed (or pickled), so that building a chain is cheap
        self._stops = frozenset(stoplist) if stoplist is not None else None

    @property
    def stops(self) -> frozenset[str]:
        if self._stops is None:
            from evalsearch.danish.stopwords import STOP_WORDS

            self._stops = frozenset(STOP_WORDS)
        return self._stops

    def __getstate__(self):
        return {"_stops": self.stops}

    def __eq__(self, other):
        return type(self) is type(other) and self.stops == other.stops

    __hash__ = DanishFilter.__hash__

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        new_pos = -1
        last_pos = None
        stops = self.stops
        for token in tokens:
            stopped = token.morph == "lemma" and token.text in stops
            if stopped and token.removestops:
                continue
            token.stopped = stopped
            if token.positions:
                if token.pos != last_pos:
                    new_pos += 1
                    last_pos = token.pos
                token.pos = new_pos
            yield token


class LemmaFilter(DanishFilter):
    """Replace each word by its lemma and add the other readings of a homograph.

    >>> [(t.text, t.boost) for t in (DanishTokenizer() | NormaliseFilter() | LemmaFilter())("Borger")]
    [('borger', 1.0), ('borge', 0.7)]
    """

    requires = ("NormaliseFilter",)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.morph != "lemma" or token.stopped:
                yield token
                continue
            readings = MORPHOLOGY.readings(token.text)
            token.text = readings[0][0]
            added = [_token(token, text, "reading", weight) for text, weight in readings[1:]]
            yield token
            yield from added


class CompoundFilter(DanishFilter):
    """Add the parts of a compound at its position, each with its part number.

    >>> [(t.text, t.part) for t in (DanishTokenizer() | NormaliseFilter() | LemmaFilter() | CompoundFilter())(
    ...     "ledelsesopbakningen")]
    [('ledelsesopbakning', -1), ('ledelse', 0), ('opbakning', 1)]
    """

    requires = ("LemmaFilter",)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            added: list[Token] = []
            if token.morph in ("lemma", "reading", "particle") and not token.stopped:
                added = [
                    _token(token, part, "part", DEFAULT_WEIGHTS["part"], index)
                    for index, part in enumerate(MORPHOLOGY.parts(token.text))
                ]
            yield token
            yield from added


class DerivationFilter(DanishFilter):
    """Add the bases a word (or a compound part) is derived from, nearest first.

    >>> [(t.text, t.morph) for t in (DanishTokenizer() | NormaliseFilter() | LemmaFilter() | DerivationFilter())(
    ...     "ledelsesmæssige")]
    [('ledelsesmæssig', 'lemma'), ('ledelse', 'base'), ('lede', 'base2')]
    """

    requires = ("LemmaFilter",)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            added: list[Token] = []
            if not token.stopped and token.morph == "part":
                bases = MORPHOLOGY.bases(token.text)
                added = [_token(token, text, "part", token.boost * 0.8, token.part) for text in bases]
            elif not token.stopped and token.morph in ("lemma", "reading", "particle"):
                scale = min(1.0, token.boost / DEFAULT_WEIGHTS["particle"])
                for rank, text in enumerate(MORPHOLOGY.bases(token.text)):
                    morph = "base" if rank == 0 else "base2"
                    added.append(_token(token, text, morph, DEFAULT_WEIGHTS[morph] * scale))
            yield token
            yield from added


class DanishStemFilter(DanishFilter):
    """Snowball's Danish stemmer, last in the chain, for the words the lexicon does not know.

    A known word is already reduced to its lemma; Snowball would only conflate
    it with unrelated words ("ledelse", "leder" and "ledig" all stem to "led").
    An unknown word ("samskabelse", a name, an English term) is stemmed so that
    its inflections still meet. One token per text is kept at each position.

    >>> [t.text for t in (DanishTokenizer() | NormaliseFilter() | DanishStemFilter())("samskabelse ledelsen")]
    ['samskab', 'ledelsen']
    """

    requires = ("NormaliseFilter",)

    def __init__(self):
        self._stem = None

    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self._stem = None

    def __eq__(self, other):
        return other is not None and type(self) is type(other)

    def stem(self, word: str) -> str:
        """Snowball's stem of a word the lexicon does not know; a known word as it is."""
        if word[:1].isdigit() or MORPHOLOGY.is_known(word):
            return word
        if self._stem is None:
            from functools import lru_cache

            from whoosh.lang import stemmer_for_language

            self._stem = lru_cache(maxsize=1 << 16)(stemmer_for_language("da"))
        return self._stem(word)

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        seen: set = set()
        current = None
        for token in tokens:
            if not token.stopped:
                token.text = self.stem(token.text)
            if token.word != current:
                current, seen = token.word, set()
            key = token.text if token.mode != "query" else (token.text, token.part)
            if key in seen:
                continue
            seen.add(key)
            yield token


def exact_analyzer() -> DanishChain:
    """The words as written: ``DanishTokenizer | NormaliseFilter`` (no stop words removed)."""
    return DanishTokenizer() | NormaliseFilter()


def lemma_analyzer() -> DanishChain:
    """Lemma (stem for unknown words): ``… | DanishStopFilter | LemmaFilter | DanishStemFilter``."""
    return DanishTokenizer() | NormaliseFilter() | DanishStopFilter() | LemmaFilter() | DanishStemFilter()


def expanded_analyzer() -> DanishChain:
    """The full chain of the module docstring."""
    return (
        DanishTokenizer()
        | NormaliseFilter()
        | ParticleVerbFilter()
        | DanishStopFilter()
        | LemmaFilter()
        | CompoundFilter()
        | DerivationFilter()
        | DanishStemFilter()
    )
