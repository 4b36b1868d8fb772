"""Mark the words of a passage that matched a query, and cut a snippet around them.

The passage is analysed again with the index's analyzers (character offsets
on): a word is marked when any token it yields, as written or expanded, is
one of the query's terms for that field. A compound whose part matched is
marked whole ("**ledelsesopbakning**"); stop words are never marked.

>>> from evalsearch.index.analysis import exact_analyzer
>>> mark_matches("Ledelsen bakker op", [(exact_analyzer(), {"ledelsen"})])
'**Ledelsen** bakker op'
"""

from __future__ import annotations

from collections.abc import Iterable

#: what a match is wrapped in
DEFAULT_MARK = ("**", "**")
#: characters of context a snippet keeps around its matches
DEFAULT_SNIPPET_CHARS = 320


class WordMatcher:
    """Tells which words of a text yield one of a set of terms under an analyzer, word by word.

    Each distinct word is analysed once (as a one-word text) and remembered,
    so marking the matches of many passages costs a dictionary look-up per
    word. A particle verb ("bakker op") is not seen this way: the verb alone
    does not yield "opbakning"; its other readings still mark it.

    Args:
        analyzer: the field's analyzer.
        terms (set[str]): the query's terms for that field.
    """

    def __init__(self, analyzer, terms: set[str]):
        self.analyzer = analyzer
        self.terms = terms
        self._memo: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        found = self._memo.get(word)
        if found is None:
            found = any(t.text in self.terms for t in self.analyzer(word, mode="query"))
            self._memo[word] = found
        return found


def match_spans(text: str, matchers: Iterable[tuple[object, set[str]]]) -> list[tuple[int, int]]:
    """Character spans (start, end) of the words that yield a query term, merged and sorted; two
    matched words with one space between them are one span.

    ``matchers`` holds (analyzer, terms) pairs or ``WordMatcher`` objects.
    """
    from evalsearch.index.analysis import DEFAULT_TOKEN_PATTERN

    found: set[tuple[int, int]] = set()
    word_matchers = [m if isinstance(m, WordMatcher) else WordMatcher(*m) for m in matchers]
    word_matchers = [m for m in word_matchers if m.terms]
    for match in _words(DEFAULT_TOKEN_PATTERN).finditer(text):
        if any(m.matches(match.group(0)) for m in word_matchers):
            found.add(match.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        # words matched side by side are one mark: "**personlig assistance**", as the query has them
        if merged and (start <= merged[-1][1] or text[merged[-1][1]:start] == " "):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _words(pattern: str):
    import re

    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern)
    return compiled


_COMPILED: dict = {}


def mark_matches(text: str, matchers: Iterable[tuple[object, set[str]]], mark: tuple[str, str] = DEFAULT_MARK) -> str:
    """The text with every matching word wrapped in ``mark``."""
    return _wrap(text, match_spans(text, matchers), mark)


def _wrap(text: str, spans: list[tuple[int, int]], mark: tuple[str, str], offset: int = 0) -> str:
    out, last = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < last or end > len(text):
            continue
        out += [text[last:start], mark[0], text[start:end], mark[1]]
        last = end
    out.append(text[last:])
    return "".join(out)


def snippet(text: str, spans: list[tuple[int, int]], mark: tuple[str, str] = DEFAULT_MARK,
            size: int = DEFAULT_SNIPPET_CHARS, keep: int = 0) -> str:
    """A window of about ``size`` characters holding the most matches, cut at word boundaries.

    The first ``keep`` characters (a table row's id or first cell: whose row it is) are shown
    before a window that starts further in, at most ``KEEP_MAX`` of them.

    >>> snippet("a b c", [(2, 3)], size=100)
    'a **b** c'
    >>> snippet("A1 " + "x " * 20 + "hit", [(43, 46)], size=12, keep=2)
    'A1 … x **hit**'
    """
    if len(text) <= size:
        return _wrap(text, spans, mark)
    best_start, best_count = 0, -1
    for start, _ in spans or [(0, 0)]:
        begin = max(0, start - size // 4)
        count = sum(1 for s, e in spans if s >= begin and e <= begin + size)
        if count > best_count:
            best_start, best_count = begin, count
    begin = 0 if best_start <= keep + 1 else best_start  # a window that starts in the lead shows it whole
    end = min(len(text), begin + size)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 40 else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    inside = [(s, e) for s, e in spans if s >= begin and e <= end]
    body = _wrap(text[begin:end], inside, mark, offset=begin)
    lead = _lead(text, keep, begin)
    if lead:
        body = _wrap(lead, [(s, e) for s, e in spans if e <= len(lead)], mark) + " … " + body
    return ("… " if begin > 0 and not lead else "") + body + (" …" if end < len(text) else "")


#: a row's lead longer than this is cut to its first words
KEEP_MAX = 60


def _lead(text: str, keep: int, begin: int) -> str:
    """The start of the text to show before a window from ``begin``: its first ``keep`` characters
    (cut at a word to ``KEEP_MAX``), or "" when there are none or the window shows them."""
    if keep <= 0 or begin == 0:
        return ""
    if keep > KEEP_MAX:
        space = text.rfind(" ", 0, KEEP_MAX)
        return text[:space] if space > 0 else text[:KEEP_MAX]
    return text[:keep]
