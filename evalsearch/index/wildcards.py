"""Query words with wildcards: "ledels*", "frivil?ige", "*samarbejde".

``*`` stands for any letters (none too), ``?`` for one letter. A pattern is
matched against the words of the index as they are written (field ``exact``),
so "ledels*" finds ledelse, ledelsen, ledelsesmæssig and ledelsesopbakning, and
"*samarbejde" finds virksomhedssamarbejde. A pattern needs ``MIN_LETTERS``
letters besides its wildcards: "*" or "a*" would stand for most of the index.

>>> pattern_regex("frivil?ige*").pattern
'frivil.ige.*'
"""

from __future__ import annotations

import re

from evalsearch.errors import UsageError

WILDCARDS = "*?"
#: letters a pattern needs besides its wildcards
MIN_LETTERS = 2
#: most index words one pattern stands for: the most frequent are kept
MAX_PATTERN_TERMS = 200


def pattern_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression of a wildcard pattern, matched against a whole word."""
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern))


def pattern_terms(reader, fieldname: str, pattern: str, limit: int = MAX_PATTERN_TERMS) -> list[str]:
    """The index words of ``fieldname`` that ``pattern`` matches, the most frequent first.

    Args:
        reader: a Whoosh index reader.
        fieldname (str): the field whose words are matched.
        pattern (str): a lower-case word with ``*`` and ``?``.
        limit (int): most words returned.

    RETURNS (list[str]): at most ``limit`` words.
    Raises:
        UsageError: the pattern has fewer than ``MIN_LETTERS`` letters besides its wildcards.
    """
    if sum(c not in WILDCARDS for c in pattern) < MIN_LETTERS:
        raise UsageError(f"the pattern {pattern!r} stands for too many words; give it at least "
                         f"{MIN_LETTERS} letters besides * and ?")
    fixed = re.split(r"[*?]", pattern, maxsplit=1)[0]  # the start every match shares
    regex = pattern_regex(pattern)
    terms = reader.expand_prefix(fieldname, fixed) if fixed else reader.lexicon(fieldname)
    found = [t for t in (t.decode("utf-8") if isinstance(t, bytes) else t for t in terms) if regex.fullmatch(t)]
    if len(found) > limit:
        found.sort(key=lambda t: -reader.doc_frequency(fieldname, t))
    return found[:limit]
