"""Corrections to the Danish lemma lookup table of spacy-lookups-data.

Source: ``spacy_lookups_data/data/da_lemma_lookup.json.gz`` (spacy-lookups-data
1.0.5), which maps each word form to exactly one lemma with no part of speech.
Where a form belongs to two words, the table sometimes picks the rare one.
The entries below were found by lemmatising every word of the four sample
reports in ``evalsearch/data/sample/`` and reading the results; each one is a
form that is common in Danish labour-market evaluations and that the table
sends to the wrong word. The general homograph rule (a form that heads its own
paradigm is its own lemma) lives in ``lexicon.py``; this list only holds what
that rule cannot decide.

Left out on purpose: verb present tenses that are also agent nouns
("viser", "holder", "deltager"), which are handled by that rule and by
``lexicon.lemma_candidates``, and suppletive comparatives ("bedre" → "god",
"mindre" → "lille"), which the table gets right.
"""

from __future__ import annotations

#: form → correct lemma, all lowercase. The comment names the table's wrong pick.
LEMMA_FIXES: dict[str, str] = {
    # "leder" (manager): the table files the plural definite forms under "led".
    "lederne": "leder",
    "ledernes": "leder",
    "leders": "leder",
    # "center": the table sends the definite singular to "centrum".
    "centret": "center",
    "centrets": "center",
    # adjectives in the neuter sent to unrelated verbs ("godte", "sværte")
    "godt": "god",
    "svært": "svær",
    # verb forms sent to nouns or to a wrong stem
    "øget": "øge",  # table: "øg"
    "gør": "gøre",  # table: "gø" (to bark)
    "tages": "tage",  # table: "tag" (roof)
    "taget": "tage",
    "skabes": "skabe",  # table: "skab" (cupboard)
    "vises": "vise",  # table: "vis"
    "stillet": "stille",  # table: "still"
    "aftalt": "aftale",  # table: "aftælle"
    # nouns sent to a rarer word
    "fasen": "fase",  # table: "fas" (bevel) for most forms of "fase"
    "fasens": "fase",
    "faser": "fase",
    "faserne": "fase",
    "fasernes": "fase",
    "fasers": "fase",
    "fases": "fase",
    "grupper": "gruppe",  # table: "gruppere" (imperative reading)
    "natten": "nat",  # table: "natte"
    # plural nouns whose form also heads a rare paradigm ("timer" the device,
    # "gange" to multiply); the homograph rule would keep them apart
    "timer": "time",
    "timerne": "time",
    "timernes": "time",
    "timers": "time",
    "gange": "gang",
    # function words and numerals
    "med": "med",  # table: "mede"
    "skal": "skulle",  # heads the paradigm of "skal" (shell), but is the modal verb here
    "os": "vi",  # heads the paradigm of "os" (estuary)
    "ti": "ti",  # table: "tie" (be silent)
    "tyve": "tyve",  # table: "tyv" (thief); the numeral 20 is far more common here
}
