"""Danish stop words for search, keeping negations and meaning-bearing words.

Source: the union of spaCy's Danish list (``spacy/lang/da/stop_words.py``,
219 words, read at import) and the Snowball Danish list
(https://snowballstem.org/algorithms/danish/stop.txt, 94 words, copied below;
it is also the list Whoosh and PostgreSQL ship).

Removed from that union (``KEPT_WORDS``), because a query about evaluations
turns on them: negations and absence ("ikke", "ingen", "uden", "aldrig":
"ikke i job" must not match "i job"), quantity and comparison ("flere",
"færre", "mindre": "Kompensation til flere" is a project name; "mindre
virksomheder"), evaluative and time words ("god", "ny", "tidligere",
"senere", "alene", "sammen"). ``NEGATIONS`` lists the words that invert the
meaning of what follows, for analyzers that want to mark them.
"""

from __future__ import annotations

import ast
from importlib.util import find_spec
from pathlib import Path


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's Danish stop words, read from its data module without importing spaCy (half a second)."""
    spec = find_spec("spacy")
    locations = list(spec.submodule_search_locations or ()) if spec else []
    for location in locations:
        path = Path(location) / "lang" / "da" / "stop_words.py"
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        texts = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        if texts:
            return frozenset(max(texts, key=len).split())
    from spacy.lang.da.stop_words import STOP_WORDS  # the data module has changed shape

    return frozenset(STOP_WORDS)


_SPACY_STOP_WORDS = _spacy_stop_words()

#: Snowball's Danish stop words, verbatim
SNOWBALL_STOP_WORDS: frozenset[str] = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig
    sig men et har om vi min havde ham hun nu over da fra du ud sin dem os
    op man hans hvor eller hvad skal selv her alle vil blev kunne ind når
    være dog noget ville jo deres efter ned skulle denne end dette mit
    også under have dig anden hende mine alt meget sit sine vor mod disse
    hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
    """.split()
)

#: words that negate or express absence; never stop words
NEGATIONS: frozenset[str] = frozenset(
    {
        "ikke", "ingen", "intet", "ingenting", "ingensinde", "aldrig", "uden",
        "undtagen", "hverken", "ej", "næppe", "mangel", "manglende", "mangle",
        "mangler", "manglede", "fravær",
    }
)

#: words of the stop lists above that carry meaning in this domain
KEPT_WORDS: frozenset[str] = NEGATIONS | frozenset(
    {
        # quantity and comparison
        "alle", "flere", "flest", "fleste", "færre", "mange", "mere", "mest",
        "mindre", "mindst", "lidt", "kun", "næsten",
        # evaluation and size
        "god", "lav", "lave", "lille", "ny", "nyt", "hel",
        # time and sequence
        "tidligere", "senere", "først", "næste", "forrige", "længere",
        "allerede", "altid", "stadig", "igen",
        # togetherness and opposition
        "alene", "sammen", "imod", "mod", "egen",
    }
)

#: the stop words: (spaCy ∪ Snowball) minus ``KEPT_WORDS``
STOP_WORDS: frozenset[str] = frozenset((_SPACY_STOP_WORDS | SNOWBALL_STOP_WORDS) - KEPT_WORDS)


def is_stop_word(word: str) -> bool:
    """Tell whether a lowercase word is a Danish stop word for search.

    Args:
        word (str): lowercase word.

    RETURNS (bool): True for "og", "det", "som"; False for "ikke", "flere".

    >>> is_stop_word("og"), is_stop_word("ikke")
    (True, False)
    """
    return word in STOP_WORDS
