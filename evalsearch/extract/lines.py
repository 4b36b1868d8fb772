"""Words → printed rows → line fragments, and line-end de-hyphenation.

A printed row is every word on one baseline across the page. A row is cut into
fragments wherever the horizontal gap is wider than a column gutter, so that a
margin note and the body text beside it, or two table cells, never merge.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from evalsearch.danish.hyphenation import is_known_or_compound, join_line_break, repair_inline_hyphens
from evalsearch.model import Line, Word

SUPERSCRIPT_RATIO = 0.75
#: a marker this much smaller than its line, its foot this share of the size above the line's, is raised
RAISED_RATIO = 0.9
RAISED_LIFT = 0.25
SIZE_JUMP = 1.6
SIZE_JUMP_GAP = 3.0
#: type this much bigger than the word before it, a gutter apart, is another column whatever its size
MIXED_SIZE = 1.25
#: a word space (ems) where a line has too few to measure
WORD_SPACE_EMS = 0.3

#: a list or section number on its own: "21.", "3)", "4.2."
ORDERED_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]$")
_TRAILING_HYPHEN = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüéÉ0-9]-$")


def words_to_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Group words into printed rows by vertical overlap, each row left to right.

    A small raised word (a footnote marker) joins the row it is printed on
    instead of starting a row of its own.
    """
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    rows: list[list[Word]] = []
    bounds: list[tuple[float, float, float]] = []  # top, bottom, size of the row's main text
    for w in ordered:
        mid = (w.top + w.bottom) / 2
        placed = False
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom, size = bounds[i]
            if top - 0.5 <= mid <= bottom + 0.5 or (w.size < SUPERSCRIPT_RATIO * size and top - w.height * 0.6 <= w.top <= bottom):
                rows[i].append(w)
                if w.size >= SUPERSCRIPT_RATIO * size:
                    bounds[i] = (min(top, w.top), max(bottom, w.bottom), max(size, w.size))
                placed = True
                break
        if not placed:
            rows.append([w])
            bounds.append((w.top, w.bottom, w.size))
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=_row_top)
    return rows


def _row_top(row: Sequence[Word]) -> float:
    """The top of a row's full-size words (a superscript sits higher than the row it belongs to)."""
    smallest = SUPERSCRIPT_RATIO * max(w.size for w in row)
    return min(w.top for w in row if w.size >= smallest)


def row_to_fragments(row: Sequence[Word], page: int, column_gap: float) -> list[Line]:
    """Cut one printed row where the gap between words is wider than a gutter.

    Type of very different sizes side by side, apart, is two things too (a cover
    title beside the address column), however narrow the gap. The gap of large
    type widens with its size (justified word spaces), but not beside type of
    another size: a margin note's line that fills the note column stands a
    gutter from 12 pt text beside it. A list marker stays with its text.
    """
    fragments: list[Line] = []
    current: list[Word] = [row[0]]
    for w in row[1:]:
        prev = current[-1]
        gap = w.x0 - prev.x1
        sizes = sorted((prev.size, w.size))
        if (gap > max(column_gap, 1.6 * sizes[1]) or (gap > SIZE_JUMP_GAP and sizes[1] > SIZE_JUMP * sizes[0])
                or (gap > column_gap and sizes[1] > MIXED_SIZE * sizes[0] and not _lone_marker(current))):
            fragments.append(Line(tuple(current), page))
            current = [w]
        else:
            current.append(w)
    fragments.append(Line(tuple(current), page))
    return fragments


def _lone_marker(words: Sequence[Word]) -> bool:
    """A list marker alone before its text ("•", "1."), often set in a symbol font of its own size."""
    return len(words) == 1 and len(words[0].text) <= 2


def is_superscript(word: Word, line_size: float, line_bottom: float | None = None) -> bool:
    """Is the word a footnote marker: a number set small, or a little smaller and raised?

    Word sets a superscript at two thirds of the size; browsers print HTML's
    <sup> only a sixth smaller but lift it well off the line (``line_bottom``:
    where the line's full-size letters end).
    """
    if not (word.text.isdigit() and len(word.text) <= 3):
        return False
    if word.size < SUPERSCRIPT_RATIO * line_size:
        return True
    return (line_bottom is not None and word.size < RAISED_RATIO * line_size
            and word.bottom <= line_bottom - RAISED_LIFT * line_size)


def body_bottom(line: Line) -> float:
    """Where the letters of the line's own size end (the lowest of them)."""
    size = line.size
    return max((w.bottom for w in line.words if w.size >= 0.95 * size), default=line.bottom)


