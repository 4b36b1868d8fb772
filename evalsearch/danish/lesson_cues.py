"""Find the wording of lessons learned in Danish text with a spaCy Matcher on lemmas.

``read_cues(text)`` runs the shared pipeline of ``evalsearch.danish.nlp``
once over a paragraph and reports, per sentence, which cue labels of
``lesson_cue_data.CUE_PATTERNS`` match ("learning", "advice", "evidence",
"hindsight"), whether the paragraph speaks about the text itself
("Nedenfor har vi opsamlet …": ``meta``), and its lemmas. The Matcher is
built once per process.

>>> reading = read_cues("Erfaringen er, at det er vigtigt at have ledelsen med.")
>>> sorted(reading.labels)
['advice', 'learning']
>>> read_cues("Nedenfor har vi opsamlet de væsentligste erfaringer.").meta
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Span

from evalsearch.danish.lesson_cue_data import (
    CHAPTER_TITLE_WORDS,
    CUE_PATTERNS,
    ENUMERATED_LABEL,
    LIST_TOPICS,
    PRESENTING_VERBS,
    STRUCTURE_WORDS,
    TOPIC_NOUNS,
)
from evalsearch.danish.nlp import get_nlp

_ENUMERATED = re.compile(ENUMERATED_LABEL, re.IGNORECASE)


@dataclass(frozen=True)
class CueSentence:
    """One sentence of a paragraph: its text, where it starts, and the cue labels in it."""

    text: str
    start: int
    labels: frozenset[str]


@dataclass(frozen=True)
class CueReading:
    """What the cue matcher found in one paragraph."""

    sentences: tuple[CueSentence, ...]
    lemmas: frozenset[str]
    meta: bool
    topic: bool = False

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(label for s in self.sentences for label in s.labels)

    @property
    def mentions_lessons(self) -> bool:
        """True when the paragraph names lessons as a topic ("erfaringer og læringer", "læringspunkter").

        A cross-reference ("jf. læringspunkt 9") does not count.
        """
        return self.topic

    def first_with(self, *labels: str) -> CueSentence | None:
        """The first sentence with one of ``labels``."""
        return next((s for s in self.sentences if s.labels & set(labels)), None)


@cache
def cue_matcher() -> Matcher:
    """The Matcher with every pattern of ``CUE_PATTERNS``, built once per process."""
    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    for label, patterns in CUE_PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


def _is_meta(sentence: Span) -> bool:
    """A sentence about the text itself: "I dette kapitel præsenteres …", "Vi har udledt følgende …"."""
    lowers = [t.lower_ for t in sentence]
    lemmas = {t.lemma_.lower() for t in sentence}
    presenting = [t for t in sentence if t.lemma_.lower() in PRESENTING_VERBS or t.lower_.startswith("præsentation")]
    structure = any(w in STRUCTURE_WORDS for w in lowers) or bool(lemmas & {"kapitel", "afsnit"})
    if presenting and structure:
        return True
    if lowers[:1] == ["fokus"] and structure:
        return True
    # a presenting verb in the passive ("I evalueringen oplistes …") or with "vi" as subject
    if any(t.lower_.endswith("es") and t.lower_ != t.lemma_.lower() for t in presenting):
        return True
    return "vi" in lowers[:4] and bool(presenting)


@lru_cache(maxsize=4096)
def read_cues(text: str) -> CueReading:
    """Read the cues of one paragraph.

    Args:
        text (str): a paragraph or list item.

    RETURNS (CueReading): sentences with their cue labels, the lemmas, and
        whether the first sentence is a connective sentence about the text.
    """
    doc = get_nlp()(text)
    by_sentence: dict[int, set[str]] = {}
    for match_id, start, _end in cue_matcher()(doc):
        label = doc.vocab.strings[match_id]
        by_sentence.setdefault(doc[start].sent.start, set()).add(label)
    sentences = tuple(
        CueSentence(sent.text.strip(), sent.start_char, frozenset(by_sentence.get(sent.start, ())))
        for sent in doc.sents
        if sent.text.strip()
    )
    # a paragraph is connective when its first sentence is, or when one of its
    # sentences is and none states a learning ("Vægten vil i det følgende blive lagt på …");
    # a sentence that itself states a learning or advice ("Som beskrevet ovenfor er det
    # vigtigt, at …") is never connective
    stating = {"learning", "advice", "hindsight"}
    sents = [s for s in doc.sents if s.text.strip()]
    plain = [not (c.labels & stating) for c in sentences]
    learning = any("learning" in c.labels for c in sentences)
    meta = bool(sents) and (
        (plain[0] and _is_meta(sents[0]))
        or (not learning and any(p and _is_meta(s) for s, p in zip(sents[1:], plain[1:])))
    )
    lemmas = frozenset(t.lemma_.lower() for t in doc if not (t.is_punct or t.is_space))
    topic = any(
        t.lemma_.lower() in TOPIC_NOUNS and not (t.i + 1 < len(doc) and doc[t.i + 1].like_num) for t in doc
    )
    return CueReading(sentences, lemmas, meta, topic)


def is_lessons_title(title: str) -> bool:
    """Tell whether a heading names a lessons chapter ("Erfaringer og læringer", "Seks virkningsmekanismer").

    >>> is_lessons_title("Tværgående erfaringer og læringer"), is_lessons_title("Målopfyldelse")
    (True, False)
    """
    lemmas = {t.lemma_.lower() for t in get_nlp()(title)}
    if lemmas & set(CHAPTER_TITLE_WORDS):
        return True
    lowered = title.lower()
    return "gode råd" in lowered


def introduces_lessons(text: str) -> bool:
    """Tell whether a list introduction presents its items as lessons.

    >>> introduces_lessons("Evalueringen viste, at det er vigtigt:")
    True
    >>> introduces_lessons("Datagrundlaget består af:")
    False
    """
    reading = read_cues(text)
    return bool(reading.lemmas & set(LIST_TOPICS)) or "learning" in reading.labels


def is_enumerated_label(label: str | None) -> bool:
    """Tell whether a margin label numbers a lesson ("Læringspunkt 3").

    >>> is_enumerated_label("Læringspunkt 12"), is_enumerated_label("Målgruppen")
    (True, False)
    """
    return bool(label) and _ENUMERATED.match(label.strip()) is not None
