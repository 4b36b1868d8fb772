"""Undo line-end hyphenation in Danish text.

A PDF line that ends in "-" either breaks one word ("ud-" / "dannelse") or
ends in a real hyphen ("CSR-" / "politik", "Social-" / "og arbejdsmarked").
``join_line_break`` decides which, from the lexicon and the compound splitter,
looking only at the piece after the last in-word hyphen of the left side
("forandrings-teo-" / "rien": the piece is "teo"):

1. The right side does not start with a letter ("2015-" / "2016", "igang-" /
   "2") or starts with a capital ("Nord-" / "Jylland"): keep the hyphen.
2. The right side is a conjunction (og, eller, samt, til): a suspended
   compound, "Social- og": keep hyphen and space, unless the joined word is
   known ("her-" / "til" is "hertil").
3. The piece ends in a capital or a digit ("CSR-", "A-", "B1-"), or has no vowel, so
   it is no syllable but an abbreviation ("Hf-" / "enkeltfag", "pc-" / "skærm"): keep
   the hyphen.
4. The hyphenated word is itself in the lexicon ("e-læring", "it-system"):
   keep the hyphen.
5. The joined word is a known form or a compound ("uddannelse",
   "kompetenceudviklingsforløb"): join without hyphen.
6. Both sides are words, the left a known form and the right a known form
   or a compound, but the joined word is neither known nor a compound
   ("ikke-" / "kommunale", "to-" / "dagskursus"): keep the hyphen.
7. Otherwise (a name or jargon broken anywhere: "Ca-" / "bis"): join; a line
   break inside a word is far more common than a real hyphen before an
   unknown word.

Rules 4 to 7 hold for a document that breaks words at its line ends. One that never
does (a Word report printed without hyphenation) ends a line in a hyphen only where the
word has one, so there every hyphen stays ("kontant-" / "hjælpsmodtagerne"), and so
does a hyphen between two words in mid-line (``join_inline_hyphen``). The extraction
tells which kind a document is (``is_word_break`` over its line ends) and reads it
within ``line_ends_break_words``.

A soft hyphen (U+00AD) always marks a break inside a word and is joined.

>>> join_line_break("ud-", "dannelse")
'uddannelse'
>>> join_line_break("evalueringer-", "ne,")
'evalueringerne,'
>>> join_line_break("forandrings-teo-", "rien")
'forandrings-teorien'
>>> join_line_break("Social-", "og")
'Social- og'
>>> join_line_break("CSR-", "politik")
'CSR-politik'
>>> join_line_break("2015-", "2016")
'2015-2016'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from evalsearch.danish.compounds import split_compound
from evalsearch.danish.lexicon import DEFAULT_CACHE_SIZE, forms, normalise

#: words after which a trailing hyphen marks a suspended compound ("Social- og")
SUSPENSION_WORDS: frozenset[str] = frozenset({"og", "eller", "samt", "til", "el", "hhv"})

#: characters a PDF may use for a line-end hyphen; all count as "-"
HYPHENS = "-\u2010\u2011\u2012"
SOFT_HYPHEN = "\u00ad"

_IN_WORD_BREAK = re.compile(r"[-/]")
# every Danish syllable holds one, so a hyphenation break never leaves a piece without
_VOWEL = re.compile("[aeiouyæøåäöüéèáà]")
# "word-" at a line end, optional spaces, newline, optional spaces, next word
_LINE_BREAK = re.compile(r"(\S*[\w\u00ad][-\u2010\u2011\u2012\u00ad])[ \t]*\r?\n[ \t]*(\S+)[ \t]?")
_SPACE_BREAK = re.compile(r"(\S*\w[-\u2010\u2011\u2012])[ \t]+(\S+)")


# does the document being read break words at line ends (the default) or only end lines in real hyphens?
_BREAKS_WORDS: ContextVar[bool] = ContextVar("line_ends_break_words", default=True)


@contextmanager
def line_ends_break_words(breaks: bool) -> Iterator[None]:
    """Read the text within as a document that does (or does not) break words at line ends.

    >>> with line_ends_break_words(False):
    ...     join_line_break("kontant-", "hjælpsmodtagerne")
    'kontant-hjælpsmodtagerne'
    """
    token = _BREAKS_WORDS.set(breaks)
    try:
        yield
    finally:
        _BREAKS_WORDS.reset(token)


def is_known_or_compound(word: str) -> bool:
    """True for a known word form or a word the compound splitter can take apart."""
    return word in forms() or bool(split_compound(word))


def is_word_break(left: str, right: str) -> bool:
    """Tell whether a line that ends in ``left`` ("perso-") breaks a word that ``right`` ("ner") ends.

    Only a break the lexicon shows to be inside a word counts: the piece before the hyphen
    is a syllable but no word ("perso-", "projektaktivi-"). "for-" / "hold" or
    "kontant-" / "hjælpsmodtagerne" may be either, and say nothing.

    >>> is_word_break("perso-", "ner"), is_word_break("kontant-", "hjælpsmodtagerne")
    (True, False)
    """
    if not left or not right or left[-1] not in HYPHENS or not right[0].isalpha() or right[0].isupper():
        return False
    piece = _IN_WORD_BREAK.split(left[:-1])[-1]
    if not piece or not piece[-1].isalpha() or piece[-1].isupper() or not _VOWEL.search(piece.lower()):
        return False
    return normalise(right) not in SUSPENSION_WORDS and piece.lower() not in forms()


def join_line_break(left: str, right: str) -> str:
    """Join a word broken at a line end, keeping the hyphen only where it is real.

    Args:
        left (str): the last word of a line, ending in a hyphen ("ud-").
        right (str): the first word of the next line, with any punctuation ("dannelse,").

    RETURNS (str): the joined text ("uddannelse,"); "Social- og" keeps the
        space. A ``left`` without a final hyphen is joined to ``right`` with a space.

    >>> join_line_break("A-", "kasse")
    'A-kasse'
    >>> join_line_break("kompetenceudviklings-", "hold")
    'kompetenceudviklingshold'
    """
    return _join_line_break(left, right, _BREAKS_WORDS.get())


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def _join_line_break(left: str, right: str, breaks_words: bool) -> str:
    if not right:
        return left
    if not left or left[-1] not in HYPHENS + SOFT_HYPHEN:
        return f"{left} {right}" if left else right
    stem = left[:-1]
    if left[-1] == SOFT_HYPHEN:
        return stem + right
    if not right[0].isalpha() or right[0].isupper():
        return left + right
    core = normalise(right)
    piece = _IN_WORD_BREAK.split(stem)[-1]
    piece_lower = piece.lower()
    if not piece:
        return left + right
    if core in SUSPENSION_WORDS:
        # "her-" / "til" is "hertil", but "Social-" / "og" is suspended
        return stem + right if breaks_words and piece_lower + core in forms() else f"{left} {right}"
    if not breaks_words:
        return left + right
    if not piece[-1].isalpha() or piece[-1].isupper() or not _VOWEL.search(piece_lower):
        return left + right
    if f"{piece_lower}-{core}" in forms():
        return left + right
    if is_known_or_compound(piece_lower + core):
        return stem + right
    if piece_lower in forms() and (core in forms() or split_compound(core)):
        return left + right
    return stem + right


_INLINE = re.compile(r"(?<![\w-])([a-zæøåäöüé]{2,}(?:-[a-zæøåäöüé]{1,})+)(?![\w-])")


def join_inline_hyphen(token: str) -> str:
    """Remove hyphens that a re-flowed text left inside lowercase words.

    Reports whose text was re-flowed keep the hyphens of earlier line breaks in
    mid-line ("projektaktivi-teterne", "par-ter", "ud-fordringer"). A hyphen is
    removed where the joined word is a known form or a compound, or where
    neither side is a word; real hyphens stay ("ikke-kommunale",
    "match-making", "e-læring"). In a document that breaks no word at its line
    ends (``line_ends_break_words``), a hyphen between two words stays as well
    ("kontant-hjælpsmodtagerne").

    >>> join_inline_hyphen("par-ter")
    'parter'
    >>> join_inline_hyphen("ikke-kommunale")
    'ikke-kommunale'
    """
    return _join_inline_hyphen(token, _BREAKS_WORDS.get())


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def _join_inline_hyphen(token: str, breaks_words: bool) -> str:
    if token in forms():
        return token
    pieces = token.split("-")
    if not breaks_words and all(is_known_or_compound(p) for p in pieces):
        # words joined by a hyphen in a document that never breaks a word: the hyphen is the word's own
        return token
    whole = "".join(pieces)
    cuts = set(_hyphenation_points(whole))
    offsets = [sum(len(p) for p in pieces[: i + 1]) for i in range(len(pieces) - 1)]
    fragments = any(p not in forms() for p in pieces[:-1])
    if all(c in cuts for c in offsets) and (whole in forms() or (fragments and split_compound(whole))):
        return whole
    out = pieces[0]
    for piece in pieces[1:]:
        left = out.split("-")[-1]
        joined = left + piece
        at_syllable = len(left) in _hyphenation_points(joined)
        if f"{left}-{piece}" in forms() or not at_syllable:
            out = f"{out}-{piece}"
        elif joined in forms() or (left not in forms() and piece not in forms()):
            out = out + piece
        elif left not in forms() and split_compound(joined):
            out = out + piece
        else:
            out = f"{out}-{piece}"
    return out


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def _hyphenation_points(word: str) -> tuple[int, ...]:
    """Where Danish hyphenation may break the word (pyphen's da_DK patterns)."""
    return tuple(_pyphen().positions(word))


@cache
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="da_DK")


