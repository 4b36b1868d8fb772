"""A spaCy pipeline for Danish that works offline: sentences and lemmas.

No trained Danish model can be downloaded here, so the pipeline is built from
parts that ship with the installed packages:

* ``spacy.blank("da")``: spaCy's Danish tokenizer, with its abbreviation
  exceptions ("bl.a.", "f.eks.", "kr."), so sentences do not end inside them;
* ``sentencizer``: rule-based sentence boundaries, and ``da_sentence_ends``,
  which also ends a sentence after "2." or "kr." before a capital;
* ``lemmatizer`` in lookup mode. Its ``initialize`` would load the raw
  ``lemma_lookup`` table of spacy-lookups-data by itself
  (``spacy.lookups.load_lookups``, no network); we hand it the corrected,
  lowercase table of ``lexicon`` instead, so spaCy and the rest of the
  package agree;
* ``da_lemma_fallback``: the lookup is case-sensitive and knows no fallback,
  so this component gives every token the lookup missed the lemma
  ``compounds.compound_lemma`` gives ("Ledelsen" → "ledelse", "fokuset" →
  "fokus", "handicapnøglepersonerne" → "handicapnøgleperson").

The pipeline is built once per process by ``get_nlp`` (about 1.5 s and 95 MB
on top of the lexicon, for spaCy's own copy of the lemma table).

>>> sentences("Der var bl.a. 12 deltagere. Alle gennemførte.")
['Der var bl.a. 12 deltagere.', 'Alle gennemførte.']
"""

from __future__ import annotations

from functools import cache

from typing import TYPE_CHECKING

from evalsearch.danish.compounds import compound_lemma
from evalsearch.danish.lexicon import lemma_table

if TYPE_CHECKING:  # spaCy is imported by get_nlp: half a second that a search never needs
    from spacy.language import Language
    from spacy.lookups import Lookups
    from spacy.tokens import Doc

#: name of the component that fills in lemmas the lookup table misses
FALLBACK_COMPONENT = "da_lemma_fallback"
#: name of the component that ends sentences after "2." and "kr."
SENTENCE_COMPONENT = "da_sentence_ends"

#: abbreviations of units that often end a Danish sentence (lowercase)
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"kr.", "mio.", "mia.", "pct.", "osv.", "mv.", "m.m.", "m.fl.", "mfl.", "etc.", "tkr."}
)


def da_lemma_fallback(doc: Doc) -> Doc:
    """Give each token whose lookup failed its compound-aware lemma (case-folded).

    Args:
        doc (Doc): a document that went through the lookup lemmatizer.

    RETURNS (Doc): the same document, with ``token.lemma_`` set on every token.
    """
    for token in doc:
        if token.is_space:
            continue
        if token.lemma_ == token.text:
            token.lemma_ = compound_lemma(token.text) or token.text
    return doc


def da_sentence_ends(doc: Doc) -> Doc:
    """Start a sentence after an ordinal-looking number or a unit abbreviation.

    spaCy's Danish tokenizer keeps "2." (an ordinal) and "kr." (an
    abbreviation) as single tokens, so the sentencizer never ends a sentence
    there. When the next token starts with a capital ("figur 2. Se ...",
    "1,2 mio. kr. Næste år ..."), it does start a new sentence.

    Args:
        doc (Doc): a document that went through the sentencizer.

    RETURNS (Doc): the same document with the extra sentence starts set.
    """
    for token, following in zip(doc[:-1], doc[1:]):
        text = token.text
        if not text.endswith(".") or not following.text[:1].isupper():
            continue
        if text[:-1].isdigit() or text.lower() in SENTENCE_FINAL_ABBREVIATIONS:
            following.is_sent_start = True
    return doc


def _register_components() -> None:
    from spacy.language import Language

    for name, func in ((FALLBACK_COMPONENT, da_lemma_fallback), (SENTENCE_COMPONENT, da_sentence_ends)):
        if not Language.has_factory(name):
            Language.component(name, func=func)


def _lemma_lookups() -> Lookups:
    """The lexicon's corrected form → lemma table, as spaCy lookups."""
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_lookup", dict(lemma_table()))
    return lookups


@cache
def get_nlp() -> Language:
    """Build the Danish pipeline once per process.

    RETURNS (Language): ``spacy.blank("da")`` with the components
        "sentencizer", "da_sentence_ends", "lemmatizer" (lookup mode) and
        "da_lemma_fallback".
    """
    import spacy

    _register_components()
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(SENTENCE_COMPONENT)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=_lemma_lookups())
    nlp.add_pipe(FALLBACK_COMPONENT)
    return nlp


def sentences(text: str) -> list[str]:
    """Split Danish text into sentences.

    Args:
        text (str): running text; line breaks inside sentences are allowed.

    RETURNS (list[str]): the sentences, stripped, empty ones left out.
    """
    doc = get_nlp()(text)
    return [sent.text.strip() for sent in doc.sents if sent.text.strip()]


def lemmas(text: str) -> list[str]:
    """Lemmatise Danish text.

    Args:
        text (str): running text.

    RETURNS (list[str]): the lowercase lemma of every token that is not
        punctuation or white space, in order.

    >>> lemmas("Ledelsen støttede virksomhederne.")
    ['ledelse', 'støtte', 'virksomhed']
    """
    doc = get_nlp()(text)
    return [token.lemma_ for token in doc if not (token.is_punct or token.is_space)]
