"""User text → Whoosh query: parsing, Danish expansion, typo correction, ranking weights.

The query syntax (``syntax.parse``): words separated by white space,
"quoted phrases", +required and -excluded words, (groups), AND/OR/NOT, and
words with wildcards, which stand for the index words they match. Any
word may match (OR); BM25F ranks the passages.

Each word becomes one clause that scores a passage by its *best* match
(``BestOf``), so closer forms rank above looser ones:

1. its lemma (field ``expanded``, ``QueryWeights.lemma``);
2. its expansions (field ``expanded``, ``QueryWeights.expanded`` times each
   reading's weight): other readings, particle verbs, derivational bases;
3. all parts of a compound ("virksomhedsnetværk" → virksomhed AND netværk,
   ``QueryWeights.parts``), or else any one part (``QueryWeights.part``);
4. compounds and inflections the index holds that start with the word
   ("samskabelse" → "samskabelsesmodel", ``QueryWeights.prefix``);
5. for a compound, the index's compounds of the same first part with another
   head ("virksomhedsnetværk" → virksomhedsforum, virksomhedsklynge; field
   ``lemma``, ``QueryWeights.sibling``).

The word as written (field ``exact``) adds ``QueryWeights.exact`` on top, so
exact wording ranks above morphological matches.

The heading and section title of a passage add a little (``context``). Two or
more words add a phrase boost (the words as typed, ``exact``) and a proximity
boost (their lemmas in order within ``QueryWeights.near_slop`` positions,
``lemma``); three or more words add that boost for each pair of the words, in
the query's order, as well (``QueryWeights.pair``: "fastholdt i job" for "hvordan
fastholdes borgere i job"); all are computed for the best candidates only
(``search``).

A word that the index does not hold and the lexicon does not know is taken
for a typo and replaced by the most similar word of the index's vocabulary
(rapidfuzz), if one is similar enough; the ``Correction`` is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from whoosh import query as wq

from evalsearch.index.bestof import BestOf, _best
from evalsearch.index.morphology import MORPHOLOGY
from evalsearch.index.numbers import number_spellings
from evalsearch.index.respelling import Respeller
from evalsearch.index.syntax import parse
from evalsearch.index.wildcards import pattern_terms

#: endings that make an inflection of an unknown word ("samskabelse" → "samskabelsen")
INFLECTION_ENDINGS = ("n", "en", "et", "ne", "er", "erne", "e", "es", "s", "ens", "ets", "ernes")
#: linking elements between a word and the rest of a compound that starts with it
LINKS = ("", "s", "e")


@dataclass(frozen=True)
class QueryWeights:
    """Boosts of the query clauses (see the module docstring)."""

    exact: float = 0.5
    lemma: float = 1.0
    expanded: float = 1.0
    parts: float = 0.8
    part: float = 0.3
    prefix: float = 0.6
    context: float = 0.5
    phrase: float = 1.5
    near: float = 0.5
    near_slop: int = 6
    #: three words or more: each pair of the words within ``near_slop`` positions, in the query's order
    pair: float = 0.5
    #: a compound's parts written as words in a row ("handicap nøglepersonerne"), a bonus like ``phrase``
    split: float = 1.0
    #: compounds with the same first part and another head ("virksomhedsnetværk" → virksomhedsforum)
    sibling: float = 0.4
    tiebreak: float = 0.1
    #: how strongly the rarer words of a query of several words outweigh its common ones
    #: (each word's clause × (its IDF / the rarest word's IDF) ** specificity; 0 = plain BM25)
    specificity: float = 2.0
    #: shortest word expanded to the compounds that start with it
    min_prefix: int = 6
    #: most index terms one prefix may expand to
    max_prefix_terms: int = 40
    #: lowest rapidfuzz ratio (0-100) for a typo correction
    min_similarity: float = 80.0


@dataclass(frozen=True)
class Correction:
    """A query word taken for a typo and what was searched instead."""

    original: str
    corrected: str
    similarity: float


@dataclass
class PlannedQuery:
    """The Whoosh query for a user's text, and what the search output reports about it."""

    text: str
    query: wq.Query
    words: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    #: field → term texts that mark a match in the passage text (for highlighting)
    terms: dict[str, set[str]] = field(default_factory=dict)
    #: phrase and proximity queries scored on the candidates the words found
    boosts: list = field(default_factory=list)
    #: the query requires, excludes or quotes words (+word, AND, -word, NOT, "a b"): it is not widened by feedback
    strict: bool = False
    #: (primary lemma, clause) of every word, for weighing the words against each other
    clauses: list = field(default_factory=list)
    #: words with wildcards that match no index word
    empty_patterns: list[str] = field(default_factory=list)


