"""A tiny PDF writer for tests: text in Helvetica (regular/bold) or Courier at given positions, rules and boxes.

Coordinates are given like pdfplumber reports them (``top`` from the top of the page)
so a test reads back what it wrote. Text is encoded in WinAnsi, which covers Danish
letters (æ ø å) and the "›" bullet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evalsearch.corpus.warmup import pdf_from_objects

FONTS = {"regular": "F1", "bold": "F2", "mono": "F3"}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is set in Helvetica (or Helvetica-Bold) at ``size`` points, as pdfplumber measures it."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(c, 556) for c in text) * size / 1000


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


@dataclass
class PageSpec:
    width: float = 595.0
    height: float = 842.0
    ops: list[bytes] = field(default_factory=list)

    def text(self, x: float, top: float, text: str, size: float = 9.0, bold: bool = False,
             mono: bool = False, rgb: tuple[float, float, float] | None = None) -> "PageSpec":
        """Write one run of text whose top edge is ``top`` points from the page top (``mono``: in
        Courier; ``rgb``: in that colour, else black)."""
        baseline = self.height - top - size * 0.8
        font = FONTS["mono" if mono else "bold" if bold else "regular"]
        run = b"BT /%s %.2f Tf %.2f %.2f Td (" % (font.encode(), size, x, baseline) + _escape(text) + b") Tj ET"
        self.ops.append(b"q %.3f %.3f %.3f rg " % rgb + run + b" Q" if rgb else run)
        return self

    def hline(self, x0: float, x1: float, top: float, width: float = 0.5) -> "PageSpec":
        y = self.height - top
        self.ops.append(b"%.2f w %.2f %.2f m %.2f %.2f l S" % (width, x0, y, x1, y))
        return self

    def vline(self, x: float, top: float, bottom: float, width: float = 0.5) -> "PageSpec":
        self.ops.append(b"%.2f w %.2f %.2f m %.2f %.2f l S" % (width, x, self.height - top, x, self.height - bottom))
        return self

    def fill(self, x0: float, top: float, x1: float, bottom: float, grey: float = 0.85) -> "PageSpec":
        self.ops.append(
            b"q %.3f g %.2f %.2f %.2f %.2f re f Q" % (grey, x0, self.height - bottom, x1 - x0, bottom - top)
        )
        return self

    def dot(self, x0: float, top: float, size: float = 6.0, rgb: tuple[float, float, float] = (0.2, 0.6, 0.3)) -> "PageSpec":
        """A filled coloured circle (a legend symbol) drawn with four Bézier curves; its box starts at (x0, top)."""
        r = size / 2
        cx, cy = x0 + r, self.height - top - r
        k = 0.5523 * r
        path = (
            b"%.2f %.2f m " % (cx + r, cy)
            + b"%.2f %.2f %.2f %.2f %.2f %.2f c " % (cx + r, cy + k, cx + k, cy + r, cx, cy + r)
            + b"%.2f %.2f %.2f %.2f %.2f %.2f c " % (cx - k, cy + r, cx - r, cy + k, cx - r, cy)
            + b"%.2f %.2f %.2f %.2f %.2f %.2f c " % (cx - r, cy - k, cx - k, cy - r, cx, cy - r)
            + b"%.2f %.2f %.2f %.2f %.2f %.2f c f" % (cx + k, cy - r, cx + r, cy - k, cx + r, cy)
        )
        self.ops.append(b"q %.3f %.3f %.3f rg " % rgb + path + b" Q")
        return self


def write_pdf(path: Path, pages: list[PageSpec]) -> Path:
    """Write the pages as a PDF file with a correct cross-reference table."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font_regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font_bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    font_mono = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    page_ids = []
    for spec in pages:
        stream = b"\n".join(spec.ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>"
                % (pages_id, spec.width, spec.height, content, font_regular, font_bold, font_mono)
            )
        )
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_from_objects(objects, root=catalog))
    return path


def text_report(path: Path, lines: list[str]) -> Path:
    """A one-page report of body text, one line per item (the small inputs of the index and search tests)."""
    page = PageSpec()
    for number, line in enumerate(lines):
        page.text(72, 100 + 40 * number, line, size=10)
    return write_pdf(path, [page])


def word_page(number: int, header: str = "Evaluering af projekt Aktiv i job", odd_header: str | None = None) -> PageSpec:
    """An empty Word-style page: a small running header (``odd_header`` on odd pages, when given)
    and a "Side N" footer."""
    page = PageSpec()
    page.text(72, 30, odd_header if odd_header and number % 2 else header, size=8)
    page.text(280, 805, f"Side {number}", size=8)
    return page
