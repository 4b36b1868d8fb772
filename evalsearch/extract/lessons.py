"""Lessons learned: the blocks of a report that state an experience or a learning.

Two sources, following the gold SCHEMA's lesson rules:

* **Lessons chapters** (``lessons_scopes``): a heading whose title names
  lessons ("Erfaringer og læringer", "Tværgående erfaringer og læringer",
  "Seks virkningsmekanismer") opens a chapter that runs over its
  subsections. In it every list item is a lesson and every paragraph is one,
  except connective paragraphs ("Nedenfor har vi opsamlet …"), background
  ("Det har været et formål med puljerne, at …"), quotations and the blocks a
  connective paragraph introduces.
* **Elsewhere**: a paragraph that states a learning in so many words
  ("Erfaringen er, at …", "set i bakspejlet"; from that sentence on), and the
  items of a list introduced as lessons ("… viste, at det er vigtigt:",
  "… følgende barrierer:").

Which words count is decided by the Matcher of ``evalsearch.danish.lesson_cues``.
A lesson's ``heading`` is the advice heading or margin note it sits under:
a bold run-in or bold lead sentence, the first sentence after a numbering
label ("Læringspunkt 3"), a margin note (carried to the blocks after it), or a
numbered advice heading inside an unnumbered lessons chapter. List handling
(sub-items, continuation paragraphs) lives in ``lesson_lists``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evalsearch.danish.lesson_cues import introduces_lessons, is_enumerated_label, is_lessons_title, read_cues
from evalsearch.danish.themes import themes_of
from evalsearch.extract.lesson_lists import ListItem, group_list
from evalsearch.extract.patterns import number_depth, split_heading_number
from evalsearch.model import Block, Lesson, PageContent

#: a chapter heading and a later heading whose sizes differ by less than this are the same level
SIZE_TOLERANCE = 0.3
#: an advice heading made of the first sentence after a numbering label is at most this many words
MAX_HEADING_WORDS = 60
#: lessons keep at most this many themes
MAX_THEMES = 3
#: paragraphs set smaller than this share of the body text are notes (endnotes, legends), not lessons
SMALL_TEXT_RATIO = 0.9
QUOTE_MARKS = "\"“”„«»'‘’["
TEXT_ROLES = ("paragraph", "bullet")


@dataclass
class Scope:
    """Where a block stands: inside a lessons chapter or not, and the section to report."""

    in_chapter: bool
    section: str | None
    section_title: str | None
    advice_heading: str | None = None


@dataclass
class _Chapter:
    heading: Block
    sub_numbered: bool | None = None
    sub_size: float | None = None


def _ends_chapter(chapter: _Chapter, heading: Block) -> bool:
    c, h = chapter.heading, heading
    c_num, h_num = c.number, h.number or split_heading_number(h.text)[0]
    if c_num and h_num:
        return number_depth(h_num) <= number_depth(c_num)
    if h.size >= c.size - SIZE_TOLERANCE:
        return True
    if chapter.sub_numbered and not h_num and chapter.sub_size is not None:
        return abs(h.size - chapter.sub_size) <= SIZE_TOLERANCE
    return False


def lessons_scopes(blocks: list[Block]) -> list[Scope]:
    """Mark every block as inside or outside a lessons chapter, with the section to report.

    A chapter ends at a heading of its own level or above: by number when both
    are numbered, else by type size. A run of numbered, smaller headings under an
    unnumbered chapter heading are advice headings of that chapter, and an
    unnumbered heading of their size ends it.
    """
    scopes: list[Scope] = []
    chapter: _Chapter | None = None
    advice: str | None = None
    for block in blocks:
        if block.role == "heading":
            if chapter is not None and _ends_chapter(chapter, block):
                chapter, advice = None, None
            if chapter is None:
                title = split_heading_number(block.text)[1]
                if is_lessons_title(title):
                    chapter = _Chapter(block)
            elif block is not chapter.heading:
                number = block.number or split_heading_number(block.text)[0]
                if chapter.sub_numbered is None:
                    chapter.sub_numbered, chapter.sub_size = bool(number), block.size
                advice = split_heading_number(block.text)[1] if number and not chapter.heading.number else None
        if chapter is None:
            scopes.append(Scope(False, block.section, block.section_title))
        elif advice is not None:
            head = chapter.heading
            scopes.append(Scope(True, head.section, head.section_title, advice_heading=advice))
        else:
            scopes.append(Scope(True, block.section, block.section_title))
    return scopes


def _body_size(blocks: list[Block]) -> float:
    """The type size most running text is set in (by letters)."""
    sizes: dict[float, int] = {}
    for b in blocks:
        if b.role == "paragraph" and b.size:
            sizes[round(b.size, 1)] = sizes.get(round(b.size, 1), 0) + len(b.text)
    return max(sizes, key=sizes.__getitem__) if sizes else 0.0


def _clean_heading(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip().rstrip(":").strip()
    return text or None


def _is_quote(text: str) -> bool:
    return text[:1] in QUOTE_MARKS


def _is_pseudo_heading(block: Block) -> bool:
    """A short bold line that works as a heading ("+ 1. Et kritisk perspektiv"), or a stray word."""
    words = block.text.split()
    if len(words) < 4:
        return True
    return block.bold and len(words) <= 15 and not block.text.rstrip().endswith((".", "!", "?"))


def _is_background(text: str) -> bool:
    """A paragraph that states a purpose, not an experience ("Det har været et formål med …, at …")."""
    reading = read_cues(text)
    first = reading.sentences[0] if reading.sentences else None
    return first is not None and not first.labels and "formål" in read_cues(first.text).lemmas


def _is_connective(text: str, in_chapter: bool) -> bool:
    reading = read_cues(text)
    if reading.meta:
        return True
    # in a lessons chapter, a paragraph that names "erfaringer og læringer" without stating one introduces them
    return in_chapter and reading.mentions_lessons and not reading.labels & {"learning", "advice", "hindsight"}


def _introduces_a_list(text: str) -> bool:
    """A paragraph that leads into what follows: "… viste, at det er vigtigt:", "… følgende bemærkninger"."""
    end = text.rstrip()
    if end.endswith((":", " at")):
        return True
    return not end.endswith((".", "!", "?", ")", '"', "”")) and " følgende " in f" {end} "


def _split_first_sentence(text: str) -> tuple[str | None, str]:
    """(first sentence, rest) when the first sentence is short enough to be an advice heading."""
    sentences = read_cues(text).sentences
    if len(sentences) < 2 or len(sentences[0].text.split()) > MAX_HEADING_WORDS:
        return None, text
    return sentences[0].text, text[sentences[1].start :].strip()


def _from_learning_sentence(text: str) -> str | None:
    """The text from the first sentence that states a learning, or None when none does."""
    sentence = read_cues(text).first_with("learning", "hindsight")
    return None if sentence is None else text[sentence.start :].strip()


@dataclass
class _State:
    heading: str | None = None
    meta_run: bool = False
    list_is_lessons: bool = False
    lessons: list[Lesson] = field(default_factory=list)


def _make(text: str, scope: Scope, heading: str | None, page: int) -> Lesson:
    return Lesson(
        text=text,
        section=scope.section,
        section_title=_clean_heading(scope.section_title),
        heading=_clean_heading(heading),
        page=page,
        in_lessons_chapter=scope.in_chapter,
        themes=themes_of(text, limit=MAX_THEMES, heading=_clean_heading(heading)),
    )


def _list_lessons(items: list[ListItem], scope: Scope, state: _State) -> None:
    for item in items:
        if item.label and not is_enumerated_label(item.label):
            state.heading = item.label
        state.lessons.append(_make(item.text, scope, item.lead or state.heading, item.page))


def blocks_to_lessons(blocks: list[Block], pages: dict[int, PageContent] | None = None) -> list[Lesson]:
    """Read the lessons of a document from its blocks (in reading order).

    Args:
        blocks (list[Block]): the document's blocks, sections stamped.
        pages (dict[int, PageContent] | None): page number → page, to find bold
            lead sentences of list items; None to skip that.

    RETURNS (list[Lesson]): the lessons in reading order.
    """
    pages = pages or {}
    scopes = lessons_scopes(blocks)
    state = _State()
    small = SMALL_TEXT_RATIO * _body_size(blocks)
    i = 0
    while i < len(blocks):
        block, scope = blocks[i], scopes[i]
        if block.role == "heading":
            state.heading = scope.advice_heading
            state.meta_run = False
            state.list_is_lessons = False
            i += 1
            continue
        if block.role not in TEXT_ROLES:
            i += 1
            continue
        label = block.label or (block.run_in if is_enumerated_label(block.run_in) else None)
        text = block.text
        lead = block.run_in if block.run_in and not is_enumerated_label(block.run_in) else None
        if label or lead:
            state.meta_run = False
        if is_enumerated_label(label) and not lead:
            lead, text = _split_first_sentence(text)
            state.heading = lead or state.heading
            if lead is None and len(text.split()) <= MAX_HEADING_WORDS:
                state.heading = text  # the block is the advice heading alone; its lesson follows
                i += 1
                continue
        elif lead:
            state.heading = lead
        elif label:
            state.heading = label
        if block.role == "bullet":
            items, i = group_list(blocks, i, pages)
            if scope.in_chapter and not (state.meta_run and not any(read_cues(it.text).labels for it in items)):
                _list_lessons(items, scope, state)
            elif not scope.in_chapter and state.list_is_lessons:
                _list_lessons(items, scope, state)
            continue
        i += 1
        state.list_is_lessons = False
        if _is_quote(text) or 0 < block.size < small:
            continue
        reading = read_cues(text)
        if _introduces_a_list(text):
            last = reading.sentences[-1].text if reading.sentences else text
            note = block.label or block.run_in
            state.list_is_lessons = introduces_lessons(last) or (note is not None and introduces_lessons(note))
            if scope.in_chapter and reading.meta and not state.list_is_lessons:
                state.meta_run = True
                if block.label:
                    state.heading = None
            continue
        if _is_pseudo_heading(block):
            continue
        if scope.in_chapter:
            if _is_connective(text, True) or _is_background(text):
                state.meta_run = True
                if block.label:
                    state.heading = None  # the margin note labels the connective paragraph only
                continue
            if state.meta_run and not reading.labels:
                continue
            state.meta_run = False
            state.lessons.append(_make(text, scope, state.heading, block.page))
        else:
            if _is_connective(text, False):
                if block.label:
                    state.heading = None
                continue
            learning = _from_learning_sentence(text)
            if learning:
                state.lessons.append(_make(learning, scope, state.heading, block.page))
    return state.lessons


def lessons_stage(context) -> None:
    """Record stage: fill ``document.lessons`` from the blocks and the clean pages."""
    pages = {p.number: p for p in context.pages}
    context.document.lessons = blocks_to_lessons(context.document.blocks, pages)


__all__ = ["Scope", "blocks_to_lessons", "lessons_scopes", "lessons_stage"]
