"""Document → passages: the units the search index holds and returns.

Each lesson, paragraph (a Block with role paragraph or bullet), goal row,
other table row, figure caption and key figure becomes one ``Passage`` that
carries the report's title, project, operator, pool year, section, page and
themes. Text that the report prints once is indexed once:

* A lesson is read from a paragraph; that paragraph becomes one passage of
  kind "lesson" (the lesson's heading goes in front of its text when the
  paragraph does not already start with it). A lesson found in no paragraph
  is a passage of its own. A heading that opens several passages (a long
  lesson) is ranked in the first of them only (``Passage.ranked_from``).
* A key figure is a sentence of a paragraph; that paragraph also stands for
  kind "keyfigure" (``Passage.kinds``). A key figure found in no paragraph is
  a passage of its own.
* Bullets are read with what they depend on (``lists``): a list of short
  items is one passage with its lead-in, and an item that completes the
  sentence above it has that sentence in front of its text.
* A table the layout stage found (Block role "table") that no goal table or
  other table claims (a boxed quote, a fact box) is indexed as a paragraph,
  so its text can still be found.

Fields are combined as follows: text FIRST-then-CONCAT (heading, run-in
heading, paragraph text), page FIRST, kinds LIST (most specific first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from evalsearch.index.lists import PARAGRAPH_ROLES, Unit, passage_units
from evalsearch.index.records import Passage
from evalsearch.model import Block, Document, Project

#: most specific first: the kind a passage is shown as
KIND_ORDER = ("lesson", "goal", "keyfigure", "figure", "table", "paragraph")
#: share of a table block's words that structured table rows must hold to claim it
DEFAULT_TABLE_CLAIM = 0.5
#: … and of a block at the top of a page, in the rows of the table on the page before
DEFAULT_CONTINUED_CLAIM = 0.9

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


def squash(text: str | None) -> str:
    """Text for comparing: NFC, lowercase, soft hyphens removed, whitespace collapsed.

    >>> squash("  Ledelsens\\n opbak\\u00adning ")
    'ledelsens opbakning'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACE.sub(" ", text).strip().lower()


def _load_themes_of() -> Callable[[str], Iterable] | None:
    """The theme matcher of ``evalsearch.danish.themes`` if it is installed, else None."""
    try:
        from evalsearch.danish import themes
    except ImportError:
        return None
    return getattr(themes, "themes_of", None)


def _theme_names(found: Iterable) -> tuple[str, ...]:
    names = []
    for theme in found or ():
        name = theme if isinstance(theme, str) else getattr(theme, "name", None) or str(theme)
        if name not in names:
            names.append(name)
    return tuple(names)


def _project_for(projects: list[Project], where: str) -> Project | None:
    """The one project of a report, or in a cross-project report the one named where the passage stands."""
    named = [p for p in projects if p.name]
    if len(named) == 1:
        return named[0]
    where = squash(where)
    for project in named:
        if squash(project.name) and squash(project.name) in where:
            return project
    return None


def _contained(needle: str, hay: str) -> bool:
    """Is the (squashed) ``needle`` text part of ``hay``? Tolerates a different start or end."""
    if not needle or not hay:
        return False
    if needle in hay:
        return True
    if len(needle) < 40 or len(hay) < 0.8 * len(needle):
        return False
    # a lesson cut or joined slightly differently still shares its first or last words
    return needle[:30] in hay or needle[-30:] in hay


def _block_text(block: Block) -> str:
    return with_heading(block.run_in, block.text)


#: a heading that ends in one of these reads on into its text as it is
_HEADING_ENDS = ".:?!"


def with_heading(heading: str | None, text: str) -> str:
    """The text after its heading, the two parted by a full stop where the heading has no mark of
    its own: "Rekrutteringen af frivillige. Det er erfaringen …" read as one sentence without it.

    >>> with_heading("Rekrutteringen af frivillige", "Det er erfaringen"), with_heading("Hvorfor?", "Fordi")
    ('Rekrutteringen af frivillige. Det er erfaringen', 'Hvorfor? Fordi')
    """
    if not heading:
        return text
    heading = heading.rstrip()
    return f"{heading} {text}" if heading[-1:] in _HEADING_ENDS else f"{heading}. {text}"


