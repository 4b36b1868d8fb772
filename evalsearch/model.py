"""Records passed between the stages of evalsearch.

Every record is a dataclass with typed fields; no dicts travel between stages.
Coordinates follow pdfplumber: ``x0, top, x1, bottom`` in PDF points from the
top-left corner, and ``page`` is 1-based. ``to_dict()`` methods produce the
record format described in the gold SCHEMA (plus ``page`` on every record).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

BlockRole = Literal[
    "paragraph",
    "bullet",
    "heading",
    "caption",
    "source",
    "footnote",
    "table",
    "toc",
    "figure_text",  # text printed inside a figure (chart labels, a reproduced leaflet); kept on Figure.labels
]
Assessment = Literal["opfyldt", "delvis", "ikke_opfyldt", "ukendt"]
GoalKind = Literal["aktivitet", "resultat", "resultat_kort", "resultat_lang", "effekt", "oversigt"]
Status = Literal["success", "partial", "failure"]


class AsDict:
    """Records whose dict form is their fields as they are."""

    __slots__ = ()

    def to_dict(self) -> dict:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed, with the style facts the layout stages need."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    color: tuple[float, ...] | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical stroke (a drawn line or a thin rectangle)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled rectangle (table header shading, cover backgrounds)."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple[float, ...] | None


@dataclass(frozen=True, slots=True)
class PageContent:
    """Everything the layout stages read from one page; the PDF page itself is released."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    fills: tuple[Fill, ...] = ()
    images: tuple[BBox, ...] = ()
    curve_count: int = 0
    marks: tuple[Fill, ...] = ()  # small filled shapes (coloured dots, ticks drawn as curves)
    undecoded: int = 0  # glyphs of a font without a character map (``extract.undecoded``)


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline within one column, left to right."""

    words: tuple[Word, ...]
    page: int

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        """The size most of the line's letters are set in."""
        sizes: dict[float, int] = {}
        for w in self.words:
            sizes[round(w.size, 1)] = sizes.get(round(w.size, 1), 0) + len(w.text)
        return max(sizes, key=sizes.__getitem__)

    @property
    def bold(self) -> bool:
        letters = sum(len(w.text) for w in self.words)
        return sum(len(w.text) for w in self.words if w.bold) >= 0.8 * letters

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


def join_words(words: tuple[Word, ...] | list[Word]) -> str:
    """Join words of one line, with a space only where the page shows a gap.

    Words are split by pdfplumber wherever the style changes ("procent" + "5" +
    "." for a superscript marker); pieces that touch are glued back together.
    """
    out: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = w.x0 - prev.x1
            out.append(" " if gap > 0.12 * min(prev.size, w.size) else "")
        out.append(w.text)
        prev = w
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of reading order: a paragraph, list item, heading, caption, footnote.

    ``label`` is the margin note printed beside the block (COWI's left column);
    ``run_in`` is a bold run-in heading that opened the paragraph and has been
    taken out of ``text``. ``section`` is the number (or title, if unnumbered)
    of the section the block stands in, filled by the section stage.
    """

    role: BlockRole
    text: str
    page: int
    bbox: BBox
    size: float = 0.0
    bold: bool = False
    label: str | None = None
    run_in: str | None = None
    marker: str | None = None
    number: str | None = None
    level: int = 0
    section: str | None = None
    section_title: str | None = None
    footnote_refs: tuple[str, ...] = ()
    end_page: int | None = None
    #: a justified paragraph whose last line fills the measure too: it has not ended (a page break cut it)
    runs_on: bool = False
    #: ragged text: room (points) its last line leaves before the page's measure
    room: float | None = None
    #: width (points) of its first word: the room a line above it needed to take that word
    first_word_width: float = 0.0


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str
    text: str
    page: int


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the report; ``number`` is "3.2", "Bilag A", or None when unnumbered."""

    number: str | None
    title: str
    page: int
    level: int
    in_toc: bool = False

    def to_dict(self) -> dict:
        return {"number": self.number, "title": self.title, "page": self.page}


@dataclass(frozen=True, slots=True)
class Project(AsDict):
    name: str | None
    operator: str | None = None
    pool: str | None = None
    pool_year: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    budget_dkk: int | None = None
    target_group: str | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class GoalRow(AsDict):
    id: str | None
    indicator: str
    target: str | None
    status: str | None
    assessment: Assessment
    cells: tuple[str, ...]
    page: int
    achievement_pct: float | None = None


@dataclass(frozen=True, slots=True)
class GoalTable:
    label: str | None
    caption: str | None
    section: str | None
    kind: GoalKind
    columns: tuple[str, ...]
    rows: tuple[GoalRow, ...]
    page: int
    notes: tuple[str, ...] = ()
    bbox: BBox | None = None

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "caption": self.caption,
            "section": self.section,
            "kind": self.kind,
            "columns": list(self.columns),
            "rows": [r.to_dict() for r in self.rows],
            "notes": list(self.notes),
            "page": self.page,
        }


