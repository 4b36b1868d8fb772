"""Cost of the lessons, figures and key-figures stages, and of building the lessons catalogue.

Run from the project root:

    .venv/bin/python benchmarks/bench_lessons.py [PDF or DIR ...] [--copies N]

Defaults to the bundled sample corpus. Part 1 lays out each report once and
times the three record stages on its blocks, against the time of the whole
extraction (target: the three stages together cost under 15 % of it). Part 2
builds the catalogue from the reports' lessons copied N times with small edits
(so near-duplicate clustering has work to do) and times clustering and each
rendering (target: 5,000 lessons in under 30 s on 2 cores).
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from pathlib import Path

from evalsearch.corpus.catalogue import build_catalogue, catalogue_to_csv, catalogue_to_json, catalogue_to_markdown
from evalsearch.corpus.catalogue_html import catalogue_to_html
from evalsearch.corpus.files import find_pdfs, sample_corpus_dir
from evalsearch.extract.figures import blocks_to_figures
from evalsearch.extract.keyfigures import blocks_to_key_figures
from evalsearch.extract.lessons import blocks_to_lessons
from evalsearch.extract.pipeline import extract_document


def timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return result, time.perf_counter() - started


def stage_costs(pdfs: list[Path]) -> list:
    documents = []
    print(f"{'report':45} {'pages':>5} {'extract':>8} {'figures':>8} {'keyfig':>8} {'lessons':>8} {'share':>6}")
    for pdf in pdfs:
        doc, total = timed(extract_document, pdf)
        documents.append(doc)
        from evalsearch.extract.pipeline import layout_document, read_pages
        from evalsearch.extract.sections import build_sections
        from evalsearch.extract.settings import ExtractSettings

        pages, _, _ = read_pages(pdf, ExtractSettings())
        laid = layout_document(pages, ExtractSettings())
        _, blocks = build_sections(laid.blocks, laid.toc)
        by_number = {p.number: p for p in laid.pages}
        (_, blocks), t_fig = timed(blocks_to_figures, blocks, by_number)
        _, t_kf = timed(blocks_to_key_figures, blocks)
        _, t_les = timed(blocks_to_lessons, blocks, by_number)
        share = (t_fig + t_kf + t_les) / total
        print(f"{pdf.name[:45]:45} {doc.source.pages:5d} {total:7.2f}s {t_fig:7.3f}s {t_kf:7.3f}s {t_les:7.3f}s {share:6.1%}")
    return documents


def variants(documents: list, copies: int) -> list:
    """The documents ``copies`` times, each lesson with a word dropped at random (a near-duplicate)."""
    rng = random.Random(4)
    out = []
    for n in range(copies):
        for doc in documents:
            lessons = []
            for lesson in doc.lessons:
                words = lesson.text.split()
                if n and len(words) > 8:
                    del words[rng.randrange(len(words))]
                lessons.append(replace(lesson, text=" ".join(words)))
            copy = replace(doc, doc_id=f"{doc.doc_id}-{n}", lessons=lessons)
            out.append(copy)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--copies", type=int, default=35)
    args = parser.parse_args()
    pdfs = find_pdfs(args.paths or [sample_corpus_dir()])
    documents = stage_costs(pdfs)
    many = variants(documents, args.copies)
    n_lessons = sum(len(d.lessons) for d in many)
    catalogue, t_build = timed(build_catalogue, many)
    print(f"\ncatalogue: {n_lessons} lessons from {len(many)} reports -> {len(catalogue.entries)} entries in {t_build:.2f}s")
    for name, render in (("md", catalogue_to_markdown), ("html", catalogue_to_html), ("csv", catalogue_to_csv),
                         ("json", catalogue_to_json)):
        text, secs = timed(render, catalogue)
        print(f"  {name:5} {len(text) / 1e6:6.2f} MB in {secs:.2f}s")


if __name__ == "__main__":
    main()
