"""Search the passage index: ranked hits with highlights, filters, facets and typo corrections.

``search(index_dir, text, settings)`` parses and expands the query
(``query``) and ranks in three steps:

1. the query's words score every passage that passes the filters (kind,
   document, pool year, theme) with BM25F over whole posting lists (``engine``);
2. pseudo-relevance feedback adds the words the best passages share (``feedback``); a
   passage that holds only those is *related*, and ranks below every passage that holds the
   query's words;
3. the words as written, the phrase and the proximity of the words add their
   bonus to the best ``DEFAULT_CANDIDATES`` passages (``phrases``).

Then repeats within a report are dropped (a passage whose whole text a
better hit of the same report already shows: the paragraph a lesson was
read from, a list item's second paragraph), the matches are
marked (``highlight``) and, when asked, the matching passages are counted per
document and per theme (facets).

>>> SearchSettings.resolve({"limit": 5, "kinds": ["lesson"]}).limit
5
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from evalsearch.errors import SearchIndexError, UsageError
from evalsearch.index.feedback import FeedbackWeights
from evalsearch.index.filters import filter_labels, filter_query_of, resolve_filters
from evalsearch.index.highlight import WordMatcher, match_spans, snippet
from evalsearch.index.labels import carries_label, named_label
from evalsearch.index.names import damp_names
from evalsearch.index.morphology import DEFAULT_CACHE_NAME, MORPHOLOGY
from evalsearch.index.passages import KIND_ORDER, squash
from evalsearch.index.query import Correction, QueryBuilder, QueryWeights
from evalsearch.index.writer import INDEX_DAMAGE, open_index, read_copies, read_sources, rebuild_hint
from evalsearch.index.records import Hit, Passage
from evalsearch.index.syntax import clean_query, field_notes, field_words, nothing_to_search, unquote_patterns

#: the passage kinds a search can be limited to
KINDS = KIND_ORDER
DEFAULT_LIMIT = 10
#: BM25F parameters: term-frequency saturation and length normalisation
DEFAULT_K1 = 1.2
DEFAULT_B = 0.5
#: words at which a passage keeps 63 % of its score (``ranking.length_prior``; 0 = no damping)
DEFAULT_SHORT = 4.0
#: a passage of a kind scores × its weight: rows of fact tables (Basisoplysninger) restate in
#: telegraphic form what the report's prose says, so the prose ranks first
DEFAULT_KIND_WEIGHTS = (("table", 0.8),)
#: best passages that the exact-wording bonus is computed for
DEFAULT_CANDIDATES = 100
#: best of those that the phrase and proximity bonuses are computed for
DEFAULT_PHRASE_CANDIDATES = 30
#: a search that finds the state it reads replaced by a commit starts again, this many times in all
SEARCH_ATTEMPTS = 5


@dataclass(frozen=True)
class SearchSettings:
    """How to search. Every key is listed in the README's settings table.

    Args:
        limit (int): most hits returned (at least 1).
        kinds (tuple[str, ...]): only passages of these kinds (``KINDS``).
        doc_ids (tuple[str, ...]): only passages of these reports.
        years (tuple[int | str, ...]): only passages of projects from these pool years, or spans of
            years ("2015-2018"), which ``filters.resolve_filters`` reads as the years the index holds.
        themes (tuple[str, ...]): only passages with one of these themes.
        facets (bool): count matching passages per document and theme.
        k1 (float), b (float): BM25F parameters.
        short (float): passages of few words are damped, score × (1 − e^(−words / short)); 0 = off.
        kind_weights (tuple[tuple[str, float], ...]): (kind, factor) pairs; a passage shown as that
            kind scores × factor (``DEFAULT_KIND_WEIGHTS``).
        weights (QueryWeights): the boosts of the query clauses.
        feedback (FeedbackWeights): pseudo-relevance feedback (``feedback``).
    """

    limit: int = DEFAULT_LIMIT
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    years: tuple[int | str, ...] = ()
    themes: tuple[str, ...] = ()
    facets: bool = False
    k1: float = DEFAULT_K1
    b: float = DEFAULT_B
    weights: QueryWeights = field(default_factory=QueryWeights)
    feedback: FeedbackWeights = field(default_factory=FeedbackWeights)
    short: float = DEFAULT_SHORT
    kind_weights: tuple[tuple[str, float], ...] = DEFAULT_KIND_WEIGHTS

    def __post_init__(self) -> None:
        if not isinstance(self.limit, int) or self.limit < 1:
            raise UsageError(f"limit must be a whole number of at least 1, not {self.limit!r}")
        bad = [k for k in self.kinds if k not in KINDS]
        if bad:
            raise UsageError(f"unknown kind {bad[0]!r}; choose from {', '.join(KINDS)}")
        for kind, factor in self.kind_weights:
            if kind not in KINDS or not isinstance(factor, (int, float)) or factor <= 0:
                raise UsageError(f"kind_weights takes (kind, factor above 0) pairs with a kind of "
                                 f"{', '.join(KINDS)}; not ({kind!r}, {factor!r})")
        if self.short < 0:
            raise UsageError(f"short must be 0 (off) or more, not {self.short!r}")
        if self.k1 <= 0 or not 0 <= self.b <= 1:
            raise UsageError(f"k1 must be above 0 and b between 0 and 1 (k1={self.k1}, b={self.b})")

    @classmethod
    def resolve(cls, settings: SearchSettings | Mapping[str, Any] | None) -> SearchSettings:
        """Settings from None (defaults), a dict of overrides, or SearchSettings as they are.

        Raises:
            UsageError: a key is unknown or a value is not allowed; the message names it.
        """
        if settings is None:
            return cls()
        if isinstance(settings, SearchSettings):
            return settings
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(settings) - known)
        if unknown:
            raise UsageError(f"unknown search setting {unknown[0]!r}; valid settings: {', '.join(sorted(known))}")
        values = {k: tuple(v) if k in ("kinds", "doc_ids", "years", "themes") else v for k, v in settings.items()}
        if "kind_weights" in values:  # a dict {"table": 0.8} or pairs
            weights = values["kind_weights"]
            values["kind_weights"] = tuple((k, f) for k, f in (weights.items() if isinstance(weights, Mapping) else weights))
        return cls(**values)


@dataclass
class SearchResult:
    """The hits of one query and what the output reports besides them."""

    query: str
    hits: list[Hit]
    total: int
    corrections: list[Correction] = field(default_factory=list)
    #: words of a query of several words that no passage holds in any form
    unmatched: list[str] = field(default_factory=list)
    #: "doc_id" / "theme" → value → number of matching passages
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: filter values read as another name ("theme 'ledelse' read as 'ledelse og opbakning'")
    readings: list[str] = field(default_factory=list)
    #: matching passages passed over while the hits were listed: a better hit of their report
    #: shows their whole text
    repeats: int = 0
    #: the filters (--kind, --doc, --year, --theme) as read, and how many passages match without
    #: them; set only when filters hid every match, so that "no passages match" is not taken as
    #: "the reports never speak of it"
    filters: tuple[str, ...] = ()
    unfiltered: int = 0


def _passage(stored: Mapping[str, Any]) -> Passage:
    themes = tuple(t for t in (stored.get("themes") or "").split(",") if t)
    return Passage(
        doc_id=stored["doc_id"],
        number=stored.get("number", 0),
        kind=stored["kind"],
        text=stored["text"],
        page=stored.get("page", 0),
        kinds=tuple(k for k in (stored.get("kinds") or stored["kind"]).split(",") if k),
        title=stored.get("title"),
        section=stored.get("section"),
        section_title=stored.get("section_title"),
        heading=stored.get("heading"),
        project=stored.get("project"),
        operator=stored.get("operator"),
        pool_year=stored.get("pool_year"),
        themes=themes,
        lead=stored.get("lead") or 0,
    )


def _top(scores, count: int):
    """Passage numbers of the ``count`` highest positive scores, best first."""
    import numpy as np

    positive = np.flatnonzero(scores > 0)
    if len(positive) > count:
        positive = positive[np.argpartition(-scores[positive], count - 1)[:count]]
    return positive[np.argsort(-scores[positive], kind="stable")]


def _facets(searcher, engine, matched) -> dict[str, dict[str, int]]:
    """Matching passages per document and per theme, most first."""
    facets: dict[str, dict[str, int]] = {}
    reader = searcher.reader()
    for name, fieldname in (("doc_id", "doc_id"), ("theme", "themes")):
        counts = {}
        for term in reader.lexicon(fieldname):
            value = term.decode("utf-8") if isinstance(term, bytes) else term
            ids, _ = engine.postings(fieldname, value)
            count = int(matched[ids].sum()) if len(ids) else 0
            if count:
                counts[value] = count
        facets[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return facets


def search(index_dir: str | Path, text: str, settings: SearchSettings | Mapping[str, Any] | None = None) -> SearchResult:
    """Search the passage index.

    A search reads the last committed state, also while a writer updates the
    index. A writer's commit removes the files of the state it replaces; a
    search that meets one gone reads the new state instead.

    Args:
        index_dir (str | Path): an index built by ``writer.update_index``.
        text (str): the query, e.g. 'ledelsesmæssig opbakning' or '"tæt opfølgning" -fleksjob'.
        settings (SearchSettings | dict | None): limit, filters, facets, weights.

    RETURNS (SearchResult): hits best first, total matches, corrections, facets.
    Raises:
        SearchIndexError: no usable index at ``index_dir``.
        UsageError: a setting or filter value is not allowed.
    """
    for attempt in range(1, SEARCH_ATTEMPTS + 1):
        try:
            return _search_once(index_dir, text, settings)
        except FileNotFoundError as exc:  # a commit removed the files of the state being read
            if attempt == SEARCH_ATTEMPTS:
                raise SearchIndexError("the index kept changing while it was read; search again", index_dir) from exc
        except INDEX_DAMAGE as exc:
            raise SearchIndexError(f"the search index cannot be read ({exc or type(exc).__name__}); "
                                   f"{rebuild_hint(index_dir)}", index_dir) from exc
    raise AssertionError("unreachable")


def _search_once(index_dir: str | Path, text: str, settings: SearchSettings | Mapping[str, Any] | None) -> SearchResult:
    """One search over the index state committed when it starts (see ``search``)."""
    import numpy as np
    from whoosh import query as wq

    from evalsearch.index.engine import PostingEngine, evaluate
    from evalsearch.index.feedback import feedback_terms, passage_in_context
    from evalsearch.index.phrases import phrase_bonuses
    from evalsearch.index.ranking import PassageBM25F, length_prior

    settings = SearchSettings.resolve(settings)
    text = clean_query(text or "")
    if not text.strip():
        raise UsageError("the query is empty; give one or more words to search for")
    ix = open_index(index_dir)
    MORPHOLOGY.load(Path(index_dir) / DEFAULT_CACHE_NAME)
    with ix.searcher(weighting=PassageBM25F(B=settings.b, K1=settings.k1)) as searcher:
        engine = PostingEngine(searcher, settings.k1, settings.b, index_dir)
        builder = QueryBuilder(searcher, settings.weights)
        searched, readings = unquote_patterns(text)
        plan = builder.build(searched)
        allowed = engine.live()
        sources = cache(lambda: read_sources(index_dir))  # read once, and only if a name or a hit needs it
        settings, filter_notes = resolve_filters(settings, searcher.reader(), sources)
        readings += filter_notes
        if plan.query is wq.NullQuery:
            why = nothing_to_search(text, lambda word: not list(builder.expanded(word)))
            readings += [why] if why else []
        readings += field_notes(text)
        hidden = [c for c in read_copies(index_dir) if c not in settings.doc_ids]  # a copy asked for by --doc is shown
        if hidden:
            allowed = allowed.copy()
            for copy in hidden:
                allowed[engine.postings("doc_id", copy)[0]] = False
        unfiltered_allowed = allowed
        filter_query = filter_query_of(settings)
        if filter_query is not None:
            passing = np.zeros(engine.size, dtype=bool)
            passing[list(searcher.docs_for_query(filter_query))] = True
            allowed = allowed & passing
        # 1. the words as asked score every passage (whole posting lists at once)
        scores, matched = evaluate(engine, plan.query)
        unfiltered = int((matched & unfiltered_allowed).sum()) if filter_query is not None else 0
        matched &= allowed
        prior = length_prior(engine.lengths("exact"), settings.short)
        for kind, factor in settings.kind_weights:
            ids, _ = engine.postings("kind", kind)
            prior[ids] *= factor
        scores = np.where(matched, scores * prior, 0.0).astype(np.float32)
        total = int(matched.sum())
        facets = _facets(searcher, engine, matched) if settings.facets else {}
        stored: dict[int, Mapping[str, Any]] = {}  # the stored fields of a passage, read once per search

        def fields(docnum: int) -> Mapping[str, Any]:
            if docnum not in stored:
                stored[docnum] = searcher.stored_fields(docnum)
            return stored[docnum]

        # 2. feedback: the words the best passages share add to every passage's score
        if settings.feedback.passages > 0 and not plan.strict and total:
            texts = [passage_in_context(searcher, fields, int(d)) for d in _top(scores, settings.feedback.passages)]
            terms = feedback_terms(searcher, builder.lemma, texts, plan.terms.get("expanded", set()), settings.feedback)
            for term, boost in terms.items():
                ids, values = engine.term_scores("expanded", term, boost)
                scores[ids] += values * prior[ids]
            scores = np.where(allowed, scores, 0.0).astype(np.float32)
        # 3. phrase and proximity boosts, on the best candidates only
        # a passage that holds the query's words ranks above all that only share words with the best
        first = np.where(matched & (scores > 0), scores + float(scores.max(initial=0.0)), scores)
        candidates = [int(d) for d in _top(first, max(DEFAULT_CANDIDATES, 2 * settings.limit))]
        final = {d: float(scores[d]) for d in candidates}  # candidates are best first
        for boost in plan.boosts:
            if isinstance(boost, wq.Term):  # the word as written: whole posting list at once
                dense = engine.dense(boost.fieldname, boost.text, boost.boost)
                for docnum in candidates:
                    final[docnum] += float(dense[docnum] * prior[docnum])
        phrases = [boost for boost in plan.boosts if isinstance(boost, wq.Phrase)]
        if phrases:  # phrases need positions: checked in the text of the very best candidates
            texts = {d: fields(d)["text"] for d in candidates[:DEFAULT_PHRASE_CANDIDATES]}
            for docnum, value in phrase_bonuses(engine, searcher.schema, phrases, texts).items():
                final[docnum] += value * float(prior[docnum])
        damp_names(final, plan, builder, engine, fields, prior)
        label = named_label(text)
        if label:  # "Tabel 3-1": the rows and caption it names first, report by report, in table order
            lead = max(final.values(), default=0.0)
            labelled = [d for d in candidates if carries_label(fields(d), label)]
            best: dict[str, float] = {}
            for docnum in labelled:
                best[fields(docnum)["doc_id"]] = max(best.get(fields(docnum)["doc_id"], 0.0), final[docnum])
            for docnum in labelled:  # one score per report: ties keep passage order
                final[docnum] = lead + best[fields(docnum)["doc_id"]]
        ranked = sorted(final.items(), key=lambda kv: (not matched[kv[0]], -kv[1], kv[0]))
        matchers = [WordMatcher(builder.exact, plan.terms.get("exact", set())),
                    WordMatcher(builder.expanded, plan.terms.get("expanded", set()))]
        hits: list[Hit] = []
        repeats = 0
        shown: dict[str, list[str]] = {}  # doc_id → the squashed texts of its hits so far
        for docnum, score in ranked:
            record = fields(docnum)
            squashed = squash(record["text"])
            if any(squashed in earlier for earlier in shown.get(record["doc_id"], ())):
                repeats += bool(matched[docnum])
                continue
            shown.setdefault(record["doc_id"], []).append(squashed)
            passage = _passage(record)
            spans = match_spans(passage.text, matchers)
            source = sources().get(passage.doc_id)
            hits.append(Hit(passage, score, snippet(passage.text, spans, keep=passage.lead), related=not matched[docnum],
                            path=source.path if source else None))
            if len(hits) >= settings.limit:
                break
        unmatched = (builder.unmatched(plan) if len(plan.words) > 1 else []) + plan.empty_patterns
        in_fields = field_words(text)
        unmatched = [word for word in unmatched if word.lower() not in in_fields]
    hid_all = not total and unfiltered
    return SearchResult(text, hits, total, plan.corrections, unmatched, facets, readings, repeats,
                        filters=filter_labels(settings) if hid_all else (), unfiltered=unfiltered if hid_all else 0)
