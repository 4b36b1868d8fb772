"""A gold record printed again the way a Word report looks, through headless Chromium.

The shared PDFs are set like the COWI/Cabi reports. Reports made in Word look
otherwise: full-grid tables, bold run-in labels instead of margin notes, "Side
N" footers, no hyphenation, notes at the end, bullets that are not "›", and a
running header on odd pages that names another project. ``word_report``
prints a gold record's contents (title page, contents with page numbers,
sections, goal and other tables, figures, key figures, lessons) in that style,
so a test can extract the new PDF and score it against the same gold.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

import pdfplumber

from reportplan import OTHER_PROJECT, Block, Chart, Contents, Grid, Heading, Para, Run, report_plan, sections_of

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
STYLE = """
@page {{ size: A4; margin: 2.5cm 2.2cm;
  @bottom-center {{ content: "Side " counter(page); font: 9pt 'Liberation Sans'; }} }}
@page :left {{ @top-left {{ content: "{title}"; font: 8pt 'Liberation Sans'; }} }}
@page :right {{ @top-right {{ content: "{other}"; font: 8pt 'Liberation Sans'; }} }}
@page :first {{ @top-left {{ content: none }} @top-right {{ content: none }} @bottom-center {{ content: none }} }}
body {{ font: 11pt 'Liberation Sans'; line-height: 1.25; }}
h1 {{ font-size: 16pt; margin: 18pt 0 8pt; page-break-before: always; }}
h2 {{ font-size: 13pt; margin: 14pt 0 6pt; }}
p {{ margin: 0 0 8pt; }}
table {{ border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9.5pt; }}
td, th {{ border: 0.75pt solid black; padding: 3pt 4pt; vertical-align: top; text-align: left; }}
.caption {{ font-size: 9.5pt; font-weight: bold; margin: 10pt 0 3pt; }}
.note {{ font-size: 8.5pt; margin: 0 0 3pt; }}
.chart {{ height: 120pt; background: #dde; border: 0.5pt solid #888; margin-top: 8pt; }}
ul {{ margin: 0 0 8pt 0; padding-left: 18pt; }} li {{ margin-bottom: 4pt; }}
.contents span {{ float: right; }}
.title {{ font-size: 26pt; font-weight: bold; margin-top: 180pt; }}
"""
#: how each kind of run is set (``reportplan.Run``); MARGIN_NOTES moves the labels into the margin
RUN_TAGS = {"b": "<b>{}</b>", "label": "<b class='label'>{}</b>", "dot": "<span class=dot>{}</span>", "sup": "<sup>{}</sup>"}
PARA_TAGS = {"": "<p>", "title": "<p class='title'>", "caption": "<p class='caption'>", "note": "<p class='note'>",
             "notes": "<p style='margin-top:24pt'>"}


def _css_string(text: str) -> str:
    return text.replace("\\", "").replace('"', '\\"')


def _runs(runs: list[Run]) -> str:
    return "".join(RUN_TAGS.get(how, "{}").format(html.escape(text)) for text, how in runs)


def _html_blocks(block: Block) -> list[str]:
    if isinstance(block, Para):
        return [f"{PARA_TAGS[block.kind]}{_runs(block.runs)}</p>"]
    if isinstance(block, Heading):
        return [f"<h{block.level}>{html.escape(block.text)}</h{block.level}>"]
    if isinstance(block, Contents):
        return (["<div class='contents'>"]
                + [f"<p style='margin-left:{14 * (level - 1)}pt'>{html.escape(text)}<span>{page}</span></p>"
                   for text, level, page in block.entries] + ["</div>"])
    if isinstance(block, Grid):
        width = max((len(r) for r in block.rows), default=1)
        out = ["<table>"]
        if block.header is not None:
            out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in block.header) + "</tr>")
        for row in block.rows:
            if len(row) == 1 < width:
                out.append(f"<tr><td colspan='{width}'>{html.escape(row[0])}</td></tr>")
            else:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        return out + ["</table>"]
    if isinstance(block, Chart):
        return ["<div class='chart'></div>"]
    return ["<ul>" + "".join(f"<li>{_runs(item)}</li>" for item in block.items) + "</ul>"]


#: Word's own defaults, as a variant: headings in a light blue type that is not bold, a serif body set justified
WORD_DEFAULTS = """
h1, h2 { font-weight: normal; color: #2F5496; }
body { font-family: 'Liberation Serif'; font-size: 11.5pt; }
p, li { text-align: justify; }
"""


#: a layout like the consultancies' house style, as a variant: labels as notes in a left margin column,
#: tables with horizontal rules only, "›" bullets
MARGIN_NOTES = """
body { margin-left: 3.8cm; }
p { position: relative; }
.label { position: absolute; left: -3.8cm; width: 3.3cm; top: 0; font-weight: normal; font-size: 8.5pt; }
.dot { display: none; }
td, th { border-left: none; border-right: none; border-top: none; border-bottom: 0.5pt solid #777; }
th { border-bottom: 1pt solid black; }
ul { list-style: none; padding-left: 12pt; }
li::before { content: "›"; display: inline-block; width: 12pt; margin-left: -12pt; }
"""


#: a Word table style, as a variant: a dark header with white type, light banding on every other
#: row; and numbered lists
BANDED_TABLES = """
ul { list-style: decimal; }
th { background: #4472C4; color: white; border: none; }
td { border: none; border-bottom: 0.5pt solid #8EAADB; }
tr:nth-child(even) td { background: #D9E2F3; }
"""


def word_html(gold: dict, pages: dict[str, int], extra_css: str = "") -> str:
    """The report as HTML; ``pages`` gives the contents' page numbers (section number → page);
    ``extra_css`` is added after the house style (``WORD_DEFAULTS``)."""
    out = [f"<html><head><meta charset='utf-8'><style>"
           f"{STYLE.format(title=_css_string(gold['title']), other=_css_string(OTHER_PROJECT))}{extra_css}</style></head><body>"]
    for block in report_plan(gold, pages):
        out.extend(_html_blocks(block))
    out.append("</body></html>")
    return "\n".join(out)


def _print(html_text: str, pdf: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="evalsearch-wordgen-"))
    try:
        (folder / "report.html").write_text(html_text, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder / 'profile'}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (folder / "report.html").as_uri()],
                       check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def heading_pages(pdf: Path, sections: list[dict]) -> dict[str, int]:
    """Section number → the page its heading is printed on (the contents pages skipped)."""
    headings = {f"{s['number']} {s['title']}": s["number"] for s in sections}
    found: dict[str, int] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages[2:]:
            for line in (page.extract_text() or "").splitlines():
                number = headings.get(line.strip())
                if number and number not in found:
                    found[number] = page.page_number
    return found


def word_report(gold: dict, pdf: Path, extra_css: str = "") -> Path:
    """Print ``gold`` as a Word-style report at ``pdf``: once, then again with the contents' page numbers."""
    _print(word_html(gold, {}, extra_css), pdf)
    _print(word_html(gold, heading_pages(pdf, sections_of(gold)), extra_css), pdf)
    return pdf
