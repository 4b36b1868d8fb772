"""The fields of the passage index.

The passage text (past a lesson heading an earlier passage already ranks
on, ``Passage.ranked_from``) is analysed three times, into fields ranked in
this order by the query builder (``query``):

* ``exact``: the words as written, stop words kept (phrases as typed);
* ``lemma``: lemmas (a stem for words the lexicon lacks), stop words removed
  (inflected phrases and the proximity boost);
* ``expanded``: lemmas plus particle verbs, compound parts and derivational
  bases (no positions: it is only ever matched word by word).

``context`` holds the heading, margin note and section title a passage sits
under (expanded analysis, low weight). The rest are stored for display or
indexed as keywords for the filters and facets: ``kinds`` (every kind a
passage stands for), ``doc_id``, ``years`` (pool years) and ``themes``.
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, SchemaClass

from evalsearch.index.analysis import exact_analyzer, expanded_analyzer, lemma_analyzer
from evalsearch.index.records import Passage

#: bump when fields, analysis or what is indexed change; an index of another version must be rebuilt
SCHEMA_VERSION = 8


class PassageSchema(SchemaClass):
    """One document per passage (``evalsearch.model.Passage``)."""

    key = ID(stored=True, unique=True)
    doc_id = ID(stored=True, sortable=True)
    number = STORED()
    kind = ID(stored=True)
    kinds = KEYWORD(stored=True, commas=True, scorable=False)
    text = STORED()
    exact = TEXT(analyzer=exact_analyzer(), phrase=True)
    lemma = TEXT(analyzer=lemma_analyzer(), phrase=True)
    expanded = TEXT(analyzer=expanded_analyzer(), phrase=False)
    context = TEXT(analyzer=expanded_analyzer(), phrase=False)
    page = STORED()
    title = STORED()
    section = STORED()
    section_title = STORED()
    heading = STORED()
    project = STORED()
    operator = STORED()
    pool_year = STORED()
    lead = STORED()
    years = KEYWORD(commas=True, scorable=False)
    themes = KEYWORD(stored=True, commas=True, lowercase=True, scorable=False)


def passage_fields(passage: Passage, doc_years: tuple[int, ...]) -> dict:
    """The index document of one passage."""
    context = " ".join(x for x in (passage.heading, passage.section_title) if x)
    years = (passage.pool_year,) if passage.pool_year else doc_years
    ranked = passage.text[passage.ranked_from:]
    return {
        "key": passage.key,
        "doc_id": passage.doc_id,
        "number": passage.number,
        "kind": passage.kind,
        "kinds": ",".join(passage.kinds),
        "text": passage.text,
        "exact": ranked,
        "lemma": ranked,
        "expanded": ranked,
        "context": context,
        "page": passage.page,
        "title": passage.title,
        "section": passage.section,
        "section_title": passage.section_title,
        "heading": passage.heading,
        "project": passage.project,
        "operator": passage.operator,
        "pool_year": passage.pool_year,
        "lead": passage.lead,
        "years": ",".join(str(y) for y in years),
        "themes": ",".join(passage.themes),
    }
