"""One page's words → blocks in reading order, margin notes and footnotes.

The stages, each a function of what it takes to what it returns:
``rows_to_footnotes`` (``footnotes``) takes the small numbered rows off the page bottom,
``rows_to_fragments`` cuts rows into column fragments and sorts them into
body lines and margin-note lines, ``lines_to_notes`` (``margin_notes``) groups
margin lines into notes, and ``lines_to_blocks`` groups body lines into
paragraphs, list items, headings and captions, a block opening beside each note.
Margin notes are then attached as the label of the block they stand beside;
they never enter body text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evalsearch.extract.footnotes import rows_to_footnotes
from evalsearch.extract.geometry import DocGeometry, stops_short
from evalsearch.extract.lines import (
    body_bottom, is_superscript, join_lines, line_text, row_to_fragments, runs_on, word_space, words_to_rows)
from evalsearch.extract.margin_notes import MarginNote, attach_notes, lines_to_notes, opens_beside_note
from evalsearch.extract.patterns import (
    BULLET_MARKERS,
    CAPTION,
    ORDERED_ITEM,
    SENTENCE_END,
    SOURCE,
    split_heading_number,
)
from evalsearch.model import BBox, Block, Footnote, Line, Word

HEADING_SIZE_RATIO = 1.1
HEADING_MAX_WORDS = 18
DASH_MARKERS = frozenset("-–")
#: a line this close (points) to the text after a number hangs under it: the number marks a list item
HANGING_TOLERANCE = 2.0
#: in ragged text, a line not broken for lack of room leaves room for a word space (the line's own)
#: and the next line's first word, and this many ems more
RAGGED_ROOM_EMS = 0.1


@dataclass
class PageLayout:
    """The reading of one page before blocks are joined across pages."""

    blocks: list[Block] = field(default_factory=list)
    leftover_notes: list[MarginNote] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)


def inside(word: Word, box: BBox, pad: float = 1.0) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def _cut_at_margin(frag: Line, geometry: DocGeometry) -> list[Line]:
    """A fragment that runs from the margin column into the body (a long note line set close to
    the text beside it) cut where it crosses into the body column."""
    if geometry.margin_right is None or frag.x0 >= geometry.margin_right or frag.x1 <= geometry.body_left:
        return [frag]
    note = tuple(w for w in frag.words if w.x0 < geometry.body_left - 1 and w.x1 <= geometry.body_left)
    body = tuple(w for w in frag.words if w.x0 >= geometry.body_left - 1)
    if not note or not body or len(note) + len(body) != len(frag.words):
        return [frag]
    return [Line(note, frag.page), Line(body, frag.page)]


def rows_to_fragments(
    rows: list[list[Word]], page: int, geometry: DocGeometry, column_gap: float
) -> tuple[list[Line], list[Line]]:
    """Cut rows into fragments and sort them into (body lines, margin-note lines)."""
    body: list[Line] = []
    margin: list[Line] = []
    for row in rows:
        frags = [part for frag in row_to_fragments(row, page, column_gap) for part in _cut_at_margin(frag, geometry)]
        rest: list[Line] = []
        for frag in frags:
            (margin if geometry.is_margin(frag) else rest).append(frag)
        if len(rest) > 1:
            # Several fragments side by side in the body: a rule-less table or a
            # two-column passage; keep them as one line in left-to-right order.
            words = tuple(w for f in rest for w in f.words)
            rest = [Line(words, page)]
        body.extend(rest)
    # Small note type joins the body row it overlaps as a raised mark would, two note lines
    # beside one body line then print as one ("Etpå kommunalkritisk …"); a note's rows are its own.
    margin = [Line(tuple(row), page) for row in words_to_rows(w for frag in margin for w in frag.words)]
    return body, margin


@dataclass
class _Draft:
    role: str
    lines: list[Line]
    marker: str | None = None
    #: right edge of the page's longest line of this size that starts where this block does
    measure: float = 0.0

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def left(self) -> float:
        """The paragraph's left edge: where its lines start, a first-line indent aside."""
        return min(line.x0 for line in self.lines)


