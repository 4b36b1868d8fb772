"""Phrase and proximity bonuses, checked in the text of the best candidates.

Whoosh finds a phrase by walking the posting lists of its words from the
start until the words stand together, which for common words ("borgere ...
job") means most of the index. The bonus only matters for the few best
candidates, so ``phrase_bonuses`` analyses their stored text again with the
phrase's field analyzer and checks the positions there.

>>> in_order([[0, 7], [1, 9]], slop=1)
True
>>> in_order([[0], [5]], slop=2)
False
"""

from __future__ import annotations

from collections.abc import Sequence


def in_order(positions: Sequence[Sequence[int]], slop: int) -> bool:
    """Do the words occur in this order, each at most ``slop`` positions after the one before?"""
    if not positions or any(not p for p in positions):
        return False
    for start in positions[0]:
        current = start
        for later in positions[1:]:
            following = [p for p in later if current < p <= current + slop]
            if not following:
                break
            current = following[0]
        else:
            return True
    return False


def phrase_positions(analyzer, text: str, words: Sequence[str]) -> list[list[int]]:
    """Positions of each of ``words`` in ``text`` as the field's analyzer numbers them."""
    wanted = {word: index for index, word in enumerate(words)}
    found: list[list[int]] = [[] for _ in words]
    for token in analyzer(text, positions=True, mode="index"):
        index = wanted.get(token.text)
        if index is not None:
            found[index].append(token.pos)
    return found


def phrase_bonuses(engine, schema, phrases, texts: dict[int, str]) -> dict[int, float]:
    """Bonus per passage for every phrase (Whoosh ``Phrase`` queries) found in its text.

    A found phrase adds its boost times the BM25 of its words in the passage
    (the ``expanded`` field for lemma phrases, whose lemmas it also holds).
    Each text is analysed once per field, whatever the number of phrases.

    Args:
        engine (PostingEngine): for the words' BM25 scores.
        schema: the index schema (for the field analyzers).
        phrases (list): Whoosh Phrase queries.
        texts (dict[int, str]): passage number → stored text, the candidates.
    RETURNS (dict[int, float]): passage number → bonus, for passages with a bonus.
    """
    bonuses: dict[int, float] = {}
    by_field: dict[str, list] = {}
    for phrase in phrases:
        by_field.setdefault(phrase.fieldname, []).append(phrase)
    for fieldname, group in by_field.items():
        analyzer = schema[fieldname].analyzer
        field = "exact" if fieldname == "exact" else "expanded"
        words = list(dict.fromkeys(word for phrase in group for word in phrase.words))
        scores = {word: engine.dense(field, word) for word in words} if texts else {}
        for docnum, text in texts.items():
            positions = dict(zip(words, phrase_positions(analyzer, text, words)))
            for phrase in group:
                if in_order([positions[word] for word in phrase.words], phrase.slop):
                    value = phrase.boost * sum(float(scores[word][docnum]) for word in phrase.words)
                    bonuses[docnum] = bonuses.get(docnum, 0.0) + value
    return bonuses
