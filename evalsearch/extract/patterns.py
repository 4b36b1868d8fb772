"""Textual patterns of Danish evaluation reports: captions, bullets, numbering, contents lines.

The words are those printed in COWI, Cabi and Rambøll reports for STAR and in
Word's Danish defaults ("Tabel", "Figur", "Kilde", "Bilag", "Indhold",
"Indholdsfortegnelse"). Layout decisions live in layout.py; only text shapes are here.
"""

from __future__ import annotations

import re

BULLET_MARKERS = frozenset("›•–-▪■●◦·»*")

#: the word a caption opens with → what it labels; "Table" and "Figure" where a report was
#: written from an English template
CAPTION_WORDS = {
    "Tabel": "tabel", "Table": "tabel", "Tab.": "tabel",
    "Figur": "figur", "Figure": "figur", "Fig.": "figur", "Graf": "figur", "Diagram": "figur",
    "Illustration": "figur", "Kort": "figur",
    "Billede": "billede", "Foto": "billede",
    "Boks": "boks",
}
#: a caption's number: "3", "3-1", "3.2", "B.1", "2a"
CAPTION_NUMBER = r"[A-Z]?\d+(?:[.\-–]\d+)*[a-z]?"


def caption_words(*kinds: str) -> str:
    """A regex alternation of the caption words of these kinds."""
    return "|".join(re.escape(word) for word, kind in CAPTION_WORDS.items() if kind in kinds)


CAPTION = re.compile(
    rf"^(?P<kind>{caption_words('tabel', 'figur', 'billede', 'boks')})\s+"
    rf"(?P<num>{CAPTION_NUMBER}|[A-Z](?:[.\-–]\d+)*)\s*[:.]?\s*(?P<rest>.*)$"
)
SOURCE = re.compile(r"^(?:Kilde|Kilder|Note|Anm\.|Anmærkning)\s*:", re.IGNORECASE)

HEADING_NUMBER = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?P<title>\S.*)$"
)
APPENDIX_HEADING = re.compile(
    r"^(?P<num>(?:Bilag|Appendiks|Appendix|Annex)\s+[A-Z0-9]{1,3})\s*[.:–-]?\s*(?P<title>.*)$", re.IGNORECASE
)
APPENDIX_SUB = re.compile(r"^(?P<num>[A-Z]\.\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")

ORDERED_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|\([a-z0-9]{1,2}\))\s+\S")

TOC_TITLE = re.compile(r"^(?:indhold|indholdsfortegnelse|contents|table of contents)$", re.IGNORECASE)
TOC_LINE = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4}\.?|(?:Bilag|Appendiks|Appendix)\s+[A-Z0-9]{1,3}|[A-Z]\.\d{1,2}(?:\.\d{1,2})*)"
    r"\s+(?P<title>.+?)(?:\s*(?:\.{2,}|…+|\s)\s*)(?P<page>\d{1,4})$"
)

TOC_START = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4}\.?)\s+(?P<title>\D.*\D)$")
TOC_TAIL = re.compile(r"^(?P<title>\D.*?)(?:\s*(?:\.{2,}|…+|\s)\s*)(?P<page>\d{1,4})$")

SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)]*$")


def split_heading_number(text: str) -> tuple[str | None, str]:
    """Split "3.2 Status på resultatmålene" into ("3.2", "Status på resultatmålene").

    >>> split_heading_number("Bilag A Forandringsteorier")
    ('Bilag A', 'Forandringsteorier')
    >>> split_heading_number("Indledning")
    (None, 'Indledning')
    """
    text = text.strip()
    for pattern in (APPENDIX_HEADING, APPENDIX_SUB, HEADING_NUMBER):
        m = pattern.match(text)
        if m and m.group("title").strip():
            return m.group("num").rstrip("."), m.group("title").strip()
    return None, text


def number_depth(number: str | None) -> int:
    """Depth of a section number: "3" → 1, "3.2" → 2, "Bilag A" → 1, "B.5" → 2."""
    if not number:
        return 0
    if APPENDIX_HEADING.match(number + " x"):
        return 1
    if APPENDIX_SUB.match(number + " x"):
        return number.count(".") + 1
    return number.count(".") + 1
