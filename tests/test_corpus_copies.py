"""A report saved under two names counts once: in search hits and in exports."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.corpus.copies import find_copies
from pdfgen import text_report


def run(args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_the_shortest_name_of_a_set_of_copies_stands_for_the_others():
    files = [("rapport (1)", "aa"), ("andet", "bb"), ("rapport", "aa"), ("kopi af rapport", "aa"), ("scan", None),
             ("scan-2", None), ("b-2", "cc"), ("a-2", "cc")]
    assert find_copies(files) == {"rapport (1)": "rapport", "kopi af rapport": "rapport", "a-2": "b-2"}


def test_a_name_without_a_copy_mark_stands_for_the_copies_however_short_they_are():
    """ "staa-kopi" stood for "staa-ikke-i-stampe-2018", the report it copies, because its name is shorter."""
    files = [("staa-ikke-i-stampe-2018", "aa"), ("staa-kopi", "aa"), ("rapport - Kopi", "bb"), ("rapport", "bb"),
             ("Copy of notat", "cc"), ("notat-2019", "cc"), ("kopiering (2)", "dd"), ("kopiering", "dd")]
    assert find_copies(files) == {"staa-kopi": "staa-ikke-i-stampe-2018", "rapport - Kopi": "rapport",
                                  "Copy of notat": "notat-2019", "kopiering (2)": "kopiering"}


def make_reports(folder):
    folder.mkdir()
    text_report(folder / "alfa.pdf", ["Lederne bakker op om projektet i alle tre kommuner."])
    text_report(folder / "beta.pdf", ["Lederne bakker op om projektet i én kommune."])
    shutil.copyfile(folder / "alfa.pdf", folder / "kopi af alfa.pdf")
    return folder


def test_search_shows_the_hits_of_a_copied_report_once(tmp_path):
    reports, index_dir = make_reports(tmp_path / "reports"), tmp_path / "index"
    built = run(["index", reports, "--index", index_dir, "--jobs", "1"])
    assert built.exit_code == 0
    assert ("index: kopi af alfa.pdf is the same file as alfa.pdf (same sha256); "
            "search shows its passages once, as 'alfa'") in built.stderr
    hits = json.loads(run(["search", "ledere bakker op", "--index", index_dir, "--format", "json"]).stdout)
    assert sorted(h["doc_id"] for h in hits) == ["alfa", "beta"]
    asked = json.loads(run(["search", "ledere", "--index", index_dir, "--format", "json",
                            "--doc", "kopi af alfa"]).stdout)
    assert [h["doc_id"] for h in asked] == ["kopi af alfa"]


def test_lessons_take_a_copied_report_once(tmp_path):
    reports = make_reports(tmp_path / "reports")
    result = run(["lessons", reports, "-s", "--format", "json"])
    assert result.exit_code == 0
    assert "warning: kopi af alfa.pdf is the same file as alfa.pdf (same sha256); taken once" in result.stderr


def test_a_copy_stands_in_when_the_file_it_copies_leaves_the_index(tmp_path):
    reports, index_dir = make_reports(tmp_path / "reports"), tmp_path / "index"
    assert run(["index", reports, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    (reports / "alfa.pdf").unlink()
    assert run(["index", reports, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    hits = json.loads(run(["search", "ledere bakker op", "--index", index_dir, "--format", "json"]).stdout)
    assert sorted(h["doc_id"] for h in hits) == ["beta", "kopi af alfa"]
