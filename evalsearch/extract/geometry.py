"""The page grid of a report: body text size, body column, margin-note column.

Measured once per document from all its pages, because one page may hold only
a table or a figure. COWI reports set body text in a right-hand column and
short margin notes in a left-hand column; other reports have one column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from evalsearch.extract.lines import row_to_fragments, words_to_rows
from evalsearch.model import Line, PageContent, Word

MARGIN_GUTTER = 8.0
MARGIN_MIN_WIDTH = 30.0
MARGIN_MIN_PAGES = 2
#: … or this many lines of one page in the margin, starting at one left edge
MARGIN_MIN_STACK = 3


@dataclass(frozen=True)
class DocGeometry:
    """Where body text stands and how big it is.

    Attributes:
        body_size: font size of most of the text.
        body_left: left edge of the body column.
        body_right: right edge of the body column.
        margin_right: right limit of the margin-note column, or None without one.
        pitch: usual distance from one body line's top to the next.
        body_color: colour of most body text, when the PDF says.
        justified: most body lines end at the right edge (the text is set justified).
        break_step: a line step wider than this starts a new paragraph (0: 1.3 × pitch).
    """

    body_size: float
    body_left: float
    body_right: float
    margin_right: float | None
    pitch: float
    body_color: tuple[float, ...] | None = None
    justified: bool = False
    break_step: float = 0.0

    @property
    def paragraph_step(self) -> float:
        """The line step (points) above which the next line starts a new paragraph."""
        return self.break_step or self.pitch * LOOSE_BREAK + 0.5

    def is_margin(self, frag: Line) -> bool:
        """A fragment that stands wholly in the margin-note column, in text no bigger than body text."""
        if self.margin_right is None:
            return False
        return frag.x1 <= self.margin_right and frag.size <= self.body_size * 1.02


#: line steps this close (points) are one step laid out on a pixel grid
PITCH_JITTER = 0.8
#: a line ends flush at the right edge when its end, rounded to a point, lies this close (points) to
#: the edge (itself the commonest rounded end)
FLUSH_TOLERANCE = 1
#: text is set justified when this share of its body lines ends at the right edge (ragged: a few)
JUSTIFIED_SHARE = 0.4
JUSTIFIED_MIN_LINES = 10
#: … or, with short paragraphs, when lines of this many texts end flush, this many times as many as
#: end in the band of this many ems short of the edge where ragged lines end
JUSTIFIED_MIN_TEXTS = 6
RAGGED_RATIO = 3
RAGGED_BAND = 3
#: … and at most this share of the lines end beyond that edge
BEYOND_SHARE = 0.05
#: a line step this many times the pitch starts a new paragraph …
LOOSE_BREAK = 1.3
#: … or less, down to this many times, when such a step is common (paragraphs set close together)
TIGHT_BREAK = 1.15
PARAGRAPH_STEPS_MIN = 3
PARAGRAPH_STEP_SHARE = 0.1
#: a smaller line step this common, against the commonest one, is the step between lines
COMMON_STEP_SHARE = 0.6
#: a line that runs this share of the measure was wrapped: the step under it is a line step …
WRAPPED_LINE_SHARE = 0.6
#: … and the pitch is measured on such steps when there are this many
WRAPPED_STEPS_MIN = 10


def _mode(values: Sequence[float], weights: Sequence[int] | None = None) -> float:
    counts: Counter[float] = Counter()
    for i, v in enumerate(values):
        counts[v] += weights[i] if weights else 1
    return counts.most_common(1)[0][0] if counts else 0.0


def stops_short(x1: float, right: float) -> bool:
    """Does a line that ends at ``x1`` stop short of the right edge ``right``, by more than the ends
    of flush lines vary?

    >>> stops_short(525.4, 527), stops_short(526.4, 527), stops_short(529.0, 527)
    (True, False, False)
    """
    return round(x1) < right - FLUSH_TOLERANCE


def _justified(lines: Sequence[Line], body_right: float, body_size: float) -> bool:
    """Is the body text set justified? Yes when many of its lines end flush at the right edge, or,
    in a report of short paragraphs (whose last lines stop anywhere), when lines of several
    different texts end flush and few stop just short of the edge, where ragged lines end."""
    if len(lines) < JUSTIFIED_MIN_LINES:
        return False
    flush = [f for f in lines if abs(round(f.x1) - body_right) <= FLUSH_TOLERANCE]
    if len(flush) >= JUSTIFIED_SHARE * len(lines):
        return True
    # a sentence repeated in every chapter may happen to fill a ragged line: count texts, not lines
    texts = len({f.text for f in flush})
    ragged = sum(1 for f in lines if body_right - RAGGED_BAND * body_size < f.x1 < body_right - 1)
    # … and the commonest end of ragged lines may lie anywhere: the right edge has no lines beyond it
    beyond = sum(1 for f in lines if f.x1 > body_right + 1)
    return texts >= JUSTIFIED_MIN_TEXTS and texts >= RAGGED_RATIO * ragged and beyond <= BEYOND_SHARE * len(lines)


PageFormat = tuple[int, int]


def page_format(page: PageContent) -> PageFormat:
    """A page's size in whole points: pages of one format share one body grid."""
    return round(page.width), round(page.height)


