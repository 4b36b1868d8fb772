"""Title page facts: title, date, version, evaluator, client and document type.

COWI reports print a cover (title in the biggest type, client above it) and a
document table ("VERSION  UDGIVELSESDATO …" over a row of values). Other
reports say the same in running text ("foretaget af COWI på vegne af …").
Every value is None when the report does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evalsearch.danish.compounds import split_compound
from evalsearch.danish.lexicon import is_word
from evalsearch.extract.lines import join_lines, words_to_rows
from evalsearch.model import PageContent, Word, join_words

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12,
}
# Consultancies and organisations that evaluate STAR-funded projects (as named on their reports).
EVALUATORS = (
    "COWI", "Rambøll", "Deloitte", "Epinion", "Oxford Research", "VIVE", "KORA", "Als Research",
    "DAMVAD", "PwC", "KPMG", "BDO", "Incentive", "LG Insight", "NIRAS", "New Insight", "Marselisborg",
    "Implement", "Højbjerre Brauer Schultz", "Moos-Bjerre", "Cabi", "Metropol", "Ennova",
)
CLIENTS = (
    "Styrelsen for Arbejdsmarked og Rekruttering", "Beskæftigelsesministeriet", "Socialstyrelsen",
    "Social- og Ældreministeriet", "Arbejdsmarkedsstyrelsen", "Styrelsen for Arbejdsmarked og Rekruttering (STAR)",
)
DOC_TYPES = (
    ("midtvejsevaluering", "midtvejsevaluering"),
    ("slutevaluering", "slutevaluering"),
    ("afsluttende evaluering", "slutevaluering"),
    ("tværgående evaluering", "tvaergaaende_evaluering"),
)
FULL_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
TEXT_DATE = re.compile(r"\b(?:(\d{1,2})\.?\s+)?(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
TITLE_SIZE_RATIO = 1.4


@dataclass(frozen=True)
class TitlePage:
    title: str | None
    date: str | None
    version: str | None
    evaluator: str | None
    client: str | None
    doc_type: str | None


def _rows(page: PageContent) -> list[list[Word]]:
    return words_to_rows(page.words)


def sentence_case(title: str) -> str:
    """Recase capitals in a title: words set in capitals that are Danish words get small letters.

    Acronyms (words the lexicon does not know, or short ones such as "STAR") keep
    their capitals; the title and a quotation open with a capital.

    >>> sentence_case('EVALUERING AF "KOMPENSATION TIL FLERE"')
    'Evaluering af "Kompensation til flere"'
    >>> sentence_case('SLUTEVALUERING af projektet: "Stå ikke i stampe"')
    'Slutevaluering af projektet: "Stå ikke i stampe"'
    """
    letters = [c for c in title if c.isalpha()]
    all_caps = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    out: list[str] = []
    capitalize_next = True
    for token in re.split(r"(\s+)", title):
        if not token.strip():
            out.append(token)
            continue
        core = token.strip("\"'“”«»():,.!?")
        shouting = core.isupper() and (all_caps or len(core) >= 5)
        danish = len(core) <= 1 or is_word(core.lower()) or bool(split_compound(core.lower()))
        lowered = token.lower() if shouting and danish else token
        if capitalize_next or token[:1] in "\"“«":
            idx = next((i for i, c in enumerate(lowered) if c.isalpha()), None)
            if idx is not None:
                lowered = lowered[:idx] + lowered[idx].upper() + lowered[idx + 1 :]
        out.append(lowered)
        capitalize_next = token.endswith((":", ".", "!", "?"))
    return "".join(out)


def read_title(page: PageContent, body_size: float) -> str | None:
    """The title: consecutive rows in the page's biggest type."""
    rows = _rows(page)
    if not rows:
        return None
    biggest = max(max(w.size for w in r) for r in rows)
    if biggest < body_size * TITLE_SIZE_RATIO:
        return None
    lines: list[str] = []
    last_bottom = None
    for r in rows:
        words = [w for w in r if w.size >= biggest - 0.5]
        if not words:
            if lines:
                break
            continue
        if last_bottom is not None and words[0].top - last_bottom > biggest * 1.2:
            break
        lines.append(join_words(words))
        last_bottom = max(w.bottom for w in words)
    title = join_lines(lines) if lines else None
    return sentence_case(title) if title else None


def _table_value(rows: list[list[Word]], header: str) -> str | None:
    """The value printed under a column header ("VERSION" → "0.2") in a cover table."""
    for i, r in enumerate(rows):
        for w in r:
            if w.text.upper() == header and i + 1 < len(rows):
                below = [v for v in rows[i + 1] if v.x0 >= w.x0 - 2 and v.x0 < w.x0 + 40]
                if below and below[0].top - w.bottom < 20:
                    return below[0].text
    return None


def iso_date(text: str) -> str | None:
    """The first date in the text as ISO "2018-04-16", "2021-05" or "2023".

    >>> iso_date("udgivet 16-04-2018")
    '2018-04-16'
    >>> iso_date("MAJ 2021")
    '2021-05'
    """
    m = FULL_DATE.search(text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = TEXT_DATE.search(text)
    if m:
        month = MONTHS[m.group(2).lower()]
        if m.group(1):
            return f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"
        return f"{int(m.group(3)):04d}-{month:02d}"
    m = YEAR.search(text)
    return m.group(1) if m else None


def _find_name(text: str, names: Sequence[str]) -> str | None:
    lowered = text.lower()
    best = None
    for name in names:
        pos = lowered.find(name.lower())
        if pos >= 0 and (best is None or pos < best[0]):
            printed = text[pos : pos + len(name)]
            best = (pos, printed if not printed.isupper() or len(name) <= 6 else name)
    return best[1] if best else None


def _doc_type(texts: Sequence[str]) -> str | None:
    """The report type named first: in the title, else on the cover, else on page two."""
    for text in texts:
        lowered = text.lower()
        found = [(lowered.find(phrase), kind) for phrase, kind in DOC_TYPES if phrase in lowered]
        if found:
            return min(found)[1]
    return None


def read_title_page(pages: Sequence[PageContent], body_size: float) -> TitlePage:
    """Read title, date, version, evaluator, client and type from the first pages."""
    front = list(pages[:2])
    if not front:
        return TitlePage(None, None, None, None, None, None)
    title = read_title(front[0], body_size)
    rows = [r for p in front for r in _rows(p)]
    text = "\n".join(join_words(r) for r in rows)
    date_value = _table_value(rows, "UDGIVELSESDATO") or _table_value(rows, "DATO")
    date = iso_date(date_value) if date_value else None
    date = date or iso_date(text)
    version = _table_value(rows, "VERSION")
    evaluator = _find_name(text, EVALUATORS)
    client = _find_name(text, CLIENTS)
    doc_type = _doc_type([title or "", "\n".join(join_words(r) for r in _rows(front[0])), text])
    return TitlePage(title, date, version, evaluator, client, doc_type)