def _claimed(block: Block, row_words: dict[int, set[str]]) -> bool:
    """Is a table block's text held by the goal/other tables of its pages?

    A table's rows are filed under the page it starts on, so a block that
    continues a table at the top of the next page is claimed when nearly all
    its words are in the rows of the page before (``DEFAULT_CONTINUED_CLAIM``).
    """
    words = [w.lower() for w in _WORD.findall(block.text)]
    if not words:
        return True
    pages = range(block.page, (block.end_page or block.page) + 1)
    known = set().union(*(row_words.get(p, set()) for p in pages))
    if sum(w in known for w in words) >= DEFAULT_TABLE_CLAIM * len(words):
        return True
    before = row_words.get(block.page - 1, set())
    return sum(w in before for w in words) >= DEFAULT_CONTINUED_CLAIM * len(words)


class _Builder:
    """Collects the passages of one document in reading order."""

    def __init__(self, document: Document, themes_of: Callable[[str], Iterable] | None):
        self.document = document
        self.themes_of = themes_of
        self.passages: list[Passage] = []
        self.lesson_headings: set[str] = set()

    def add(self, kinds: Iterable[str], text: str, page: int, section: str | None = None,
            section_title: str | None = None, heading: str | None = None,
            themes: Iterable[str] = (), lead: str = "") -> None:
        text = _SPACE.sub(" ", text).strip()
        lead = _SPACE.sub(" ", lead).strip()
        if not _WORD.search(text):
            return
        ordered = tuple(k for k in KIND_ORDER if k in set(kinds))
        if ordered == ("paragraph",) and text.isupper():
            # set all in capitals: a label of the cover or letterhead ("STYRELSEN FOR ARBEJDSMARKED
            # OG REKRUTTERING ADRESSE"), which would otherwise top a search for "rekruttering"
            return
        found = list(themes)
        if self.themes_of is not None:
            found += _theme_names(self.themes_of(text))
        doc = self.document
        project = _project_for(doc.projects, f"{section_title or ''} {heading or ''}")
        ranked_from = 0
        lesson_heading = _SPACE.sub(" ", heading).strip() if heading and "lesson" in ordered else ""
        if lesson_heading and text.startswith(lesson_heading):
            if lesson_heading in self.lesson_headings:
                ranked_from = len(lesson_heading)
            self.lesson_headings.add(lesson_heading)
        self.passages.append(
            Passage(
                doc_id=doc.doc_id,
                number=len(self.passages),
                kind=ordered[0],  # type: ignore[arg-type]
                kinds=ordered,
                text=text,
                page=page,
                title=doc.title,
                section=section,
                section_title=section_title,
                heading=heading,
                project=project.name if project else None,
                operator=project.operator if project else None,
                pool_year=project.pool_year if project else None,
                themes=tuple(dict.fromkeys(found)),
                ranked_from=ranked_from,
                lead=len(lead) if lead and text.startswith(lead) else 0,
            )
        )


def _add_unit(builder: _Builder, blocks: list[Block], unit: Unit, paras: list[int],
              lesson_of: dict[int, object], figures_in: set[int]) -> None:
    """One passage for a unit of paragraph blocks: a paragraph, a lesson, or a short list with its lead-in."""
    first = blocks[unit.members[0]]
    text = " ".join(_block_text(blocks[m]) for m in unit.members)
    if unit.lead:
        text = f"{unit.lead} {text}"
    kinds = ["paragraph"]
    heading = first.label
    themes: tuple[str, ...] = ()
    lesson = lesson_of.get(paras[0]) if len(paras) == 1 else None
    if lesson is not None:
        kinds.append("lesson")
        themes = lesson.themes
        if lesson.heading:
            heading = lesson.heading
            if not squash(text).startswith(squash(lesson.heading)):
                text = with_heading(lesson.heading, text)
    if any(p in figures_in for p in paras):
        kinds.append("keyfigure")
    builder.add(kinds, text, first.page, first.section, first.section_title, heading, themes)


