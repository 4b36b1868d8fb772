"""Link Danish words to the words they are derived from, for search.

``base_forms`` lemmatises a word (compound-aware) and then undoes
derivational suffixes by the rules in ``derivation_data``, keeping a
candidate only if the lexicon knows it as a lemma. Rules repeat up to
``DEFAULT_MAX_STEPS`` times, so "ledelsesmæssige" → "ledelsesmæssig" →
"ledelse" → "lede", and "leder" → "lede" meets it there. In a compound only
the head is derived and the modifiers are kept as written:
"forventningsafstemning", "forventningsafstemt" and "forventningsafstemmes"
all reach "forventningsafstemme". The agent-noun rule is not applied to a
compound's head: "kontanthjælpsmodtager" names a person, and
"kontanthjælpsmodtage" is not a word.

The rules are general (no list of query words) and conservative: a base must
be a known lemma of at least the rule's shortest stem, so "ledig" is not
linked to "led" and "forventning" is not linked to "vente".

>>> base_forms("ledelsesmæssige")
('ledelsesmæssig', 'ledelse', 'lede')
>>> base_forms("ledere")
('leder', 'lede')
"""

from __future__ import annotations

from functools import lru_cache

from evalsearch.danish.compounds import compound_analysis, compound_lemma
from evalsearch.danish.derivation_data import AGENT_SUFFIX, DERIVATION_RULES
from evalsearch.danish.lexicon import DEFAULT_CACHE_SIZE, is_lemma, lemma

#: how many suffixes may be undone one after the other
DEFAULT_MAX_STEPS = 3


def _apply(stem: str, replacement: str) -> str | None:
    """Build one candidate base from a stem (see ``derivation_data``)."""
    if replacement == "-s":
        return stem[:-1] if stem.endswith("s") else None
    if replacement == "-s+e":
        return stem[:-1] + "e" if stem.endswith("s") else None
    if replacement.startswith("2"):
        return stem + stem[-1:] + replacement[1:] if stem else None
    return stem + replacement


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def derive_once(word: str, *, agent: bool = True) -> str | None:
    """Undo one derivational suffix of a lowercase lemma.

    Args:
        word (str): a lowercase lemma, e.g. "personlig".
        agent (bool): also undo the agent-noun suffix ("leder" → "lede").

    RETURNS (str | None): the base lemma ("person"), or None if no rule applies.

    >>> derive_once("kompensation"), derive_once("kommune")
    ('kompensere', None)
    """
    for suffix, replacements, min_stem in DERIVATION_RULES:
        if not word.endswith(suffix) or len(word) - len(suffix) < min_stem:
            continue
        if suffix == AGENT_SUFFIX and not agent:
            continue
        stem = word[: -len(suffix)]
        for replacement in replacements:
            candidate = _apply(stem, replacement)
            if candidate and candidate != word and len(candidate) >= min_stem and is_lemma(candidate):
                return lemma(candidate)
    return None


def _derive_chain(word: str, *, agent: bool = True) -> list[str]:
    chain = [word]
    while len(chain) <= DEFAULT_MAX_STEPS:
        base = derive_once(chain[-1], agent=agent)
        if base is None or base in chain:
            break
        chain.append(base)
    return chain


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def base_forms(word: str) -> tuple[str, ...]:
    """Return a word's lemma followed by the bases it is derived from.

    Args:
        word (str): one word as found in text ("Ledelsesmæssige",
            "forventningsafstemt").

    RETURNS (tuple[str, ...]): the compound-aware lemma first, then each
        base, nearest first; just the lemma if nothing is derived. Empty
        for an empty token.

    >>> base_forms("forventningsafstemning")
    ('forventningsafstemning', 'forventningsafstemme')
    """
    first = compound_lemma(word)
    if not first:
        return ()
    parts = compound_analysis(first)
    head = parts[-1].lemma if parts else ""
    if head and first.endswith(head) and first != head:
        prefix = first[: len(first) - len(head)]
        derived = [prefix + base for base in _derive_chain(head, agent=False)[1:]]
        own = [base for base in _derive_chain(first)[1:] if base not in derived]
        return tuple(dict.fromkeys([first, *own, *derived]))
    return tuple(_derive_chain(first))