def word_space(words: Sequence[Word], widest: float = math.inf, fewest: int = 1) -> float:
    """The usual space between the words of a printed line: the median of its gaps up to
    ``widest`` type sizes (a table row's wider gaps part cells), or ``WORD_SPACE_EMS`` of its type
    size where it has fewer than ``fewest`` gaps or its words touch. A ragged line sets its font's
    own space, a third of an em or so, or, in a typewriter face, more than half of one."""
    gaps = sorted(b.x0 - a.x1 for a, b in zip(words, words[1:]) if b.x0 - a.x1 <= widest * max(a.size, b.size))
    if len(gaps) >= fewest and gaps and gaps[len(gaps) // 2] > 0:
        return gaps[len(gaps) // 2]
    return WORD_SPACE_EMS * max((w.size for w in words), default=0.0)


def _touching_number(first: str, text: str) -> bool:
    """Is ``first`` a list or section number ("21.", "3)") that the word after it touches?"""
    return ORDERED_NUMBER.match(first) is not None and text[:1].isalpha()


def line_text(line: Line, refs: list[str] | None = None) -> str:
    """The text of a line without its superscript footnote markers (collected in ``refs``).

    A removed marker counts as part of the word before it, so "procent⁵." reads "procent.".
    """
    size = line.size
    bottom = body_bottom(line)
    out: list[str] = []
    prev_x1: float | None = None
    prev_size = size
    for w in line.words:
        if is_superscript(w, size, bottom):
            if refs is not None:
                refs.append(w.text)
            prev_x1 = w.x1 if prev_x1 is not None else None
            continue
        if prev_x1 is not None:
            spaced = w.x0 - prev_x1 > 0.12 * min(prev_size, w.size)
            # a list number that fills its hanging indent touches the text: "21." + "Fokus"
            out.append(" " if spaced or (len(out) == 1 and _touching_number(out[0], w.text)) else "")
        out.append(w.text)
        prev_x1, prev_size = w.x1, w.size
    return "".join(out)


def join_lines(texts: Sequence[str]) -> str:
    """Join the lines of one paragraph or cell, rejoining words hyphenated at line ends.

    Hyphens left inside lowercase words by an earlier re-flow of the text
    ("par-ter") are removed too; real hyphens stay.

    >>> join_lines(["det gør ud-", "dannelse bedre"])
    'det gør uddannelse bedre'
    >>> join_lines(["kommuner og/", "eller jobcentre"])
    'kommuner og/eller jobcentre'
    """
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
            continue
        if _TRAILING_HYPHEN.search(out):
            head, _, last = out.rpartition(" ")
            first, _, rest = text.partition(" ")
            joined = join_line_break(last, first)
            out = (head + " " if head else "") + joined + (" " + rest if rest else "")
        elif out.endswith("/") and out[-2:-1].isalnum() and text[:1].isalnum():
            out = out + text  # "og/" + "eller", a web address broken after a slash
        else:
            out = out + " " + text
    return repair_spaced_hyphens(repair_inline_hyphens(re.sub(r"\s+", " ", out).strip()))


_SPACED = re.compile(r"(?<![\w-])([a-zæøå]{2,})- ([a-zæøå]{2,})(?![\w-])")


def repair_spaced_hyphens(text: str) -> str:
    """Rejoin a word that a re-flowed text left split as "almin- deligt" in mid-line.

    Only where the joined word is a known form or a compound; "Social- og" and
    "kompetence- og" (suspended compounds) stay.

    >>> repair_spaced_hyphens("et almin- deligt job for kompetence- og")
    'et almindeligt job for kompetence- og'
    """

    def rejoin(m: re.Match[str]) -> str:
        joined = join_line_break(m.group(1) + "-", m.group(2))
        if joined == m.group(1) + m.group(2) and is_known_or_compound(joined):
            return joined
        return m.group(0)

    return _SPACED.sub(rejoin, text)


#: lines of a justified paragraph end this close (points) to each other's right edge
JUSTIFIED_TOLERANCE = 1.5


def runs_on(lines: Sequence[Line]) -> bool:
    """Is a paragraph set justified with its last line full too? A paragraph's last line stops
    short of the measure, so one that fills it has not ended (a page break cut it). Ragged text
    never shows this: its lines end at different places."""
    if len(lines) < 2:
        return False
    ends = [line.x1 for line in lines]
    return max(ends) - min(ends) <= JUSTIFIED_TOLERANCE
