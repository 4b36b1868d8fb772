"""What a report is called: the doc_id its file name gives it, in every command; and the link
that opens it at a page."""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePath


def doc_id_for(path: PurePath) -> str:
    """A report's doc_id: its file name without the extension, its letters composed (Unicode NFC).

    macOS and the tools that sync from it write "å" in a file name as "a" and a combining ring;
    typed on a keyboard, the same name is one letter. Two spellings of one name would be two ids,
    and ``--doc`` given the typed name would not find the report.

    >>> doc_id_for(PurePath("Sta\u030a ikke i stampe.pdf")) == "St\u00e5 ikke i stampe"
    True
    """
    return unicodedata.normalize("NFC", path.stem)


def page_link(path: str, page: int) -> str:
    """A link that opens the PDF at ``path`` at ``page`` (PDF viewers and browsers read "#page=").

    >>> page_link("/rapporter/a b.pdf", 3)
    'file:///rapporter/a%20b.pdf#page=3'
    """
    return f"{Path(path).resolve().as_uri()}#page={page}"
