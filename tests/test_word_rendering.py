"""The gold records printed again in other layouts and by other producers, and extracted: the
reader's rules come from layout and language, so every rendering scores like the shared PDFs.

Two producers set the same report plan (``reportplan``): headless Chromium prints it as HTML
(``wordgen``: Word styles, and the house style's margin notes and rules), and LibreOffice exports
it from a Word document written with python-docx (``docxgen``: Word's own headings, captions, list
numbering, table grids, page fields and header rows repeated on each page).

Needs headless Chromium and LibreOffice Writer (.ci/run installs both).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from docxgen import SOFFICE, DocxStyle, docx_report
from evalsearch.extract.pipeline import extract_document
from paths import GOLD
from wordgen import BANDED_TABLES, CHROMIUM, MARGIN_NOTES, WORD_DEFAULTS, word_report


def _rendering(producer, style, tool: str | None, install: str):
    """A renderer of gold records that fails (never skips) when its producer is not installed."""
    def render(record, pdf):
        if not tool:
            pytest.fail(f"this rendering needs a program that is not installed: apt-get install {install}")
        return producer(record, pdf, style)
    return render


def _chromium(css: str):
    return _rendering(word_report, css, CHROMIUM, "chromium")


def _libreoffice(style: DocxStyle):
    return _rendering(docx_report, style, SOFFICE, "libreoffice-writer-nogui")


RENDERINGS = {
    "bold headings, ragged right": _chromium(""),
    "light blue headings, serif, justified": _chromium(WORD_DEFAULTS),
    "margin notes, tables ruled across only": _chromium(MARGIN_NOTES),
    "dark table header, banded rows, numbered lists": _chromium(BANDED_TABLES),
    "Word document exported by LibreOffice": _libreoffice(DocxStyle()),
    "Word document, serif, justified, numbered lists, header rows repeated, spaced cells":
        _libreoffice(DocxStyle(font="Liberation Serif", justified=True, numbered=True, repeat_header=True,
                               cell_spacing=True)),
    "Word document, numbers set off by tabs, tables with a dark header and inside borders only":
        _libreoffice(DocxStyle(number_tab=True, shaded_header=True)),
    "Word document, 10 pt DejaVu Sans, wide margins, numbers set off by tabs, header rows repeated":
        _libreoffice(DocxStyle(font="DejaVu Sans", size=10, side_margin=3.0, number_tab=True, repeat_header=True)),
    # list numbers run on from list to list, so two-digit numbers fill the hanging indent and touch
    # their text ("11.De"); wider type cuts rows whose rest goes on with a name
    "Word document, DejaVu Serif, justified, lists numbered on, tabbed numbers, header rows repeated":
        _libreoffice(DocxStyle(font="DejaVu Serif", justified=True, numbered=True, number_tab=True, repeat_header=True)),
}


#: extraction runs in this process and holds the GIL: one rendering's at a time, so that no two
#: threads share the reader's caches while printing and score.py run on in their own processes
_EXTRACTION = threading.Lock()


def _score_rendering(name: str, folder: Path, gold: dict[str, dict]) -> str:
    """score.py's extract report for every gold record rendered as ``name`` and extracted."""
    (pdfs := folder / "pdf").mkdir()
    (pred := folder / "pred").mkdir()
    rendered = {doc_id: RENDERINGS[name](record, pdfs / f"{doc_id}.pdf") for doc_id, record in gold.items()}
    with _EXTRACTION:
        for doc_id, pdf in rendered.items():
            document = extract_document(pdf)
            (pred / f"{doc_id}.json").write_text(json.dumps(document.to_dict(), ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(GOLD.parent / "tools" / "score.py"), "extract", "--gold", str(GOLD), "--pred", str(pred)],
        capture_output=True, text=True, check=True,
    ).stdout


class _Ahead:
    """Renderings scored two at a time in the order the tests ask for them, the next one started
    while one is asked for: printing, extraction and score.py of two renderings overlap."""

    def __init__(self, order: list[str], tmp_path_factory: pytest.TempPathFactory, gold: dict[str, dict]):
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="rendering")
        self._futures: dict[str, Future] = {}
        self._order, self._tmp_path_factory, self._gold = order, tmp_path_factory, gold

    def _start(self, name: str) -> None:
        if name not in self._futures:
            folder = self._tmp_path_factory.mktemp("rendering")
            self._futures[name] = self._pool.submit(_score_rendering, name, folder, self._gold)

    def report(self, name: str) -> str:
        self._start(name)
        if name in self._order and (after := self._order.index(name) + 1) < len(self._order):
            self._start(self._order[after])
        return self._futures[name].result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


@pytest.fixture(scope="module")
def ahead(request, tmp_path_factory, gold):
    """The renderings in the order of the tests selected (pytest groups them by rendering)."""
    order = [item.callspec.params["scored"] for item in request.session.items
             if "scored" in getattr(getattr(item, "callspec", None), "params", {})]
    renderings = _Ahead(list(dict.fromkeys(order)), tmp_path_factory, gold)
    yield renderings
    renderings.close()


@pytest.fixture(scope="module", params=list(RENDERINGS))
def scored(request, ahead) -> str:
    """score.py's extract report for every gold record rendered one way and extracted."""
    return ahead.report(request.param)


def f1(report: str, metric: str) -> float:
    return float(re.search(rf"^{metric}: F1 ([\d.]+)", report, re.M).group(1))


@pytest.mark.parametrize("metric", ["goal_rows", "goal_cells", "figures", "sections"])
def test_word_rendering_reads_tables_figures_and_contents(scored, metric):
    """Full grids (two of them a few points apart, rows cut by a page break and closed on both
    sides, header rows printed again), grids without outer borders, captions under charts,
    contents with page numbers."""
    assert f1(scored, metric) >= 0.98, scored


def test_word_rendering_reads_lessons(scored):
    """Bold run-in labels, drawn and Symbol-font bullets, bullets on the body margin, a header naming
    another project, notes at the end."""
    assert f1(scored, "lessons") >= 0.98, scored
