"""Warm a worker process up before its first file: read a tiny report once.

The extraction loads its language data (the Danish lexicon and pipeline) on
first use, which takes seconds. A worker reads this one-page report before it
takes files, so that the load is not charged to the first file's time limit.
Whatever a stage loads lazily is loaded here too, without naming it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from evalsearch.extract.settings import ExtractSettings

LINES = (
    (16, True, "1 Erfaringer og læringer"),
    (10, False, "Det er vigtigt, at ledelsen bakker op om projektet fra start."),
    (10, False, "234 borgere er kommet i job (Mål: 240 borgere / målopfyldelse: 97%)."),
    (10, False, "Tabel 1-1 Status på aktivitetsmålene"),
)


def tiny_report() -> bytes:
    """A one-page PDF in Helvetica with a heading, a lesson, a key figure and a caption."""
    content = b"".join(
        b"BT /F%d %d Tf 72 %d Td (%s) Tj ET\n" % (2 if bold else 1, size, 760 - 30 * i, text.encode("cp1252"))
        for i, (size, bold, text) in enumerate(LINES)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_from_objects(objects)


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file of these object bodies, numbered from 1, with its cross-reference table.

    Args:
        objects (list[bytes]): the body of each object ("<< /Type /Catalog ... >>").
        root (int): the number of the catalog object.
    RETURNS (bytes): the whole file.
    """
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def warm_up_extraction(settings: ExtractSettings) -> None:
    """Extract the tiny report once (in a worker, before its first file)."""
    from evalsearch.extract.pipeline import extract_document

    fd, name = tempfile.mkstemp(prefix="evalsearch-warmup-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(tiny_report())
        extract_document(Path(name), settings)
    finally:
        os.unlink(name)
