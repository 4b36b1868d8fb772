"""Search latency over 1,000 documents (not a test): index build time and size, query time p50/p95.

Run: ``.venv/bin/python benchmarks/bench_search_latency.py [--documents 1000] [--rounds 5]``

The four shared reports are extracted once and their records replicated under
new doc_ids until there are ``--documents`` of them; the index is built with
``update_index`` (the same call the CLI makes) in one commit. Then every query
of ``../shared/gold/queries.json`` plus a few filtered and typo variants runs
``--rounds`` times in this process (index open, caches warm, as a long-running
service or a second search in one session would see it) with the settings of
``evalsearch search --format json --limit 60``; the text output's facet
counting is timed as well. Targets: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def replicated(documents, count: int):
    """``count`` documents: the originals, then replicas under new doc_ids.

    Each replica stands for another report, so it gets a sha256 of its own:
    with the original's, search would take it for a copy of the same file and
    show it once (``corpus.copies``), and the benchmark would measure 4 reports.
    """
    for n in range(count):
        original = documents[n % len(documents)]
        if n < len(documents):
            yield original
            continue
        doc_id = f"{original.doc_id}-copy{n:04d}"
        sha256 = hashlib.sha256(doc_id.encode()).hexdigest()
        yield replace(original, doc_id=doc_id, source=replace(original.source, sha256=sha256))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--index", type=Path, default=None, help="keep the index here (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="time the queries on the index already in --index")
    args = parser.parse_args()
    if args.reuse and not args.index:
        parser.error("--reuse needs --index: the folder of the index to time")
    scratch = None if args.index else tempfile.TemporaryDirectory(prefix="bench-search-")
    try:
        run(args, args.index or Path(scratch.name) / "index")
    finally:
        if scratch is not None:  # the index of 1,000 reports takes a third of a gigabyte
            scratch.cleanup()


def run(args, index_dir: Path) -> None:
    from evalsearch.extract.pipeline import extract_document
    from evalsearch.index.search import search
    from evalsearch.index.writer import read_sources, update_index

    if not args.reuse:
        started = time.perf_counter()
        originals = [extract_document(path) for path in sorted((SHARED / "corpus").glob("*.pdf"))]
        print(f"extract {len(originals)} shared reports: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        report = update_index(index_dir, replicated(originals, args.documents))
        build = time.perf_counter() - started
        print(f"index build: {report.documents} documents, {report.passages} passages in {build:.1f} s "
              f"({report.passages / build:.0f} passages/s)")
    print(f"index size {folder_size(index_dir) / 1e6:.1f} MB in {index_dir}")
    doc_ids = sorted(read_sources(index_dir))

    queries = [q["query"] for q in json.loads((SHARED / "gold" / "queries.json").read_text())]
    variants = [
        ("ledelsesmæssig opbakning", {"kinds": ["lesson"]}),
        ("frivillige", {"doc_ids": [doc_ids[0]]}),
        ('"tæt opfølgning"', {}),
        ("ordniger", {}),
    ]
    cases = [(q, {}) for q in queries] + variants
    timings: dict[str, list[float]] = {}
    facet_timings: list[float] = []
    for round_ in range(args.rounds + 1):
        for text, extra in cases:
            started = time.perf_counter()
            search(index_dir, text, {"limit": 60, **extra})
            elapsed = time.perf_counter() - started
            if round_:  # round 0 warms the caches (first open of the index, lexicon for the typo)
                timings.setdefault(text + (" " + json.dumps(extra, ensure_ascii=False) if extra else ""), []).append(elapsed)
        if round_:
            started = time.perf_counter()
            search(index_dir, queries[0], {"limit": 10, "facets": True})
            facet_timings.append(time.perf_counter() - started)

    every = [t for values in timings.values() for t in values]
    print(f"\n{'query':<60} {'median ms':>10} {'max ms':>8}")
    for label, values in timings.items():
        print(f"{label[:60]:<60} {1000 * statistics.median(values):10.1f} {1000 * max(values):8.1f}")
    p50, p95 = percentile(every, 0.5), percentile(every, 0.95)
    print(f"\nall queries ({len(every)} runs): p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms, "
          f"max {1000 * max(every):.1f} ms -> p95 {'under' if p95 < 0.1 else 'OVER'} 100 ms")
    print(f"text output with facet counts ({queries[0]!r}): median {1000 * statistics.median(facet_timings):.1f} ms")


if __name__ == "__main__":
    main()
