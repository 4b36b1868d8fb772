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
