"""The report's own table of contents, and headings → a section tree.

The contents page is read first (``rows_to_toc``): its lines are taken out of
the text flow, since they would otherwise read as bold numbered headings. Body
headings are then matched against it; the contents, as printed, is the
document's list of sections; deeper body headings are added to it, and so are
numbered headings that fit in among its entries but that it lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from evalsearch.extract.patterns import (
    APPENDIX_SUB,
    TOC_LINE,
    TOC_START,
    TOC_TAIL,
    TOC_TITLE,
    number_depth,
    split_heading_number,
)
from evalsearch.model import Block, Section, Word, join_words

TOC_MIN_ENTRIES = 3
TOC_MIN_SHARE = 0.5
TITLE_MATCH = 80


@dataclass(frozen=True)
class TocEntry:
    number: str | None
    title: str
    printed_page: int
    level: int


def rows_to_toc(rows: list[list[Word]]) -> tuple[list[TocEntry], list[list[Word]]]:
    """Find contents lines on a page; return (entries, the rows that are not contents).

    A page is a contents page when it has a heading such as "Indhold" or when most
    of its lines read "number title page".
    """
    texts = [join_words(r).strip() for r in rows]
    matches = [TOC_LINE.match(t) for t in texts]
    n_match = sum(1 for m in matches if m)
    has_title = any(TOC_TITLE.match(t) for t in texts)
    if n_match < (2 if has_title else TOC_MIN_ENTRIES) or (not has_title and n_match < TOC_MIN_SHARE * len(rows)):
        return [], rows
    entries: list[TocEntry] = []
    rest: list[list[Word]] = []
    pending: tuple[str, str] | None = None  # an entry whose title wraps onto the next line
    for row, text, m in zip(rows, texts, matches):
        if pending is not None:
            tail = TOC_TAIL.match(text)
            if tail and not m:
                number, head = pending
                title = f"{head} {tail.group('title').strip()}"
                entries.append(TocEntry(number, title, int(tail.group("page")), number_depth(number)))
                pending = None
                continue
            pending = None
        if m:
            number = m.group("num").rstrip(".")
            entries.append(TocEntry(number, m.group("title").strip(), int(m.group("page")), number_depth(number)))
        elif entries and (start := TOC_START.match(text)):
            pending = (start.group("num").rstrip("."), start.group("title").strip())
        elif not TOC_TITLE.match(text) and not (text.upper() == text and len(text.split()) <= 2 and entries):
            rest.append(row)
    return entries, rest


def _heading_sections(blocks: Sequence[Block]) -> list[tuple[int, Section]]:
    """(block index, Section) for each heading block; unnumbered levels follow font size."""
    headings = [(i, b) for i, b in enumerate(blocks) if b.role == "heading"]
    unnumbered_sizes = sorted({round(b.size, 1) for _, b in headings if not b.number}, reverse=True)
    out = []
    for i, b in headings:
        number, title = split_heading_number(b.text)
        if number:
            level = number_depth(number)
        else:
            level = 1 + unnumbered_sizes.index(round(b.size, 1))
        out.append((i, Section(number=number, title=title, page=b.page, level=level)))
    return out


def build_sections(blocks: list[Block], toc: Sequence[TocEntry]) -> tuple[list[Section], list[Block]]:
    """Match headings to the contents and stamp every block with its section.

    RETURNS: (the sections to report, the blocks with ``section`` filled in).
    Without a contents page every numbered or unnumbered heading is a section.
    """
    heads = _heading_sections(blocks)
    toc_depth = max((e.level for e in toc), default=0)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for t_index, entry in enumerate(toc):
        best, best_score = None, 0.0
        for h_index, (_, sec) in enumerate(heads):
            if h_index in used or (entry.number and sec.number and entry.number != sec.number):
                continue
            score = fuzz.ratio(entry.title.lower(), sec.title.lower())
            if score > best_score:
                best, best_score = h_index, score
        if best is not None and best_score >= TITLE_MATCH:
            matched[t_index] = best
            used.add(best)
    sections: list[Section] = []
    if toc:
        for t_index, entry in enumerate(toc):
            page = heads[matched[t_index]][1].page if t_index in matched else entry.printed_page
            if entry.number and APPENDIX_SUB.match(entry.number + " x"):
                continue  # appendix subsections restart their numbering: kept in the tree, not listed
            sections.append(Section(entry.number, entry.title, page, entry.level, in_toc=True))
        numbers = {e.number for e in toc if e.number}
        for h_index, (_, sec) in enumerate(heads):
            if h_index in used or not sec.number or APPENDIX_SUB.match(sec.number + " x"):
                continue
            if sec.level > toc_depth:
                sections.append(sec)
            elif _missed_by_contents(sec.number, numbers):
                sections.insert(_place_after(sections, sec.number), sec)
        order = {id(s): k for k, s in enumerate(sections)}
        sections.sort(key=lambda s: (s.page, order[id(s)]))
    else:
        sections = [sec for _, sec in heads]
    return sections, stamp_sections(blocks, heads)


def _missed_by_contents(number: str, numbers: set[str]) -> bool:
    """Is a numbered heading one the contents lost (an entry garbled in print: "… samarbejde1")?
    It fits in among the entries: its parent and the sibling before it are listed, it is not.

    >>> _missed_by_contents("4.2", {"4", "4.1", "5"}), _missed_by_contents("13", {"1", "2", "3"})
    (True, False)
    """
    if number in numbers or not all(p.isdigit() for p in number.split(".")):
        return False
    parent, before = _parent_and_before(number)
    return (not parent or parent in numbers) and (number.endswith(".1") or before in numbers)


def _parent_and_before(number: str) -> tuple[str, str]:
    """"4.2" → ("4", "4.1"); "3" → ("", "2")."""
    parts = number.split(".")
    return ".".join(parts[:-1]), ".".join(parts[:-1] + [str(int(parts[-1]) - 1)])


def _place_after(sections: list[Section], number: str) -> int:
    """Where a lost entry goes: after the sibling before it and that sibling's subsections, or
    right after its parent when it is the first child."""
    parent, before = _parent_and_before(number)
    anchor = parent if number.endswith(".1") else before
    places = [k for k, s in enumerate(sections) if s.number == anchor or (s.number or "").startswith(before + ".")]
    return max(places) + 1 if places else len(sections)


def stamp_sections(blocks: list[Block], heads: list[tuple[int, Section]]) -> list[Block]:
    by_index = dict(heads)
    current: Section | None = None
    out = []
    for i, b in enumerate(blocks):
        if i in by_index:
            current = by_index[i]
        if current is None:
            out.append(b)
        else:
            out.append(replace(b, section=current.number, section_title=current.title))
    return out
