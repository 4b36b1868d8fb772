"""Danish language resources shared by the PDF extractor and the search index.

Everything Danish that both ``evalsearch.extract`` and ``evalsearch.index``
need lives here, and this package imports neither of them (nor
``evalsearch.corpus``). It works offline: the word list is the lemma lookup
table of spacy-lookups-data, corrected and extended (``lexicon``), and the
spaCy pipeline is ``spacy.blank("da")`` plus lookup lemmatizer and
sentencizer (``nlp``).

Modules, one job each:

* ``lexicon``: known word forms, ``is_word``, ``lemma`` (data:
  ``lemma_fixes``, ``extra_words``); ``abbreviations``: ``is_abbreviation``
* ``compounds``: ``split_compound`` and friends (data: ``compound_data``)
* ``hyphenation``: ``join_line_break``, ``dehyphenate_text`` for line-end hyphens
* ``numbers``: Danish numbers, percentages and kroner (data: ``number_words``)
* ``stopwords``: ``STOP_WORDS`` for search, keeping ``NEGATIONS``
* ``derivations``: ``base_forms`` links ("ledelsesmæssig" → "ledelse" → "lede";
  data: ``derivation_data``)
* ``nlp``: ``get_nlp``, ``sentences``, ``lemmas``
* ``tokens``: ``normalise``, the one look-up normalisation; ``ascii_key`` for words
  written without æ, ø and å

Expensive resources load once per process on first use (the lexicon in about
1-1.5 s and 170 MB, the spaCy pipeline in another 1.5 s and 95 MB); the
per-word functions are memoised (about 0.1 µs per call on a cache hit).
Nothing here prints. A process that keeps the lexicon for long may call
``gc.freeze()`` after loading it, so that full garbage collections (about
70 ms with the lexicon loaded) stop scanning it.
"""

from evalsearch.danish.abbreviations import is_abbreviation
from evalsearch.danish.compounds import (
    CompoundPart,
    compound_analysis,
    compound_head,
    compound_lemma,
    compound_parts,
    split_compound,
)
from evalsearch.danish.derivations import base_forms
from evalsearch.danish.hyphenation import dehyphenate_text, join_line_break
from evalsearch.danish.lexicon import (
    forms,
    is_word,
    lemma,
    lemma_candidates,
    normalise,
)
from evalsearch.danish.nlp import get_nlp, lemmas, sentences
from evalsearch.danish.numbers import (
    Number,
    is_quantity,
    number_word,
    numbers_in,
    parse_amount_dkk,
    parse_number,
    parse_percent,
)
from evalsearch.danish.stopwords import NEGATIONS, STOP_WORDS, is_stop_word

__all__ = [
    "NEGATIONS",
    "STOP_WORDS",
    "CompoundPart",
    "Number",
    "base_forms",
    "compound_analysis",
    "compound_head",
    "compound_lemma",
    "compound_parts",
    "dehyphenate_text",
    "forms",
    "get_nlp",
    "is_abbreviation",
    "is_quantity",
    "is_stop_word",
    "is_word",
    "join_line_break",
    "lemma",
    "lemma_candidates",
    "lemmas",
    "normalise",
    "number_word",
    "numbers_in",
    "parse_amount_dkk",
    "parse_number",
    "parse_percent",
    "sentences",
    "split_compound",
]
