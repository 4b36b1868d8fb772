"""PDF → Document: the extraction stages in order.

``extract_document(path, settings)`` opens the file (bad input raises an
``InputError``), reads every page and tells whether the document breaks words
at its line ends (``wordbreaks``: every line-end hyphen of the reading follows
that), removes page furniture, measures the page grid, lays out each page, joins
blocks across page breaks, builds the section tree and reads the title page.
Then the record stages that ``_record_stages()`` lists run one by one over the
shared ``ExtractContext``; a stage that fails on one document is recorded as an
``ErrorItem`` (status "partial") and the others still run.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from evalsearch.danish.hyphenation import line_ends_break_words
from evalsearch.errors import EvalsearchError, InputError, NoTextLayerError
from evalsearch.extract.figures import figures_stage
from evalsearch.extract.furniture import find_furniture, strip_furniture
from evalsearch.extract.geometry import DocGeometry, format_geometries, page_format
from evalsearch.extract.keyfigures import key_figures_stage
from evalsearch.extract.layout import RAGGED_ROOM_EMS, PageLayout, page_to_layout
from evalsearch.extract.margin_notes import MarginNote
from evalsearch.extract.lessons import lessons_stage
from evalsearch.extract.lines import join_lines, words_to_rows
from evalsearch.extract.navigation import drop_navigation
from evalsearch.extract.patterns import SENTENCE_END
from evalsearch.extract.pdf import iter_pages, opened_pdf
from evalsearch.extract.progress import page_read
from evalsearch.extract.projects import read_projects
from evalsearch.extract.tables.pagetables import PageTable, find_document_tables, table_text
from evalsearch.extract.tables.stage import read_tables
from evalsearch.extract.sections import TocEntry, build_sections, rows_to_toc
from evalsearch.extract.settings import ExtractSettings
from evalsearch.extract.spill import drop_spilled_lines
from evalsearch.extract.titlepage import read_title_page
from evalsearch.extract.wordbreaks import breaks_words
from evalsearch.model import Block, Document, ErrorItem, Footnote, PageContent, Source
from evalsearch.naming import doc_id_for

log = logging.getLogger(__name__)


@dataclass
class ExtractContext:
    """What the record stages read: the clean pages, their grid, and the document so far."""

    document: Document
    pages: list[PageContent]
    geometry: DocGeometry
    settings: ExtractSettings
    toc: list[TocEntry] = field(default_factory=list)
    page_tables: dict[int, list[PageTable]] = field(default_factory=dict)  # each page's tables, read once


RecordStage = Callable[[ExtractContext], None]


def _record_stages() -> list[tuple[str, RecordStage]]:
    """The record stages, in the order they run (later stages may read earlier records)."""
    return [
        ("figures", figures_stage),  # first: re-roles text printed inside figures, which no later stage reads
        ("tables", read_tables),
        ("projects", read_projects),
        ("key_figures", key_figures_stage),
        ("lessons", lessons_stage),
    ]


def read_pages(path: Path, settings: ExtractSettings) -> tuple[list[PageContent], list[ErrorItem], Source]:
    pages: list[PageContent] = []
    errors: list[ErrorItem] = []
    with opened_pdf(path, password=settings.password, repair=settings.repair) as opened:
        if opened.page_count == 0:
            raise InputError("the PDF has no pages that can be read", path)
        for item in iter_pages(opened):
            if isinstance(item, InputError):
                errors.append(ErrorItem("read", item.reason, item.page))
            else:
                pages.append(item)
            page_read(path.name, len(pages) + len(errors), opened.page_count)
        source = Source(str(path), opened.sha256, opened.page_count, repaired=opened.repaired)
    if opened.repaired:
        errors.append(ErrorItem("open", opened.repair_note))
    chars = sum(len(w.text) for p in pages for w in p.words)
    if not pages and errors:
        raise InputError(f"no page can be read ({errors[0].message})", path)
    if chars < settings.min_chars_per_page * max(1, source.pages):
        if sum(p.undecoded for p in pages) > chars:
            raise NoTextLayerError("no readable text: its fonts have no character map, so the text cannot be "
                                   "decoded (OCR needed)", path)
        if not any(p.images for p in pages):
            raise NoTextLayerError("no text layer: the pages hold neither text nor images (blank or drawn only)", path)
        raise NoTextLayerError("no text layer (scanned/image-only PDF, OCR needed)", path)
    for p in pages:
        if not p.words and p.images:
            errors.append(ErrorItem("read", "no text layer on this page (image only)", p.number))
    undecoded = [p for p in pages if p.undecoded]
    if undecoded:
        errors.append(ErrorItem("read", undecoded_note(undecoded), undecoded[0].number if len(undecoded) == 1 else None))
    return pages, errors, source


def undecoded_note(pages: list[PageContent]) -> str:
    """What the user is told of the pages that lost characters, in one line however many they are.

    >>> undecoded_note([PageContent(3, 595, 842, (), undecoded=12), PageContent(5, 595, 842, (), undecoded=1)])
    '13 characters on pages 3 and 5 cannot be decoded (a font without a character map); their text is incomplete'
    """
    count = sum(p.undecoded for p in pages)
    characters = "1 character" if count == 1 else f"{count} characters"
    if len(pages) == 1:
        return f"{characters} cannot be decoded (a font without a character map); the page's text is incomplete"
    numbers = [str(p.number) for p in pages]
    if len(numbers) <= 6:
        named = ", ".join(numbers[:-1]) + " and " + numbers[-1]
    else:
        named = ", ".join(numbers[:5]) + f" … ({len(numbers)} pages)"
    return f"{characters} on pages {named} cannot be decoded (a font without a character map); their text is incomplete"


#: a list item's text stands at most this far (points) right of its marker
MARKER_INDENT_MAX = 24.0


def _join_across_pages(layouts: list[PageLayout]) -> list[Block]:
    """Concatenate page blocks; rejoin a paragraph that a page break cut in two.

    A margin note printed below the last paragraph of a page labels the first
    block of the next page.
    """
    blocks: list[Block] = []
    carry: list[MarginNote] = []
    for layout in layouts:
        page_blocks = list(layout.blocks)
        if carry:
            idx = next((i for i, b in enumerate(page_blocks) if b.role in ("paragraph", "bullet", "heading")), None)
            if idx is not None:
                b = page_blocks[idx]
                page_blocks[idx] = replace(b, label=" ".join(n.text for n in carry) if b.label is None else b.label)
                carry = []
        carry.extend(layout.leftover_notes)
        if blocks and page_blocks:
            prev_i = _last_text_block(blocks)
            first = page_blocks[0]
            if prev_i is not None and prev_i == len(blocks) - 1 and _continues_on_next_page(blocks[prev_i], first):
                prev = blocks[prev_i]
                blocks[prev_i] = replace(
                    prev,
                    text=join_lines([prev.text, first.text]),
                    footnote_refs=prev.footnote_refs + first.footnote_refs,
                    end_page=first.page,
                    runs_on=first.runs_on,
                    room=first.room,
                )
                page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
    return blocks


def _last_text_block(blocks: list[Block]) -> int | None:
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].role in ("paragraph", "bullet"):
            return i
        if blocks[i].role in ("heading", "table", "caption"):
            return None
    return None


def _continues_on_next_page(prev: Block, first: Block) -> bool:
    """Does the next page open with the rest of the paragraph that ends this one? Yes when the next
    page goes on in lower case (or after a hyphen or a comma), or when the paragraph's last line
    leaves no room for more (justified and full, or ragged and stopped mid-sentence with no room
    for the next word) and the next page's paragraph stands at the same left edge."""
    if first.role != "paragraph" or first.label is not None or first.run_in is not None:
        return False
    if abs(prev.size - first.size) > 0.6:
        return False
    ends_sentence = SENTENCE_END.search(prev.text) is not None and not prev.text.endswith("-")
    # a ragged line is broken only when the next word does not fit: one that stops mid-sentence
    # with no room for the next page's first word was cut by the page break ("… i regi af SIND" /
    # "Pårørenderådgivning, da …"); the room is measured against the page's longest line, so it is
    # never underrated and two paragraphs are not joined for want of it
    no_room = prev.room is not None and prev.room <= first.first_word_width + RAGGED_ROOM_EMS * prev.size
    if prev.runs_on or (no_room and not ends_sentence):
        # the rest stands where the cut text stood: at the paragraph's edge, or a list item's text indent
        shift = first.bbox[0] - prev.bbox[0]
        if (2 < shift <= MARKER_INDENT_MAX) if prev.role == "bullet" else abs(shift) <= 2:
            return True
    if ends_sentence:
        # a paragraph never opens in lower case: after an abbreviation's full stop ("… meget
        # central, jf." / "omtalen af metoden …") or in a run of items set as sentences ("… helt
        # urealistisk." / "dem der ikke har …"), the next page goes on with this paragraph
        return first.text[:1].islower()
    return first.text[:1].islower() or prev.text.endswith(("-", ",")) or first.text[:1].isdigit()


