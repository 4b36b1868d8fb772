"""Danish number words, scale words and unit markers.

Source: the Danish numeral system as given in Dansk Sprognævn's
Retskrivningsordbogen (cardinal numbers, the vigesimal tens "halvtreds" = 50,
"tres" = 60, "halvfjerds" = 70, "firs" = 80, "halvfems" = 90) and the
abbreviations of spaCy's Danish tokenizer exceptions ("mio.", "mia.",
"kr.", "pct."), plus the spellings met in the sample reports
("millioner kr.", "mio. kr.", "DKK", "97 %").

"en" and "et" are left out of ``UNITS`` on purpose: as words they are almost
always the article; only the stressed spellings "én" and "ét" count as 1.
"""

from __future__ import annotations

#: 1-9 as they stand alone and before "og" in 21-99 ("enogtyve")
UNITS: dict[str, int] = {
    "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9,
}

#: prefixes of compound numbers 21-99, where the article form is fine
COMPOUND_UNITS: dict[str, int] = {**UNITS, "en": 1, "et": 1}

TEENS: dict[str, int] = {
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
    "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}

TENS: dict[str, int] = {
    "tyve": 20, "tredive": 30, "fyrre": 40, "fyrretyve": 40, "halvtreds": 50,
    "tres": 60, "halvfjerds": 70, "firs": 80, "halvfems": 90,
}

#: words for round numbers that stand alone ("hundrede deltagere")
ROUND: dict[str, int] = {
    "hundrede": 100, "hundred": 100, "tusind": 1000, "tusinde": 1000,
}

#: scale words after a number ("27,4 millioner"), lowercase, final stop removed
SCALES: dict[str, int] = {
    "t": 1_000, "tusind": 1_000, "tusinde": 1_000, "tkr": 1_000, "t.kr": 1_000,
    "mio": 1_000_000, "mill": 1_000_000, "million": 1_000_000, "millioner": 1_000_000,
    "mia": 1_000_000_000, "milliard": 1_000_000_000, "milliarder": 1_000_000_000,
}

#: scale words that already include the currency ("tkr." = thousand kroner)
SCALES_WITH_CURRENCY: frozenset[str] = frozenset({"tkr", "t.kr"})

#: currency markers for Danish kroner, lowercase, final stop removed
CURRENCIES: frozenset[str] = frozenset({"kr", "kroner", "krone", "dkk", "dkr"})

#: percent markers, lowercase, final stop removed
PERCENT_MARKERS: frozenset[str] = frozenset({"%", "pct", "procent"})
