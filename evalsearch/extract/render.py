"""A Document as clean reading-order text, for eyeballing an extraction.

Headings are marked with "#" by level, margin notes stand in square brackets
before the paragraph they label, a bold run-in heading in double asterisks,
list items keep their marker, tables print one row per line with " | "
between cells, and footnotes follow the page they stand on as "[^N] text".
"""

from __future__ import annotations

from evalsearch.extract.patterns import number_depth
from evalsearch.model import Block, Document


def block_to_text(block: Block) -> str:
    if block.role == "heading":
        level = number_depth(block.number) if block.number else 2
        return f"{'#' * max(1, min(level, 6))} {block.text}"
    parts = []
    if block.label:
        parts.append(f"[{block.label}]")
    if block.run_in:
        parts.append(f"**{block.run_in}**")
    text = block.text
    if block.role == "bullet":
        text = f"{block.marker or '-'} {text}"
    elif block.role == "source":
        text = f"({text})"
    parts.append(text)
    return " ".join(p for p in parts if p)


def document_to_text(document: Document) -> str:
    """Render the whole document; page changes are marked "--- page N ---"."""
    out: list[str] = []
    if document.title:
        out.append(f"Title: {document.title}")
    meta = [
        f"{k}: {v}"
        for k, v in (
            ("Type", document.doc_type),
            ("Evaluator", document.evaluator),
            ("Client", document.client),
            ("Date", document.date),
            ("Version", document.version),
        )
        if v
    ]
    out.extend(meta)
    notes_by_page: dict[int, list[str]] = {}
    for note in document.footnotes:
        notes_by_page.setdefault(note.page, []).append(f"[^{note.number}] {note.text}")
    page = None
    for block in document.blocks:
        if block.page != page:
            if page is not None and notes_by_page.get(page):
                out.append("\n".join(notes_by_page.pop(page)))
            page = block.page
            out.append(f"--- page {page} ---")
        out.append(block_to_text(block))
    for leftover in notes_by_page.values():
        out.append("\n".join(leftover))
    return "\n\n".join(out) + "\n"
