"""A document's tables → goal tables (kind, columns, goal rows) and other tables.

A table is a goal table when most of its rows are led by goal ids ("A1",
"B2"), or when its headings name both a target column ("Mål", "Kvantitativ
målsætning") and a status column ("Status ved slutevalueringen",
"Målopfyldelse"). Its kind comes from the caption, headings and section title
("kort sigt" → resultat_kort), else from the letter of its goal ids. A row
spanning the whole goal table that names another kind ("Effektmål") starts
a new goal table. Other captioned tables, basic-facts tables and
theory-of-change tables are kept with all their rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from evalsearch.extract.tables.assessment import assess, legend_colors
from evalsearch.extract.tables.grid import TableRow
from evalsearch.extract.tables.merge import Table
from evalsearch.extract.tables.terms import (
    BASIC_FACT_LABELS,
    BASIC_FACTS,
    CHANGE_THEORY_HEADING,
    COUNT_HEADING,
    GOAL_ID,
    GOAL_ID_ONLY,
    GOAL_WORDS,
    KIND_BY_ID_LETTER,
    STATUS_HEADING,
    STATUS_RANK,
    TARGET_HEADING,
)
from evalsearch.model import GoalKind, GoalRow, GoalTable, OtherTable

SentencesFor = Callable[[str | None, str, str], list[str]]
#: most words of a column heading ("Kvantitativ målsætning for hele projektperioden" has 5)
MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class Placement:
    """Where a table stands in the report: its caption and section."""

    label: str | None
    caption: str | None
    section: str | None
    section_title: str | None


@dataclass(frozen=True)
class ColumnRoles:
    id: int | None
    indicator: int
    target: int | None
    status: int


def header_names(table: Table) -> list[str]:
    """Column names: the header rows' cells, stacked header rows joined per column."""
    if not table.header:
        return []
    names = []
    for i in range(table.columns):
        names.append(" ".join(r.cells[i] for r in table.header if i < len(r.cells) and r.cells[i]).strip())
    return names


def split_id(text: str) -> tuple[str | None, str]:
    """Split "A1: Udvikling af samarbejdsmodel" into ("A1", "Udvikling af samarbejdsmodel")."""
    m = GOAL_ID.match(text)
    if not m:
        return None, text
    rest = text[m.end() :].strip()
    return m.group("id"), rest


def column_roles(names: Sequence[str], body: Sequence[TableRow], columns: int) -> ColumnRoles | None:
    """Which column holds the goal id, the indicator, the target and the status."""
    if columns < 2:
        return None
    filled = [r for r in body if len(r.filled) >= 2]
    id_col = None
    for i in range(min(columns, 2)):
        values = [r.cells[i] for r in filled if r.cells[i]]
        if values and len(values) >= 0.6 * len(filled) and all(GOAL_ID_ONLY.match(v) for v in values):
            id_col = i
    indicator = 0 if id_col is None else id_col + 1
    low = [n.lower() for n in names] + [""] * (columns - len(names))
    candidates = [i for i in range(indicator + 1, columns) if STATUS_HEADING.search(low[i])]
    rank = lambda i: next(k for k, p in enumerate(STATUS_RANK) if p.search(low[i]))  # noqa: E731
    status = max(candidates, key=lambda i: (-rank(i), i)) if candidates else columns - 1
    if status <= indicator:
        return None
    targets = [
        i
        for i in range(indicator + 1, status)
        if TARGET_HEADING.search(low[i]) and not COUNT_HEADING.match(low[i])
    ]
    target = targets[-1] if targets else (status - 1 if status - 1 > indicator else None)
    return ColumnRoles(id_col, indicator, target, status)


def goal_id_share(body: Sequence[TableRow], roles: ColumnRoles | None) -> float:
    rows = [r for r in body if r.filled]
    if not rows:
        return 0.0
    col = roles.id if roles and roles.id is not None else 0
    led = sum(1 for r in rows if GOAL_ID.match(r.cells[col]))
    return led / len(rows)


def is_goal_table(table: Table, names: Sequence[str], roles: ColumnRoles | None, place: Placement) -> bool:
    if roles is None or table.columns < 2:
        return False
    if goal_id_share(table.body, roles) >= 0.5:
        return True
    # a "heading" of many words is a row of text taken for the header ("Overordnet mål | At få unge
    # … Målet var … opnår ansættelse …" at the top of a page): its words name no column
    low = [n.lower() if len(n.split()) <= MAX_HEADING_WORDS else "" for n in names]
    has_target = any(TARGET_HEADING.search(n) and not COUNT_HEADING.match(n) for n in low[1:])
    has_status = any(STATUS_HEADING.search(n) for n in low[1:])
    if has_target and has_status and not CHANGE_THEORY_HEADING.match(low[0] if low else ""):
        return True
    return bool(place.caption and GOAL_WORDS.search(place.caption.lower()) and names)


def kind_of(words: str, ids: Sequence[str]) -> GoalKind:
    """The goal kind, from the words around the table, else from its goal ids' letter.

    >>> kind_of("status på resultatmålene på kort sigt", ["B1"]), kind_of("", ["D1"])
    ('resultat_kort', 'effekt')
    """
    low = words.lower()
    if "kort sigt" in low:
        return "resultat_kort"
    if "lang sigt" in low:
        return "resultat_lang"
    letters = Counter(i[0] for i in ids if i)
    if letters:
        return KIND_BY_ID_LETTER.get(letters.most_common(1)[0][0], "oversigt")  # type: ignore[return-value]
    for word, kind in (("effekt", "effekt"), ("aktivitet", "aktivitet"), ("oversigt", "oversigt"), ("resultat", "resultat")):
        if word in low:
            return kind  # type: ignore[return-value]
    return "oversigt"