def format_geometries(
    pages: Sequence[PageContent], column_gap: float
) -> tuple[DocGeometry, dict[PageFormat, DocGeometry]]:
    """The body grid of each page format of a report, and that of the format most of its pages have.

    A portrait report may turn pages to landscape for wide tables; measured
    together, the columns of those tables can outweigh the prose and put the
    body column in the middle of the portrait pages, so that the short last
    line of every paragraph passed for a margin note. Each format is measured
    on its own pages.
    """
    by_format: dict[PageFormat, list[PageContent]] = {}
    for page in pages:
        by_format.setdefault(page_format(page), []).append(page)
    grids = {fmt: document_geometry([(p.number, p.words) for p in group], column_gap)
             for fmt, group in by_format.items()}
    if not grids:
        return document_geometry([], column_gap), {}
    main = max(by_format, key=lambda fmt: (sum(1 for p in by_format[fmt] if p.words), len(by_format[fmt])))
    return grids[main], grids


def document_geometry(pages_words: Sequence[tuple[int, Sequence[Word]]], column_gap: float) -> DocGeometry:
    """Measure the body grid from the words of all pages (furniture removed).

    Args:
        pages_words: (page number, words) for every page.
        column_gap: gap that separates column fragments.
    RETURNS (DocGeometry): the measured grid.
    """
    sizes: list[float] = []
    weights: list[int] = []
    colors: Counter[tuple[float, ...] | None] = Counter()
    fragments: list[tuple[int, Line]] = []
    for number, words in pages_words:
        for w in words:
            sizes.append(round(w.size, 1))
            weights.append(len(w.text))
            colors[w.color] += len(w.text)
        for row in words_to_rows(words):
            for frag in row_to_fragments(row, number, column_gap):
                fragments.append((number, frag))
    if not sizes:
        return DocGeometry(10.0, 0.0, 600.0, None, 14.0)
    body_size = _mode(sizes, weights)
    body = [f for _, f in fragments if abs(f.size - body_size) < 0.3]
    lefts = [round(f.x0) for f in body]
    body_left = _mode(lefts, [len(f.words) for f in body]) if body else 0.0
    rights = [round(f.x1) for f in body if f.x0 <= body_left + 1]
    body_right = _mode(rights) if rights else body_left + 400
    justified = _justified([f for f in body if f.x0 <= body_left + 1], body_right, body_size)
    steps, wrapped = _body_steps(body, body_left)
    # the pitch is read where text wrapped: a table's first column holds text in body type at the
    # body's edge too, often in a tighter step, and a report of many tables has more of it
    pitch = _common_step(wrapped if len(wrapped) >= WRAPPED_STEPS_MIN else steps) if steps else 14.0
    in_margin = [
        (n, round(f.x0))
        for n, f in fragments
        if f.x1 <= body_left - MARGIN_GUTTER
        and f.x0 < body_left - MARGIN_MIN_WIDTH
        and f.size <= body_size * 1.02
    ]
    margin_pages = {n for n, _ in in_margin}
    # a short report may hold its margin notes on one page: then several notes share their left
    # edge, beside a body column much wider than the margin (not the first columns of a table);
    # its lines' median end measures it: the commonest end of few ragged lines may be anywhere
    margin_width = body_left - min((x for _, x in in_margin), default=body_left)
    stacked = (max(Counter(in_margin).values(), default=0) >= MARGIN_MIN_STACK
               and (median(rights) if rights else body_right) - body_left >= 2 * margin_width)
    margin_right = body_left - MARGIN_GUTTER / 2 if len(margin_pages) >= MARGIN_MIN_PAGES or stacked else None
    body_color = colors.most_common(1)[0][0] if colors else None
    return DocGeometry(body_size, float(body_left), float(body_right), margin_right, pitch, body_color, justified,
                       _paragraph_break(steps, pitch))


