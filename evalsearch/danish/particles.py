"""Danish particle verbs: "bakke op" ~ "opbakning", "holde fast" ~ "fastholde".

Danish writes many verbs two ways: as a verb with a separate particle after it
("lederne bakker op om projektet", "følge op på aftalen", "arbejde sammen")
and as one word with the particle in front ("opbakning", "opfølgning",
"samarbejde", "fastholde"). ``particle_compounds`` joins a verb and the
particle that follows it into the one-word lemmas the lexicon knows: the
prefixed verb ("følge" + "op" → "opfølge") and its -ning/-else noun ("bakke"
+ "op" → "opbakning", whose verb "opbakke" the lexicon lacks).

Source: the particle verbs ("løst sammensatte verber", particle after the
verb) and their fixed compounds ("fast sammensatte verber") as described in
Allan, Holmes & Lundskær-Nielsen, *Danish: A Comprehensive Grammar*
(Routledge), the chapters on verbs and word formation, and Dansk Sprognævn's
Retskrivningsregler on "sammensatte verber".

Only adverbial particles are listed. Prepositions that can be particles too
("til", "på", "om", "med", "af", "over") are left out on purpose: after a
verb they mostly open a phrase ("arbejder med borgere", "ser på tallene"), and
joining them would link unrelated words ("se på" → "påse", "tale om" →
"omtale").

>>> particle_compounds("bakker", "op")
('opbakning',)
>>> particle_compounds("arbejder", "sammen")
('samarbejde',)
"""

from __future__ import annotations

from functools import lru_cache

from evalsearch.danish.lexicon import DEFAULT_CACHE_SIZE, is_lemma, lemma_candidates

#: adverbial particle → the forms it takes in front of a verb ("sammen" → "sam")
PARTICLE_PREFIXES: dict[str, tuple[str, ...]] = {
    "op": ("op",),
    "ud": ("ud",),
    "ind": ("ind",),
    "ned": ("ned",),
    "frem": ("frem",),
    "fast": ("fast",),
    "sammen": ("sam", "sammen"),
    "tilbage": ("tilbage",),
    "bort": ("bort",),
    "væk": ("væk",),
    "hjem": ("hjem",),
    "hen": ("hen",),
    "igennem": ("gennem", "igennem"),
}

#: noun suffixes that turn a particle verb into an action noun
#: ("opbakke" → "opbakning", "udbrede" → "udbredelse")
NOUN_SUFFIXES: tuple[str, ...] = ("ning", "else")

#: shortest verb lemma taken as the verb of a particle verb
DEFAULT_MIN_VERB = 2


def is_particle(word: str) -> bool:
    """Tell whether a lowercase word is an adverbial verb particle ("op", "fast").

    >>> is_particle("op"), is_particle("på")
    (True, False)
    """
    return word in PARTICLE_PREFIXES


def _verb_lemmas(verb: str) -> tuple[str, ...]:
    """The readings of a form that can be verb infinitives (they end in a vowel)."""
    return tuple(
        reading
        for reading in lemma_candidates(verb)
        if len(reading) >= DEFAULT_MIN_VERB and reading.isalpha() and reading[-1] in "aeiouyæøå"
    )


def _noun_stems(reading: str) -> tuple[str, ...]:
    """Stems an action noun may be built on: "følge" → "følg"; "bakke" → "bakk", "bak"
    (a double consonant is written single before -ning: "opbakning")."""
    stem = reading[:-1] if reading.endswith("e") else reading
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
        return (stem, stem[:-1])
    return (stem,)


@lru_cache(maxsize=DEFAULT_CACHE_SIZE)
def particle_compounds(verb: str, particle: str) -> tuple[str, ...]:
    """Join a verb form and a following particle into the one-word lemmas they stand for.

    Args:
        verb (str): a verb form as found in text ("bakker", "holdt").
        particle (str): the particle after it ("op", "fast").

    RETURNS (tuple[str, ...]): known lemmas, prefixed verb first, then its
        action nouns: ("opfølge", "opfølgning") for "følger" + "op"; () when
        the particle is not an adverbial particle or no such lemma exists.

    >>> particle_compounds("holder", "fast")
    ('fastholde', 'fastholdelse')
    >>> particle_compounds("ser", "på")
    ()
    """
    prefixes = PARTICLE_PREFIXES.get(particle.lower())
    if not prefixes:
        return ()
    found: list[str] = []
    for reading in _verb_lemmas(verb.lower()):
        stems = _noun_stems(reading)
        for prefix in prefixes:
            candidates = [prefix + reading] + [prefix + s + suffix for s in stems for suffix in NOUN_SUFFIXES]
            found.extend(c for c in candidates if is_lemma(c) and c not in found)
    return tuple(found)
