"""Token normalisation shared by the Danish modules.

One rule for every look-up: lowercase, soft hyphens (U+00AD) removed, and
anything that is not a letter or digit stripped from both ends; in-word
characters ("-", ".", "/") are kept.
"""

from __future__ import annotations

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


#: Danish letters as a keyboard without them writes them, in the spelling key of ``ascii_key``
_ASCII_LETTERS = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
_ASCII_DIGRAPHS = (("aa", "a"), ("oe", "o"), ("ae", "a"))


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
