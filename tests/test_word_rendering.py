"""The gold records printed again in other layouts (``wordgen``: Word styles, and the house style's
margin notes and rules through another renderer) and extracted: the reader's rules come from layout
and language, so every rendering scores like the shared PDFs.

Needs headless Chromium (.ci/run installs it), as the HTML catalogue tests do.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from evalsearch.extract.pipeline import extract_document
from paths import GOLD
from wordgen import BANDED_TABLES, CHROMIUM, MARGIN_NOTES, WORD_DEFAULTS, word_report

STYLES = {
    "bold headings, ragged right": "",
    "light blue headings, serif, justified": WORD_DEFAULTS,
    "margin notes, tables ruled across only": MARGIN_NOTES,
    "dark table header, banded rows, numbered lists": BANDED_TABLES,
}


@pytest.fixture(scope="module", params=list(STYLES))
def scored(request, tmp_path_factory, gold) -> str:
    """score.py's extract report for every gold record printed in a Word style and extracted."""
    if not CHROMIUM:
        pytest.fail("headless Chromium is needed to print the Word-style reports: apt-get install chromium")
    pdfs, pred = tmp_path_factory.mktemp("word-pdf"), tmp_path_factory.mktemp("word-pred")
    for doc_id, record in gold.items():
        document = extract_document(word_report(record, pdfs / f"{doc_id}.pdf", STYLES[request.param]))
        (pred / f"{doc_id}.json").write_text(json.dumps(document.to_dict(), ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(GOLD.parent / "tools" / "score.py"), "extract", "--gold", str(GOLD), "--pred", str(pred)],
        capture_output=True, text=True, check=True,
    ).stdout


def f1(report: str, metric: str) -> float:
    return float(re.search(rf"^{metric}: F1 ([\d.]+)", report, re.M).group(1))


@pytest.mark.parametrize("metric", ["goal_rows", "goal_cells", "figures", "sections"])
def test_word_rendering_reads_tables_figures_and_contents(scored, metric):
    """Full grids (two of them a few points apart), captions under charts, contents with page numbers."""
    assert f1(scored, metric) >= 0.98, scored


def test_word_rendering_reads_lessons(scored):
    """Bold run-in labels, drawn bullets, a header naming another project, notes at the end."""
    assert f1(scored, "lessons") >= 0.98, scored
