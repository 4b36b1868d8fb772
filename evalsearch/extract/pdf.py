"""Open a PDF with pdfplumber and read its pages into ``PageContent`` records.

Every way a file can fail to open is mapped to an ``InputError`` that names the
file and says why in plain words. A file whose cross-reference table is broken
is rebuilt in memory by pypdfium2 and read again; the caller is told it was
repaired. Pages are read one at a time and released at once, so a 300-page
report does not sit in memory.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from evalsearch.errors import EncryptedError, InputError
from evalsearch.extract.bullets import drawn_bullets, split_touching_numbers, symbol_text
from evalsearch.extract.undecoded import readable_text, without_blank_glyphs
from evalsearch.extract.wordgaps import split_wide_gaps
from evalsearch.model import Fill, PageContent, Rule, Word

log = logging.getLogger(__name__)

HEADER_SEARCH_BYTES = 64 * 1024
TRAILER_SEARCH_BYTES = 4 * 1024
RULE_MAX_THICKNESS = 2.5
MARK_MAX_SIZE = 14.0  # a filled curve this small is a symbol (legend dot), not a drawing
WORD_ATTRS = ["fontname", "size", "non_stroking_color"]
BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")
#: share of a page's characters printed twice at (nearly) one place above which the page is de-doubled
DOUBLED_SHARE = 0.05
ITALIC_MARKERS = ("italic", "oblique")


@dataclass
class OpenedPdf:
    """An open pdfplumber document and the facts about how it was opened."""

    pdf: pdfplumber.PDF
    path: Path
    sha256: str
    repaired: bool
    #: what the repair mended, said to the user
    repair_note: str = "damaged cross-reference table was repaired; all pages were read again"

    @property
    def page_count(self) -> int:
        return len(self.pdf.pages)



def check_file(path: Path) -> bytes:
    """Read the file and reject what cannot be a PDF before pdfminer sees it.

    RETURNS (bytes): the file's content.
    """
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a PDF file", path) from None
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"is a link to {os.readlink(path)}, which does not exist", path) from None
        raise InputError("file not found", path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path) from None
    if not data:
        raise InputError("empty file (0 bytes)", path)
    if b"%PDF-" not in data[:HEADER_SEARCH_BYTES]:
        raise InputError("not a PDF (no %PDF header)", path)
    return data


def has_trailer(data: bytes) -> bool:
    return b"%%EOF" in data[-TRAILER_SEARCH_BYTES:]


def _is_password_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        if "password" in str(seen).lower() or "encrypt" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _open_plumber(data: bytes, path: Path, password: str | None) -> pdfplumber.PDF:
    pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    # pdfminer parses the page tree lazily; touch it here so that a broken
    # file fails now, inside our error mapping, and not later mid-pipeline.
    _ = pdf.pages
    return pdf


def repair_with_pdfium(data: bytes, path: Path, password: str | None) -> tuple[bytes, list[int]]:
    """Rebuild the cross-reference table: pdfium reads the objects and saves a clean copy.

    RETURNS (tuple[bytes, list[int]]): the copy, and the pages (1-based) that had no MediaBox and
        now have the one pdfium shows them with.
    """
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise InputError(f"damaged PDF that could not be repaired ({exc})", path) from None
    try:
        if len(doc) == 0:
            raise InputError("damaged PDF: no readable pages after repair", path)
        boxless = []
        for index in range(len(doc)):
            try:
                page = doc[index]
            except pdfium.PdfiumError:
                continue  # a page pdfium cannot load either: pdfplumber will say what is wrong
            # A page without a MediaBox (the spec requires one) stops pdfplumber; pdfium shows the page
            # at the size it falls back to, and so will we. get_mediabox does not see inherited boxes,
            # get_bbox does: a page that inherits its box keeps it.
            if page.get_mediabox(fallback_ok=False) is None:
                box = page.get_bbox()
                if box == page.get_mediabox():  # pdfium's fallback, US Letter
                    boxless.append(index + 1)
                page.set_mediabox(*box)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue(), boxless
    finally:
        doc.close()


def open_pdf(path: str | Path, password: str | None = None, repair: bool = True) -> OpenedPdf:
    """Open a PDF or raise an ``InputError`` that says why it cannot be read.

    Args:
        path (str | Path): the PDF file.
        password (str | None): the user password of an encrypted PDF.
        repair (bool): rebuild a broken cross-reference table instead of failing.
    RETURNS (OpenedPdf): the open document; close ``.pdf`` when done.
    """
    path = Path(path)
    data = check_file(path)
    sha = hashlib.sha256(data).hexdigest()
    try:
        pdf = _open_plumber(data, path, password)
    except (PdfminerException, Exception) as exc:  # pdfminer raises many kinds on bad input
        if _is_password_problem(exc):
            if password:
                raise EncryptedError("encrypted PDF: the password is wrong", path) from None
            raise EncryptedError("encrypted PDF, password required (use --password)", path) from None
        first_error = exc
    else:
        if len(pdf.pages) > 0 or not repair:
            return OpenedPdf(pdf, path, sha, repaired=False)
        # An unusual page tree pdfminer cannot walk: pdfium may still find the pages.
        pdf.close()
        first_error = InputError("the page tree lists no pages", path)
    if not has_trailer(data):
        raise InputError("truncated / damaged PDF (the file ends before its end-of-file marker)", path)
    if not repair:
        raise InputError(f"damaged cross-reference table ({_reason(first_error)})", path)
    log.info("%s: damaged cross-reference table, rebuilding it", path.name)
    repaired, boxless = repair_with_pdfium(data, path, password)
    try:
        pdf = _open_plumber(repaired, path, password)
    except Exception as exc:  # the repaired copy is still unreadable
        raise InputError(f"damaged PDF that could not be repaired ({_reason(exc)})", path) from None
    if boxless:
        return OpenedPdf(pdf, path, sha, repaired=True, repair_note=_boxless_note(boxless))
    return OpenedPdf(pdf, path, sha, repaired=True)


def _boxless_note(pages: list[int]) -> str:
    """What the user is told of pages that had no page size.

    >>> _boxless_note([2])
    'page 2 of the PDF has no page size (MediaBox); read at US Letter size, as PDF viewers show it'
    """
    named = ", ".join(map(str, pages[:5])) + (" …" if len(pages) > 5 else "")
    one = len(pages) == 1
    return (f"{'page' if one else 'pages'} {named} of the PDF {'has' if one else 'have'} no page size (MediaBox); "
            f"read at US Letter size, as PDF viewers show {'it' if one else 'them'}")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    cause = exc.__cause__
    if isinstance(exc, PdfminerException) and cause is not None and str(cause).strip():
        text = str(cause).strip()
    return text[:160]


def _style(fontname: str) -> tuple[bool, bool]:
    name = fontname.lower().split("+")[-1]
    return any(m in name for m in BOLD_MARKERS), any(m in name for m in ITALIC_MARKERS)


def _color(value) -> tuple[float, ...] | None:
    if isinstance(value, (tuple, list)) and all(isinstance(v, (int, float)) for v in value):
        return tuple(round(float(v), 3) for v in value)
    if isinstance(value, (int, float)):
        return (round(float(value), 3),)
    return None


def _turn_upright(w: dict, page_width: float) -> dict:
    """Map a top-to-bottom word onto upright coordinates (the page turned a quarter)."""
    if w.get("upright", True):
        return w
    return {**w, "x0": w["top"], "x1": w["bottom"], "top": page_width - w["x1"], "bottom": page_width - w["x0"]}


def doubled_share(chars: list[dict]) -> float:
    """Share of characters that repeat one already printed at the same place (rounded to a point).

    Some producers fake bold text by printing every character twice, a fraction
    of a point apart; read as is, "Projekt" comes out as "PPrroojjeekktt".

    >>> doubled_share([{"text": "P", "x0": 10.0, "top": 5.0}, {"text": "P", "x0": 10.3, "top": 5.0}])
    0.5
    """
    seen: set[tuple[str, int, int]] = set()
    doubled = 0
    for char in chars:
        key = (char["text"], round(float(char["x0"])), round(float(char["top"])))
        if key in seen:
            doubled += 1
        else:
            seen.add(key)
    return doubled / len(chars) if chars else 0.0


def page_to_content(page: pdfplumber.page.Page) -> PageContent:
    """Read the words, strokes, fills and images of one pdfplumber page."""
    page = without_blank_glyphs(page)
    if doubled_share(page.chars) > DOUBLED_SHARE:
        # dedupe_chars is slow (it compares characters pairwise), so only pages that need it pay for it
        page = page.dedupe_chars(tolerance=1)
    raw = split_wide_gaps(page.extract_words(extra_attrs=WORD_ATTRS, keep_blank_chars=False,
                                             use_text_flow=False, return_chars=True))
    upright = [w for w in raw if w.get("upright", True)]
    # A page set sideways (text running top to bottom) is read in its own direction;
    # on an upright page, stray rotated labels are left out.
    sideways = len(upright) < len(raw) / 2
    words = []
    undecoded = 0
    for w in raw if sideways else upright:
        if sideways:
            w = _turn_upright(w, float(page.width))
        text, lost = readable_text(w["text"].replace("\u00ad", ""))
        undecoded += lost
        if not text.strip():
            continue
        text = symbol_text(text, w.get("fontname") or "")
        bold, italic = _style(w.get("fontname") or "")
        words.append(
            Word(
                text=text,
                x0=float(w["x0"]),
                top=float(w["top"]),
                x1=float(w["x1"]),
                bottom=float(w["bottom"]),
                size=round(float(w.get("size") or 0.0), 2),
                bold=bold,
                italic=italic,
                color=_color(w.get("non_stroking_color")),
            )
        )
    rules: list[Rule] = []
    fills: list[Fill] = []
    for ln in page.lines:
        rules.append(Rule(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"])))
    for r in page.rects:
        x0, top, x1, bottom = float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])
        if min(x1 - x0, bottom - top) <= RULE_MAX_THICKNESS:
            rules.append(Rule(x0, top, x1, bottom))
        elif r.get("fill"):
            fills.append(Fill(x0, top, x1, bottom, _color(r.get("non_stroking_color"))))
        if r.get("stroke") and min(x1 - x0, bottom - top) > RULE_MAX_THICKNESS:
            # A stroked box draws four rules: a full-grid table cell.
            rules.extend(
                (Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom), Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom))
            )
    images = tuple(
        (float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"])) for im in page.images
    )
    marks = tuple(
        Fill(float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]), _color(c.get("non_stroking_color")))
        for c in page.curves
        if c.get("fill") and max(float(c["x1"]) - float(c["x0"]), float(c["bottom"]) - float(c["top"])) <= MARK_MAX_SIZE
    )
    words = split_touching_numbers(words, page.chars)
    words.extend(drawn_bullets(words, marks + tuple(fills)))
    return PageContent(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        words=tuple(words),
        rules=tuple(rules),
        fills=tuple(fills),
        images=images,
        curve_count=len(page.curves),
        marks=marks,
        undecoded=undecoded,
    )


def iter_pages(opened: OpenedPdf) -> Iterator[PageContent | InputError]:
    """Yield each page's content, or an error for a page that cannot be read.

    Each pdfplumber page is closed as soon as it has been read, which frees the
    parsed layout objects pdfplumber caches per page.
    """
    for index in range(opened.page_count):
        page = None
        try:
            page = opened.pdf.pages[index]
            yield page_to_content(page)
        except Exception as exc:  # one bad page must not sink the document
            yield InputError(f"page cannot be read ({_reason(exc)})", opened.path, index + 1)
        finally:
            if page is not None:
                page.close()


@contextmanager
def opened_pdf(path: str | Path, password: str | None = None, repair: bool = True) -> Iterator[OpenedPdf]:
    opened = open_pdf(path, password=password, repair=repair)
    try:
        yield opened
    finally:
        opened.pdf.close()
