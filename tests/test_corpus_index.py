"""Issue 6 with the search index: `index` reads through the corpus, resumes, and searches go on during updates."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

import evalsearch.corpus.incremental as incremental
from evalsearch.cli import cli
from evalsearch.extract.pipeline import extract_document
from evalsearch.index.writer import read_sources, update_index
from pdfgen import text_report

REPORTS = {
    "alfa": ["Lederne bakker op om projektet i alle tre kommuner.", "Projektet har rekrutteret frivillige mentorer."],
    "beta": ["Der er indgået samarbejdsaftaler med jobcentrene.", "Ledelsesopbakningen har været afgørende."],
    "gamma": ["Ledelsen i jobcentret har bakket op om indsatsen.", "Virksomhederne har taget imod praktikanter."],
    "delta": ["Den ledelsesmæssige opbakning var stærk i kommunerne.", "Borgerne fik tæt opfølgning."],
    "epsilon": ["Projektlederen sikrede opbakning fra ledelsen.", "Der blev holdt netværksmøder hver måned."],
}
QUERY = "ledelsesmæssig opbakning"


def run(args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, lines in REPORTS.items():
        text_report(folder / f"{name}.pdf", lines)
    return folder


@pytest.fixture
def extracted_files(monkeypatch):
    """The doc_ids each corpus run hands to extraction (the rest come from the store)."""
    seen: list[list[str]] = []
    real = incremental.run_tasks

    def counting(tasks, settings, options):
        seen.append(sorted(t.doc_id for t in tasks))
        yield from real(tasks, settings, options)

    monkeypatch.setattr(incremental, "run_tasks", counting)
    return seen


def test_index_takes_what_extract_already_read_from_the_corpus(inbox, tmp_path, extracted_files):
    assert run(["extract", inbox, "-s"]).exit_code == 0
    result = run(["index", inbox, "--index", tmp_path / "index"])
    assert result.exit_code == 0, result.stderr
    assert extracted_files == [sorted(REPORTS), []]
    assert sorted(read_sources(tmp_path / "index")) == sorted(REPORTS)


def test_interrupted_index_is_completed_by_the_rerun_without_reading_finished_files(
    inbox, tmp_path, monkeypatch, extracted_files
):
    index_dir = tmp_path / "index"
    recorded: list[str] = []
    real_record = incremental.record_outcome

    def record_then_interrupt(corpus, outcome, *args):
        real_record(corpus, outcome, *args)
        recorded.append(outcome.doc_id)
        if len(recorded) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(incremental, "record_outcome", record_then_interrupt)
    stopped = run(["index", inbox, "--index", index_dir, "-j", "2"])
    assert stopped.exit_code == 130
    assert stopped.stderr.splitlines()[-1] == (
        "interrupted: the index is as it was; the files read so far are kept in the corpus, "
        "so the same command run again goes on from there"
    )
    assert read_sources(index_dir) == {}
    monkeypatch.setattr(incremental, "record_outcome", real_record)

    resumed = run(["index", inbox, "--index", index_dir, "-j", "2"])
    assert resumed.exit_code == 0, resumed.stderr
    assert extracted_files[-1] == sorted(set(REPORTS) - set(recorded))
    assert sorted(read_sources(index_dir)) == sorted(REPORTS)


def search_hits(index_dir) -> list[dict]:
    result = run(["search", QUERY, "--index", index_dir, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_search_while_the_index_is_being_updated_gets_results(inbox, tmp_path):
    """A writer holds the index half-way through an update; searches read the last committed state."""
    index_dir = tmp_path / "index"
    assert run(["index", inbox / "alfa.pdf", inbox / "beta.pdf", "--index", index_dir, "-s"]).exit_code == 0
    before = search_hits(index_dir)
    assert {h["doc_id"] for h in before} == {"alfa", "beta"}

    halfway, go_on = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def documents():
        for name in ("gamma", "delta"):
            yield extract_document(inbox / f"{name}.pdf")
            halfway.set()
            go_on.wait(60)

    def writer():
        try:
            update_index(index_dir, documents())
        except BaseException as exc:  # shown by the assertion below
            failures.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert halfway.wait(60)
        assert search_hits(index_dir) == before
    finally:
        go_on.set()
        thread.join(60)
    assert failures == []
    assert {h["doc_id"] for h in search_hits(index_dir)} == {"alfa", "beta", "gamma", "delta"}


def test_search_while_the_index_is_rebuilt_again_and_again_gets_results(inbox, tmp_path):
    """Commits replace (and delete) the files a search is reading; every search still answers."""
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "-s"]).exit_code == 0
    documents = {name: extract_document(inbox / f"{name}.pdf") for name in REPORTS}
    stop = threading.Event()
    commits = []
    failures: list[BaseException] = []

    def rebuild():
        try:
            while not stop.is_set():
                name = sorted(REPORTS)[len(commits) % len(REPORTS)]
                update_index(index_dir, [documents[name]])
                commits.append(name)
        except BaseException as exc:  # shown by the assertion below
            failures.append(exc)

    thread = threading.Thread(target=rebuild)
    thread.start()
    searches = 0
    try:
        while (searches < 100 or len(commits) < 10) and not failures:
            assert search_hits(index_dir), "a search during the rebuild found nothing"
            searches += 1
    finally:
        stop.set()
        thread.join(60)
    assert failures == []
    assert searches >= 10 and len(commits) >= 10


def test_index_uses_the_corpus_it_is_given(inbox, tmp_path, extracted_files):
    corpus = tmp_path / "my-corpus"
    assert run(["extract", inbox, "--corpus", corpus, "-s"]).exit_code == 0
    assert run(["index", inbox, "--index", tmp_path / "index", "--corpus", corpus, "-s"]).exit_code == 0
    assert extracted_files == [sorted(REPORTS), []]


def test_two_files_named_alike_are_both_unchanged_on_the_next_run(tmp_path, monkeypatch):
    for folder, name in (("a", "alfa"), ("b", "beta")):
        (tmp_path / folder).mkdir()
        text_report(tmp_path / folder / "rapport.pdf", REPORTS[name])
    index_dir = tmp_path / "index"
    assert run(["index", tmp_path / "a", tmp_path / "b", "--index", index_dir, "-s"]).exit_code == 0
    assert sorted(read_sources(index_dir)) == ["rapport", "rapport-2"]
    monkeypatch.chdir(tmp_path / "a")  # the paths were recorded whole: another working folder does not matter
    again = run(["index", tmp_path / "a", tmp_path / "b", "--index", index_dir])
    assert again.exit_code == 0
    assert "index: 2 of 2 files unchanged since they were indexed" in again.stderr
    assert "0 documents indexed" in again.stderr


def test_index_names_a_second_failing_file_of_the_same_name_by_its_whole_path(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "tom.pdf").write_bytes(b"")
    result = run(["index", tmp_path / "a", tmp_path / "b", "--index", tmp_path / "index", "-s"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sorted(errors) == sorted(["error: tom.pdf: empty file (0 bytes)",
                                     f"error: {tmp_path / 'b' / 'tom.pdf'}: empty file (0 bytes)"])
