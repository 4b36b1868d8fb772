"""Micro-benchmark of the per-word functions of ``evalsearch.danish`` (not a test).

Run: ``.venv/bin/python tests/danish/bench_danish.py``

Prints the one-off load times, then for each per-word function the mean time
of a first call on a word (cache miss) and of repeated calls (cache hit).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from evalsearch.danish import (
    base_forms,
    compound_lemma,
    get_nlp,
    is_word,
    join_line_break,
    lemma,
    lemma_candidates,
    split_compound,
)
from evalsearch.danish.lexicon import forms

COMPOUNDS = [
    "ledelsesopbakningen", "virksomhedsnetværkene", "handicapnøglepersonerne",
    "kompetenceudviklingsforløbet", "samarbejdsaftalerne", "forventningsafstemningen",
    "arbejdsmarkedsinklusion", "aktionslæringsforløbene", "deltagerevalueringerne",
]


def _timed(label: str, build: Callable[[], object]) -> None:
    start = time.perf_counter()
    build()
    print(f"{label:<34} {time.perf_counter() - start:6.2f} s")


def _per_call(func: Callable[..., object], args: list[tuple]) -> tuple[float, float]:
    """Mean µs per call on first use and on repeated use of the same arguments."""
    start = time.perf_counter()
    for arg in args:
        func(*arg)
    miss = (time.perf_counter() - start) / len(args) * 1e6
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for arg in args:
            func(*arg)
    hit = (time.perf_counter() - start) / (len(args) * rounds) * 1e6
    return miss, hit


def main() -> None:
    """Run the benchmark and print a table."""
    _timed("load lexicon (forms)", forms)
    _timed("build spaCy pipeline (get_nlp)", get_nlp)
    rng = random.Random(42)
    sample = rng.sample(sorted(forms()), 20_000)
    words = [(word,) for word in sample] + [(word,) for word in COMPOUNDS]
    breaks = [(word[: len(word) // 2] + "-", word[len(word) // 2 :]) for word in sample[:5_000]]
    print(f"\n{'function':<22} {'miss µs':>9} {'hit µs':>8}   ({len(words)} words)")
    for name, func, args in [
        ("is_word", is_word, words),
        ("lemma", lemma, words),
        ("lemma_candidates", lemma_candidates, words),
        ("split_compound", split_compound, words),
        ("compound_lemma", compound_lemma, words),
        ("base_forms", base_forms, words),
        ("join_line_break", join_line_break, breaks),
    ]:
        miss, hit = _per_call(func, args)
        print(f"{name:<22} {miss:9.1f} {hit:8.2f}")


if __name__ == "__main__":
    main()
