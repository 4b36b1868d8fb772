"""Files that are byte-for-byte copies of one another ("rapport.pdf" and "rapport (1).pdf").

A report saved twice under two names would otherwise count twice: its goal
rows twice in an export, its lessons with two sources, its hits twice in a
search. Copies are told by their sha256. The one whose name bears no copy mark ("kopi", "copy",
"(1)") stands for the others, and of those the one with the shortest name:
"rapport" for "rapport (1)", "kopi af rapport" and "rapport - Kopi", and
"evaluering-2018" for "evaluering-kopi".
Two *different* reports that quote the same sentence are not copies: each
keeps its passages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: how file managers and browsers name a copy: "Kopi af rapport", "rapport - Kopi", "rapport (1)"
COPY_MARK = re.compile(r"(?<![^\W_])(?:kopi|copy)(?![^\W_])|\(\d+\)$", re.IGNORECASE)


def find_copies(files: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Which documents are copies of another.

    Args:
        files (Iterable[tuple[str, str | None]]): (doc_id, sha256); of copies
            alike in copy mark and length, the first given is kept. A file
            without a sha256 is no one's copy.
    RETURNS (dict[str, str]): the doc_id of each copy → the doc_id of the file kept.
    """
    groups: dict[str, list[str]] = {}
    for doc_id, sha256 in files:
        if sha256:
            groups.setdefault(sha256, []).append(doc_id)
    copies: dict[str, str] = {}
    for doc_ids in groups.values():
        kept = min(doc_ids, key=lambda doc_id: (bool(COPY_MARK.search(doc_id)), len(doc_id)))
        copies.update({doc_id: kept for doc_id in doc_ids if doc_id != kept})
    return copies
