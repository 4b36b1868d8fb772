"""Figures: captioned charts and pictures, their source line and the text printed inside them.

A figure is found from its caption ("Figur 3-1 …", "Billede 2-1 …"; a
caption block of the layout stage). Its area is the picture or the drawn
chart beside the caption: the nearest image or filled shape that starts just
below the caption (or ends just above it, for reports that caption below the
picture). The text printed in that area (chart labels, the words of a
reproduced leaflet) is taken out of the paragraph flow: those blocks get the
role "figure_text", and their lines become ``Figure.labels``. The source is
the "Kilde: …" line that follows the figure, if any.

``blocks_to_figures`` is the stage function; it returns the figures and the
blocks with figure text re-roled, so search and lessons never read chart
labels as paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from evalsearch.extract.layout import inside
from evalsearch.extract.lines import line_text, row_to_fragments, words_to_rows
from evalsearch.extract.patterns import CAPTION, CAPTION_WORDS
from evalsearch.model import BBox, Block, Figure, PageContent

#: caption words that make a figure, and the kind each gives
FIGURE_KINDS = {word: kind for word, kind in CAPTION_WORDS.items() if kind in ("figur", "billede")}
#: a picture starts at most this many points from its caption
DEFAULT_MAX_GAP = 30.0
#: filled shapes smaller than this (points, either side) are not pictures (bullets, legend keys)
DEFAULT_MIN_SIDE = 24.0
#: blocks this far inside the figure area (points) count as printed in it
AREA_PAD = 2.0
#: without a figure area, blocks of at most this many words between caption and source are chart labels
MAX_LABEL_WORDS = 12
#: column gap used to cut chart label rows into separate labels
LABEL_GAP = 12.0
_LIST_OF_FIGURES = re.compile(r"(?:\.{2,}|…)\s*\d{1,4}$")
_SOURCE_START = re.compile(r"^(?:Kilde|Kilder)\s*:", re.IGNORECASE)
FLOW_ROLES = ("paragraph", "bullet", "table")


def _merge_boxes(boxes: list[BBox], slack: float = 2.0) -> list[BBox]:
    """Merge boxes that overlap or touch into their bounding boxes."""
    merged: list[list[float]] = []
    for box in sorted(boxes, key=lambda b: (b[1], b[0])):
        for m in merged:
            if box[0] <= m[2] + slack and box[2] >= m[0] - slack and box[1] <= m[3] + slack and box[3] >= m[1] - slack:
                m[0], m[1], m[2], m[3] = min(m[0], box[0]), min(m[1], box[1]), max(m[2], box[2]), max(m[3], box[3])
                break
        else:
            merged.append(list(box))
    if len(merged) < len(boxes):
        again = [tuple(m) for m in merged]
        if len(again) > 1:
            return _merge_boxes(again, slack)  # type: ignore[arg-type]
    return [tuple(m) for m in merged]  # type: ignore[misc]


def page_graphics(page: PageContent, min_side: float = DEFAULT_MIN_SIDE) -> list[BBox]:
    """The picture areas of a page: images and filled shapes, merged where they touch."""
    boxes: list[BBox] = [b for b in page.images if b[2] - b[0] >= min_side and b[3] - b[1] >= min_side]
    boxes += [
        (f.x0, f.top, f.x1, f.bottom) for f in page.fills if f.x1 - f.x0 >= min_side and f.bottom - f.top >= min_side
    ]
    return _merge_boxes(boxes)


def _gap(caption: BBox, box: BBox, max_gap: float) -> float | None:
    """Distance from a caption to a picture just below it (or, plus a tie-breaker, just above it)."""
    cx0, ctop, cx1, cbottom = caption
    if box[2] < cx0 - max_gap or box[0] > cx1 + max_gap:
        return None
    below = box[1] - cbottom
    above = ctop - box[3]
    if below >= -AREA_PAD:
        gap = below
    elif above >= -AREA_PAD:
        gap = above + 0.5  # a picture below the caption wins a tie
    else:
        return None
    return gap if gap <= max_gap else None


def figure_area(
    caption: Block, graphics: list[BBox], max_gap: float = DEFAULT_MAX_GAP, other_captions: list[BBox] | None = None
) -> BBox | None:
    """The picture a caption belongs to: the nearest one just below it, else just above it.

    A picture that another caption on the page ("Tabel 2", the next figure)
    stands closer to belongs to that caption.
    """
    best: tuple[float, BBox] | None = None
    for box in graphics:
        gap = _gap(caption.bbox, box, max_gap)
        if gap is None:
            continue
        rivals = (_gap(other, box, max_gap) for other in other_captions or [])
        if any(r is not None and r < gap for r in rivals):
            continue
        if best is None or gap < best[0]:
            best = (gap, box)
    return best[1] if best else None


def _in_area(block: Block, area: BBox) -> bool:
    x0, top, x1, bottom = block.bbox
    return (
        x0 >= area[0] - AREA_PAD and x1 <= area[2] + AREA_PAD and top >= area[1] - AREA_PAD and bottom <= area[3] + AREA_PAD
    )


def area_labels(page: PageContent, area: BBox) -> tuple[str, ...]:
    """The text printed inside a figure area, one label per line fragment, top to bottom."""
    words = [w for w in page.words if inside(w, area, AREA_PAD)]
    labels: list[str] = []
    for row in words_to_rows(words):
        for fragment in row_to_fragments(row, page.number, LABEL_GAP):
            text = line_text(fragment).strip()
            if text:
                labels.append(text)
    return tuple(labels)


def _caption_parts(block: Block) -> tuple[str, str, str] | None:
    """(label, kind, caption text) of a figure caption, or None."""
    m = CAPTION.match(block.text.strip())
    if not m or m.group("kind") not in FIGURE_KINDS or _LIST_OF_FIGURES.search(block.text):
        return None
    return f"{m.group('kind')} {m.group('num')}", FIGURE_KINDS[m.group("kind")], m.group("rest").strip()


def _chart_like(block: Block) -> bool:
    return block.role == "table" or len(block.text.split()) <= MAX_LABEL_WORDS


def _find_source(blocks: list[Block], start: int, area: BBox | None, page: int) -> int | None:
    """Index of the "Kilde:" line after a figure, skipping the text printed inside the figure.

    Without a known figure area, short blocks and table-like blocks (chart
    labels read as text) may stand between caption and source.
    """
    for j in range(start, len(blocks)):
        b = blocks[j]
        if b.page != page:
            return None
        if b.role == "source" and _SOURCE_START.match(b.text):
            return j
        if b.role == "figure_text" or (area is not None and _in_area(b, area)):
            continue
        if area is None and b.role in FLOW_ROLES and _chart_like(b):
            continue
        if b.role in ("heading", "caption") or b.role in FLOW_ROLES:
            return None
    return None


def blocks_to_figures(blocks: list[Block], pages: dict[int, PageContent]) -> tuple[list[Figure], list[Block]]:
    """Find the figures of a document and take their printed text out of the flow.

    Args:
        blocks (list[Block]): the document's blocks in reading order.
        pages (dict[int, PageContent]): page number → page (furniture removed).

    RETURNS: (the figures in reading order, the blocks with figure text
        re-roled as "figure_text").
    """
    out = list(blocks)
    figures: dict[str, Figure] = {}
    graphics_cache: dict[int, list[BBox]] = {}
    for i, block in enumerate(blocks):
        if block.role != "caption":
            continue
        parts = _caption_parts(block)
        if parts is None:
            continue
        label, kind, caption = parts
        page = pages.get(block.page)
        if page is not None and block.page not in graphics_cache:
            graphics_cache[block.page] = page_graphics(page)
        others = [b.bbox for b in blocks if b.role == "caption" and b.page == block.page and b is not block]
        area = figure_area(block, graphics_cache.get(block.page, []), other_captions=others)
        if area is not None:
            for j, other in enumerate(out):
                if other.page == block.page and other.role in FLOW_ROLES and _in_area(other, area):
                    out[j] = replace(other, role="figure_text")
        source_at = _find_source(out, i + 1, area, block.page)
        if area is None and source_at is not None:
            # a chart drawn without filled shapes: what stands between caption and source is its text
            for j in range(i + 1, source_at):
                if out[j].role in FLOW_ROLES and _chart_like(out[j]):
                    out[j] = replace(out[j], role="figure_text")
        labels: tuple[str, ...] = ()
        if area is not None and page is not None:
            labels = area_labels(page, area)
        elif source_at is not None:
            labels = tuple(t for b in out[i + 1 : source_at] if b.role == "figure_text" for t in b.text.splitlines())
        figure = Figure(
            label=label,
            kind=kind,  # type: ignore[arg-type]
            caption=caption,
            section=block.section,
            source=out[source_at].text if source_at is not None else None,
            page=block.page,
            labels=labels,
        )
        known = figures.get(label)
        if known is None or (known.source is None and not known.labels and (figure.source or figure.labels)):
            figures[label] = figure
    ordered = sorted(figures.values(), key=lambda f: f.page)
    return ordered, out


def figures_stage(context) -> None:
    """Record stage: fill ``document.figures`` and re-role the text printed inside figures."""
    pages = {p.number: p for p in context.pages}
    figures, blocks = blocks_to_figures(context.document.blocks, pages)
    context.document.figures = figures
    context.document.blocks = blocks
