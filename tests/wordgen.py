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
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pdfplumber

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OTHER_PROJECT = "Evaluering af projektet Job i Fællesskab"
FILLER = "I dette afsnit gennemgås projektets forløb og de resultater, som evalueringen har vist{mark}."
LEAD_IN = "Evalueringen viser, at det er vigtigt at være opmærksom på følgende:"
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


def _css_string(text: str) -> str:
    return text.replace("\\", "").replace('"', '\\"')


def _sections(gold: dict) -> list[dict]:
    """The numbered sections, or for a record without contents its lessons' section titles (unnumbered)."""
    if gold["sections"]:
        return gold["sections"]
    titles = list(dict.fromkeys(lesson["section_title"] for lesson in gold["lessons"] if lesson.get("section_title")))
    return [{"number": f"#{i}", "title": title} for i, title in enumerate(titles)]


def _owner(section: str | None, numbers: list[str]) -> str:
    section = section or ""
    while section and section not in numbers:
        section = section.rsplit(".", 1)[0] if "." in section else ""
    return section


def _table(item: dict, goal: bool) -> list[str]:
    out = []
    label, caption = item.get("label"), item.get("caption")
    if label or caption:
        out.append(f"<p class='caption'>{html.escape(': '.join(x for x in (label, caption) if x))}</p>")
    rows = [[(r["id"] + ": " if r.get("id") and not r["cells"][0].startswith(r["id"]) else "") + r["cells"][0]]
            + r["cells"][1:] for r in item["rows"]] if goal else item["rows"]
    width = max((len(r) for r in rows), default=1)
    out.append("<table>")
    if goal:
        out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in item["columns"]) + "</tr>")
    for row in rows:
        if len(row) == 1 < width:
            out.append(f"<tr><td colspan='{width}'>{html.escape(row[0] or '')}</td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c or '')}</td>" for c in row) + "</tr>")
    out.append("</table>")
    out.extend(f"<p class='note'>{html.escape(n)}</p>" for n in item.get("notes") or [])
    return out


def _label(head: str, dot: bool = True) -> str:
    """A run-in label ("**Formål.** Projektet …"); ``MARGIN_NOTES`` moves it into the margin."""
    return f"<b class='label'>{html.escape(head)}</b>{'<span class=dot>.</span>' if dot else ''} "


def _lessons(lessons: list[dict]) -> list[str]:
    """Lessons of one section: run-in labelled paragraphs, or bullets under a lead-in."""
    out: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    last = object()
    for lesson in lessons:
        text, head = html.escape(lesson["text"]), lesson.get("heading")
        as_item = lesson["text"][:1].islower() or lesson["text"].startswith("At ")
        bold_lead = bool(head and head.endswith(".") and len(head.split()) > 5)
        if items and not head and not lesson["in_lessons_chapter"]:  # one more item of the list above
            items.append(text)
            last = head
            continue
        if head != last:
            close_list()
            if (as_item or bold_lead) and not lesson["in_lessons_chapter"]:
                out.append(f"<p>{_label(head) if head and not bold_lead else ''}{LEAD_IN}</p>")
            elif as_item and head:
                out.append(f"<p>{_label(head, dot=False)}</p>")
        if bold_lead:
            items.append((f"<b>{html.escape(head)}</b> " if head != last else "") + text)
        elif as_item:
            items.append(text)
        else:
            close_list()
            out.append(f"<p>{_label(head) if head and head != last else ''}{text}</p>")
        last = head
    close_list()
    return out


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
    sections = _sections(gold)
    numbers = [s["number"] for s in sections]

    def shown(section: dict) -> str:
        return ("" if section["number"].startswith("#") else section["number"] + " ") + section["title"]

    by_section: dict[str, list[tuple[str, dict]]] = {n: [] for n in numbers}
    for kind, key in (("other", "other_tables"), ("goal", "goal_tables"), ("figure", "figures"), ("lesson", "lessons")):
        for item in gold.get(key, []):
            section = item.get("section")
            if not gold["sections"]:  # unnumbered: placed by section title
                section = numbers[[s["title"] for s in sections].index(item["section_title"])]
            by_section.setdefault(_owner(section, numbers), []).append((kind, item))
    lesson_sections = {n for n in numbers if any(k == "lesson" and i["in_lessons_chapter"] for k, i in by_section[n])}
    lesson_sections |= {s["number"] for s in sections if re.search(r"erfaring|læring", s["title"], re.I)}
    plain = [n for n in numbers if not any(n == c or n.startswith(c + ".") for c in lesson_sections)]
    key_figures = list(gold.get("key_figures", []))
    share = -(-len(key_figures) // max(1, len(plain)))
    out = [f"<html><head><meta charset='utf-8'><style>"
           f"{STYLE.format(title=_css_string(gold['title']), other=_css_string(OTHER_PROJECT))}{extra_css}</style></head><body>",
           f"<p class='title'>{html.escape(gold['title'])}</p>",
           f"<p>Udarbejdet af {html.escape(gold.get('evaluator') or '')} for {html.escape(gold.get('client') or '')}</p>"]
    out.append("<h1>Indholdsfortegnelse</h1><div class='contents'>")
    for s in sections:
        indent = 14 if "." in s["number"] else 0
        out.append(f"<p style='margin-left:{indent}pt'>{html.escape(shown(s))}"
                   f"<span>{pages.get(s['number'], 1)}</span></p>")
    out.append("</div>")
    notes: list[str] = []
    placed: set[str] = set()
    for place, section in enumerate(sections):
        number = section["number"]
        tag = "h2" if "." in number else "h1"
        out.append(f"<{tag}>{html.escape(shown(section))}</{tag}>")
        if number in plain:
            mark = ""
            if len(notes) < 2 and place % 3 == 1:
                notes.append(f"Oplysningerne stammer fra projektets egen afrapportering, del {len(notes) + 1}.")
                mark = f"<sup>{len(notes)}</sup>"
            out.append(f"<p>{FILLER.format(mark=mark)}</p>")
            out.extend(f"<p>{html.escape(k['text'])}</p>" for k in key_figures[:share])
            key_figures = key_figures[share:]
        items = by_section.get(number, []) if number not in placed else []  # a number printed twice: items once
        placed.add(number)
        for kind, item in items:
            if kind in ("other", "goal"):
                out.extend(_table(item, kind == "goal"))
            elif kind == "figure":
                out.append("<div class='chart'></div>")
                out.append(f"<p class='caption'>{html.escape(item['label'] or '')}: {html.escape(item['caption'] or '')}</p>")
                if item.get("source"):
                    out.append(f"<p class='note'>{html.escape(item['source'])}</p>")
        out.extend(_lessons([item for kind, item in items if kind == "lesson"]))
    if notes:
        out.append("<p style='margin-top:24pt'><b>Noter</b></p>")
        out.extend(f"<p class='note'>{i} {html.escape(n)}</p>" for i, n in enumerate(notes, 1))
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


def _heading_pages(pdf: Path, sections: list[dict]) -> dict[str, int]:
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
    _print(word_html(gold, _heading_pages(pdf, _sections(gold)), extra_css), pdf)
    return pdf
