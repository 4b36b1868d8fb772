"""The evaluated projects, from their basic-facts tables ("Basisoplysninger for projektet").

Each basic-facts table gives one project: its period ("Projektperiode |
01.01.2016 | til | 31.12.2017"), budget ("Samlet projektbudget", "Samlet
støtte fra puljen"), primary target group, and sometimes its name. The name
and operator come from the heading the table stands under when that heading
names them ("SIND Pårørenderådgivning – "Stå ikke i stampe, brug din
rampe""), else from the quoted title of the report and its opening text
("… som er blevet gennemført af Cabi"). The pool and its year come from a
parent heading ("Initiativer for personer med handicap, 2015") or from the
text ("midler fra puljen "Initiativer for personer med handicap", 2015").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evalsearch.danish import parse_amount_dkk, parse_number
from evalsearch.extract.tables.terms import BASIC_FACTS
from evalsearch.model import Document, OtherTable, Project, Section

QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{3,}?)[\"“”„«»]")
DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})\b")
HEADING_DASH = re.compile(r"\s[–—-]\s")
POOL_TITLE = re.compile(r"^(?P<pool>.+?),\s*(?P<year>(?:19|20)\d{2})$")
POOL_TEXT = re.compile(
    r"pulje[n]?\s+[\"“”„«](?P<pool>[^\"“”„«»]+?)(?:,\s*(?P<y1>(?:19|20)\d{2}))?[\"“”„»](?:,?\s*(?:i\s+)?(?P<y2>(?:19|20)\d{2}))?"
)
OPERATOR_TEXT = re.compile(
    r"\b(?:gennemført|gennemføres|udført|udføres|drevet|drives|forankret)\s+(?:af|hos|i regi af)\s+"
    r"(?P<op>[A-ZÆØÅ][\w&/-]*(?:\s+(?:[A-ZÆØÅ][\w&/-]*|A/S|ApS)){0,4})"
)

LABELS = {
    "period": re.compile(r"^(?:projekt)?periode\b", re.IGNORECASE),
    "budget": re.compile(r"^(?:samlet\s+)?(?:projekt)?budget|^samlet\s+støtte|^bevilling|^tilskud", re.IGNORECASE),
    "target_group": re.compile(r"^primær[e]?\s+målgruppe|^målgruppe\b", re.IGNORECASE),
    "name": re.compile(r"^projekt(?:ets)?\s*navn|^projekttitel", re.IGNORECASE),
    "operator": re.compile(r"^projektejer|^ansøger|^tilskudsmodtager|^projektansvarlig|^operatør", re.IGNORECASE),
}


def iso_date(day: str, month: str, year: str) -> str | None:
    """ "01.01.2016" parts → "2016-01-01"; two-digit years are this century.

    >>> iso_date("31", "12", "18")
    '2018-12-31'
    """
    y = int(year) + (2000 if len(year) == 2 else 0)
    d, m = int(day), int(month)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def is_basic_facts(table: OtherTable) -> bool:
    """A basic-facts table: so named, or at least two of its rows led by basic-facts labels."""
    named = BASIC_FACTS.search(" ".join(filter(None, [table.caption or "", table.rows[0][0] if table.rows else ""])).lower())
    labelled = sum(1 for row in table.rows if row and any(p.match(row[0]) for p in LABELS.values()))
    return bool(named) or labelled >= 2


def _facts(table: OtherTable) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in table.rows:
        if len(row) < 2:
            continue
        for key, pattern in LABELS.items():
            if key not in found and pattern.match(row[0]):
                found[key] = " ".join(row[1:]).strip()
    return found


def _section(sections: Sequence[Section], number: str | None) -> Section | None:
    return next((s for s in sections if number is not None and s.number == number), None)


def _parent_number(number: str | None) -> str | None:
    if not number or "." not in number:
        return None
    return number.rsplit(".", 1)[0]


def _name_operator(heading: str | None) -> tuple[str | None, str | None]:
    """Split a project heading "Operator – "Name"" into (name, operator)."""
    if not heading:
        return None, None
    parts = HEADING_DASH.split(heading, maxsplit=1)
    quoted = QUOTED.search(heading)
    if len(parts) == 2:
        name = QUOTED.search(parts[1])
        return (name.group(1) if name else parts[1].strip(" \"'")), parts[0].strip()
    return (quoted.group(1) if quoted else None), None


def _text_facts(document: Document, section: str | None = None) -> tuple[str | None, str | None, int | None]:
    """(operator, pool, pool year) as the opening text of the report (or of one section) states them."""
    operator = pool = None
    year = None
    blocks = document.blocks[:80] if section is None else [b for b in document.blocks if b.section == section]
    for block in blocks:
        if block.role not in ("paragraph", "bullet"):
            continue
        if operator is None and (m := OPERATOR_TEXT.search(block.text)):
            operator = m.group("op").rstrip(".,")
        if pool is None and (m := POOL_TEXT.search(block.text)):
            pool = m.group("pool").strip()
            found = m.group("y1") or m.group("y2")
            year = int(found) if found else None
    return operator, pool, year


def table_to_project(table: OtherTable, document: Document, single: bool) -> Project:
    """One project from one basic-facts table and the headings and text around it."""
    facts = _facts(table)
    section = _section(document.sections, table.section)
    name, operator = _name_operator(section.title if section else None)
    parent = _section(document.sections, _parent_number(table.section))
    pool = year = None
    if parent is not None and (m := POOL_TITLE.match(parent.title)):
        pool, year = m.group("pool").strip(), int(m.group("year"))
    elif parent is not None and name is not None:
        _, pool, year = _text_facts(document, parent.number)  # the pool the parent section presents
    if single:
        text_operator, text_pool, text_year = _text_facts(document)
        title_name = QUOTED.search(document.title or "")
        name = name or (title_name.group(1) if title_name else None)
        operator = operator or text_operator
        pool, year = pool or text_pool, year or text_year
    name = name or facts.get("name")
    operator = operator or facts.get("operator")
    dates = [iso_date(*m.groups()) for m in DATE.finditer(facts.get("period", ""))]
    dates = [d for d in dates if d]
    budget_text = facts.get("budget", "")
    budget = parse_amount_dkk(budget_text) if budget_text else None
    if budget is None and budget_text:
        value = parse_number(budget_text)
        budget = int(value) if value is not None and value >= 1000 else None
    return Project(
        name=name.strip() if name else None,
        operator=operator,
        pool=pool,
        pool_year=year,
        period_start=dates[0] if dates else None,
        period_end=dates[1] if len(dates) > 1 else None,
        budget_dkk=budget,
        target_group=facts.get("target_group") or None,
        page=table.page,
    )


def read_projects(context) -> None:
    """Record stage: fill ``document.projects``, one per basic-facts table (after the tables stage).

    Args:
        context (ExtractContext): the document with its ``other_tables`` read.
    """
    document: Document = context.document
    tables = [t for t in document.other_tables if t.rows and is_basic_facts(t)]
    single = len(tables) == 1
    document.projects.extend(table_to_project(t, document, single) for t in tables)