@dataclass
class LaidOut:
    """The document after layout: clean pages, blocks in reading order, contents, tables."""

    pages: list[PageContent]
    geometry: DocGeometry
    blocks: list[Block]
    toc: list[TocEntry]
    footnotes: list[Footnote]
    page_tables: dict[int, list[PageTable]] = field(default_factory=dict)


def layout_document(pages: list[PageContent], settings: ExtractSettings) -> LaidOut:
    furniture = find_furniture(pages, settings)
    clean = drop_spilled_lines([replace(p, words=strip_furniture(p, furniture.get(p.number, set()))) for p in pages])
    geometry, grids = format_geometries(clean, settings.column_gap)
    toc: list[TocEntry] = []
    layouts: list[PageLayout] = []
    footnotes: list[Footnote] = []
    page_tables = find_document_tables(clean, geometry, settings.column_gap)
    open_sentence = False
    for page in clean:
        rows = words_to_rows(page.words)
        entries, rows = rows_to_toc(rows)
        toc.extend(entries)
        words = [w for r in rows for w in r]
        found = page_tables.get(page.number, [])
        tables = [(t.bbox, table_text(t)) for t in found]
        layout = page_to_layout(page.number, page.height, words, grids[page_format(page)], settings.column_gap, tables,
                                open_sentence)
        layouts.append(layout)
        last = layout.blocks[-1] if layout.blocks else None
        open_sentence = last is not None and last.role == "paragraph" and not SENTENCE_END.search(last.text)
        footnotes.extend(layout.footnotes)
    blocks = drop_navigation(_join_across_pages(layouts))
    return LaidOut(clean, geometry, blocks, toc, footnotes, page_tables)


