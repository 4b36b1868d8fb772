"""The filters of a search (--kind, --doc, --year, --theme): the values as the index spells
them, the Whoosh query that keeps to them, and their names in the output.

A --doc value is a doc_id or a part of one; failing that, the report's file (its path, or
its name with ".pdf", as a user copies it from a folder) or a part of its title ("Stå ikke
i stampe"), as long as it names one report. A --year value is a year or a span of years
("2015-2018"), which stands for the pool years of the index within it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalsearch.choices import normal_name, pick, same_name
from evalsearch.errors import UsageError
from evalsearch.naming import doc_id_for

if TYPE_CHECKING:
    from evalsearch.index.search import SearchSettings
    from evalsearch.index.writer import IndexedSource


#: a span of years as people write it: "2015-2018", "2015–2018"
YEAR_SPAN = re.compile(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*")


def _years_within(value: str, held: list[str]) -> list[str] | None:
    """The years of ``held`` within the span ``value`` names, or None if it names no span.

    >>> _years_within("2014–2016", ["2015", "2016", "2019"]), _years_within("2016", ["2016"])
    (['2015', '2016'], None)
    """
    span = YEAR_SPAN.fullmatch(value)
    if span is None:
        return None
    first, last = sorted(int(year) for year in span.groups())
    within = [year for year in held if year.isdigit() and first <= int(year) <= last]
    if not within:
        raise UsageError(f"no pool year from {first} to {last} in the index; it holds: {', '.join(held)}")
    return within


def filter_query_of(settings: SearchSettings):
    """The Whoosh query a passage must match to pass the filters; None without filters."""
    from whoosh import query as wq

    parts = []
    for fieldname, values in (
        ("kinds", settings.kinds),
        ("doc_id", settings.doc_ids),
        ("years", [str(y) for y in settings.years]),
        ("themes", settings.themes),
    ):
        if values:
            parts.append(wq.Or([wq.Term(fieldname, v) for v in values]))
    return wq.And(parts) if parts else None


def filter_labels(settings: SearchSettings) -> tuple[str, ...]:
    """The filters of a search as the output names them: ("kind lesson", "theme 'forankring'")."""
    labels = []
    for values, label in ((settings.kinds, "kind"), (settings.doc_ids, "document"), (settings.years, "pool year"),
                          (settings.themes, "theme")):
        if values:
            shown = [str(v) if label in ("kind", "pool year") else repr(v) for v in values]
            labels.append(f"{label} " + " or ".join(shown))
    return tuple(labels)


def resolve_filters(settings: SearchSettings, reader,
                    sources: Callable[[], Mapping[str, IndexedSource]]) -> tuple[SearchSettings, list[str]]:
    """The --doc, --year and --theme values as the index spells them ("ledelse" → "ledelse og
    opbakning"), and a note for each value read as another.

    Args:
        settings (SearchSettings): the filters as given.
        reader: the index's reader (the names it holds).
        sources: the index's documents (``writer.read_sources``), read only for a --doc value
            that is no part of a doc_id.
    Raises:
        UsageError: a value fits no name the index holds, or several; the message names the nearest.
    """
    resolved: dict[str, tuple[Any, ...]] = {}
    notes: list[str] = []
    for attr, fieldname, label, partial in (
        ("doc_ids", "doc_id", "document", True),
        ("years", "years", "pool year", False),
        ("themes", "themes", "theme", True),
    ):
        values = getattr(settings, attr)
        if not values:
            continue
        held = sorted(t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(fieldname))
        names = []
        for value in values:
            within = _years_within(str(value), held) if attr == "years" else None
            if within is not None:
                notes.append(f"pool years {str(value).strip()} read as {', '.join(within)}")
                names.extend(int(year) for year in within)
                continue
            try:
                name = pick(str(value), held, label, partial=partial)
            except UsageError as exc:
                if attr != "doc_ids":
                    raise
                name = _document_named(str(value), held, sources(), exc)
            if not same_name(str(value), name):
                notes.append(f"{label} {str(value)!r} read as {name!r}")
            names.append(int(name) if attr == "years" else name)
        resolved[attr] = tuple(names)
    return replace(settings, **resolved), notes


def _document_named(value: str, held: list[str], sources: Mapping[str, IndexedSource], unknown: UsageError) -> str:
    """The doc_id of the report whose file or title ``value`` names; ``unknown`` is raised when none."""
    if value.lower().endswith(".pdf") or "/" in value or "\\" in value:
        wanted = Path(value).expanduser().resolve()
        for doc_id, source in sources.items():
            if doc_id in held and Path(source.path) == wanted:
                return doc_id
        try:
            return pick(doc_id_for(Path(value.replace("\\", "/"))), held, "document")
        except UsageError:
            raise unknown from None
    typed = normal_name(value)
    if any(typed in normal_name(doc_id) for doc_id in held):  # a part of several doc_ids: that says it best
        raise unknown
    titled = sorted(doc_id for doc_id, source in sources.items()
                    if doc_id in held and source.title and typed in normal_name(source.title))
    if len(titled) == 1:
        return titled[0]
    if titled:
        raise UsageError(f"document {value!r} is in the title of several reports: {', '.join(titled)}; "
                         "give more of the name")
    raise unknown

