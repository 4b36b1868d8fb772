"""Files that are byte-for-byte copies of one another ("rapport.pdf" and "rapport (1).pdf").

A report saved twice under two names would otherwise count twice: its goal
rows twice in an export, its lessons with two sources, its hits twice in a
search. Copies are told by their sha256; the one with the shortest name
stands for the others ("rapport" for "rapport (1)" and "kopi af rapport").
Two *different* reports that quote the same sentence are not copies: each
keeps its passages.
"""

from __future__ import annotations

from collections.abc import Iterable


def find_copies(files: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Which documents are copies of another.

    Args:
        files (Iterable[tuple[str, str | None]]): (doc_id, sha256); of copies
            with names of the same length, the first given is kept. A file
            without a sha256 is no one's copy.
    RETURNS (dict[str, str]): the doc_id of each copy → the doc_id of the file kept.
    """
    groups: dict[str, list[str]] = {}
    for doc_id, sha256 in files:
        if sha256:
            groups.setdefault(sha256, []).append(doc_id)
    copies: dict[str, str] = {}
    for doc_ids in groups.values():
        kept = min(doc_ids, key=len)
        copies.update({doc_id: kept for doc_id in doc_ids if doc_id != kept})
    return copies
