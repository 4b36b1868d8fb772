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
    for number, rows in per_page.items():
        ids: set[int] = set()
        for zone, row in rows:
            text = join_words(row)
            if PAGE_NUMBER.match(text.strip()) or (zone, furniture_key(text)) in recurring:
                ids.update(id(w) for w in row)
        if ids:
            result[number] = ids
    return result


def strip_furniture(page: PageContent, furniture_ids: set[int]) -> tuple[Word, ...]:
    return tuple(w for w in page.words if id(w) not in furniture_ids)
