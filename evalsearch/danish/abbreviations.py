"""Danish abbreviations ("bl.a.", "f.eks.", "kr.").

Source: spaCy's Danish tokenizer exceptions
(``spacy/lang/da/tokenizer_exceptions.py``, itself from https://forkortelse.dk/),
read once on first use, plus ``extra_words.BARE_ABBREVIATIONS``: the ones
reports also write without the final full stop. Kept apart from the word
forms of ``lexicon`` so that fragments such as "bl" or "ing" never count as
words when compounds are split or line breaks joined.
"""

from __future__ import annotations

from functools import cache, lru_cache

from evalsearch.danish.extra_words import BARE_ABBREVIATIONS
from evalsearch.danish.tokens import DEFAULT_CACHE_SIZE, normalise

# punctuation that may follow an abbreviation's own full stop ("kr.,")
_TRAILING = ",;:!?)]}»\"'"


@cache
def abbreviations() -> frozenset[str]:
    """All known abbreviations, lowercase, final full stop removed.

    RETURNS (frozenset[str]): about 1,000 entries such as "bl.a", "kr", "jf".
    """
    from spacy.lang.da.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    found = {key.lower()[:-1] for key in TOKENIZER_EXCEPTIONS if key.endswith(".") and len(key) > 1}
    return frozenset(found | BARE_ABBREVIATIONS)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def is_abbreviation(token: str) -> bool:
    """Tell whether a token is a known Danish abbreviation ("bl.a.", "kr.", "fx").

    Args:
        token (str): the token, with its final full stop if it had one.

    RETURNS (bool): True if known; without its full stop an abbreviation only
        counts if reports write it so ("fx", "ca", "kr"), not "ing" or "bl".

    >>> is_abbreviation("bl.a."), is_abbreviation("ing."), is_abbreviation("ing")
    (True, True, False)
    """
    word = normalise(token)
    if not word:
        return False
    if token.strip().rstrip(_TRAILING).endswith(".") and word in abbreviations():
        return True
    return word in BARE_ABBREVIATIONS
