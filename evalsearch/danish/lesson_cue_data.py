"""Danish wording that marks a lesson learned, advice, or a passage about the text itself.

Source: the way COWI, Cabi and Rambøll evaluations for STAR (Styrelsen for
Arbejdsmarked og Rekruttering) state their lessons: "Erfaringen er, at …",
"Det er projektets erfaring, at …", "Projektet har erfaret, at …", "En central
læring er, at …", "Det er vigtigt/afgørende/centralt, at …", "Sørg for …",
"set i bakspejlet", and the connective sentences that introduce them
("Nedenfor har vi opsamlet …", "I dette kapitel præsenteres …"). The
patterns are spaCy ``Matcher`` patterns on the lemmas of
``evalsearch.danish.nlp`` (lowercase), so inflected forms match: "erfaringen",
"erfaringerne", "læringer".

Left out on purpose: "erfaring med" without a clause ("mange års erfaring
med …" describes people, not a lesson), and "viser, at" on its own (results
"viser" numbers as often as lessons).
"""

from __future__ import annotations

#: nouns that name a lesson learned
LESSON_NOUNS: tuple[str, ...] = ("erfaring", "læring", "lærdom", "læringspunkt", "lektie")

#: nouns that name lessons as a topic: a paragraph that names them without stating one introduces them
TOPIC_NOUNS: tuple[str, ...] = ("læring", "lærdom", "læringspunkt")

#: adjectives and nouns that make a sentence advice: "det er vigtigt, at", "en forudsætning for"
#: (word stems: "vigtig" matches "vigtigt", "vigtigste")
ADVICE_WORDS: tuple[str, ...] = (
    "vigtig", "afgørende", "altafgørende", "central", "essentiel", "nødvendig", "væsentlig", "fordel",
    "forudsætning", "nøgle", "nyttig", "værdifuld", "rigtig", "succesfaktor",
)
_ADVICE_FORM = {"LOWER": {"REGEX": "^(?:" + "|".join(ADVICE_WORDS) + r")(?:t|e|en|e?ne|er|ste)?$"}}
#: what follows an advice word: "vigtigt, at", "afgørende for", "en fordel, hvis", or the sentence end
_ADVICE_TAIL = {"LOWER": {"IN": [",", "at", "for", "hvis", "når", ".", "i"]}}

#: verbs of presenting used when a text speaks about itself
PRESENTING_VERBS: tuple[str, ...] = (
    "præsentere", "opsamle", "opliste", "gennemgå", "strukturere", "uddybe", "sammenfatte",
    "udlede", "beskrive", "indeholde", "fremgå", "opsummere", "fokus",
)

#: words that point at the document's own parts
STRUCTURE_WORDS: tuple[str, ...] = (
    "kapitel", "kapitlet", "afsnit", "afsnittet", "nedenfor", "nedenstående", "følgende", "ovenfor",
)

#: words of a list introduction that make its items lessons ("… følgende barrierer:")
LIST_TOPICS: tuple[str, ...] = LESSON_NOUNS + (
    "anbefaling", "barriere", "opmærksomhedspunkt", "succesfaktor", "konkludere", "konklusion",
    "vigtig", "afgørende", "central", "væsentlig", "virkningsmekanisme",
)

#: lemmas of a chapter title that makes the chapter a lessons chapter
CHAPTER_TITLE_WORDS: tuple[str, ...] = (
    "erfaring", "læring", "lærdom", "læringspunkt", "virkningsmekanisme", "anbefaling", "succesfaktor",
)

#: margin labels that number lessons: "Læringspunkt 3", "Anbefaling 2"
ENUMERATED_LABEL = r"^(?:Læringspunkt|Læring|Lærdom|Anbefaling|Erfaring|Pointe|Råd)\s*(?:nr\.?\s*)?\d{1,3}\.?:?$"

_ANY_FEW = {"OP": "{0,5}"}
_COMMA = {"ORTH": ",", "OP": "?"}
_AT = {"LOWER": "at"}

