"""Word lists that steer the Danish compound splitter.

Source: the description of compounding and derivation in Danish grammars
(linking elements "fuge-s" and "fuge-e"; derivational prefixes and suffixes),
e.g. Dansk Sprognævn's Retskrivningsregler on "sammensatte ord" and Allan,
Holmes & Lundskær-Nielsen, *Danish: A Comprehensive Grammar* (Routledge), the
chapters on word formation. The lists hold only what the splitter needs to
reject false analyses: a known word is not split at a derivational prefix
("for|hold", "under|visning") and no part may be a derivational suffix that
happens to be a word in the lemma table ("mulig|hed", "virksom|hed",
"fag|lig").
"""

from __future__ import annotations

#: linking elements that may stand between a modifier and the next part
LINKING_ELEMENTS: tuple[str, ...] = ("s", "e")

#: prefixes and particles that form derivations ("forhold", "undervisning",
#: "opgave"); a word the lexicon knows is never split after one of these.
PREFIX_PARTICLES: frozenset[str] = frozenset(
    {
        "af", "an", "bag", "be", "bi", "bort", "efter", "er", "for", "fore",
        "forbi", "frem", "gen", "gennem", "hen", "igen", "igennem", "imod",
        "ind", "med", "mellem", "mis", "mod", "ned", "om", "omkring", "op",
        "over", "på", "sam", "sammen", "til", "tilbage", "u", "ud", "uden",
        "under", "van", "ved",
    }
)

#: lemmas that are (also) derivational suffixes; never accepted as a part
#: ("virksom|hed", "mulig|heder" → "hede", "be|taling", "fag|lig"). "ring"
#: and "ler" are words too, but as heads they are mostly the tails of -ering
#: and -ler nouns ("førtidspension|ring", "kortspil|ler"), so they are given up.
SUFFIX_LEMMAS: frozenset[str] = frozenset(
    {
        "agtig", "ant", "bar", "dom", "else", "ende", "ent", "er", "ere", "hed",
        "hede", "ing", "inde", "ion", "isk", "isme", "ist", "ler", "lig",
        "lighed", "ling", "løs", "løshed", "mæssig", "ning", "rig", "ring",
        "sel", "sion", "skab", "som", "tion", "vis",
    }
)

#: a modifier whose lemma ends like this takes a linking s ("ledelse|s|lag",
#: not "ledelse|slag"; "kvalitet|s|krav")
OBLIGATORY_S_ENDINGS: tuple[str, ...] = ("else", "hed", "ing", "ion", "dom", "skab", "tet")

#: modifier forms that no rule derives from their lemma (stem change)
IRREGULAR_MODIFIERS: dict[str, str] = {
    "børne": "barn",  # børnehave, børnefamilie
    "mande": "mand",  # mandefald
}
