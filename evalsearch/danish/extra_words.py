"""Danish words that the spacy-lookups-data lemma table does not know.

Source: every word of the four sample reports in ``evalsearch/data/sample/``
(STAR/VIVE/COWI/Cabi evaluations, 2018-2023) was looked up in
``da_lemma_lookup.json.gz`` (spacy-lookups-data 1.0.5); the words below were
missing and are frequent in Danish labour-market evaluations. Inflected forms
follow Den Danske Ordbog's paradigms for the head word (``center`` → ``centret``,
``centre``; ``-or`` → ``-orer``).

Left out on purpose: regular compounds whose parts are known
("ressourceforløb", "slutevaluering", "udviklingshæmning"): ``compounds.py``
analyses those, so listing them would only hide gaps in the splitter. Two
compounds are kept because they are the domain's key terms and the brief names
them ("handicapkompenserende", "virksomhedsnetværk"). ``tests/danish`` checks
that no form here is already in the table, so this list cannot silently
override it.

Abbreviations come from spaCy's Danish tokenizer exceptions
(``spacy/lang/da/tokenizer_exceptions.py``, source https://forkortelse.dk/),
read at load time in ``lexicon.py``. They are kept apart from the word forms so
that fragments such as "bl" or "ing" (from "bl." and "ing.") never count as
words when splitting compounds or joining line breaks.
"""

from __future__ import annotations

#: lemma → its word forms missing from the table, all lowercase.
EXTRA_PARADIGMS: dict[str, tuple[str, ...]] = {
    "jobcenter": (
        "jobcenter", "jobcenteret", "jobcentret", "jobcenterets", "jobcentrets",
        "jobcenters", "jobcentre", "jobcentrene", "jobcentrenes", "jobcentres",
    ),
    "inklusion": ("inklusion", "inklusionen", "inklusionens", "inklusions"),
    # the table has "læring" but not its plural, which evaluations use ("læringer")
    "læring": ("læringer", "læringerne", "læringernes", "læringers"),
    "survey": ("survey", "surveyen", "surveyens", "surveys", "surveyene"),
    "evaluator": (
        "evaluator", "evaluatoren", "evaluatorens", "evaluatorer",
        "evaluatorerne", "evaluatorernes", "evaluators",
    ),
    "tovholder": (
        "tovholder", "tovholderen", "tovholderens", "tovholdere",
        "tovholderne", "tovholdernes", "tovholders",
    ),
    "fleksjobber": (
        "fleksjobber", "fleksjobberen", "fleksjobbere", "fleksjobberne",
        "fleksjobbernes", "fleksjobbers",
    ),
    "progrediere": (
        "progrediere", "progredierer", "progredierede", "progredieret",
        "progredierende",
    ),
    "handicapkompenserende": ("handicapkompenserende",),
    "virksomhedsnetværk": (
        "virksomhedsnetværk", "virksomhedsnetværket", "virksomhedsnetværkets",
        "virksomhedsnetværkene", "virksomhedsnetværkenes", "virksomhedsnetværks",
    ),
    "empowerment": ("empowerment", "empowermentet"),
}

#: abbreviations that reports also write without the final full stop ("fx",
#: "ca", "kr"), so ``is_word`` accepts them bare. Lowercase, final stop
#: removed, internal stops kept. All but "dkk" are in spaCy's list (with a stop).
BARE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "bl.a", "f.eks", "fx", "jf", "ca", "kr", "dkk", "pct", "mio", "mia",
        "dvs", "mv", "m.m", "m.fl", "o.l", "evt", "inkl", "ekskl", "ift", "ifm",
        "iht", "mht", "hhv", "osv", "nr", "stk", "tlf", "vedr",
    }
)
