"""Token normalisation shared by the Danish modules.

One rule for every look-up: lowercase, soft hyphens (U+00AD) removed, and
anything that is not a letter or digit stripped from both ends; in-word
characters ("-", ".", "/") are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, product

#: memo size of the per-word functions (distinct words in a large corpus)
DEFAULT_CACHE_SIZE = 1 << 18

SOFT_HYPHEN = "\u00ad"


def normalise(token: str) -> str:
    """Lowercase a token and strip punctuation around it (and soft hyphens).

    Args:
        token (str): a word as found in text, e.g. "(Ledelsen," or "ud\u00addannelse".

    RETURNS (str): the bare lowercase word; "" if nothing word-like is left.

    >>> normalise("«Jobcentret»,")
    'jobcentret'
    """
    word = token.replace(SOFT_HYPHEN, "")
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end].lower()


#: the two ways a keyboard without æ, ø and å writes them: as two letters, or as one bare letter
_DIGRAPH_LETTERS = {"aa": "å", "oe": "ø", "ae": "æ"}
_ASCII_LETTERS = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
#: the spelling key of ``ascii_key``: a digraph as the bare letter of the letter it stands for
_ASCII_DIGRAPHS = tuple((digraph, letter.translate(_ASCII_LETTERS)) for digraph, letter in _DIGRAPH_LETTERS.items())
#: a bare letter and the marked letters it may stand for ("a" → "æ", "å")
_MARKED_LETTERS = {bare: tuple(m for m in "æøå" if m.translate(_ASCII_LETTERS) == bare) for bare in "ao"}
#: most digraphs of one word read back as letters (2 ** this many spellings)
DEFAULT_MAX_DIGRAPHS = 4
#: most bare letters of one word given their marks
DEFAULT_MAX_MARKS = 2


def ascii_key(word: str) -> str:
    """One key for the ways a word is written without æ, ø and å.

    A keyboard without them gives "paaroerende" (aa, oe, ae) or "parorende"
    (the letters without their marks) for "pårørende"; both, and any mix,
    share a key with it.

    >>> {ascii_key(w) for w in ("pårørende", "paaroerende", "parorende", "paarørende")}
    {'parorende'}
    >>> ascii_key("ledelsesmæssig") == ascii_key("ledelsesmaessig")
    True
    """
    key = word.lower().translate(_ASCII_LETTERS)
    for digraph, letter in _ASCII_DIGRAPHS:
        key = key.replace(digraph, letter)
    return key


def danish_spellings(word: str, max_digraphs: int = DEFAULT_MAX_DIGRAPHS,
                     max_marks: int = DEFAULT_MAX_MARKS) -> Iterator[str]:
    """The words ``word`` may stand for if it was typed without æ, ø and å.

    First its aa, oe and ae read back as å, ø and æ, most of them first: a writer without the
    keys writes every one so. Then, in the word with all of them read back, up to ``max_marks``
    bare letters given their marks (a → æ or å, o → ø), fewest first: most a's and o's of a
    Danish word are meant as typed. Lazy, as a caller stops at the first spelling it knows.

    >>> list(danish_spellings("paaroerende", max_marks=0))
    ['pårørende', 'påroerende', 'paarørende']
    >>> list(danish_spellings("ledelsesmassig"))
    ['ledelsesmæssig', 'ledelsesmåssig']
    >>> list(danish_spellings("parorende"))[:4]
    ['pærorende', 'pårorende', 'parørende', 'pærørende']
    """
    text = word.lower()
    places, at = [], 0
    while at < len(text) - 1 and len(places) < max_digraphs:
        if text[at:at + 2] in _DIGRAPH_LETTERS:
            places.append(at)
            at += 2
        else:
            at += 1
    for mask in sorted(range(1, 1 << len(places)), key=lambda m: (-bin(m).count("1"), m)):
        chars, last = [], 0
        for bit, place in enumerate(places):
            if mask >> bit & 1:
                chars += [text[last:place], _DIGRAPH_LETTERS[text[place:place + 2]]]
                last = place + 2
        yield "".join(chars) + text[last:]
    base = text
    for digraph, letter in _DIGRAPH_LETTERS.items():
        base = base.replace(digraph, letter)
    bare = [i for i, char in enumerate(base) if char in _MARKED_LETTERS]
    for count in range(1, min(max_marks, len(bare)) + 1):
        for chosen in combinations(bare, count):
            for letters in product(*(_MARKED_LETTERS[base[i]] for i in chosen)):
                chars = list(base)
                for i, letter in zip(chosen, letters):
                    chars[i] = letter
                yield "".join(chars)