#: label → Matcher patterns. "learning": a lesson stated as such; "advice": a
#: recommendation or a judgement of what matters; "evidence": an experience
#: reported ("har vist sig", "blevet bekræftet i"); "hindsight".
CUE_PATTERNS: dict[str, list[list[dict]]] = {
    "learning": [
        # "erfaring, at" / "erfaringen og læringen, at" / "Erfaringen er, at" / "… erfaring i denne henseende er, at"
        [{"LEMMA": {"IN": list(LESSON_NOUNS)}}, _COMMA, _AT],
        [{"LEMMA": {"IN": list(LESSON_NOUNS)}}, {"LOWER": "og"}, {"LEMMA": {"IN": list(LESSON_NOUNS)}}, _COMMA, _AT],
        [{"LEMMA": {"IN": list(LESSON_NOUNS)}}, _ANY_FEW, {"LEMMA": "være"}, _COMMA, _AT],
        # "Erfaringerne fra de 11 projekter viser, at"
        [{"LEMMA": {"IN": list(LESSON_NOUNS)}}, _ANY_FEW, {"LOWER": {"IN": ["viser", "viste", "peger"]}}, {"OP": "{0,2}"}, _COMMA, _AT],
        # "har erfaret, at" / "har lært, at"
        [{"LOWER": {"IN": ["erfaret", "erfarede", "erfarer", "lært", "lærte"]}}, _COMMA, _AT],
        # "lærerige erfaringer", "gode erfaringer med"
        [{"LEMMA": "lærerig"}, {"LEMMA": "erfaring"}],
        [{"LOWER": {"IN": ["gode", "positive", "dårlige", "blandede"]}}, {"LEMMA": "erfaring"}, {"LOWER": "med"}],
        # "Hvad angår læringer"
        [{"LOWER": "hvad"}, {"LOWER": "angår"}, {"LEMMA": {"IN": list(LESSON_NOUNS)}}],
    ],
    "hindsight": [
        [{"LEMMA": {"IN": ["bakspejl", "bagklogskab"]}}],
        [{"LOWER": "ville"}, {"LOWER": "have"}, {"LOWER": "været"}, {"LOWER": {"IN": ["bedre", "en", "godt"]}}],
    ],
    "advice": [
        # "det er (helt/meget) vigtigt, at" / "er afgørende for" / "som værende absolut afgørende for"
        [{"LOWER": {"IN": ["er", "var", "været", "være", "værende", "blevet", "bliver"]}}, {"OP": "{0,3}"}, _ADVICE_FORM, _ADVICE_TAIL],
        [{"LOWER": "det"}, {"LOWER": {"IN": ["vigtigste", "væsentligste", "afgørende"]}}, {"LEMMA": "være"}],
        [{"LOWER": {"IN": ["anbefaler", "anbefales", "anbefalede", "anbefalet", "anbefaling", "anbefalingen"]}}],
        [{"LEMMA": "sørge"}, {"LOWER": "for"}],
        [{"LOWER": {"IN": ["bør", "burde"]}}],
        [{"LOWER": "med"}, {"LOWER": "fordel"}],
        [{"LOWER": {"IN": ["prioritér", "prioriter", "fokusér", "fokuser", "vælg", "rekrutter", "sørg", "sikr"]}, "IS_SENT_START": True}],
        [{"LOWER": "gør"}, {"LOWER": "en"}, {"OP": "?"}, {"LOWER": "forskel"}],
    ],
    "evidence": [
        [{"LOWER": {"IN": ["vist", "viste"]}}, {"LOWER": "sig"}],
        [{"LOWER": "bekræftet"}, {"LOWER": "i"}],
        [{"LOWER": "blevet"}, {"LOWER": "opmærksom"}, {"LOWER": "på"}],
        [{"LEMMA": "opleve"}, _COMMA, _AT],
        [{"LOWER": "udtryk"}, {"LOWER": "for"}, _COMMA, _AT],
        [{"LOWER": "end"}, {"LOWER": "forventet"}],
    ],
}
