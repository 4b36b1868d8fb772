"""The gold records printed again in random Word and browser styles, extracted and scored.

Run from the project root (needs LibreOffice Writer and headless Chromium, as the tests do):

    .venv/bin/python benchmarks/sweep_renderings.py [--word N] [--chromium N] [--seed S] [--out DIR]

Each Word style draws a font, a size, side margins, justified or ragged text, numbered or
bulleted lists, tabs after section numbers, repeated header rows, a dark table header and the
space after paragraphs in table cells; python-docx writes the report and LibreOffice exports it
(``tests/docxgen.py``). Each browser style draws one of the four Chromium layouts of
``tests/wordgen.py``, a font, a size, a line height, the space after paragraphs, the alignment
and the cell padding. Every style prints the four gold records; evalsearch extracts them and the
shared score.py scores them. One line per style: the style, then each metric below 1.000.
The same seed gives the same styles.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from docxgen import DocxStyle, docx_report  # noqa: E402
from evalsearch.extract.pipeline import extract_document  # noqa: E402
from wordgen import BANDED_TABLES, MARGIN_NOTES, WORD_DEFAULTS, word_report  # noqa: E402

FONTS = ["Liberation Sans", "Liberation Serif", "Liberation Sans Narrow", "DejaVu Sans", "DejaVu Serif"]


def word_style(rnd: random.Random) -> DocxStyle:
    return DocxStyle(font=rnd.choice(FONTS), size=rnd.choice([10, 10.5, 11, 12]),
                     side_margin=rnd.choice([1.8, 2.2, 2.5, 3.0]), justified=rnd.random() < 0.5,
                     numbered=rnd.random() < 0.5, repeat_header=rnd.random() < 0.5, number_tab=rnd.random() < 0.5,
                     shaded_header=rnd.random() < 0.5, cell_spacing=rnd.random() < 0.5)


def browser_style(rnd: random.Random) -> str:
    return rnd.choice(["", WORD_DEFAULTS, MARGIN_NOTES, BANDED_TABLES]) + (
        f"body {{ font-family: '{rnd.choice(FONTS)}'; font-size: {rnd.choice([10, 10.5, 11, 12])}pt;"
        f" line-height: {rnd.choice([1.1, 1.15, 1.25, 1.4, 1.5])}; }}"
        f" p {{ margin-bottom: {rnd.choice([0, 3, 6, 8, 10])}pt; }}"
        f" p, li {{ text-align: {rnd.choice(['left', 'justify'])}; }}"
        f" td, th {{ padding: {rnd.choice([1, 3, 5])}pt {rnd.choice([2, 4, 6])}pt;"
        f" font-size: {rnd.choice([8.5, 9.5, 10, 11])}pt; }}")


def score_style(render, style, gold: Path, out: Path) -> list[str]:
    """Print every gold record in ``style``, extract it and score it; RETURNS score.py's F1 lines."""
    pdfs, pred = out / "pdf", out / "pred"
    pdfs.mkdir(parents=True, exist_ok=True)
    pred.mkdir(exist_ok=True)
    for record_path in sorted(gold.glob("*.json")):
        if record_path.name.startswith("queries"):
            continue
        record = json.loads(record_path.read_text(encoding="utf-8"))
        document = extract_document(render(record, pdfs / f"{record_path.stem}.pdf", style))
        (pred / record_path.name).write_text(json.dumps(document.to_dict(), ensure_ascii=False), encoding="utf-8")
    report = subprocess.run([sys.executable, str(gold.parent / "tools" / "score.py"), "extract",
                             "--gold", str(gold), "--pred", str(pred)], capture_output=True, text=True, check=True).stdout
    return [line for line in report.splitlines() if " F1 " in line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", type=int, default=4, help="Word styles to print (default 4)")
    parser.add_argument("--chromium", type=int, default=4, help="browser styles to print (default 4)")
    parser.add_argument("--seed", type=int, default=1, help="the first style's seed (default 1)")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--out", type=Path, default=None, help="keep the PDFs and records here")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="evalsearch-sweep-"))
    plans = [("word", args.seed + k, word_style, docx_report) for k in range(args.word)]
    plans += [("chromium", args.seed + k, browser_style, word_report) for k in range(args.chromium)]
    perfect = 0
    for kind, seed, draw, render in plans:
        style = draw(random.Random(seed))
        lines = score_style(render, style, args.gold, out / f"{kind}-{seed}")
        below = [line.split(" precision")[0] for line in lines if " F1 1.000" not in line]
        perfect += not below
        shown = " ".join(str(style).split())
        print(f"{kind} {seed}: {'all 1.000' if not below else '; '.join(below)}  [{shown}]", flush=True)
    print(f"{perfect} of {len(plans)} styles score 1.000 on every metric; PDFs and records in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