def _analyse(analyzer, word: str) -> list:
    return [t.copy() for t in analyzer(word, positions=True, mode="query")]


class QueryBuilder:
    """Turns user text into a ``PlannedQuery`` against one open index.

    Args:
        searcher: an open Whoosh searcher of the passage index.
        weights (QueryWeights): clause boosts.
    """

    def __init__(self, searcher, weights: QueryWeights | None = None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weights = weights or QueryWeights()
        # the analyzers pickled into the index: the query is analysed exactly as the passages were
        schema = searcher.schema
        self.exact = schema["exact"].analyzer
        self.lemma = schema["lemma"].analyzer
        self.expanded = schema["expanded"].analyzer
        self._vocabulary: list[str] | None = None
        self._respelled = Respeller(self.vocabulary, lambda t: self.reader.doc_frequency("exact", t), self._known_here)

    def build(self, text: str) -> PlannedQuery:
        parsed = parse(text, self.searcher.schema)
        plan = PlannedQuery(text=text, query=wq.NullQuery, terms={"exact": set(), "expanded": set()})
        plan.query = self._rewrite(parsed, plan)
        self._weigh_words(plan)
        plan.boosts = plan.boosts + self._boosts(plan) if plan.query is not wq.NullQuery else []
        return plan

    # -- tree rewriting -------------------------------------------------------------------------

    def _rewrite(self, node: wq.Query, plan: PlannedQuery) -> wq.Query:
        if isinstance(node, wq.Term):
            return self._word_clause(node.text, plan)
        if isinstance(node, (wq.Prefix, wq.Wildcard, wq.Every)):  # "ledels*", "frivil?ige", "*"
            pattern = "*" if isinstance(node, wq.Every) else node.text
            return self._pattern_clause(pattern + ("*" if isinstance(node, wq.Prefix) else ""), plan)
        if isinstance(node, wq.Phrase):
            return self._phrase_clause(list(node.words), plan)
        if isinstance(node, (wq.Not, wq.Require, wq.AndNot, wq.And)):
            plan.strict = True
        if isinstance(node, wq.Not):
            inner = self._rewrite(node.query, plan)
            return wq.Not(inner) if inner is not wq.NullQuery else wq.NullQuery
        if isinstance(node, wq.BinaryQuery):
            a, b = self._rewrite(node.a, plan), self._rewrite(node.b, plan)
            if a is wq.NullQuery:
                return wq.NullQuery
            return type(node)(a, b) if b is not wq.NullQuery else a
        if isinstance(node, wq.CompoundQuery):
            children = [self._rewrite(child, plan) for child in node.subqueries]
            children = [c for c in children if c is not wq.NullQuery]
            if not children:
                return wq.NullQuery
            return type(node)(children, boost=node.boost) if len(children) > 1 else children[0]
        return node

    def _word_clause(self, word: str, plan: PlannedQuery) -> wq.Query:
        weights = self.weights
        word = self._correct(word, plan)
        tokens = _analyse(self.expanded, word)
        if not tokens:  # a stop word: only phrases see it
            return wq.NullQuery
        before = plan.words[-1].lower() if plan.words else ""
        for spelling in number_spellings(word, before):  # "1000" as the report prints it: "1.000"
            tokens.append(tokens[0].copy())
            tokens[-1].text = spelling
        plan.words.append(word)
        plan.terms["exact"].add(word)
        # the word as written adds a bonus, scored on the best candidates only (see ``search``)
        exact = wq.Term("exact", word, boost=weights.exact)
        plan.boosts.append(exact)
        readings = [t for t in tokens if t.morph != "part"]
        options: list[wq.Query] = [
            _best([wq.Term("expanded", t.text, boost=t.boost * (weights.lemma if t.morph == "lemma" else
                                                                 weights.expanded)) for t in readings], 1.0)
        ]
        parts: dict[int, list] = {}
        for t in tokens:
            if t.morph == "part":
                parts.setdefault(t.part, []).append(wq.Term("expanded", t.text, boost=t.boost))
        if len(parts) > 1:
            groups = [group for _, group in sorted(parts.items())]
            if weights.split > 0:
                plan.boosts.append(wq.Phrase("lemma", [group[0].text for group in groups], slop=1,
                                             boost=weights.split))
            options.append(wq.And([_best(list(group), 1.0) for group in groups], boost=weights.parts))
            options.append(_best([_best([q.copy() for q in group], 1.0) for group in groups], weights.part))
            siblings = self._siblings(readings[0].text if readings else word, [group[0].text for group in groups])
            if siblings and weights.sibling > 0:
                options.append(_best([wq.Term("lemma", t) for t in siblings], weights.sibling))
                plan.terms["expanded"].update(siblings)
        prefixed = self._prefixed(word)
        if prefixed:
            options.append(_best([wq.Term("exact", t) for t in prefixed], weights.prefix))
            plan.terms["exact"].update(prefixed)
        plan.terms["expanded"].update(t.text for t in tokens)
        clause = BestOf([o for o in options if o is not wq.NullQuery], tiebreak=weights.tiebreak)
        context = _best([wq.Term("context", t.text, boost=t.boost) for t in readings], weights.context)
        whole = wq.Or([clause, context])
        plan.clauses.append((readings[0].text if readings else tokens[0].text, whole, exact))
        return whole

    def _weigh_words(self, plan: PlannedQuery) -> None:
        """Weigh the words of a query against each other by their specificity (``QueryWeights.specificity``).

        In "hvordan fastholdes borgere i job" the rare word names the concept
        and the common ones ("borger", "job": in a fifth of all passages)
        only narrow it; BM25's IDF alone lets two common words outscore the
        rare one. Each word's clause and its as-written bonus are scaled by
        (IDF of its lemma / IDF of the query's rarest lemma) ** specificity.
        Words the index does not hold are left as they are.
        """
        from evalsearch.index.ranking import robertson_idf

        size = self.reader.doc_count_all()
        found = [(self.reader.doc_frequency("expanded", lemma), clause, exact) for lemma, clause, exact in plan.clauses]
        found = [(robertson_idf(size, df), clause, exact) for df, clause, exact in found if df > 0]
        if self.weights.specificity <= 0 or len(found) < 2:
            return
        top = max(idf for idf, _, _ in found)
        for idf, clause, exact in found:
            factor = (idf / top) ** self.weights.specificity
            clause.boost *= factor
            exact.boost *= factor

    def _pattern_clause(self, pattern: str, plan: PlannedQuery) -> wq.Query:
        """Any index word the pattern matches, as written (``wildcards``)."""
        terms = pattern_terms(self.reader, "exact", pattern)
        if not terms:
            plan.empty_patterns.append(pattern)
            return wq.NullQuery
        plan.terms["exact"].update(terms)
        return _best([wq.Term("exact", t) for t in terms], 1.0)

    def _phrase_clause(self, words: list[str], plan: PlannedQuery) -> wq.Query:
        plan.strict = True
        words = [self._correct(w, plan) for w in words]
        plan.terms["exact"].update(words)
        if len(words) == 1:
            return self._word_clause(words[0], plan)
        for word in words:
            plan.terms["expanded"].update(t.text for t in _analyse(self.expanded, word))
        lemmas = [t.text for w in words for t in _analyse(self.lemma, w) if t.morph == "lemma"]
        as_written = wq.Phrase("exact", words, boost=self.weights.exact)
        inflected = wq.Phrase("lemma", lemmas, slop=1, boost=self.weights.lemma) if len(lemmas) > 1 else wq.NullQuery
        return BestOf([q for q in (as_written, inflected) if q is not wq.NullQuery])

    def _boosts(self, plan: PlannedQuery) -> list[wq.Query]:
        """Phrase and proximity boosts for the content words of the query, in order."""
        words = plan.words
        if len(words) < 2:
            return []
        boosts: list[wq.Query] = [wq.Phrase("exact", words, slop=2, boost=self.weights.phrase)]
        lemmas = [self.lemma_of(word) for word in words]
        if all(lemmas):
            boosts.append(wq.Phrase("lemma", lemmas, slop=self.weights.near_slop, boost=self.weights.near))
        if len(lemmas) > 2 and self.weights.pair > 0:
            # a question's key words are often apart: "fastholdes borgere i job" ~ "fastholdt i job"
            for a, b in combinations([lemma for lemma in lemmas if lemma], 2):
                boosts.append(wq.Phrase("lemma", [a, b], slop=self.weights.near_slop, boost=self.weights.pair))
        return boosts

    def unmatched(self, plan: PlannedQuery) -> list[str]:
        """The query's words that no passage holds in any form (so they did not narrow or rank anything)."""
        return [word for word, (_, whole, _) in zip(plan.words, plan.clauses)
                if not any(self._in_index(fieldname, text) for fieldname, text in whole.iter_all_terms())]

    def lemma_of(self, word: str) -> str:
        """The primary lemma of a word as the ``lemma`` field holds it; "" for a stop word."""
        tokens = _analyse(self.lemma, word)
        return tokens[0].text if tokens else ""

    # -- vocabulary ------------------------------------------------------------------------------

    def _in_index(self, fieldname: str, text: str) -> bool:
        return self.reader.doc_frequency(fieldname, text) > 0

    def _prefixed(self, word: str) -> list[str]:
        """Index words that are an inflection of ``word`` or a compound starting with it."""
        weights = self.weights
        if len(word) < weights.min_prefix or not word.isalpha():
            return []
        found = []
        for term in self.reader.expand_prefix("exact", word):
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            rest = term[len(word):]
            if not rest:
                continue
            if rest in INFLECTION_ENDINGS or any(
                rest.startswith(link) and len(rest) - len(link) >= 3 and self._in_index("exact", rest[len(link):])
                for link in LINKS
            ):
                found.append(term)
            if len(found) >= weights.max_prefix_terms:
                break
        return found

    def _siblings(self, lemma: str, parts: list[str]) -> list[str]:
        """Index lemmas that are compounds of the same first part with another head.

        "virksomhedsnetværk" (virksomhed + netværk) → virksomhedsforum,
        virksomhedsarrangement, virksomhedsklynge, …: a report that speaks of
        company networks speaks of company forums in the next paragraph. Read
        from the lemma field's vocabulary and the saved analysis memo, so no
        lexicon is loaded.
        """
        head = parts[-1]
        if not lemma.endswith(head) or len(lemma) - len(head) < 3:
            return []
        prefix = lemma[: len(lemma) - len(head)]  # the first part as the compound writes it, linking -s-/-e- included
        found = []
        for term in self.reader.expand_prefix("lemma", prefix):
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            split = MORPHOLOGY.saved_parts(term) if term != lemma else None
            if split and len(split) >= 2 and split[0] == parts[0] and split[-1] != head:
                found.append(term)
                if len(found) >= self.weights.max_prefix_terms:
                    break
        return found

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            terms = (t.decode("utf-8") if isinstance(t, bytes) else t for t in self.reader.lexicon("exact"))
            self._vocabulary = [t for t in terms if t.isalpha()]
        return self._vocabulary

    def _known_here(self, word: str) -> bool:
        """Whether the lexicon knows ``word`` and the index holds its lemma."""
        return bool(MORPHOLOGY.known_as(word)) and any(
            t.morph == "lemma" and self._in_index("expanded", t.text) for t in _analyse(self.expanded, word))

    def _correct(self, word: str, plan: PlannedQuery) -> str:
        """The word itself, or the most similar index word if it looks like a typo.

        A word the lexicon does not know is corrected to the most similar index
        word (``QueryWeights.min_similarity``). Two kinds of words are corrected
        only to an index word one edit away (a letter left out, added, changed,
        or two swapped), since a real word is rarely that close to another: one
        the lexicon knows only as a split into known words ("ordniger" → "ord" +
        "niger", corrected to "ordninger"), and an unknown one whose stem the
        index holds by chance ("bogere": "bog"; corrected to "borgere") and that
        is not an inflection of one of those index words ("samskabelsens").
        """
        if not word.isalpha() or self._in_index("exact", word):
            return word
        tokens = _analyse(self.expanded, word)
        if not tokens:
            return word
        known = MORPHOLOGY.known_as(word)
        stems = {t.text for t in tokens if t.morph == "lemma"}
        stem_indexed = any(self._in_index("expanded", t) for t in stems)
        if known == "form" or (known and stem_indexed):
            return word
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        respelled = self._respelled(word)
        if respelled:
            plan.corrections.append(Correction(word, respelled, round(fuzz.ratio(word, respelled), 1)))
            return respelled
        candidates = [t for t in self.vocabulary() if abs(len(t) - len(word)) <= 3]
        if known or stem_indexed:
            candidates = [t for t in candidates if OSA.distance(word, t, score_cutoff=1) <= 1]
        if stem_indexed and any(stems & {t.text for t in _analyse(self.expanded, c) if t.morph == "lemma"}
                                for c in candidates):
            return word
        found = process.extract(word, candidates, scorer=fuzz.ratio, limit=5, score_cutoff=self.weights.min_similarity)
        if not found:
            return word
        # fewest edits first: a swap of two letters ("modlu") is one edit from "modul", two from "model"
        best = max(found, key=lambda m: (-OSA.distance(word, m[0]), round(m[1], 1),
                                         self.reader.doc_frequency("exact", m[0])))
        plan.corrections.append(Correction(word, best[0], round(best[1], 1)))
        return best[0]