def repair_inline_hyphens(text: str) -> str:
    """Apply ``join_inline_hyphen`` to every lowercase hyphenated word of a text.

    >>> repair_inline_hyphens("begge par-ter og rele-vante ikke-kommunale aktører")
    'begge parter og relevante ikke-kommunale aktører'
    """
    return _INLINE.sub(lambda m: join_inline_hyphen(m.group(1)), text)


def _rejoin(match: re.Match[str]) -> str:
    joined = join_line_break(match.group(1), match.group(2))
    # the joined word stays on the first line; the rest of the second follows
    rest_of_line = match.string[match.end() :]
    if rest_of_line and not rest_of_line.startswith(("\n", "\r")):
        return joined + "\n"
    return joined


def dehyphenate_text(text: str, *, joined_lines: bool = False) -> str:
    """Apply ``join_line_break`` to every line-end hyphen in a text.

    Args:
        text (str): text with line breaks, e.g. a page from the PDF reader.
        joined_lines (bool): also treat "word- word" inside a line as a break,
            for text whose lines were already joined with spaces.

    RETURNS (str): the text with broken words joined; the joined word ends
        the first line and the rest of the second line keeps its own line.

    >>> dehyphenate_text("en god ud-\\ndannelse giver job")
    'en god uddannelse\\ngiver job'
    >>> dehyphenate_text("Social- og\\nbeskæftigelses-\\nområdet")
    'Social- og\\nbeskæftigelsesområdet'
    """
    text = _LINE_BREAK.sub(_rejoin, text)
    if joined_lines:
        text = _SPACE_BREAK.sub(lambda m: join_line_break(m.group(1), m.group(2)), text)
    return text
