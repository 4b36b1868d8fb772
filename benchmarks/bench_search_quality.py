"""Search quality against a Whoosh baseline, scored the same way in one run (not a test).

Run: ``.venv/bin/python benchmarks/bench_search_quality.py [--queries ../shared/gold/queries.json]``

Three systems search the shared corpus for every query of the judgments and
are scored with ``../shared/tools/score.py`` (recall within max(20, R) hits,
nDCG@10, MRR):

* baseline: Whoosh's ``LanguageAnalyzer("da")`` (Snowball stemmer + stop
  words) over plain pdfplumber page text, one passage per page, BM25F;
* baseline on passages: the same analyzer over evalsearch's passages, so the
  difference to evalsearch is the analysis and ranking alone;
* evalsearch: ``evalsearch.index`` over the extracted reports, as
  ``evalsearch search QUERY --limit 60 --format json`` runs it.

Prints one line per query and system, then the summaries side by side.

``benchmarks/queries-heldout.json`` holds eight more queries with judgments
from the shared reports (topics of one and two words, two questions, a misspelt compound),
written before the ranking was tuned; run the benchmark with it as
``--queries`` to check that a change that helps the gold queries does not
hurt others.

Figures (recall / nDCG@10 / MRR), gold queries | held-out queries:

* baseline (pages):    0.423 / 0.440 / 0.667 | 0.441 / 0.335 / 0.750
* baseline (passages): 0.436 / 0.529 / 0.875 | 0.477 / 0.467 / 0.771
* evalsearch:          0.812 / 0.811 / 1.000 | 0.824 / 0.735 / 0.917
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LIMIT = 60


def load_score():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def whoosh_baseline(units: list[tuple[str, str]], queries: list[str]) -> dict[str, list[dict]]:
    """Index (doc_id, text) units with LanguageAnalyzer("da") and search each query (OR of its words)."""
    from whoosh import index, qparser, scoring
    from whoosh.analysis import LanguageAnalyzer
    from whoosh.fields import ID, STORED, TEXT, Schema

    schema = Schema(doc_id=ID(stored=True), text=TEXT(analyzer=LanguageAnalyzer("da")), raw=STORED)
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as folder:
        ix = index.create_in(folder, schema)
        with ix.writer() as writer:
            for doc_id, text in units:
                writer.add_document(doc_id=doc_id, text=text, raw=text)
        parser = qparser.QueryParser("text", schema, group=qparser.OrGroup)
        found = {}
        with ix.searcher(weighting=scoring.BM25F()) as searcher:
            for query in queries:
                hits = searcher.search(parser.parse(query), limit=LIMIT)
                found[query] = [{"doc_id": hit["doc_id"], "text": hit["raw"]} for hit in hits]
    return found


def page_units() -> list[tuple[str, str]]:
    import pdfplumber

    units = []
    for path in sorted((SHARED / "corpus").glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                units.append((path.stem, " ".join((page.extract_text() or "").split())))
    return units


def score(score_module, queries_path: Path, predictions: dict) -> tuple[dict, list[str]]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as fh:
        json.dump(predictions, fh, ensure_ascii=False)
        fh.flush()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            summary = score_module.score_search(queries_path, fh.name)
    return summary, out.getvalue().splitlines()[:-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=SHARED / "gold" / "queries.json")
    args = parser.parse_args()
    queries = [q["query"] for q in json.loads(args.queries.read_text(encoding="utf-8"))]
    score_module = load_score()

    from evalsearch.extract.pipeline import extract_document
    from evalsearch.index.passages import document_to_passages
    from evalsearch.index.search import search
    from evalsearch.index.writer import update_index

    started = time.perf_counter()
    documents = [extract_document(path) for path in sorted((SHARED / "corpus").glob("*.pdf"))]
    print(f"extracted {len(documents)} reports in {time.perf_counter() - started:.1f} s")
    passages = [(p.doc_id, p.text) for d in documents for p in document_to_passages(d)]
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as scratch:
        folder = Path(scratch) / "index"
        update_index(folder, documents)
        systems = {
            "baseline (pages)": whoosh_baseline(page_units(), queries),
            "baseline (passages)": whoosh_baseline(passages, queries),
            "evalsearch": {q: [h.to_dict() for h in search(folder, q, {"limit": LIMIT}).hits] for q in queries},
        }
    summaries = {}
    for name, predictions in systems.items():
        summary, lines = score(score_module, args.queries, predictions)
        summaries[name] = summary
        print(f"\n{name}")
        for line in lines:
            print(f"  {line}")
    print(f"\n{'system':<22} {'recall':>7} {'nDCG@10':>8} {'MRR':>6}")
    for name, summary in summaries.items():
        print(f"{name:<22} {summary['recall']:7.3f} {summary['ndcg@10']:8.3f} {summary['mrr']:6.3f}")


if __name__ == "__main__":
    main()
