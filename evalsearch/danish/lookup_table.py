"""The corrected lowercase form → lemma table, built from the lookup table of spacy-lookups-data.

``build_tables`` applies the corrections that ``lexicon``'s docstring
describes (lowercase entries first, the homograph rule, chains followed to
their end, ``lemma_fixes`` and ``extra_words``); ``table_sources`` lists what
the result depends on, so that a saved copy (``lexicon_cache``) is only used
for the same inputs.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

from evalsearch.danish import extra_words, lemma_fixes
from evalsearch.danish.extra_words import EXTRA_PARADIGMS
from evalsearch.danish.lemma_fixes import LEMMA_FIXES

#: the lookup table shipped by spacy-lookups-data
LOOKUP_PACKAGE = "spacy_lookups_data"
LOOKUP_FILE = "data/da_lemma_lookup.json.gz"


def read_lookup_table() -> dict[str, str]:
    """Read the raw Danish lemma lookup table of spacy-lookups-data.

    RETURNS (dict[str, str]): form → lemma exactly as shipped (mixed case).
    """
    path = resources.files(LOOKUP_PACKAGE).joinpath(LOOKUP_FILE)
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


def _lowercase_table(raw: dict[str, str]) -> dict[str, str]:
    """Lowercase keys and values; a lowercase entry wins over a capitalised one."""
    table: dict[str, str] = {}
    for form, lem in raw.items():
        if form == form.lower():
            table[form] = sys.intern(lem.lower())
    for form, lem in raw.items():
        table.setdefault(form.lower(), sys.intern(lem.lower()))
    return table


def _prefers_own_lemma(form: str, picked: str, table: dict[str, str], heads: set[str]) -> bool:
    """Decide the homograph rule of the module docstring for one form."""
    if form == picked or form not in heads:
        return False
    # Danish plurals end in -e or -r; their definite plural adds -ne.
    is_plural_of_pick = form.endswith(("e", "r")) and table.get(form + "ne") == picked
    is_infinitive = table.get(form + "nde") == form
    return is_infinitive or not is_plural_of_pick


def _follow(table: dict[str, str], start: str, limit: int = 8) -> str:
    """Follow lemma → lemma links to the end of the chain (cycles stop at ``limit``)."""
    current = start
    for _ in range(limit):
        following = table.get(current, current)
        if following == current:
            break
        current = following
    return current


def table_sources() -> list[bytes]:
    """Everything the corrected tables are built from: the lookup file and the modules that correct it."""
    lookup = resources.files(LOOKUP_PACKAGE).joinpath(LOOKUP_FILE).read_bytes()
    modules = (sys.modules[__name__], extra_words, lemma_fixes)
    return [lookup] + [Path(module.__file__).read_bytes() for module in modules if module.__file__]


def build_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Build the corrected form → lemma table and the table's other picks from spacy-lookups-data."""
    lemma_of = _lowercase_table(read_lookup_table())
    other: dict[str, str] = {}
    for form, fixed in LEMMA_FIXES.items():
        picked = lemma_of.get(form)
        if picked is not None and picked != fixed:
            other[form] = picked
        lemma_of[form] = fixed
    heads = set(lemma_of.values())
    overruled = [
        form
        for form, picked in lemma_of.items()
        if form not in LEMMA_FIXES and _prefers_own_lemma(form, picked, lemma_of, heads)
    ]
    for form in overruled:
        other[form] = lemma_of[form]
        lemma_of[form] = form
    # A head kept on the table's pick ("grader" → "grad") takes its own forms
    # along ("graderen" → "grad"), so that lemma() is idempotent.
    for form, picked in lemma_of.items():
        final = _follow(lemma_of, picked)
        if final != picked:
            lemma_of[form] = final
    for head, forms in EXTRA_PARADIGMS.items():
        lemma_of[head] = head
        for form in forms:
            lemma_of[form] = head
    return lemma_of, other
