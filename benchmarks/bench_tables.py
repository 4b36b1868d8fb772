"""Goal tables: evalsearch's table reader against pdfplumber's default `page.extract_tables()`.

Run from the project root:

    .venv/bin/python benchmarks/bench_tables.py [--corpus DIR] [--gold DIR]

Defaults to the shared corpus and gold beside the project (../shared). For every
report both readers see the same pages. pdfplumber's tables go through the same
steps as ours after the table finding: the first row is the header, cells are
de-hyphenated with the same line join, the same rules decide which tables hold
goals and which columns are indicator, target and status. Both outputs are then
scored by the shared score.py (goal_rows and goal_cells F1), and printed side by
side with the seconds each took.
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

import pdfplumber

from evalsearch.extract.lines import join_lines
from evalsearch.extract.pipeline import extract_document
from evalsearch.extract.tables.grid import PageTable, TableRow
from evalsearch.extract.tables.merge import Table
from evalsearch.extract.tables.records import Placement, column_roles, goal_tables, header_names, is_goal_table

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_score(tools: Path):
    spec = importlib.util.spec_from_file_location("score", tools / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plumber_table(rows: list[list[str | None]], page: int) -> Table:
    """A pdfplumber table as our Table: first row the header, the rest body rows."""
    width = max(len(r) for r in rows)
    cells = [tuple(join_lines((c or "").split("\n")) for c in r) + ("",) * (width - len(r)) for r in rows]
    part = PageTable(page, (0.0, 0.0, 0.0, 0.0), tuple(range(width + 1)), (), 0.0, 0.0)
    header = [TableRow(cells[0], 0, 0, role="header", page=page)]
    body = [TableRow(c, 0, 0, page=page) for c in cells[1:]]
    return Table([part], header=header, body=body)


def plumber_goal_tables(path: Path) -> list[dict]:
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for rows in page.extract_tables():
                if len(rows) < 2:
                    continue
                table = plumber_table(rows, page.page_number)
                names = header_names(table)
                place = Placement(None, None, None, None)
                if is_goal_table(table, names, column_roles(names, table.body, table.columns), place):
                    out.extend(t.to_dict() for t in goal_tables(table, place, lambda *_: []))
            page.close()
    return out


def score(module, gold: Path, pred: Path) -> tuple[dict, list[str]]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        summary = module.score_extract(str(gold), str(pred))
    docs = [line[4:] for line in buf.getvalue().splitlines() if line.startswith("doc ")]
    return summary, docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    args = ap.parse_args()
    module = load_score(args.gold.parent / "tools")
    pdfs = sorted(args.corpus.glob("*.pdf"))
    extract_document(pdfs[0])  # load the lexicon and language pipeline before timing
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp, "evalsearch"), Path(tmp, "pdfplumber")
        ours.mkdir()
        theirs.mkdir()
        seconds = {"evalsearch": 0.0, "pdfplumber": 0.0}
        for path in pdfs:
            started = time.perf_counter()
            record = extract_document(path).to_dict()
            seconds["evalsearch"] += time.perf_counter() - started
            (ours / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False))
            started = time.perf_counter()
            tables = plumber_goal_tables(path)
            seconds["pdfplumber"] += time.perf_counter() - started
            (theirs / f"{path.stem}.json").write_text(json.dumps({"goal_tables": tables}, ensure_ascii=False))
        results = {name: score(module, args.gold, folder) for name, folder in (("evalsearch", ours), ("pdfplumber", theirs))}
    print(f"{'':24} {'evalsearch':>12} {'pdfplumber':>12}")
    for key in ("goal_rows", "goal_cells"):
        print(f"{key + ' F1':24} {results['evalsearch'][0][key]:>12.3f} {results['pdfplumber'][0][key]:>12.3f}")
    print(f"{'seconds (whole run)':24} {seconds['evalsearch']:>12.1f} {seconds['pdfplumber']:>12.1f}")
    print("(evalsearch's seconds are the whole extraction, text and records included; pdfplumber's only its tables)")
    for name, (_, docs) in results.items():
        print(f"\n{name}, goal rows matched per report:")
        for doc in docs:
            data = json.loads(doc)
            print(f"  {data['doc_id']:48} {data['goal_rows']}")


if __name__ == "__main__":
    main()
