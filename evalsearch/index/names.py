"""A query word that a passage holds only inside a name weighs less there.

Danish writes common nouns in lower case, so a capitalised word inside a
sentence belongs to a name: every report that STAR funds names "Styrelsen for
Arbejdsmarked og Rekruttering", and those one-line mentions of the agency
ranked first for "rekruttering", above the lessons about recruiting
participants. A passage whose every occurrence of a query word stands inside
a name keeps ``NAME_WEIGHT`` of what that word scores there.

Left alone are:

* passages other than prose (paragraphs and lessons): the cells of a table row
  are joined by spaces, and a cell that opens with a capital would read as a name;
* a word that the best passages never write in lower case: it is a name itself
  ("aarhus"), and a query that holds one asks for that name ("jobcenter aarhus");
* a query that names something (a capitalised word after its first);
* words in capitals ("ADHD", "STAR"), which are terms as often as names.

>>> in_name("på vegne af Styrelsen for Arbejdsmarked og Rekruttering (STAR).", 43)
True
>>> in_name("Rekruttering af frivillige. Rekruttering tager tid.", 28)
False
>>> in_name("sparring om hjerneskade Inddragelse af pårørende", 24)
False
>>> asks_for_a_name("rekruttering af deltagere"), asks_for_a_name("Styrelsen for Arbejdsmarked")
(False, True)
"""

from __future__ import annotations

import re

from evalsearch.index.analysis import DEFAULT_TOKEN_PATTERN

#: share of a word's score that a passage keeps when it holds the word only inside names
NAME_WEIGHT = 0.25
#: the best candidates looked at for names: a name matters where it lifts a passage to the top
NAME_CANDIDATES = 30
#: the best candidates read for the query word written in lower case
LOWER_CASE_CANDIDATES = 20
#: the kinds of passage whose text runs in sentences
PROSE_KINDS = ("paragraph", "lesson")
#: a word as the index's tokenizer reads it
_WORD = re.compile(DEFAULT_TOKEN_PATTERN)


def in_name(text: str, start: int) -> bool:
    """Is the word at ``start`` capitalised (not in capitals) inside a sentence (after a word in
    lower case or a comma), beside another capitalised word, across at most one joining word
    ("Arbejdsmarked og Rekruttering", "Jobcenter Aarhus")? A capital alone after lower case
    opens an item run into the text ("… om hjerneskade Inddragelse af pårørende …")."""
    word = _WORD.match(text, start)
    if word is None or not word.group(0)[:1].isupper() or word.group(0).isupper():
        return False
    before = text[:start].rstrip()
    if not before or not (before[-1].islower() or before[-1] == ","):
        return False
    earlier = _WORD.findall(text[max(0, start - 60):start])[-2:]
    later = _WORD.findall(text[word.end():word.end() + 60])[:2]
    return _capitalised_beside(earlier[::-1]) or _capitalised_beside(later)


#: the small words that join the words of a name ("Styrelsen for Arbejdsmarked og Rekruttering")
_JOINING = frozenset({"og", "for", "af", "i", "til", "med", "på", "under"})


def _capitalised_beside(words: list[str]) -> bool:
    """Is the nearest of ``words`` capitalised, or the next one after a joining word?"""
    for word in words:
        if word[:1].isupper():
            return True
        if word not in _JOINING:
            return False
    return False


def asks_for_a_name(query: str) -> bool:
    """Does the query capitalise a word after its first, as when a name is searched for?"""
    return any(word[:1].isupper() for word in _WORD.findall(query)[1:])


class _Passage:
    """A candidate's words, and which of them stand inside names (in prose only), found once for
    all query words."""

    def __init__(self, text: str, prose: bool):
        found = list(_WORD.finditer(text))
        self.words = [w.group(0) for w in found]
        self.in_name = [prose and w.group(0)[:1].isupper() and in_name(text, w.start()) for w in found]


class _Forms:
    """What each word yields under the exact and the expanded analyzer, analysed once per search."""

    def __init__(self, builder):
        self.builder = builder
        self.memo: dict[str, tuple[frozenset, frozenset]] = {}

    def matches(self, word: str, exact: set[str], expanded: set[str]) -> bool:
        forms = self.memo.get(word)
        if forms is None:
            forms = (frozenset(t.text for t in self.builder.exact(word, mode="query")),
                     frozenset(t.text for t in self.builder.expanded(word, mode="query")))
            self.memo[word] = forms
        return not forms[0].isdisjoint(exact) or not forms[1].isdisjoint(expanded)


def damp_names(final: dict[int, float], plan, builder, engine, fields_of, prior) -> None:
    """Scale down, in ``final``, what each query word scores in the candidates that hold it only
    inside names (see the module docstring).

    Args:
        final (dict[int, float]): candidate passage → score, best first; changed in place.
        plan (PlannedQuery): the query's words and their clauses (``query``).
        builder (QueryBuilder): for the field analyzers.
        engine (PostingEngine): scores a word's clause on every passage.
        fields_of: passage number → its stored fields.
        prior: the passages' length and kind factors (``search``).
    """
    from evalsearch.index.engine import evaluate

    if asks_for_a_name(plan.text):
        return
    # most passages hold no name at all: only those with one are read further
    best = {d: _Passage(fields_of(d)["text"], fields_of(d)["kind"] in PROSE_KINDS)
            for d in list(final)[:NAME_CANDIDATES]}
    passages = {d: p for d, p in best.items() if any(p.in_name)}
    if not passages:
        return
    first = list(best.values())[:LOWER_CASE_CANDIDATES]
    forms = _Forms(builder)
    damped = []
    for _, whole, exact in plan.clauses:
        terms = list(whole.iter_all_terms())
        exact_terms = {text for field, text in terms if field == "exact"} | {exact.text}
        expanded_terms = {text for field, text in terms if field != "exact"}

        def matches(word: str) -> bool:
            return forms.matches(word, exact_terms, expanded_terms)

        named = [d for d, p in passages.items()
                 if any(inside and matches(w) for w, inside in zip(p.words, p.in_name))
                 and not any(not inside and matches(w) for w, inside in zip(p.words, p.in_name))]
        if not named:
            continue
        # a word the best candidates never write in lower case is a name itself ("aarhus"), and
        # a query with a name in it asks for that name ("jobcenter aarhus"): nothing is damped
        if not any(w[:1].islower() and matches(w) for p in first for w in p.words):
            return
        damped.append((whole, exact, named))
    for whole, exact, named in damped:
        scores, _ = evaluate(engine, whole)
        bonus = engine.dense(exact.fieldname, exact.text, exact.boost)
        for docnum in named:
            final[docnum] -= (1.0 - NAME_WEIGHT) * float((scores[docnum] + bonus[docnum]) * prior[docnum])