def _section_kind(row: TableRow) -> str | None:
    """A body row that spans the table and names a goal kind ("Resultatmål – kort sigt")."""
    if len(row.filled) != 1 or len(row.cells[0].split()) > 8 or GOAL_ID.match(row.cells[0]):
        return None
    low = row.cells[0].lower()
    return low if any(w in low for w in ("aktivitet", "resultat", "effekt", "mål")) else None


def goal_tables(table: Table, place: Placement, sentences_for: SentencesFor) -> list[GoalTable]:
    """The goal rows of a goal table, each assessed; one GoalTable per goal kind it holds.

    Args:
        table: the table, its parts on all pages joined.
        place: its caption and section.
        sentences_for: (goal id, indicator, kind) → the report's sentences about that goal,
            most specific first.
    """
    names = header_names(table)
    roles = column_roles(names, table.body, table.columns)
    if roles is None:
        return []
    legend = legend_colors((n.text, n.color) for n in table.notes)
    columns = tuple(n for i, n in enumerate(names) if i != roles.id)
    groups: list[tuple[str, list[TableRow]]] = [("", [])]
    for row in table.body:
        section = _section_kind(row)
        if section is not None and table.columns > 2:
            groups.append((section, []))
        elif len(row.filled) >= 2:
            groups[-1][1].append(row)
    out = []
    titles = " ".join(r.cells[0] for r in table.title)
    context = " ".join(filter(None, [place.caption or "", titles, " ".join(names), place.section_title or ""]))
    for words, rows in groups:
        if not rows:
            continue
        ids = [r.cells[roles.id] if roles.id is not None else split_id(r.cells[roles.indicator])[0] for r in rows]
        kind = kind_of(words or context, [i for i in ids if i and GOAL_ID.match(i)])
        goals = tuple(_goal_row(r, roles, r.page or table.page, legend, sentences_for, kind) for r in rows)
        out.append(
            GoalTable(
                label=place.label,
                caption=place.caption,
                section=place.section,
                kind=kind,
                columns=columns,
                rows=goals,
                page=table.page,
                notes=tuple(n.text for n in table.notes),
                bbox=table.bbox,
            )
        )
    return out


def _goal_row(row: TableRow, roles: ColumnRoles, page: int, legend, sentences_for: SentencesFor, kind: str) -> GoalRow:
    cells = list(row.cells)
    goal_id = cells[roles.id] if roles.id is not None else None
    found_id, indicator = split_id(cells[roles.indicator])
    goal_id = (goal_id or found_id or "").rstrip(":.") or None
    cells[roles.indicator] = indicator
    target = cells[roles.target] if roles.target is not None and cells[roles.target] else None
    status = cells[roles.status] or None
    colors = [c for col, c in row.marks if col == roles.status]
    if row.colors and roles.status < len(row.colors):
        colors.append(row.colors[roles.status])
    verdict, pct = assess(target, status, colors, legend, sentences_for(goal_id, indicator, kind))
    kept = tuple(c for i, c in enumerate(cells) if i != roles.id)
    return GoalRow(goal_id, indicator, target, status, verdict, kept, page, pct)


def other_table(table: Table, place: Placement) -> OtherTable | None:
    """A captioned, basic-facts or theory-of-change table with all its rows (empty cells left out)."""
    rows = tuple(tuple(r.filled) for r in table.rows if r.filled)
    if not rows:
        return None
    names = [n.lower() for n in header_names(table)]
    first_cells = [r[0].lower() for r in rows]
    known = (
        place.caption is not None
        or BASIC_FACTS.search(" ".join(first_cells[:1]))
        or sum(1 for c in first_cells if BASIC_FACT_LABELS.match(c)) >= 2
        or (len(names) >= 3 and sum(1 for n in names if CHANGE_THEORY_HEADING.match(n)) >= 3)
    )
    if not known:
        return None
    return OtherTable(place.label, place.caption, place.section, rows, table.page, table.bbox)


GOAL_ROW_COLUMNS = (
    "doc_id", "project", "table_label", "caption", "kind", "page",
    "row_id", "indicator", "target", "status", "assessment", "achievement_pct",
)


def _project_of(document, indicator: str) -> str | None:
    """The project a goal row belongs to: the report's only project, or the one the row names."""
    projects = [p for p in document.projects if p.name]
    if len(projects) == 1:
        return projects[0].name
    for p in projects:
        for name in (p.operator, p.name):
            if name and fuzz.token_set_ratio(name.lower(), indicator.lower()) >= 85:
                return p.name
    return None


def goal_row_dicts(document, kind: str | None = None) -> list[dict]:
    """One flat record per goal row of the document (columns ``GOAL_ROW_COLUMNS``), for exports.

    Args:
        document (Document): an extracted report.
        kind (str | None): only the goal tables of this kind; "resultat" takes in the
            short- and long-term ones (resultat_kort, resultat_lang), as an analyst asking
            for the resultatmål means them all.
    """
    rows = []
    for table in document.goal_tables:
        if kind is not None and table.kind != kind and not (table.kind or "").startswith(f"{kind}_"):
            continue
        for row in table.rows:
            rows.append(
                {
                    "doc_id": document.doc_id,
                    "project": _project_of(document, row.indicator),
                    "table_label": table.label,
                    "caption": table.caption,
                    "kind": table.kind,
                    "page": row.page,
                    "row_id": row.id,
                    "indicator": row.indicator,
                    "target": row.target,
                    "status": row.status,
                    "assessment": row.assessment,
                    "achievement_pct": row.achievement_pct,
                }
            )
    return rows