def classify_line(line: Line, geometry: DocGeometry) -> tuple[str, str | None]:
    """Return (kind, marker) for a body line: heading, caption, source, bullet or text."""
    text = line_text(line).strip()
    first = line.words[0].text
    size = line.size
    if CAPTION.match(text):
        label_bold = line.words[0].bold
        rest = CAPTION.match(text).group("rest")
        if label_bold or abs(size - geometry.body_size) > 0.3 or (rest[:1].isupper() or rest[:1] in "\"'«"):
            return "caption", None
    if SOURCE.match(text):
        return "source", None
    if first in BULLET_MARKERS and len(line.words) > 1:
        return "bullet", first
    if first[:1] in BULLET_MARKERS - DASH_MARKERS and len(first) > 1 and first[1].isalpha():
        return "bullet", first[:1]
    number, title = split_heading_number(text)
    body = geometry.body_size
    # Word's default headings are set in a bigger, coloured light type rather than bold.
    styled = line.bold or (geometry.body_color is not None and line.words[0].color not in (None, geometry.body_color))
    short = len(text.split()) <= HEADING_MAX_WORDS and not text.endswith((",", ";"))
    if number is not None and title[:1].isupper() and short and size >= body * 0.98:
        if styled or size >= body * 1.05:
            return "heading", None
    if short and size >= body * HEADING_SIZE_RATIO and (styled or size >= body * 1.25):
        return "heading", None
    if ORDERED_ITEM.match(text):
        return "bullet", first
    return "text", None


def _hangs_under_number(draft: _Draft, line: Line, geometry: DocGeometry) -> bool:
    """Is ``line`` body text set under the text after the number of a numbered "heading" in body
    type (its lines hanging there too)? Then the number marks a list item whose bold lead filled
    its first lines, not a heading."""
    first = draft.first
    if len(first.words) < 2 or not ORDERED_ITEM.match(line_text(first).strip()):
        return False
    if abs(first.size - geometry.body_size) > 0.5:
        return False  # a heading set bigger than the text
    # the lines under the number share one edge, indented from it; the first line's text may
    # stand further right than that edge (justified, or a number wider than the indent pushed it
    # to the next tab stop), never left of it
    hanging = draft.lines[1:] + [line]
    text_x = hanging[0].x0
    if any(abs(l.x0 - text_x) > HANGING_TOLERANCE for l in hanging):
        return False
    if not first.words[0].x0 + HANGING_TOLERANCE < text_x <= first.words[1].x0 + HANGING_TOLERANCE:
        return False
    return any(not w.bold and w.color in (None, geometry.body_color) for w in line.words)


def _short_justified_end(draft: _Draft, geometry: DocGeometry) -> bool:
    """In justified text, a line that ends a sentence short of the right edge ends its paragraph,
    however little space the paragraphs have between them, and however little short it stops: a
    last line keeps its natural word spaces, full lines are spaced out to the edge. The line
    starts at the paragraph's left edge: the body's, or that of a paragraph set to the full
    measure (a report of many list items has its body edge at theirs)."""
    prev = draft.last
    if not geometry.justified or not stops_short(prev.x1, geometry.body_right):
        return False  # most lines of justified text are full: their text is not read again
    full = any(line.x1 >= geometry.body_right - 2 for line in draft.lines)
    at_left = abs(prev.x0 - geometry.body_left) <= 2 or (full and abs(prev.x0 - draft.left) <= 2)
    return at_left and SENTENCE_END.search(line_text(prev)) is not None


def _ragged_end(draft: _Draft, line: Line, geometry: DocGeometry) -> bool:
    """In ragged text, a line that ends a sentence with room left for a space and the next line's
    first word ends its paragraph: it was not broken for lack of room. The room is measured against
    the paragraph's own longest line (a line of its own: the page's longest at its edge), so it is
    never overrated; the space is the one the line sets between its own words."""
    if geometry.justified:
        return False
    prev, first = draft.last, line.words[0]
    room = (max(other.x1 for other in draft.lines) if len(draft.lines) > 1 else draft.measure) - prev.x1
    if room <= first.x1 - first.x0 + word_space(prev.words) + RAGGED_ROOM_EMS * prev.size:
        return False
    return abs(prev.x0 - draft.left) <= 2 and SENTENCE_END.search(line_text(prev)) is not None


def _opens_run_in(draft: _Draft, line: Line) -> bool:
    """Does the line open a new paragraph with a bold run-in heading ("**Et kritisk perspektiv.**
    Et udefrakommende …") after a sentence the line above ends? Paragraphs set close together
    show where they part by that alone."""
    words = line.words
    lead = 0
    while lead < len(words) and words[lead].bold:
        lead += 1
    if lead < len(words) and words[lead].text in (".", ":"):
        lead += 1  # the full stop set outside the bold
    if not 0 < lead < len(words) or not words[lead - 1].text.endswith((".", ":")):
        return False
    return not any(w.bold for w in draft.last.words) and SENTENCE_END.search(line_text(draft.last)) is not None


