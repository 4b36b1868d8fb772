"""A report's doc_id comes from its file name, however the file system spells the letters of it."""

from __future__ import annotations

import json
import unicodedata

from click.testing import CliRunner

from evalsearch.choices import pick
from evalsearch.cli import cli
from pdfgen import text_report

#: "Stå ikke i stampe" as macOS writes it in a file name: "a" and a combining ring
DECOMPOSED = unicodedata.normalize("NFD", "Stå ikke i stampe")
TYPED = "Stå ikke i stampe"


def run(args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_decomposed_file_name_gives_the_doc_id_a_keyboard_types(tmp_path):
    reports, index_dir = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    text_report(reports / f"{DECOMPOSED}.pdf", ["Lederne bakker op om projektet i alle tre kommuner."])
    assert DECOMPOSED != TYPED

    record = json.loads(run(["extract", reports / f"{DECOMPOSED}.pdf", "-s", "--format", "json"]).stdout)
    assert record["doc_id"] == TYPED

    assert run(["index", reports, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    found = run(["search", "ledere", "--index", index_dir, "--format", "json", "--doc", TYPED.lower()])
    assert found.exit_code == 0, found.output
    assert [hit["doc_id"] for hit in json.loads(found.stdout)] == [TYPED]


def test_a_name_stored_decomposed_is_found_by_the_typed_name():
    """An index or corpus made before doc_ids were composed still holds the decomposed spelling."""
    assert pick(TYPED, [DECOMPOSED, "andet"], "document") == DECOMPOSED
    assert pick("stå ikke", [DECOMPOSED, "andet"], "document") == DECOMPOSED
    assert pick(DECOMPOSED, [TYPED, "andet"], "document") == TYPED