def document_to_passages(document: Document) -> list[Passage]:
    """Cut a document into passages (see the module docstring).

    Args:
        document (Document): an extracted report.

    RETURNS (list[Passage]): paragraphs, lessons and key figures in reading
        order, then goal rows, table rows and figures; ``number`` counts from 0.
    """
    builder = _Builder(document, _load_themes_of())
    blocks = [b for b in document.blocks if b.role in PARAGRAPH_ROLES]
    squashed = [squash(_block_text(b)) for b in blocks]

    lesson_of: dict[int, object] = {}
    loose_lessons = []
    for lesson in document.lessons:
        needle = squash(lesson.text)
        where = next((i for i, hay in enumerate(squashed) if i not in lesson_of and _contained(needle, hay)), None)
        if where is None:
            loose_lessons.append(lesson)
        else:
            lesson_of[where] = lesson
    figures_in: set[int] = set()
    loose_figures = []
    for key_figure in document.key_figures:
        needle = squash(key_figure.text)
        where = next((i for i, hay in enumerate(squashed) if _contained(needle, hay)), None)
        if where is None:
            loose_figures.append(key_figure)
        else:
            figures_in.add(where)

    row_words: dict[int, set[str]] = {}
    for table in document.goal_tables:
        for row in table.rows:
            row_words.setdefault(row.page, set()).update(w.lower() for c in row.cells for w in _WORD.findall(c))
    for other in document.other_tables:
        for cells in other.rows:
            row_words.setdefault(other.page, set()).update(w.lower() for c in cells for w in _WORD.findall(c))

    para_of = {place: n for n, place in enumerate(
        place for place, block in enumerate(document.blocks) if block.role in PARAGRAPH_ROLES)}
    units = passage_units(document.blocks, lambda place: para_of.get(place) in lesson_of)
    tables = [Unit((place,)) for place, block in enumerate(document.blocks)
              if block.role == "table" and not _claimed(block, row_words)]
    for unit in sorted(units + tables, key=lambda u: u.members[0]):
        block = document.blocks[unit.members[0]]
        if block.role == "table":
            builder.add(("paragraph",), block.text.replace(" | ", " "), block.page, block.section,
                        block.section_title, block.label)
        else:
            _add_unit(builder, document.blocks, unit, [para_of[m] for m in unit.members], lesson_of, figures_in)

    title_of = {s.number: s.title for s in document.sections if s.number}
    for lesson in loose_lessons:
        text = with_heading(lesson.heading, lesson.text)
        builder.add(("lesson",), text, lesson.page, lesson.section, lesson.section_title, lesson.heading,
                    lesson.themes)
    for key_figure in loose_figures:
        builder.add(("keyfigure",), key_figure.text, key_figure.page, key_figure.section,
                    title_of.get(key_figure.section))
    for table in document.goal_tables:
        for row in table.rows:
            cells = " ".join(c for c in row.cells if c)
            prefix = f"{row.id}: " if row.id and not cells.startswith(row.id) else ""
            builder.add(("goal",), prefix + cells, row.page, table.section, title_of.get(table.section),
                        _table_heading(table), lead=row.id or _first_cell(row.cells))
    for other in document.other_tables:
        for cells in other.rows:
            builder.add(("table",), " ".join(c for c in cells if c), other.page, other.section,
                        title_of.get(other.section), _table_heading(other), lead=_first_cell(cells))
    for figure in document.figures:
        builder.add(("figure",), f"{figure.label} {figure.caption}", figure.page, figure.section,
                    title_of.get(figure.section))
    return builder.passages


def _first_cell(cells) -> str:
    """A row's first filled cell: what its passage is shown after (``Passage.lead``)."""
    return next((c for c in cells if c), "")


def _table_heading(table) -> str | None:
    """A table's label and caption ("Tabel 3-1 Status på aktivitetsmålene"): its rows are found by either."""
    return " ".join(part for part in (table.label, table.caption) if part) or None