def _body_steps(body: Sequence[Line], body_left: float) -> tuple[list[float], list[float]]:
    """The steps from each body line to the next at the body's edge; and those of them from a line
    that runs most of the way to the widest line's end (text wrapped there, so the next line goes
    on with it). The widest line, not the commonest end: in ragged text the ends scatter, and the
    commonest may be that of a table column whose cells hold like texts."""
    by_page: dict[int, list[Line]] = {}
    for f in body:
        if abs(f.x0 - body_left) < 15:
            by_page.setdefault(f.page, []).append(f)
    widest = max((f.x1 for lines in by_page.values() for f in lines), default=body_left)
    long_from = body_left + WRAPPED_LINE_SHARE * (widest - body_left)
    steps, wrapped = [], []
    for lines in by_page.values():
        lines.sort(key=lambda f: f.top)
        for a, b in zip(lines, lines[1:]):
            if 0 < b.top - a.top < 40:
                steps.append(round(b.top - a.top, 1))
                if a.x1 >= long_from:
                    wrapped.append(steps[-1])
    return steps, wrapped


def _paragraph_break(steps: Sequence[float], pitch: float) -> float:
    """The step that parts paragraphs set close together: halfway between the line step and a
    common step a little wider (3 pt between paragraphs of 14 pt lines). 0 without one.

    >>> _paragraph_break([13.8] * 20 + [16.8] * 8 + [18.0], 13.8)
    15.3
    >>> _paragraph_break([13.8] * 20 + [20.0] * 8 + [16.3], 13.8)
    0.0

    A renderer's pixel grid may set the step between paragraphs a pixel either side of the loose
    break (16.5 and 17.2 pt after 12.7 and 13.5 pt lines): both count as the one common step; a
    step under the tight mark never does (11.5 pt beside a single 12.2 pt after 10.3 pt lines).

    >>> _paragraph_break([12.7] * 14 + [13.5] * 14 + [16.5] * 2 + [17.2] * 3, 12.7)
    14.6
    >>> _paragraph_break([10.3] * 5 + [11.4] * 2 + [11.5] * 7 + [12.2] + [36.4] * 2, 10.3)
    0.0
    """
    loose = pitch * LOOSE_BREAK + 0.5
    gaps = [step for step in steps if pitch * TIGHT_BREAK <= step < loose]
    if not gaps:
        return 0.0
    # … but only from above: steps under the tight mark are lines, however near a gap
    wider = [step for step in steps if step >= pitch * TIGHT_BREAK]

    def near(step: float) -> int:
        return sum(1 for s in wider if abs(s - step) <= PITCH_JITTER)

    best = max(sorted(set(gaps)), key=near)
    common = near(best)
    lines = sum(1 for s in steps if abs(s - pitch) <= PITCH_JITTER)
    if common < max(PARAGRAPH_STEPS_MIN, PARAGRAPH_STEP_SHARE * lines):
        return 0.0
    return round((pitch + best) / 2, 1)


def _common_step(steps: Sequence[float]) -> float:
    """The usual line step, counting steps within ``PITCH_JITTER`` of each other as one.

    Renderers that lay lines out on a pixel grid (HTML to PDF) alternate
    between two steps a pixel apart; counted apart, each loses to the one
    step between paragraphs. In a short report of two-line paragraphs the
    step between paragraphs is about as common as the step between lines,
    so the smallest step that is nearly as common as the commonest wins.

    >>> _common_step([13.5, 14.2, 13.5, 21.7, 21.7, 21.7, 13.5, 14.2])
    13.8
    >>> _common_step([16.3, 16.3, 26.2])
    16.3
    >>> _common_step([22.5, 22.5, 22.5, 22.5, 14.5, 14.5, 14.5, 29.0])
    14.5
    >>> _common_step([14.0, 14.0, 14.0, 14.0, 14.0, 9.1, 9.1])
    14.0
    >>> _common_step([26.0, 13.0])
    13.0
    """
    def near(step: float) -> list[float]:
        return [s for s in steps if abs(s - step) <= PITCH_JITTER]

    counts = {step: len(near(step)) for step in sorted(set(steps))}
    most = max(counts.values())
    smallest = next(step for step, n in counts.items() if n >= max(min(2, most), most * COMMON_STEP_SHARE))
    best = max((step for step in counts if abs(step - smallest) <= PITCH_JITTER), key=lambda step: counts[step])
    cluster = near(best)
    return round(sum(cluster) / len(cluster), 1)
