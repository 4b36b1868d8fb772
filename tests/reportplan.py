"""What a gold record's report holds, in print order, before any renderer sets it.

``wordgen`` prints the plan as HTML through headless Chromium and ``docxgen``
writes it as a Word document that LibreOffice exports to PDF: two producers of
one report, both scored against the same gold. The plan holds a title page,
contents with page numbers, numbered sections with filler text, key figures
and note marks, goal and other tables, charts with captions, lessons as
run-in labelled paragraphs or bullet lists, and the notes at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OTHER_PROJECT = "Evaluering af projektet Job i Fællesskab"
FILLER = "I dette afsnit gennemgås projektets forløb og de resultater, som evalueringen har vist"
LEAD_IN = "Evalueringen viser, at det er vigtigt at være opmærksom på følgende:"

#: a run of text and how it is set: "" plain, "b" bold, "label" a run-in label (bold; some layouts move
#: it into the margin), "dot" the label's full stop, "sup" a raised note mark
Run = tuple[str, str]


@dataclass
class Para:
    """A paragraph; ``kind`` is "" (body), "title", "caption", "note" (small type) or "notes" (the notes' heading)."""

    runs: list[Run]
    kind: str = ""


@dataclass
class Heading:
    text: str
    level: int


@dataclass
class Contents:
    """Contents lines: (text, level, page)."""

    entries: list[tuple[str, int, int]]


@dataclass
class Grid:
    """A table: ``header`` is the goal table's column names (None for other tables); a row of one cell
    in a wider table spans the whole width."""

    header: list[str] | None
    rows: list[list[str]]

    @property
    def width(self) -> int:
        return max([len(r) for r in self.rows] + [len(self.header or [])] + [1])


@dataclass
class Chart:
    """A figure's picture (an empty frame)."""


@dataclass
class Items:
    """A bullet list; each item is a list of runs."""

    items: list[list[Run]] = field(default_factory=list)


Block = Para | Heading | Contents | Grid | Chart | Items


def sections_of(gold: dict) -> list[dict]:
    """The numbered sections, or for a record without contents its lessons' section titles (unnumbered)."""
    if gold["sections"]:
        return gold["sections"]
    titles = list(dict.fromkeys(lesson["section_title"] for lesson in gold["lessons"] if lesson.get("section_title")))
    return [{"number": f"#{i}", "title": title} for i, title in enumerate(titles)]


def shown(section: dict) -> str:
    """A section's heading as printed: "3.1 Title", or the title alone when unnumbered."""
    return ("" if section["number"].startswith("#") else section["number"] + " ") + section["title"]


def _owner(section: str | None, numbers: list[str]) -> str:
    section = section or ""
    while section and section not in numbers:
        section = section.rsplit(".", 1)[0] if "." in section else ""
    return section


def _table(item: dict, goal: bool) -> list[Block]:
    out: list[Block] = []
    label, caption = item.get("label"), item.get("caption")
    if label or caption:
        out.append(Para([(": ".join(x for x in (label, caption) if x), "")], "caption"))
    rows = [[(r["id"] + ": " if r.get("id") and not r["cells"][0].startswith(r["id"]) else "") + r["cells"][0]]
            + r["cells"][1:] for r in item["rows"]] if goal else item["rows"]
    out.append(Grid(list(item["columns"]) if goal else None, [[c or "" for c in row] for row in rows]))
    out.extend(Para([(n, "")], "note") for n in item.get("notes") or [])
    return out


def _label(head: str, dot: bool = True) -> list[Run]:
    """A run-in label ("**Formål.** Projektet …")."""
    return [(head, "label")] + ([(".", "dot")] if dot else []) + [(" ", "")]


def _lessons(lessons: list[dict]) -> list[Block]:
    """Lessons of one section: run-in labelled paragraphs, or bullets under a lead-in."""
    out: list[Block] = []
    items: list[list[Run]] = []

    def close_list() -> None:
        if items:
            out.append(Items(list(items)))
            items.clear()

    last = object()
    for lesson in lessons:
        text, head = lesson["text"], lesson.get("heading")
        as_item = text[:1].islower() or text.startswith("At ")
        bold_lead = bool(head and head.endswith(".") and len(head.split()) > 5)
        if items and not head and not lesson["in_lessons_chapter"]:  # one more item of the list above
            items.append([(text, "")])
            last = head
            continue
        if head != last:
            close_list()
            if (as_item or bold_lead) and not lesson["in_lessons_chapter"]:
                out.append(Para((_label(head) if head and not bold_lead else []) + [(LEAD_IN, "")]))
            elif as_item and head:
                out.append(Para(_label(head, dot=False)))
        if bold_lead:
            items.append(([(head, "b"), (" ", "")] if head != last else []) + [(text, "")])
        elif as_item:
            items.append([(text, "")])
        else:
            close_list()
            out.append(Para((_label(head) if head and head != last else []) + [(text, "")]))
        last = head
    close_list()
    return out


def report_plan(gold: dict, pages: dict[str, int]) -> list[Block]:
    """The report's blocks; ``pages`` gives the contents' page numbers (section number → page, else 1)."""
    sections = sections_of(gold)
    numbers = [s["number"] for s in sections]
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
    out: list[Block] = [
        Para([(gold["title"], "")], "title"),
        Para([(f"Udarbejdet af {gold.get('evaluator') or ''} for {gold.get('client') or ''}", "")]),
        Heading("Indholdsfortegnelse", 1),
        Contents([(shown(s), 2 if "." in s["number"] else 1, pages.get(s["number"], 1)) for s in sections]),
    ]
    notes: list[str] = []
    placed: set[str] = set()
    for place, section in enumerate(sections):
        number = section["number"]
        out.append(Heading(shown(section), 2 if "." in number else 1))
        if number in plain:
            runs: list[Run] = [(FILLER, "")]
            if len(notes) < 2 and place % 3 == 1:
                notes.append(f"Oplysningerne stammer fra projektets egen afrapportering, del {len(notes) + 1}.")
                runs.append((str(len(notes)), "sup"))
            out.append(Para(runs + [(".", "")]))
            out.extend(Para([(k["text"], "")]) for k in key_figures[:share])
            key_figures = key_figures[share:]
        items = by_section.get(number, []) if number not in placed else []  # a number printed twice: items once
        placed.add(number)
        for kind, item in items:
            if kind in ("other", "goal"):
                out.extend(_table(item, kind == "goal"))
            elif kind == "figure":
                out.append(Chart())
                out.append(Para([(f"{item['label'] or ''}: {item['caption'] or ''}", "")], "caption"))
                if item.get("source"):
                    out.append(Para([(item["source"], "")], "note"))
        out.extend(_lessons([item for kind, item in items if kind == "lesson"]))
    if notes:
        out.append(Para([("Noter", "b")], "notes"))
        out.extend(Para([(f"{i} {n}", "")], "note") for i, n in enumerate(notes, 1))
    return out
