"""Find page furniture: running headers and footers, and page numbers.

A running header is a row in the top (or bottom) band of the page whose text,
with its digits ignored, recurs on many pages. Reports alternate headers on odd
and even pages, and a header may even name another project; counting the
recurring text per band covers both. A bare page number ("12", "Side 3",
"3 af 20", "1/4") in a band is furniture wherever it stands.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from statistics import median
from typing import NamedTuple

from evalsearch.extract.lines import words_to_rows
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import PageContent, Word, join_words

PAGE_NUMBER = re.compile(
    r"^(?:side|page|s\.)?\s*[-–]?\s*\d{1,4}\s*(?:(?:af|of|/)\s*\d{1,4})?\s*[-–]?$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def furniture_key(text: str) -> str:
    """The text of a header row with page numbers and spacing ignored."""
    return _SPACE.sub(" ", _DIGITS.sub("", text)).strip(" -–|").lower()


def _band_rows(page: PageContent, band: float) -> list[tuple[str, list[Word]]]:
    """The rows of the page's top and bottom bands, each ``band`` points high."""
    top_limit = band
    bottom_limit = page.height - band
    words = [w for w in page.words if w.bottom <= top_limit or w.top >= bottom_limit]
    rows = words_to_rows(words)
    out = []
    for row in rows:
        zone = "top" if row[0].bottom <= top_limit else "bottom"
        out.append((zone, row))
    return out


def find_furniture(pages: Sequence[PageContent], settings: ExtractSettings) -> dict[int, set[int]]:
    """Return, per page number, the ids of the words that are page furniture.

    Args:
        pages: every page of the document.
        settings: band height and how often a header must recur.
    RETURNS (dict[int, set[int]]): page number → ``id()`` of furniture words.
    """
    # the bands are as high on a landscape page as on the portrait pages around it: its header
    # stands as far from the top edge, and a share of its lower height would cut the header's
    # second line off
    band = settings.furniture_band * max((p.height for p in pages), default=0.0)
    per_page = {p.number: _band_rows(p, band) for p in pages}
    counts: Counter[tuple[str, str]] = Counter()
    for rows in per_page.values():
        seen = set()
        for zone, row in rows:
            key = furniture_key(join_words(row))
            if len(key) >= 3:
                seen.add((zone, key))
        counts.update(seen)
    n = len(pages)
    # Alternating odd/even headers recur on half the pages only.
    needed = max(2, min(settings.furniture_min_pages, (n + 1) // 2), int(settings.furniture_min_share * n + 0.999))
    recurring = {k for k, c in counts.items() if c >= needed}
    result: dict[int, set[int]] = {}
    slots: dict[int, list[_Slot]] = {}
    for number, rows in per_page.items():
        ids: set[int] = set()
        for zone, row in rows:
            text = join_words(row)
            recurs = (zone, furniture_key(text)) in recurring
            if recurs:
                slots.setdefault(number, []).append(_slot(zone, row))
            if recurs or PAGE_NUMBER.match(text.strip()):
                ids.update(id(w) for w in row)
        if ids:
            result[number] = ids
    for number, ids in _lone_headers(pages, per_page, result, slots).items():
        result.setdefault(number, set()).update(ids)
    return result


def _lone_headers(pages: Sequence[PageContent], per_page: dict[int, list[tuple[str, list[Word]]]],
                  furniture: dict[int, set[int]], slots: dict[int, list[_Slot]]) -> dict[int, set[int]]:
    """Headers alone of their kind ("Evaluering af projektet …" on the only odd page of a short
    report with a header): a page's outermost line that stands where the running header of other
    pages stands, in its type. It must be smaller than the text and outside where the text starts
    (or ends) on most pages: there it would be the text's first line."""
    text_top, text_bottom = _text_extent(pages, furniture)
    sizes = Counter(round(w.size) for p in pages for w in p.words)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    found: dict[int, set[int]] = {}
    for page in pages:
        for zone, row in _outermost(per_page[page.number], furniture.get(page.number, set())):
            slot = _slot(zone, row)
            outside = slot.bottom < text_top if zone == "top" else slot.top > text_bottom
            if not outside or slot.size > body_size - SLOT_SIZE_MARGIN:
                continue
            taken_here = any(_same_slot(slot, own) for own in slots.get(page.number, []))
            elsewhere = any(_same_slot(slot, other) for n, found_slots in slots.items() if n != page.number
                            for other in found_slots)
            if elsewhere and not taken_here:
                found.setdefault(page.number, set()).update(id(w) for w in row)
    return found


def _text_extent(pages: Sequence[PageContent], furniture: dict[int, set[int]]) -> tuple[float, float]:
    """Where the text that is not furniture starts and ends on most pages (the median over the pages)."""
    tops, bottoms = [], []
    for page in pages:
        text = [w for w in page.words if id(w) not in furniture.get(page.number, set())]
        if text:
            tops.append(min(w.top for w in text))
            bottoms.append(max(w.bottom for w in text))
    if not tops:
        return 0.0, 0.0
    return median(tops), median(bottoms)


#: rows in one slot stand this close (points) and differ this little in type size
SLOT_TOLERANCE = 1.0
SLOT_SIZE_TOLERANCE = 0.3
#: a running header is set at least this much (points) smaller than the text
SLOT_SIZE_MARGIN = 0.5


class _Slot(NamedTuple):
    """A row's place on its page."""

    zone: str
    top: float
    bottom: float
    size: float


def _slot(zone: str, row: Sequence[Word]) -> _Slot:
    return _Slot(zone, min(w.top for w in row), max(w.bottom for w in row), max(w.size for w in row))


def _same_slot(a: _Slot, b: _Slot) -> bool:
    return (a.zone == b.zone and abs(a.top - b.top) <= SLOT_TOLERANCE and abs(a.bottom - b.bottom) <= SLOT_TOLERANCE
            and abs(a.size - b.size) <= SLOT_SIZE_TOLERANCE)


def _outermost(rows: Sequence[tuple[str, list[Word]]], furniture: set[int]) -> list[tuple[str, list[Word]]]:
    """The page's first row of the top band and last row of the bottom band that are not yet
    furniture, when only furniture stands between them and the page's edge."""
    out = []
    for zone, ordered in (("top", rows), ("bottom", list(reversed(rows)))):
        for row_zone, row in ordered:
            if row_zone != zone:
                continue
            if not all(id(w) in furniture for w in row):
                out.append((zone, row))
                break
    return out


def strip_furniture(page: PageContent, furniture_ids: set[int]) -> tuple[Word, ...]:
    return tuple(w for w in page.words if id(w) not in furniture_ids)
