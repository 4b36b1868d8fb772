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


def match_spans(text: str, matchers: Iterable[tuple[object, set[str]]]) -> list[tuple[int, int]]:
    """Character spans (start, end) of the words that yield a query term, merged and sorted."""
    found: set[tuple[int, int]] = set()
    for analyzer, terms in matchers:
        if not terms:
            continue
        for token in analyzer(text, chars=True, removestops=False, mode="query"):
            if not getattr(token, "stopped", False) and token.text in terms:
                found.add((token.startchar, token.endchar))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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
            size: int = DEFAULT_SNIPPET_CHARS) -> str:
    """A window of about ``size`` characters holding the most matches, cut at word boundaries.

    >>> snippet("a b c", [(2, 3)], size=100)
    'a **b** c'
    """
    if len(text) <= size:
        return _wrap(text, spans, mark)
    best_start, best_count = 0, -1
    for start, _ in spans or [(0, 0)]:
        begin = max(0, start - size // 4)
        count = sum(1 for s, e in spans if s >= begin and e <= begin + size)
        if count > best_count:
            best_start, best_count = begin, count
    begin = best_start
    end = min(len(text), begin + size)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 40 else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    inside = [(s, e) for s, e in spans if s >= begin and e <= end]
    body = _wrap(text[begin:end], inside, mark, offset=begin)
    return ("… " if begin > 0 else "") + body + (" …" if end < len(text) else "")
