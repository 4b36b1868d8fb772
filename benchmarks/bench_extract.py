"""Pages per second of `extract` against bare pdfplumber `page.extract_text()` on the same pages.

Run from the project root:

    .venv/bin/python benchmarks/bench_extract.py [PDF or DIR ...] [--rounds N]

Defaults to the bundled sample corpus. Both are measured in this one process,
alternating per file and round, so machine noise hits both alike; the ratio is
the figure to watch (target: extract costs at most 2x the bare text read).
The one-off loading of the Danish lexicon and language pipeline is done
before timing and reported separately.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pdfplumber

from evalsearch.corpus.files import find_pdfs, sample_corpus_dir
from evalsearch.extract.pipeline import extract_document


def bare_extract_text(path: Path) -> int:
    pages = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            pages += 1
    return pages


def warm_up() -> float:
    """Load what every extraction process loads once (lexicon, language pipeline)."""
    started = time.perf_counter()
    from evalsearch.danish.lexicon import forms
    from evalsearch.danish.nlp import get_nlp

    forms()
    get_nlp()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pdfs = find_pdfs(args.paths or [sample_corpus_dir()])
    load = warm_up()
    bare: list[float] = []
    ours: list[float] = []
    pages = 0
    for _ in range(args.rounds):
        round_bare = round_ours = 0.0
        pages = 0
        for pdf in pdfs:
            t = time.perf_counter()
            pages += bare_extract_text(pdf)
            round_bare += time.perf_counter() - t
            t = time.perf_counter()
            extract_document(pdf)
            round_ours += time.perf_counter() - t
        bare.append(round_bare)
        ours.append(round_ours)
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"files: {len(pdfs)}, pages: {pages}, rounds: {args.rounds} (median shown)")
    print(f"one-off language resources load: {load:.2f}s")
    print(f"pdfplumber extract_text: {b:.2f}s  {pages / b:.1f} pages/s")
    print(f"evalsearch extract:      {o:.2f}s  {pages / o:.1f} pages/s")
    print(f"ratio extract / extract_text: {o / b:.2f}x (target <= 2.0x)")


if __name__ == "__main__":
    main()