def _text_edge(draft: _Draft) -> float | None:
    """Where the draft's text lines start: a paragraph's last line, or the hanging indent of a list
    item's text. None for an item whose text does not hang (the next item's number stands there) or
    whose marker touches its first word."""
    if draft.role != "bullet":
        return draft.last.x0
    if len(draft.lines) > 1:
        edge = draft.last.x0
    else:
        words = draft.first.words
        if len(words) < 2 or words[0].text != draft.marker:
            return None
        edge = words[1].x0
    return edge if edge > draft.first.x0 + 2 else None


def _continues(draft: _Draft, line: Line, kind: str, marker: str | None, geometry: DocGeometry) -> bool:
    prev = draft.last
    scale = line.size / geometry.body_size if geometry.body_size else 1.0
    step = line.top - prev.top
    if abs(line.size - prev.size) > 0.6 or step <= 0:
        return False
    if draft.role == "heading":
        if _hangs_under_number(draft, line, geometry) and step <= 1.6 * line.size:
            draft.role, draft.marker = "bullet", draft.first.words[0].text  # "1. **Bold lead.** Text …"
            return True
        # a heading set in light coloured type (Word's default) goes on in a line set like it
        alike = kind == "heading" and not line.bold and not prev.bold and line.words[0].color == prev.words[0].color
        return (kind in ("heading", "text") and (line.bold or alike) and step <= 1.6 * line.size
                and not split_heading_number(line_text(line))[0])
    if kind in ("heading", "caption", "source"):
        return False
    if kind == "bullet":
        if draft.role in ("paragraph", "bullet") and step <= geometry.pitch * scale * 1.25 and not SENTENCE_END.search(line_text(prev)):
            edge = _text_edge(draft)
            if marker in DASH_MARKERS and (draft.role == "paragraph" or (
                    draft.marker not in DASH_MARKERS and edge is not None and abs(line.x0 - edge) <= 2)):
                return True  # a suspended compound's second half ("familiemæssige" / "- og/eller sociale")
            if ORDERED_ITEM.match(line_text(line)) and edge is not None and abs(line.x0 - edge) <= 2:
                return True  # a number the sentence wrapped to the line's start ("9. eller / 10. klasse")
        return False
    if step > geometry.paragraph_step * scale:
        return False
    if draft.role == "paragraph" and (_short_justified_end(draft, geometry) or _ragged_end(draft, line, geometry)
                                      or _opens_run_in(draft, line)):
        return False
    if draft.role in ("caption", "source"):
        return True
    if draft.role == "bullet":
        return line.x0 > draft.first.x0 + 2
    if line.x0 > draft.first.x0 + 3 and line.x0 > draft.left + 3:
        return False
    return True


def _split_run_in(draft: _Draft) -> tuple[str, list[str]] | None:
    """Split a bold run-in heading off a paragraph: (run_in, the line texts after it), or None."""
    bold_parts: list[str] = []
    rest_parts: list[str] = []
    in_bold = True
    for line in draft.lines:
        size = line.size
        bottom = body_bottom(line)
        bold_words: list[Word] = []
        rest_words: list[Word] = []
        for w in line.words:
            if is_superscript(w, size, bottom):
                continue
            if in_bold and w.bold:
                bold_words.append(w)
            else:
                in_bold = False
                rest_words.append(w)
        if bold_words:
            bold_parts.append(line_text(Line(tuple(bold_words), line.page)))
        if rest_words:
            rest_parts.append(line_text(Line(tuple(rest_words), line.page)))
    if not bold_parts or not rest_parts:
        return None
    bold_text = join_lines(bold_parts)
    if bold_text[:1].islower():
        return None  # a word set in bold, or one a page break cut: no heading
    rest_text = rest_parts[0].lstrip()
    if rest_text[:1] in (".", ":") and rest_text[1:2] in (" ", ""):
        # the heading's full stop set outside the bold ("**Et kritisk perspektiv**. Et udefrakommende …")
        bold_text += rest_text[0]
        rest_parts = [part for part in (rest_text[1:].lstrip(), *rest_parts[1:]) if part]
        if not rest_parts:
            return None
        rest_text = rest_parts[0].lstrip()
    ends = SENTENCE_END.search(bold_text) is not None
    if not (ends or rest_text[:1].isupper()) or len(bold_text.split()) > 40:
        return None
    return bold_text, rest_parts


