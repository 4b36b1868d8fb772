"""Typo correction of search queries over the shared corpus (not a test).

Run: ``.venv/bin/python benchmarks/bench_typos.py [--words 800] [--seed 7]``

The four shared reports are indexed, and words of the index (five letters or
more, in two passages or more) are searched misspelt, one word per query, as
``evalsearch search`` runs it. A query counts as corrected right when the
search reports a correction to the word or to another form of its lemma,
left when it reports none, and wrong otherwise. Three sets:

* one edit: a letter left out, added or changed, or two letters swapped
  (``--words`` words, picked and misspelt with ``--seed``);
* digraphs: every index word with æ, ø or å written with ae, oe and aa;
* stripped: the same words written with a, o and a.

A misspelling that is itself a word of the index is skipped: nothing tells it
from a query for that word.

Figures (seed 7; 790 / 357 / 352 queries), right / left / wrong:

* one edit: 94.6 % / 4.1 % / 1.4 %
* digraphs: 100.0 % / 0.0 % / 0.0 %
* stripped: 88.1 % / 11.9 % / 0.0 % (left: words of their own, such as "mode" for "møde")
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


def one_edit(word: str, rng: random.Random) -> str:
    """The word with one letter left out, added or changed, or two neighbours swapped."""
    i = rng.randrange(len(word))
    kind = rng.choice("dist")
    if kind == "d":
        return word[:i] + word[i + 1:]
    if kind == "i":
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if kind == "s":
        return word[:i] + rng.choice(LETTERS.replace(word[i], "")) + word[i + 1:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from whoosh.index import open_dir

    from evalsearch.extract.pipeline import extract_document
    from evalsearch.index.morphology import MORPHOLOGY
    from evalsearch.index.search import search
    from evalsearch.index.writer import INDEX_NAME, update_index

    documents = [extract_document(path) for path in sorted((SHARED / "corpus").glob("*.pdf"))]
    with tempfile.TemporaryDirectory(prefix="bench-typos-") as scratch:
        folder = Path(scratch) / "index"
        update_index(folder, documents)
        with open_dir(str(folder), indexname=INDEX_NAME).searcher() as searcher:
            reader = searcher.reader()
            terms = (t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("exact"))
            vocabulary = {t for t in terms if t.isalpha()}
            common = sorted(t for t in vocabulary if len(t) >= 5 and reader.doc_frequency("exact", t) >= 2)

        def lemma(word: str) -> str:
            return MORPHOLOGY.readings(word)[0][0]

        def measure(pairs: list[tuple[str, str]]) -> Counter:
            outcome: Counter = Counter()
            for word, typed in pairs:
                if typed in vocabulary:
                    continue
                corrections = search(folder, typed, {"limit": 1}).corrections
                if not corrections:
                    outcome["left"] += 1
                elif lemma(corrections[0].corrected) == lemma(word):
                    outcome["right"] += 1
                else:
                    outcome["wrong"] += 1
            return outcome

        rng = random.Random(args.seed)
        picked = rng.sample(common, min(args.words, len(common)))
        marked = [w for w in common if set(w) & set("æøå")]
        sets = {
            "one edit": [(w, one_edit(w, rng)) for w in picked],
            "digraphs": [(w, w.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))) for w in marked],
            "stripped": [(w, w.translate(str.maketrans("æøå", "aoa"))) for w in marked],
        }
        print(f"{'set':<10} {'queries':>7} {'right':>7} {'left':>7} {'wrong':>7}")
        for name, pairs in sets.items():
            outcome = measure(pairs)
            total = sum(outcome.values()) or 1
            print(f"{name:<10} {total:7d} " + " ".join(f"{100 * outcome[k] / total:6.1f}%" for k in
                                                       ("right", "left", "wrong")))


if __name__ == "__main__":
    main()
