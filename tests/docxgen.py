"""A gold record written as a Word document (python-docx) and exported to PDF by LibreOffice.

``wordgen`` prints the report plan (``reportplan``) as HTML through Chromium;
this module writes the same plan with Word's own structures: Heading and
Caption styles, a contents page with dotted tab leaders, "Table Grid" tables,
List Bullet / List Number paragraphs (numbering definitions, bullets in the
Symbol font), superscript note marks, a picture for each chart, and a
"Side N" PAGE field in the footer with a header that differs on odd and even
pages. LibreOffice's PDF export is a second producer of the same report: its
text runs, table borders and bullet glyphs are drawn otherwise than
Chromium's.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from reportplan import OTHER_PROJECT, Block, Chart, Contents, Grid, Heading, Items, Run, report_plan, sections_of
from wordgen import heading_pages

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@dataclass(frozen=True)
class DocxStyle:
    """How the Word document is set."""

    font: str = "Liberation Sans"
    size: float = 11.0
    #: left and right page margins (cm)
    side_margin: float = 2.2
    justified: bool = False
    numbered: bool = False
    #: the goal tables' header row repeated at the top of every page a table runs onto
    repeat_header: bool = False
    #: section numbers set apart from the title by a tab, as Word's multilevel heading numbering does
    number_tab: bool = False
    #: tables in a Word table style with a dark header in white type and borders inside only
    shaded_header: bool = False
    #: cell paragraphs keep the Normal style's space after (Word's default), so rows stand taller
    cell_spacing: bool = False


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG (a chart's place)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _page_field(paragraph) -> None:
    """Append a PAGE field (the page's number) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _furniture(document, title: str, style: DocxStyle) -> None:
    """A4 margins; no header on the title page; the report's title on even pages, another project's on
    odd pages; "Side N" centred in every footer but the first."""
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(style.side_margin)
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    for header, text, align in ((section.header, OTHER_PROJECT, WD_ALIGN_PARAGRAPH.RIGHT),
                                (section.even_page_header, title, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = header.paragraphs[0]
        paragraph.alignment = align
        paragraph.add_run(text).font.size = Pt(8)
    for footer in (section.footer, section.even_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Side ").font.size = Pt(9)
        _page_field(paragraph)


def _styles(document, style: DocxStyle) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = style.font, Pt(style.size)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    if style.justified:
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Caption", 9.5)):
        heading = document.styles[name]
        heading.font.name, heading.font.size = style.font, Pt(size)
        heading.font.color.rgb = RGBColor(0x2F, 0x54, 0x96)
    document.styles["Heading 1"].paragraph_format.page_break_before = True


def _add_runs(paragraph, runs: list[Run]) -> None:
    for text, how in runs:
        run = paragraph.add_run(text)
        run.bold = how in ("b", "label", "dot") or None
        if how == "sup":
            run.font.superscript = True


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _inside_borders(table) -> None:
    """Borders between the rows and columns only, none around the table."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        inside = side.startswith("inside")
        border.set(qn("w:val"), "single" if inside else "nil")
        if inside:
            border.set(qn("w:sz"), "4")
            border.set(qn("w:color"), "8EAADB")
        borders.append(border)
    table._tbl.tblPr.append(borders)


def _grid(document, grid: Grid, style: DocxStyle) -> None:
    width = grid.width
    rows = ([grid.header] if grid.header is not None else []) + grid.rows
    table = document.add_table(rows=len(rows), cols=width)
    if style.shaded_header:
        _inside_borders(table)
    else:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, values in enumerate(rows):
        cells = table.rows[r].cells
        if len(values) == 1 < width:
            cells = [cells[0].merge(cells[-1])]
        for cell, value in zip(cells, values):
            paragraph = cell.paragraphs[0]
            if not style.cell_spacing:
                paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            run = paragraph.add_run(value)
            run.font.size = Pt(9.5)
            run.bold = (grid.header is not None and r == 0) or None
            if style.shaded_header and grid.header is not None and r == 0:
                _shade(cell, "4472C4")
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    if grid.header is not None and style.repeat_header:
        _repeat_header(table.rows[0])
    document.add_paragraph().paragraph_format.space_after = Pt(2)  # Word keeps a paragraph after a table


def _numbered(text: str, style: DocxStyle, paragraph) -> str:
    """A heading or contents line, its number set apart by a tab to a hanging indent (``number_tab``)."""
    number, _, title = text.partition(" ")
    if not style.number_tab or not title or not number[:1].isdigit():
        return text
    paragraph.paragraph_format.left_indent = (paragraph.paragraph_format.left_indent or 0) + Cm(1.3)
    paragraph.paragraph_format.first_line_indent = -Cm(1.3)
    return f"{number}\t{title}"


def _write_block(document, block: Block, style: DocxStyle, picture: Path) -> None:
    if isinstance(block, Heading):
        heading = document.add_heading("", level=block.level)
        heading.add_run(_numbered(block.text, style, heading))
    elif isinstance(block, Contents):
        for text, level, page in block.entries:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(14 * (level - 1))
            paragraph.paragraph_format.space_after = Pt(3)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            paragraph.add_run(f"{_numbered(text, style, paragraph)}\t{page}")
    elif isinstance(block, Grid):
        _grid(document, block, style)
    elif isinstance(block, Chart):
        document.add_picture(str(picture), width=Cm(14), height=Pt(120))
    elif isinstance(block, Items):
        for item in block.items:
            _add_runs(document.add_paragraph(style="List Number" if style.numbered else "List Bullet"), item)
    elif block.kind == "title":
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(180)
        run = paragraph.add_run(block.runs[0][0])
        run.bold, run.font.size = True, Pt(26)
    elif block.kind == "caption":
        _add_runs(document.add_paragraph(style="Caption"), block.runs)
    else:
        paragraph = document.add_paragraph()
        _add_runs(paragraph, block.runs)
        if block.kind == "note":
            paragraph.paragraph_format.space_after = Pt(3)
            for run in paragraph.runs:
                run.font.size = Pt(8.5)
        elif block.kind == "notes":
            paragraph.paragraph_format.space_before = Pt(24)


def write_docx(gold: dict, pages: dict[str, int], path: Path, style: DocxStyle, picture: Path) -> Path:
    document = Document()
    _styles(document, style)
    _furniture(document, gold["title"], style)
    for block in report_plan(gold, pages):
        _write_block(document, block, style, picture)
    document.save(str(path))
    return path


def _export(docx: Path, folder: Path) -> Path:
    """LibreOffice's PDF of a Word document, in ``folder``."""
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
    return folder / f"{docx.stem}.pdf"


def docx_report(gold: dict, pdf: Path, style: DocxStyle = DocxStyle()) -> Path:
    """Write ``gold`` as a Word document and export it to ``pdf``: once, then again with the contents'
    page numbers."""
    folder = Path(tempfile.mkdtemp(prefix="evalsearch-docxgen-"))
    try:
        picture = folder / "chart.png"
        picture.write_bytes(_png(64, 24, (0xDD, 0xDD, 0xEE)))
        docx = folder / f"{pdf.stem}.docx"
        write_docx(gold, {}, docx, style, picture)
        pages = heading_pages(_export(docx, folder), sections_of(gold))
        write_docx(gold, pages, docx, style, picture)
        shutil.move(str(_export(docx, folder)), pdf)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return pdf
