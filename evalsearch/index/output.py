"""Search results as text for people and as JSON for programs.

Text: one block per hit (rank, report title, page, section, kind, then the
snippet with the matches marked), then the hit counts per document and theme.
JSON: a list of hits, each with doc_id, title, page, section, kind, text (the
whole passage), highlight (the snippet, matches in ``**``), score, the
passage's project, operator, pool year and themes, and the PDF's path and a
link that opens it at the page.
"""

from __future__ import annotations

import json
import re
import textwrap

from evalsearch.index.query import Correction
from evalsearch.index.search import SearchResult

#: a mark may be wrapped onto the next line
_MARKED = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
#: width the snippets are wrapped to
DEFAULT_WIDTH = 100
#: most documents and themes listed under "hits per …"
DEFAULT_FACET_ROWS = 10
#: longest query echoed in full in the first line (a pasted paragraph is cut)
QUERY_ECHO = 80


def correction_note(correction: Correction) -> str:
    """The line that tells the user a word was taken for a typo."""
    return (f"no match for {correction.original!r}; searched for {correction.corrected!r} instead "
            f"({correction.similarity:.0f}% similar)")


def result_notes(result: SearchResult) -> list[str]:
    """What the user should know about how the query was read: filter values read as another
    name, corrections, words found nowhere."""
    notes = list(result.readings) + [correction_note(c) for c in result.corrections]
    notes += [f"no passage holds {word!r} in any form" for word in result.unmatched]
    return notes


def no_match_line(result: SearchResult) -> str:
    """What a search without hits says: when filters hid every match, which filters, and how
    many passages match without them."""
    line = f"no passages match {_echo(result.query)!r}"
    if result.unfiltered:
        line += (f" among those of {' and '.join(result.filters)}; "
                 f"{result.unfiltered} {'does' if result.unfiltered == 1 else 'do'} without these filters")
    return line


def _echo(query: str) -> str:
    query = " ".join(query.split())
    return query if len(query) <= QUERY_ECHO else query[: QUERY_ECHO - 1].rstrip() + "…"


def result_to_json(result: SearchResult) -> str:
    """The hits as a JSON list (corrections are not part of it; the CLI prints them on stderr)."""
    return json.dumps([hit.to_dict() for hit in result.hits], ensure_ascii=False, indent=1)


def result_to_text(result: SearchResult, bold: bool = False, width: int = DEFAULT_WIDTH) -> str:
    """The hits for reading in a terminal.

    Args:
        result (SearchResult): what ``search`` returned.
        bold (bool): mark matches with terminal bold instead of ``**``.
        width (int): wrap snippets to this width.
    RETURNS (str): the text, ending without a newline.
    """
    lines: list[str] = [f"note: {note}" for note in result_notes(result)]
    if not result.hits:
        lines.append(no_match_line(result))
        return "\n".join(lines)
    related = sum(hit.related for hit in result.hits)
    matching = len(result.hits) - related
    passages = "passage" if result.total == 1 else "passages"
    head = f"{matching} of {result.total} matching {passages} for {_echo(result.query)!r}"
    if result.repeats and matching + result.repeats == result.total:  # all shown that say something new
        repeat = "repeats" if result.repeats == 1 else "repeat"
        head += f" (the other {result.repeats} {repeat} the text of a hit above)"
    if related:
        head += f", and {related} related: they hold none of its words but share words with the best"
    lines.append(head)
    for rank, hit in enumerate(result.hits, 1):
        p = hit.passage
        where = [f"page {p.page}"]
        if p.section or p.section_title:
            where.append("section " + " ".join(x for x in (p.section, p.section_title) if x))
        lines.append("")
        lines.append(f"{rank}. {p.title} ({p.doc_id})" if p.title else f"{rank}. {p.doc_id}")
        shown_heading = p.heading and p.kind != "paragraph" and not p.text.startswith(p.heading)
        lines.append(f"   {', '.join(where)} · {p.kind}" + (" · related" if hit.related else "")
                     + (f" · {p.heading}" if shown_heading else ""))
        body = textwrap.fill(hit.highlight, width=width, initial_indent="   ", subsequent_indent="   ")
        lines.append(_MARKED.sub(lambda m: f"\x1b[1m{m.group(1)}\x1b[0m", body) if bold else body)
    for name, label in (("doc_id", "document"), ("theme", "theme")):
        counts = result.facets.get(name)
        if counts:
            rows = list(counts.items())[:DEFAULT_FACET_ROWS]
            lines.append("")
            lines.append(f"hits per {label}: " + ", ".join(f"{key} {count}" for key, count in rows))
    return "\n".join(lines)