@dataclass(frozen=True, slots=True)
class OtherTable:
    label: str | None
    caption: str | None
    section: str | None
    rows: tuple[tuple[str, ...], ...]
    page: int
    bbox: BBox | None = None

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "caption": self.caption,
            "section": self.section,
            "rows": [list(r) for r in self.rows],
            "page": self.page,
        }


@dataclass(frozen=True, slots=True)
class Figure(AsDict):
    label: str
    kind: Literal["figur", "billede"]
    caption: str
    section: str | None
    source: str | None
    page: int
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lesson(AsDict):
    text: str
    section: str | None
    section_title: str | None
    heading: str | None
    page: int
    in_lessons_chapter: bool
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KeyFigure(AsDict):
    text: str
    achieved: float | None
    target: float | None
    unit: str | None
    achievement_pct: float | None
    page: int
    section: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorItem(AsDict):
    """A failure inside one document that did not stop the rest of it."""

    stage: str
    message: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Source(AsDict):
    path: str
    sha256: str
    pages: int
    repaired: bool = False


@dataclass(slots=True)
class Document:
    """The clean, structured reading of one evaluation report."""

    doc_id: str
    source: Source
    title: str | None = None
    doc_type: str | None = None
    evaluator: str | None = None
    client: str | None = None
    date: str | None = None
    version: str | None = None
    projects: list[Project] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    goal_tables: list[GoalTable] = field(default_factory=list)
    other_tables: list[OtherTable] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    errors: list[ErrorItem] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return "partial" if self.errors else "success"

    def to_dict(self) -> dict:
        """The record format of the gold SCHEMA, plus ``source``, ``paragraphs`` and ``errors``."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "doc_type": self.doc_type,
            "evaluator": self.evaluator,
            "client": self.client,
            "date": self.date,
            "version": self.version,
            "projects": [p.to_dict() for p in self.projects],
            "sections": [s.to_dict() for s in self.sections if s.in_toc or s.number],
            "goal_tables": [t.to_dict() for t in self.goal_tables],
            "other_tables": [t.to_dict() for t in self.other_tables],
            "figures": [f.to_dict() for f in self.figures],
            "lessons": [lesson.to_dict() for lesson in self.lessons],
            "key_figures": [k.to_dict() for k in self.key_figures],
            "paragraphs": [block_to_dict(b) for b in self.blocks if b.role in ("paragraph", "bullet")],
            "footnotes": [asdict(f) for f in self.footnotes],
            "source": self.source.to_dict(),
            "status": self.status,
            "errors": [e.to_dict() for e in self.errors],
        }


def block_to_dict(block: Block) -> dict:
    return {
        "text": block.text,
        "page": block.page,
        "section": block.section,
        "section_title": block.section_title,
        "kind": block.role,
        "label": block.label,
        "run_in": block.run_in,
    }