def _draft_to_block(draft: _Draft) -> Block:
    refs: list[str] = []
    texts = [line_text(l, refs) for l in draft.lines]
    run_in = None
    if draft.role == "paragraph":
        run_in, texts = _split_run_in(draft) or (None, [line_text(l) for l in draft.lines])
    text = join_lines(texts)
    marker = draft.marker
    if draft.role == "bullet" and marker and text.startswith(marker):
        text = text[len(marker):].lstrip()
    lines = draft.lines
    bbox = (min(l.x0 for l in lines), lines[0].top, max(l.x1 for l in lines), lines[-1].bottom)
    letters = sum(len(w.text) for l in lines for w in l.words)
    bold = sum(len(w.text) for l in lines for w in l.words if w.bold) >= 0.8 * letters
    number = None
    if draft.role == "heading":
        number, _ = split_heading_number(text)
    return Block(
        role=draft.role,  # type: ignore[arg-type]
        text=text,
        page=lines[0].page,
        bbox=bbox,
        size=lines[0].size,
        bold=bold,
        run_in=run_in,
        marker=marker,
        number=number,
        footnote_refs=tuple(refs),
        runs_on=draft.role in ("paragraph", "bullet") and runs_on(draft.lines),
        room=draft.measure - draft.last.x1 if draft.measure else None,
        first_word_width=draft.first.words[0].x1 - draft.first.words[0].x0,
    )


def lines_to_blocks(lines: Sequence[Line], geometry: DocGeometry, notes: Sequence[MarginNote] = (),
                    open_sentence: bool = False) -> list[Block]:
    """Group body lines (top to bottom) into blocks; a line a margin note stands beside opens one.

    ``open_sentence``: the text of the page before stopped mid-sentence in a paragraph. A number
    that opens this page's first line ("… højst en 9. eller" / "10. klasse …") is then that
    sentence's, not a list item's: a list does not open with item 10.
    """
    blocks: list[Block] = []
    draft: _Draft | None = None
    role_of = {"text": "paragraph", "bullet": "bullet", "heading": "heading", "caption": "caption", "source": "source"}
    for line in lines:
        kind, marker = classify_line(line, geometry)
        if open_sentence and draft is None and kind == "bullet" and _later_item_number(marker):
            kind, marker = "text", None
        if draft is not None and not opens_beside_note(line, notes) and _continues(draft, line, kind, marker, geometry):
            draft.lines.append(line)
            continue
        if draft is not None:
            blocks.append(_draft_to_block(draft))
        measure = 0.0 if geometry.justified else max(  # ragged text only: the room its lines leave
            other.x1 for other in lines if abs(other.x0 - line.x0) <= 2 and abs(other.size - line.size) <= 0.6)
        draft = _Draft(role_of[kind], [line], marker, measure)
    if draft is not None:
        blocks.append(_draft_to_block(draft))
    return blocks


def _later_item_number(marker: str | None) -> bool:
    """Is the marker a list item's number past the first ("2.", "10)")?"""
    return marker is not None and marker[:-1].isdigit() and int(marker[:-1]) >= 2


def page_to_layout(
    page_number: int,
    page_height: float,
    words: Sequence[Word],
    geometry: DocGeometry,
    column_gap: float,
    tables: Sequence[tuple[BBox, str]] = (),
    open_sentence: bool = False,
) -> PageLayout:
    """Read one page (furniture already removed) into blocks, notes and footnotes.

    Args:
        tables: (bbox, text) of each table found on the page; their words are
            left out of the text flow and a table block stands in their place.
        open_sentence: the page before ended in a paragraph stopped mid-sentence (``lines_to_blocks``).
    """
    flow = [w for w in words if not any(inside(w, box) for box, _ in tables)]
    rows = words_to_rows(flow)
    rows, footnotes = rows_to_footnotes(rows, page_number, page_height, geometry)
    body, margin = rows_to_fragments(rows, page_number, geometry, column_gap)
    notes = lines_to_notes(margin)
    blocks = lines_to_blocks(body, geometry, notes, open_sentence)
    for box, text in tables:
        blocks.append(Block(role="table", text=text, page=page_number, bbox=box))
    blocks.sort(key=lambda b: (b.bbox[1], b.bbox[0]))
    blocks, leftover = attach_notes(blocks, notes)
    return PageLayout(blocks=blocks, leftover_notes=leftover, footnotes=footnotes)
