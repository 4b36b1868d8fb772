"""Navigation a web page printed to PDF keeps: short lines that repeat the heading after them."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from evalsearch.model import Block

NAVIGATION_MAX_WORDS = 15
NAVIGATION_REACH = 3
NAVIGATION_SIMILARITY = 85
_NAV_LEAD = re.compile(r"^[\W_]+")


def drop_navigation(blocks: list[Block]) -> list[Block]:
    """Leave out short lines that repeat the heading right after them.

    A web page printed to PDF keeps the toggles of its collapsed sections
    ("+ 5. Ledelsesmæssig fokus og opbakning" above the heading "5. Ledelsesmæssig
    fokus og opbakning"): navigation, not text.
    """
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if block.role == "paragraph" and len(block.text.split()) <= NAVIGATION_MAX_WORDS:
            bare = _NAV_LEAD.sub("", block.text).strip().lower()
            following = blocks[i + 1 : i + 1 + NAVIGATION_REACH]
            if bare and any(
                b.role == "heading" and fuzz.ratio(_NAV_LEAD.sub("", b.text).strip().lower(), bare) >= NAVIGATION_SIMILARITY
                for b in following
            ):
                continue
        out.append(block)
    return out