def extract_document(path: str | Path, settings: ExtractSettings | dict | None = None) -> Document:
    """Read one PDF into a Document.

    Args:
        path (str | Path): the PDF.
        settings (ExtractSettings | dict | None): overrides of the defaults.
    RETURNS (Document): the structured document; ``errors`` lists what went
        wrong on parts of it (status "partial").
    Raises:
        InputError: the file cannot be read at all (empty, not a PDF, encrypted,
            truncated, no text layer).
    """
    settings = ExtractSettings.resolve(settings)
    path = Path(path)
    started = time.perf_counter()
    pages, errors, source = read_pages(path, settings)
    with line_ends_break_words(breaks_words(pages)):
        document = _read_document(path, pages, errors, source, settings)
    log.info("%s: %d pages in %.2fs", path.name, source.pages, time.perf_counter() - started)
    return document


def _read_document(path: Path, pages: list[PageContent], errors: list[ErrorItem], source: Source,
                   settings: ExtractSettings) -> Document:
    """The stages after reading the pages: layout, sections, title page, then the record stages."""
    laid = layout_document(pages, settings)
    sections, blocks = build_sections(laid.blocks, laid.toc)
    front = read_title_page(pages, laid.geometry.body_size)
    document = Document(
        doc_id=doc_id_for(path),
        source=source,
        title=front.title,
        doc_type=front.doc_type,
        evaluator=front.evaluator,
        client=front.client,
        date=front.date,
        version=front.version,
        sections=sections,
        blocks=blocks,
        footnotes=laid.footnotes,
        errors=errors,
    )
    context = ExtractContext(document, laid.pages, laid.geometry, settings, laid.toc, laid.page_tables)
    for name, stage in _record_stages():
        try:
            stage(context)
        except EvalsearchError as exc:
            document.errors.append(ErrorItem(name, exc.reason, exc.page))
        except Exception as exc:  # a stage bug must not lose the rest of the document
            log.exception("%s: stage %s failed", path.name, name)
            document.errors.append(ErrorItem(name, f"internal error in stage {name}: {type(exc).__name__}: {exc}"))
    return document
