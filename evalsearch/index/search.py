"""Search the passage index: ranked hits with highlights, filters, facets and typo corrections.

``search(index_dir, text, settings)`` parses and expands the query
(``query``), ranks passages with BM25F, keeps those that pass the filters
(kind, document, pool year, theme), drops repeats of the same text within a
report, marks the matches (``highlight``) and, when asked, counts the
matching passages per document and per theme (facets).

>>> SearchSettings.resolve({"limit": 5, "kinds": ["lesson"]}).limit
5
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from evalsearch.errors import UsageError
from evalsearch.index.feedback import FeedbackWeights
from evalsearch.index.highlight import match_spans, snippet
from evalsearch.index.morphology import DEFAULT_CACHE_NAME, MORPHOLOGY
from evalsearch.index.passages import KIND_ORDER, squash
from evalsearch.index.query import Correction, QueryBuilder, QueryWeights
from evalsearch.index.writer import open_index
from evalsearch.index.records import Hit, Passage

#: the passage kinds a search can be limited to
KINDS = KIND_ORDER
DEFAULT_LIMIT = 10
#: BM25F parameters: term-frequency saturation and length normalisation
DEFAULT_K1 = 1.2
DEFAULT_B = 0.5
#: extra hits fetched so that dropping repeated texts still fills the limit
DEFAULT_OVERFETCH = 2


@dataclass(frozen=True)
class SearchSettings:
    """How to search. Every key is listed in the README's settings table.

    Args:
        limit (int): most hits returned (at least 1).
        kinds (tuple[str, ...]): only passages of these kinds (``KINDS``).
        doc_ids (tuple[str, ...]): only passages of these reports.
        years (tuple[int, ...]): only passages of projects from these pool years.
        themes (tuple[str, ...]): only passages with one of these themes.
        facets (bool): count matching passages per document and theme.
        k1 (float), b (float): BM25F parameters.
        weights (QueryWeights): the boosts of the query clauses.
        feedback (FeedbackWeights): pseudo-relevance feedback (``feedback``).
    """

    limit: int = DEFAULT_LIMIT
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    facets: bool = False
    k1: float = DEFAULT_K1
    b: float = DEFAULT_B
    weights: QueryWeights = field(default_factory=QueryWeights)
    feedback: FeedbackWeights = field(default_factory=FeedbackWeights)

    def __post_init__(self) -> None:
        if not isinstance(self.limit, int) or self.limit < 1:
            raise UsageError(f"limit must be a whole number of at least 1, not {self.limit!r}")
        bad = [k for k in self.kinds if k not in KINDS]
        if bad:
            raise UsageError(f"unknown kind {bad[0]!r}; choose from {', '.join(KINDS)}")
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
        return cls(**values)


@dataclass
class SearchResult:
    """The hits of one query and what the output reports besides them."""

    query: str
    hits: list[Hit]
    total: int
    corrections: list[Correction] = field(default_factory=list)
    #: "doc_id" / "theme" → value → number of matching passages
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def _filter_query(settings: SearchSettings, reader):
    from whoosh import query as wq

    parts = []
    for fieldname, values in (
        ("kinds", settings.kinds),
        ("doc_id", settings.doc_ids),
        ("years", [str(y) for y in settings.years]),
        ("themes", [t.lower() for t in settings.themes]),
    ):
        if not values:
            continue
        _check_values(reader, fieldname, values)
        parts.append(wq.Or([wq.Term(fieldname, v) for v in values]))
    return wq.And(parts) if parts else None


def _check_values(reader, fieldname: str, values) -> None:
    """Reject a --doc/--year/--theme value the index does not hold, listing the ones it does."""
    if fieldname == "kinds":
        return
    held = sorted(t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(fieldname))
    missing = [v for v in values if v not in held]
    if missing:
        label = {"doc_id": "document", "years": "pool year", "themes": "theme"}[fieldname]
        shown = ", ".join(held[:30]) + (" …" if len(held) > 30 else "") if held else "none"
        raise UsageError(f"no {label} {missing[0]!r} in the index; the index holds: {shown}")


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
    )


def search(index_dir: str | Path, text: str, settings: SearchSettings | Mapping[str, Any] | None = None) -> SearchResult:
    """Search the passage index.

    Args:
        index_dir (str | Path): an index built by ``writer.update_index``.
        text (str): the query, e.g. 'ledelsesmæssig opbakning' or '"tæt opfølgning" -fleksjob'.
        settings (SearchSettings | dict | None): limit, filters, facets, weights.

    RETURNS (SearchResult): hits best first, total matches, corrections, facets.
    Raises:
        SearchIndexError: no usable index at ``index_dir``.
        UsageError: a setting or filter value is not allowed.
    """
    from whoosh import query as wq
    from whoosh import sorting

    from evalsearch.index.feedback import feedback_query, feedback_terms
    from evalsearch.index.ranking import PassageBM25F

    settings = SearchSettings.resolve(settings)
    if not text or not text.strip():
        raise UsageError("the query is empty; give one or more words to search for")
    ix = open_index(index_dir)
    MORPHOLOGY.load(Path(index_dir) / DEFAULT_CACHE_NAME)
    weighting = PassageBM25F(B=settings.b, K1=settings.k1)
    with ix.searcher(weighting=weighting) as searcher:
        builder = QueryBuilder(searcher, settings.weights)
        plan = builder.build(text)
        filter_query = _filter_query(settings, searcher.reader())
        groups = None
        if settings.facets:
            groups = {
                "doc_id": sorting.FieldFacet("doc_id", maptype=sorting.Count),
                "theme": sorting.FieldFacet("themes", allow_overlap=True, maptype=sorting.Count),
            }
        # the words as asked: their matches are counted (facets) and read for feedback
        first = searcher.search(plan.query, limit=max(1, settings.feedback.passages), filter=filter_query,
                                groupedby=groups, terms=False)
        total = len(first) if first.has_exact_length() else first.estimated_length()
        facets: dict[str, dict[str, int]] = {}
        if settings.facets:
            for name in ("doc_id", "theme"):
                counts = first.groups(name)
                facets[name] = dict(sorted(((k, v) for k, v in counts.items() if k), key=lambda kv: (-kv[1], kv[0])))
        final = plan.query
        if settings.feedback.passages > 0 and not plan.strict:
            texts = [hit["text"] for hit in first]
            terms = feedback_terms(searcher, builder.expanded, texts, plan.terms.get("expanded", set()), settings.feedback)
            if terms:
                final = wq.Or([plan.query, feedback_query(terms)])
        results = searcher.search(final, limit=settings.limit * DEFAULT_OVERFETCH, filter=filter_query, terms=False)
        matchers = [(builder.exact, plan.terms.get("exact", set())), (builder.expanded, plan.terms.get("expanded", set()))]
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        for hit in results:
            stored = hit.fields()
            key = (stored["doc_id"], squash(stored["text"]))
            if key in seen:
                continue
            seen.add(key)
            passage = _passage(stored)
            spans = match_spans(passage.text, matchers)
            hits.append(Hit(passage, hit.score, snippet(passage.text, spans)))
            if len(hits) >= settings.limit:
                break
    return SearchResult(text, hits, total, plan.corrections, facets)
