"""Danish derivational suffixes and how to undo them.

Source: the productive derivational suffixes of Danish as described in Allan,
Holmes & Lundskær-Nielsen, *Danish: A Comprehensive Grammar* (Routledge), the
chapters on word formation: adjectives in -mæssig, -lig, -isk; nouns in
-hed, -else, -ning, -ing, -ation/-sion; agent nouns in -er from verbs.

Each rule is (suffix, replacements, shortest stem). The stem is the word
without the suffix; each replacement makes one candidate base, and a
candidate counts only if the lexicon knows it as a lemma:

* "e", "ik", "ere", "": append to the stem ("forvent" + "e" → "forvente")
* "2e": double the stem's last letter, then append ("afstem" → "afstemme")
* "-s": drop a linking s ("ledelses" → "ledelse")
* "-s+e": drop a linking s that replaced a final e ("arbejds" → "arbejde")

Rules are tried in order and the first that yields a known lemma wins, so a
longer suffix comes before a shorter one it ends with ("ning" before "ing":
"afstemning" → "afstemme", but "regning" falls through to "ing" → "regne").
"""

from __future__ import annotations

DerivationRule = tuple[str, tuple[str, ...], int]

#: the suffix of agent nouns, which ``derivations`` skips in compound heads
AGENT_SUFFIX = "er"

DERIVATION_RULES: tuple[DerivationRule, ...] = (
    # adjective from noun: ledelsesmæssig → ledelse, arbejdsmæssig → arbejde
    ("mæssig", ("", "-s", "-s+e"), 3),
    # adjective from noun: personlig → person, menneskelig → menneske
    ("lig", ("", "e"), 3),
    # adjective from noun: politisk → politik, økonomisk → økonomi, psykisk → psyke
    ("isk", ("ik", "i", "e", ""), 3),
    # noun from verb: ledelse → lede, forståelse → forstå
    ("else", ("e", ""), 2),
    # noun from verb: forventning → forvente, afstemning → afstemme
    ("ning", ("e", "2e"), 3),
    # noun from verb: kompensation → kompensere, organisation → organisere
    ("ation", ("ere",), 3),
    # noun from verb: inklusion → inkludere
    ("usion", ("udere",), 3),
    # noun from verb: evaluering → evaluere, udvikling → udvikle
    ("ing", ("e",), 3),
    # noun from adjective: ledighed → ledig, tilfredshed → tilfreds
    ("hed", ("",), 4),
    # agent noun from verb: leder → lede, deltager → deltage
    (AGENT_SUFFIX, ("e",), 2),
)
