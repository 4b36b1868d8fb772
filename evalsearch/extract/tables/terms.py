"""Danish words of goal tables: captions, column headings, goal kinds, verdicts and legends.

Source: the målopfyldelse tables and the text around them in COWI's and Cabi's
evaluations for STAR (2016-2023) and the wording of STAR's own templates for
status reports ("Aktivitetsmål", "Resultatmål – kort sigt", "Effektmål",
"Status ved slutevalueringen", "Angiver at målet er opfyldt"). Word's
Danish caption label is "Tabel"; "Table" appears where a report was written
from an English template. Only text shapes live here; layout decisions are
in the modules that use them.
"""

from __future__ import annotations

import re

from evalsearch.extract.patterns import CAPTION_NUMBER, caption_words

TABLE_CAPTION = re.compile(
    rf"^(?P<label>(?:{caption_words('tabel')})\s+{CAPTION_NUMBER})\s*[:.]?\s*(?P<caption>.*)$"
)
FIGURE_CAPTION = re.compile(rf"^(?:{caption_words('figur', 'billede', 'boks')})\s+{CAPTION_NUMBER}\b")

# A goal id leading a row: "A1:", "B2.", "C1", "D1 –". One capital, one or two digits.
GOAL_ID = re.compile(r"^(?P<id>[A-H]\d{1,2}[a-z]?)(?:\s*[:.)–-]\s*|\s+|$)")
GOAL_ID_ONLY = re.compile(r"^[A-H]\d{1,2}[a-z]?[:.]?$")

# Column headings, matched against the lower-cased heading text.
STATUS_HEADING = re.compile(
    r"\b(?:status|målopfyldelse\w*|opnå\w*|realiser\w*|resultat(?:er)?\b(?!mål)|opfyld\w*|vurdering)"
)
# Of several status-like columns the most direct wins: "Status" before "Opnået" before "Målopfyldelse".
STATUS_RANK = (re.compile(r"\bstatus"), re.compile(r"\bopnå|\brealiser|\bresultat"), re.compile(r"."))
TARGET_HEADING = re.compile(r"\b(?:mål(?!opfyld|grupp)\w*|målsætning\w*|forvent\w*|succeskriteri\w*|måltal)")
COUNT_HEADING = re.compile(r"^(?:antal|nr\.?|id)\b")

# The letter of a goal id tells its kind when the words do not (STAR's A/B/C/D numbering).
KIND_BY_ID_LETTER = {"A": "aktivitet", "B": "resultat_kort", "C": "resultat_lang", "D": "effekt"}

# Words that make a table a goal table when its captions or headings hold them.
GOAL_WORDS = re.compile(r"aktivitetsmål|resultatmål|effektmål|målopfyldelse|status på .*mål")

# Theory-of-change tables: a chain of activities → results → effects, not goals with a status.
CHANGE_THEORY_HEADING = re.compile(r"^(?:hoved)?aktivitet|^indsats|^resultat|^effekt|^output|^outcome")
BASIC_FACTS = re.compile(r"basisoplysninger|projektoplysninger|fakta om projektet")
BASIC_FACT_LABELS = re.compile(
    r"^(?:projektperiode|periode|samlet (?:projekt)?budget|budget|samlet støtte|bevilling|primær[e]? målgruppe|"
    r"målgruppe|overordnet mål|projektejer|ansøger|tilskudsmodtager)\b"
)

# Status cells: symbols and words, each with the verdict it prints.
# Wingdings ticks and crosses reach the text layer as private-use characters (U+F0FB-U+F0FE).
MET_SYMBOLS = frozenset("✓✔☑√✅\uf0fc\uf0fe")
UNMET_SYMBOLS = frozenset("✗✘✕☒❌÷\uf0fb\uf0fd")
# Symbols printed as text whose colour carries the verdict ("●" in green, yellow or red).
COLOUR_SYMBOLS = frozenset("●○◉⬤■□▪◆◇▲▼★☀\uf06c\uf06e")
CELL_WORDS = (
    (re.compile(r"^(?:ja|opfyldt|nået|gennemført|indfriet)\b"), "opfyldt"),
    (re.compile(r"^(?:delvis|delvist)\b"), "delvis"),
    (re.compile(r"^(?:nej|ikke opfyldt|ikke nået|ikke gennemført)\b"), "ikke_opfyldt"),
)

# Verdict sentences ("Dette mål er opfyldt", "Effektmålet er således ikke opnået").
VERDICT_VERB = r"(?:opfyldt|nået|opnået|indfriet|realiseret|gennemført|indfri|nå|opfylde)"
UNKNOWN_VERDICT = re.compile(
    r"ikke (?:blevet )?fulgt op|ikke (?:været )?muligt at (?:afgøre|påvise|vurdere|opgøre|måle|opstille|dokumentere)|kan ikke (?:afgøres|vurderes|opgøres)"
    r"|ikke (?:er )?(?:blevet )?målt|ikke relevant at følge op|ingen data|uafklaret"
)
PARTIAL_VERDICT = re.compile(rf"delvi(?:s|st)\s+(?:\w+\s+){{0,2}}{VERDICT_VERB}|{VERDICT_VERB}\s+delvi(?:s|st)")
NEGATED_VERDICT = re.compile(rf"\b(?:ikke|aldrig|ej)\s+(?:\w+\s+){{0,3}}{VERDICT_VERB}\b")
MET_VERDICT = re.compile(rf"\b{VERDICT_VERB}\b")
GOAL_SUBJECT = re.compile(r"\bmål\w*|\baktivitet\w*|\bindikator\w*")
# A sentence about every goal of a table at once ("alle de planlagte aktiviteter er gennemført").
ALL_GOALS = re.compile(
    r"(?<!ikke )\balle\b(?:\s+\w+){0,6}?\s+(?:\w*mål\w*|aktiviteter)\b.{0,80}?\b(?:nået|opfyldt|gennemført|indfriet)\b"
    r"|\bgennemført alle\b(?:\s+\w+){0,4}?\s+(?:\w*mål\w*|aktiviteter)\b"
    r"|\b\w*mål\w*\b.{0,60}?(?<!ikke )\balle (?:er )?(?:blevet )?(?:nået|opfyldt|indfriet|gennemført)\b"
)

# Legend lines under a table: "● Angiver at målet er opfyldt", "a: Tallet i parentes angiver …".
NOTE_START = re.compile(
    r"^(?:[a-z]\)?:|[a-z]\)|\*+|[¹²³†‡]|(?:note|noter|anm\.?|anmærkning|signaturforklaring|forklaring)\s*:|angiver\b)",
    re.IGNORECASE,
)
# A note letter ("a:", "b)") also opens list items; only in type smaller than the body is it a note.
NOTE_LETTER = re.compile(r"^[a-z]\)?[:)]", re.IGNORECASE)
SOURCE_START = re.compile(r"^(?:kilde|kilder)\s*:", re.IGNORECASE)

# What a summary sentence says all goals of one kind did ("formået at indfri de forventede resultater").
KIND_SUBJECTS = {
    "aktivitet": re.compile(r"aktivitetsmål\w*|planlagte aktiviteter"),
    "resultat": re.compile(r"resultatmål\w*|forventede resultater"),
    "effekt": re.compile(r"effektmål\w*|forventede? effekt\w*"),
}
