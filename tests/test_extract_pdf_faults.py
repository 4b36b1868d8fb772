"""Faults inside a PDF that opens: glyphs without characters, a page without a size."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.corpus.warmup import pdf_from_objects
from evalsearch.errors import NoTextLayerError
from evalsearch.extract.pipeline import extract_document

SENTENCE = b"Det er projektets erfaring, at ledelsesm\xe6ssig opbakning er afg\xf8rende for forankringen."
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
#: a composite font with glyph numbers only: no ToUnicode map, nothing embedded
GLYPHS_ONLY = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
               b"/Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
               b"/Supplement 0 >> /DW 500 >>] >>")


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def readable_page(name: str) -> bytes:
    """Twenty lines of text, the first of them naming the page."""
    lines = [name.encode()] + [SENTENCE] * 19
    return b"\n".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (760 - 14 * k, line) for k, line in enumerate(lines))


def texts(document) -> str:
    return " ".join(block.text for block in document.blocks)


def glyph_page() -> bytes:
    """Twenty lines of glyph numbers, as a font without a character map prints them."""
    line = "".join("%04X" % (36 + k % 50) for k in range(70)).encode()
    return b"\n".join(b"BT /F2 10 Tf 72 %d Td <%s> Tj ET" % (760 - 14 * k, line) for k in range(20))


def write(path, contents: list[bytes], boxes: list[bytes | None] | None = None, inherited: bytes = b""):
    """A PDF of these page contents; ``boxes`` gives each page's MediaBox (None: the page has none),
    ``inherited`` the page tree's."""
    boxes = boxes or [b"[0 0 595 842]"] * len(contents)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", HELVETICA, GLYPHS_ONLY]
    kids = []
    for content, box in zip(contents, boxes):
        objects.append(_stream(content))
        media = b"/MediaBox %s " % box if box else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R %s/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                       b"/Contents %d 0 R >>" % (media, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d %s>>" % (b" ".join(kids), len(kids), inherited)
    path.write_bytes(pdf_from_objects(objects))
    return path


def test_glyphs_without_characters_are_left_out_and_the_page_is_named(tmp_path):
    """pdfminer writes such glyphs as "(cid:36)(cid:37)…"; that is no text to show or index."""
    document = extract_document(write(tmp_path / "fonts.pdf", [readable_page("Indledning"), glyph_page()]))
    assert "cid:" not in texts(document)
    assert "Indledning" in texts(document)
    [error] = document.errors
    assert error.page == 2
    assert error.message == ("1400 characters cannot be decoded (a font without a character map); "
                             "the page's text is incomplete")


def test_a_report_whose_text_cannot_be_decoded_is_not_called_blank(tmp_path):
    path = write(tmp_path / "fonts.pdf", [glyph_page(), glyph_page()])
    with pytest.raises(NoTextLayerError, match="no readable text: its fonts have no character map"):
        extract_document(path)
    result = CliRunner().invoke(cli, ["extract", str(path), "-o", str(tmp_path / "out"), "-s"])
    assert result.exit_code == 1
    assert "error: fonts.pdf: no readable text: its fonts have no character map" in result.stderr


def test_a_page_without_a_size_is_read_at_the_size_viewers_show(tmp_path):
    """A page with no MediaBox stopped pdfplumber ("'NoneType' object is not iterable") and with it
    the whole report; PDF viewers show such a page at US Letter size."""
    pages = [readable_page(name) for name in ("Indledning", "Resultater", "Erfaringer")]
    path = write(tmp_path / "boxless.pdf", pages, [b"[0 0 595 842]", None, b"[0 0 595 842]"])
    document = extract_document(path)
    assert all(name in texts(document) for name in ("Indledning", "Resultater", "Erfaringer"))
    assert [e.message for e in document.errors] == [
        "page 2 of the PDF has no page size (MediaBox); read at US Letter size, as PDF viewers show it"]


def test_a_page_that_inherits_its_size_is_no_fault(tmp_path):
    pages = [readable_page(name) for name in ("Indledning", "Resultater")]
    document = extract_document(write(tmp_path / "inherited.pdf", pages, [None, None], b"/MediaBox [0 0 595 842] "))
    assert document.errors == []
    assert "Indledning" in texts(document) and "Resultater" in texts(document)


def test_the_blank_glyph_after_a_bullet_is_no_lost_character(tmp_path):
    """Glyph 0 (the blank .notdef glyph) stands for a tab after a bullet in Calibri text
    ("•(cid:0)at …"): it parts the bullet from the item and is no character lost."""
    items = [b"at ledelsen bakker op om projektet fra start,", b"at rollerne er tydelige for alle parter."]
    content = b"BT /F1 10 Tf 72 700 Td (Det er vigtigt:) Tj ET\n" + b"\n".join(
        b"BT /F1 10 Tf 80 %d Td (\x95\x00%s) Tj ET" % (686 - 14 * k, item) for k, item in enumerate(items))
    document = extract_document(write(tmp_path / "bullets.pdf", [content]))
    assert document.errors == []
    assert [(b.role, b.text) for b in document.blocks if b.role == "bullet"] == [
        ("bullet", item.decode()) for item in items]


def test_pages_that_lose_characters_are_named_in_one_line(tmp_path):
    pages = [readable_page("Indledning"), glyph_page(), readable_page("Resultater"), glyph_page()]
    document = extract_document(write(tmp_path / "fonts.pdf", pages))
    assert [(e.page, e.message) for e in document.errors] == [
        (None, "2800 characters on pages 2 and 4 cannot be decoded (a font without a character map); "
               "their text is incomplete")]


def test_a_symbol_glyph_standing_alone_is_no_lost_text(tmp_path):
    """A bullet from a symbol font without a character map is a glyph number alone: no text is lost."""
    lines = [b"BT /F2 10 Tf 72 %d Td <00B7> Tj ET BT /F1 10 Tf 84 %d Td (%s) Tj ET" % (400 - 14 * k, 400 - 14 * k, line)
             for k, line in enumerate([b"at ledelsen bakker op om projektet,", b"at rollerne er tydelige."])]
    document = extract_document(write(tmp_path / "symbols.pdf", [readable_page("Indledning") + b"\n" + b"\n".join(lines)]))
    assert document.errors == []
    assert "at ledelsen bakker op om projektet," in texts(document)


def test_a_repair_keeps_the_size_a_page_inherits(tmp_path):
    """A page without a MediaBox sends the file to the repair; pdfium sees no MediaBox on a page
    that inherits one either, and the repair must keep that page's size and not name it."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>",
               b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 /MediaBox [0 0 595 842] >>"]
    pages = {4: (3, "Indledning"), 5: (3, "Resultater"), 6: (2, "Erfaringer")}
    for number, (parent, name) in pages.items():
        objects.append(b"<< /Type /Page /Parent %d 0 R /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                       % (parent, len(pages) + 4, number + len(pages) + 1))
    objects.append(HELVETICA)
    objects += [_stream(readable_page(name)) for _, name in pages.values()]
    path = tmp_path / "tree.pdf"
    path.write_bytes(pdf_from_objects(objects))
    document = extract_document(path)
    assert [e.message for e in document.errors] == [
        "page 3 of the PDF has no page size (MediaBox); read at US Letter size, as PDF viewers show it"]
    assert all(name in texts(document) for _, name in pages.values())
