"""The search index's records: a passage of a report, and a search hit.

Frozen dataclasses like those of ``evalsearch.model``; kept here because only
the index makes and reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from evalsearch.naming import page_link

PassageKind = Literal["lesson", "paragraph", "goal", "figure", "keyfigure", "table"]


@dataclass(frozen=True, slots=True)
class Passage:
    """One searchable unit of a report: a lesson, paragraph, goal row, table row, figure or key figure.

    ``kind`` is what the passage is shown as; ``kinds`` is every kind it stands
    for (a paragraph that is also a lesson and holds a key figure is indexed
    once, with kind "lesson" and kinds ("lesson", "keyfigure", "paragraph")).
    ``heading`` is the margin note, lesson heading or table caption it sits
    under; ``number`` is its place in the report's reading order.
    ``ranked_from`` is where the words it is ranked by start in ``text``: past
    a lesson heading that an earlier passage of the report already opens with.
    A long lesson is several passages, each shown with its heading; were the
    heading ranked in each, a query that matches only the heading would fill
    the first hits with one lesson. After its first passage, the heading
    counts as context (``schema.passage_fields``). ``lead`` is how many characters at the start
    of ``text`` say whose row it is (a table row's id or first cell): a snippet from further
    into the row is shown after them.
    """

    doc_id: str
    number: int
    kind: PassageKind
    text: str
    page: int
    kinds: tuple[str, ...] = ()
    title: str | None = None
    section: str | None = None
    section_title: str | None = None
    heading: str | None = None
    project: str | None = None
    operator: str | None = None
    pool_year: int | None = None
    themes: tuple[str, ...] = ()
    ranked_from: int = 0
    lead: int = 0

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.number}"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the passage, its score and the passage text with the matches marked.

    A related hit holds no form of the query's words: it ranks through the words it shares
    with the best matches (``feedback``). ``path`` is the PDF the report was indexed from.
    """

    passage: Passage
    score: float
    highlight: str
    related: bool = False
    path: str | None = None

    def to_dict(self) -> dict:
        p = self.passage
        return {
            "doc_id": p.doc_id,
            "title": p.title,
            "page": p.page,
            "section": p.section,
            "section_title": p.section_title,
            "kind": p.kind,
            "text": p.text,
            "highlight": self.highlight,
            "score": round(self.score, 4),
            "related": self.related,
            "heading": p.heading,
            "project": p.project,
            "operator": p.operator,
            "pool_year": p.pool_year,
            "themes": list(p.themes),
            "path": self.path,
            "link": page_link(self.path, p.page) if self.path else None,
        }
