"""Issue 6 through the CLI: the corpus of `extract`, resuming, `status`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import evalsearch.cli as cli_module
from evalsearch.cli import cli
from paths import CORPUS_BAD, REALWORLD

QUICK = REALWORLD / "pdfplumber"
# Small real files that read in well under a second each.
QUICK_FILES = ["pr-138-example.pdf", "issue-33-lorem-ipsum.pdf", "scotus-transcript-p1.pdf", "test-punkt.pdf",
               "issue-53-example.pdf"]


def run(args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def inbox(tmp_path):
    """A folder of five small PDFs."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in QUICK_FILES:
        shutil.copy(QUICK / name, folder / name)
    return folder


def outputs(folder):
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


def test_rerun_takes_unchanged_files_from_the_corpus(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    first = run(["extract", inbox, "-o", tmp_path / "out1", "--corpus", corpus])
    assert first.exit_code == 0, first.stderr
    assert first.stderr.count("extract: ") == 7  # one line per file, the summary and where the records went
    assert first.stderr.splitlines()[-1] == f"extract: 5 records written to {tmp_path / 'out1'}"
    second = run(["extract", inbox, "-o", tmp_path / "out2", "--corpus", corpus])
    assert second.exit_code == 0
    assert second.stderr == ("extract: 5 of 5 files unchanged since the last run, taken from the corpus\n"
                             f"extract: 5 records written to {tmp_path / 'out2'}\n")
    assert outputs(tmp_path / "out2") == outputs(tmp_path / "out1")
    assert sorted(p.name for p in (corpus / "records").iterdir()) == sorted(
        f"{name[:-4]}.json" for name in QUICK_FILES
    )


def test_force_extracts_everything_again(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    run(["extract", inbox, "--corpus", corpus, "-s"])
    again = run(["extract", inbox, "--corpus", corpus, "--force"])
    assert "unchanged" not in again.stderr
    assert again.stderr.count("extract: ") == 6


def test_a_changed_file_is_extracted_again(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    run(["extract", inbox, "--corpus", corpus, "-s"])
    shutil.copy(QUICK / "issue-90-example.pdf", inbox / "test-punkt.pdf")
    status = run(["status", "--corpus", corpus])
    assert f"  test-punkt            {(inbox / 'test-punkt.pdf').resolve()}\n" in status.output
    assert "stale (the file changed since it was extracted):" in status.output
    again = run(["extract", inbox, "--corpus", corpus])
    assert again.stderr.splitlines()[:2] == [
        "extract: 4 of 5 files unchanged since the last run, taken from the corpus",
        "extract: 1/1 test-punkt.pdf (1 page)",
    ]


def test_interrupted_run_is_completed_by_the_next_without_reading_finished_files(inbox, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    emitted = []
    real_emit = cli_module.emit_outcome

    def emit_then_interrupt(outcome, *args):
        ok = real_emit(outcome, *args)
        emitted.append(outcome.doc_id)
        if len(emitted) == 2:
            raise KeyboardInterrupt
        return ok

    monkeypatch.setattr(cli_module, "emit_outcome", emit_then_interrupt)
    stopped = run(["extract", inbox, "--corpus", corpus, "-o", tmp_path / "out", "-j", "2"])
    assert stopped.exit_code == 130
    assert stopped.stderr.splitlines()[-1] == (
        "interrupted: 2 of 5 files were extracted and kept in the corpus; run the same command again to go on"
    )
    assert "Traceback" not in stopped.stderr
    assert sorted(p.stem for p in (corpus / "records").iterdir()) == sorted(emitted)
    monkeypatch.undo()

    resumed = run(["extract", inbox, "--corpus", corpus, "-o", tmp_path / "out"])
    assert resumed.exit_code == 0
    lines = resumed.stderr.splitlines()
    assert lines[0] == "extract: 2 of 5 files unchanged since the last run, taken from the corpus"
    assert lines[-1] == f"extract: 5 records written to {tmp_path / 'out'}"
    extracted_now = [line.split()[2] for line in lines[1:-2]]
    assert sorted(extracted_now) == sorted(n for n in QUICK_FILES if n[:-4] not in emitted)
    assert len(list((tmp_path / "out").iterdir())) == 5


def test_same_name_in_two_folders(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    shutil.copy(QUICK / "test-punkt.pdf", tmp_path / "a" / "report.pdf")
    shutil.copy(QUICK / "issue-90-example.pdf", tmp_path / "b" / "report.pdf")
    result = run(["extract", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out", "--corpus", tmp_path / "c", "-s"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {tmp_path / 'b' / 'report.pdf'}: another file in this run is also named 'report.pdf'; "
        "stored as 'report-2'\n"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report-2.json", "report.json"]
    assert json.loads((tmp_path / "out" / "report-2.json").read_text())["doc_id"] == "report-2"


def test_failure_of_a_renamed_file_names_its_path(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS_BAD / "empty.pdf", tmp_path / folder / "empty.pdf")
    result = run(["extract", tmp_path / "a", tmp_path / "b", "--corpus", tmp_path / "c", "-s"])
    assert result.exit_code == 1
    assert sorted(result.stderr.splitlines()) == sorted([
        f"warning: {tmp_path / 'b' / 'empty.pdf'}: another file in this run is also named 'empty.pdf'; "
        "stored as 'empty-2'",
        "error: empty.pdf: empty file (0 bytes)",
        f"error: {tmp_path / 'b' / 'empty.pdf'}: empty file (0 bytes)",
    ])


def test_stdout_keeps_the_input_order_when_files_run_in_parallel(inbox, tmp_path):
    result = run(["extract", inbox, "--corpus", tmp_path / "c", "-j", "2"])
    assert result.exit_code == 0
    # several PDFs print one JSON list (the records one after another did not parse as JSON)
    assert [record["doc_id"] for record in json.loads(result.stdout)] == sorted(name[:-4] for name in QUICK_FILES)


def test_one_pdf_prints_its_record_and_a_run_whose_files_all_failed_an_empty_list(tmp_path):
    one = run(["extract", QUICK / QUICK_FILES[0], "--corpus", tmp_path / "c"])
    assert one.exit_code == 0 and json.loads(one.stdout)["doc_id"] == QUICK_FILES[0][:-4]
    failed = run(["extract", CORPUS_BAD / "empty.pdf", CORPUS_BAD / "not-a-pdf.pdf", "--corpus", tmp_path / "c"])
    assert failed.exit_code == 1 and json.loads(failed.stdout) == []


def test_a_folder_prints_a_list_even_when_it_holds_one_pdf(tmp_path):
    """A script reading `extract reports/` got a list, or a bare record when the folder held one PDF."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(QUICK / QUICK_FILES[0], folder / QUICK_FILES[0])
    result = run(["extract", folder, "--corpus", tmp_path / "c"])
    assert result.exit_code == 0 and [r["doc_id"] for r in json.loads(result.stdout)] == [QUICK_FILES[0][:-4]]


def test_output_may_name_the_file_of_one_pdf(tmp_path):
    """`-o report.json` made a folder "report.json" and put the record in it."""
    target = tmp_path / "ud" / "rapport.json"
    for _ in range(2):  # the second run overwrites the file
        result = run(["extract", QUICK / QUICK_FILES[0], "--corpus", tmp_path / "c", "-o", target])
        assert result.exit_code == 0, result.stderr
        assert target.is_file() and json.loads(target.read_text())["doc_id"] == QUICK_FILES[0][:-4]
    text = run(["extract", QUICK / QUICK_FILES[0], "--corpus", tmp_path / "c", "-o", tmp_path / "r.txt",
                "--format", "text"])
    assert text.exit_code == 0 and (tmp_path / "r.txt").read_text().strip()


def test_output_naming_a_file_for_several_pdfs_is_refused_before_reading(inbox, tmp_path):
    result = run(["extract", inbox, "--corpus", tmp_path / "c", "-o", tmp_path / "alle.json"])
    assert result.exit_code == 2 and not (tmp_path / "alle.json").exists() and not (tmp_path / "c").exists()
    assert result.stderr.strip() == (f"error: -o {str(tmp_path / 'alle.json')!r} names one file, but 5 PDFs are "
                                     "read; give a folder for one <doc_id> file each")
    (tmp_path / "noter").write_text("mine")
    other = run(["extract", inbox, "--corpus", tmp_path / "c", "-o", tmp_path / "noter"])
    assert other.exit_code == 2 and "is a file; give a folder, or a name ending in .json or .txt" in other.stderr
    assert (tmp_path / "noter").read_text() == "mine"


def test_status_lists_what_needs_attention(tmp_path):
    files = tmp_path / "in"
    files.mkdir()
    for name in ("alpha.pdf", "bravo.pdf", "delta.pdf"):
        shutil.copy(QUICK / "test-punkt.pdf", files / name)
    shutil.copy(CORPUS_BAD / "empty.pdf", files / "empty.pdf")
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    assert run(["extract", files, "--corpus", corpus, "-s"]).exit_code == 1
    assert run(["index", files, "--corpus", corpus, "--index", index_dir, "-s"]).exit_code == 1
    passages = json.loads((index_dir / "sources.json").read_text())["documents"]["alpha"]["passages"]
    shutil.copy(QUICK / "issue-90-example.pdf", files / "bravo.pdf")
    (files / "delta.pdf").unlink()
    result = run(["status", "--corpus", corpus, "--index", index_dir])
    assert result.exit_code == 0
    assert result.output == (
        f"corpus {corpus}: 4 documents\n"
        "  extracted      1 (4 pages)\n"
        "  failed         1\n"
        "  stale          1\n"
        "  outdated       0\n"
        "  missing        1\n"
        "\n"
        "failed (could not be read):\n"
        f"  empty  {(files / 'empty.pdf').resolve()}: empty file (0 bytes)\n"
        "\n"
        "stale (the file changed since it was extracted):\n"
        f"  bravo  {(files / 'bravo.pdf').resolve()}\n"
        "\n"
        "missing (the file is gone):\n"
        f"  delta  {(files / 'delta.pdf').resolve()}: the same bytes are at {(files / 'alpha.pdf').resolve()} "
        "('alpha')\n"
        "\n"
        "Run `evalsearch extract` on the same files again to bring the corpus up to date.\n"
        "\n"
        "A failed file is read again by every `evalsearch extract` on it: mend or replace it first (an "
        "encrypted one needs --password).\n"
        "\n"
        "`evalsearch status --forget-missing` takes the missing files out of the corpus.\n"
        "\n"
        f"index {index_dir}: 3 documents ({3 * passages} passages)\n"
        f"  1 file gone since indexed (`evalsearch index --index {index_dir}` takes them out):\n"
        f"    delta  {(files / 'delta.pdf').resolve()}\n"
    )
    data = json.loads(run(["status", "--corpus", corpus, "--format", "json", "--index", index_dir]).output)
    assert data["index"] == {"index": str(index_dir), "exists": True, "current": True, "documents": 3,
                             "passages": 3 * passages, "gone": [{"doc_id": "delta", "path": str((files / "delta.pdf").resolve())}],
                             "problem": None}
    assert data["counts"] == {"extracted": 1, "failed": 1, "stale": 1, "outdated": 0, "missing": 1}
    assert {e["doc_id"]: e["state"] for e in data["entries"]} == {
        "alpha": "extracted", "bravo": "stale", "delta": "missing", "empty": "failed"
    }
    # a file that is gone stayed "missing" for good
    assert (corpus / "records" / "delta.json").exists()
    forgot = run(["status", "--corpus", corpus, "--forget-missing", "--format", "json"])
    assert forgot.exit_code == 0
    assert forgot.stderr == (f"status: forgot delta ({(files / 'delta.pdf').resolve()}: the file is gone)\n"
                             "status: 1 missing file forgotten\n")
    assert json.loads(forgot.stdout)["counts"] == {"extracted": 1, "failed": 1, "stale": 1, "outdated": 0, "missing": 0}
    assert not (corpus / "records" / "delta.json").exists() and (corpus / "records" / "alpha.json").exists()
    assert run(["status", "--corpus", corpus, "--forget-missing"]).stderr == "status: 0 missing files forgotten\n"


def test_default_corpus_is_in_the_user_data_dir(tmp_path, user_data_home):
    assert run(["extract", QUICK / "test-punkt.pdf", "-s"]).exit_code == 0
    result = run(["status"])
    assert result.output.splitlines()[:2] == [
        f"corpus {user_data_home / 'corpus'}: 1 document",
        "  extracted      1 (4 pages)",
    ]


def test_status_of_an_empty_corpus(tmp_path, user_data_home):
    result = run(["status", "--corpus", tmp_path / "none"])
    assert result.exit_code == 0
    assert result.output == (f"corpus {tmp_path / 'none'}: no documents yet (`evalsearch extract PATH...` adds them)\n\n"
                             f"index {user_data_home / 'index'}: none yet (`evalsearch index PATH...` builds one)\n")
    assert not (tmp_path / "none").exists()


def test_damaged_manifest_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.sqlite").write_bytes(b"not a database at all " * 100)
    for args in (["status"], ["extract", QUICK / "test-punkt.pdf"]):
        result = run(args + ["--corpus", corpus])
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: {corpus / 'manifest.sqlite'}: the corpus manifest cannot be read (file is not a database); "
            "remove it to start a new corpus\n"
        )


def test_corpus_that_is_a_file(tmp_path):
    (tmp_path / "corpus").write_text("")
    result = run(["extract", QUICK / "test-punkt.pdf", "--corpus", tmp_path / "corpus"])
    assert result.exit_code == 2
    assert "corpus" in result.stderr and "Traceback" not in result.stderr


def test_jobs_must_be_positive(tmp_path):
    result = run(["extract", QUICK / "test-punkt.pdf", "--jobs", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.stderr


def test_a_file_opened_with_a_password_is_never_served_without_it(tmp_path):
    corpus = tmp_path / "corpus"
    opened = run(["extract", CORPUS_BAD / "encrypted.pdf", "--password", "hemmelig", "--corpus", corpus, "-s"])
    assert opened.exit_code == 0
    again = run(["extract", CORPUS_BAD / "encrypted.pdf", "--corpus", corpus, "-s"])
    assert again.exit_code == 1
    assert again.stderr == "error: encrypted.pdf: encrypted PDF, password required (use --password)\n"


def _ctrl_c_enabled() -> None:
    """Give the command Ctrl-C as a terminal does. A shell that runs the tests as a background job
    starts them with SIGINT ignored, and Python keeps an inherited "ignore" instead of raising
    KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_a_real_run_cleanly_and_the_rerun_completes_it(tmp_path):
    """Ctrl-C on a terminal reaches the whole process group: the command and its workers."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):  # bytes of their own: a copy of a file read before is not read again
        (folder / f"report-{i}.pdf").write_bytes((QUICK / "issue-53-example.pdf").read_bytes() + f"% {i}\n".encode())
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    args = ["extract", str(folder), "--corpus", str(corpus), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen([sys.executable, "-m", "evalsearch", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_ctrl_c_enabled)
    for _ in range(6000):  # polls, not a time limit: the run must record a file before it ends
        if manifest_rows(corpus):
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    else:
        pytest.fail("no file was recorded")
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    kept = manifest_rows(corpus)
    assert 1 <= kept < 8
    assert err.splitlines()[-1] == (
        f"interrupted: {kept} of 8 files {'was' if kept == 1 else 'were'} extracted and kept in the corpus; run the "
        "same command again to go on"
    )
    assert not [p for p in (corpus / "records").iterdir() if p.name.startswith(".")], "no temporary file is left"

    rerun = run(args)
    assert rerun.exit_code == 0
    lines = rerun.stderr.splitlines()
    assert lines[0] == f"extract: {kept} of 8 files unchanged since the last run, taken from the corpus"
    assert len(lines) == 1 + (8 - kept) + 2  # one line per file extracted now, the summary, where they went
    assert len(list(out.glob("*.json"))) == 8


def manifest_rows(corpus) -> int:
    path = corpus / "manifest.sqlite"
    if not path.exists():
        return 0
    db = sqlite3.connect(path, timeout=10)
    try:
        return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not made yet
        return 0
    finally:
        db.close()


def test_an_unusable_default_corpus_does_not_stop_extract(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    result = run(["extract", QUICK / "test-punkt.pdf", "-o", tmp_path / "out", "-s"])
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: ")
    assert result.stderr.endswith("; the files are read without keeping them\n")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["test-punkt.json"]


def test_a_moved_file_is_taken_from_the_corpus_under_its_new_path(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    run(["extract", inbox / "test-punkt.pdf", "--corpus", corpus, "-s"])
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (inbox / "test-punkt.pdf").rename(moved / "test-punkt.pdf")
    result = run(["extract", moved / "test-punkt.pdf", "--corpus", corpus, "-o", tmp_path / "out"])
    assert result.stderr == ("extract: 1 of 1 file unchanged since the last run, taken from the corpus\n"
                             f"extract: 1 record written to {tmp_path / 'out'}\n")
    record = json.loads((tmp_path / "out" / "test-punkt.json").read_text())
    assert record["source"]["path"] == str(moved / "test-punkt.pdf")
    status = run(["status", "--corpus", corpus]).output
    assert status.splitlines()[1] == "  extracted      1 (4 pages)"


def test_a_renamed_file_takes_its_record_under_its_new_name_without_being_read(inbox, tmp_path):
    """A report renamed (or saved again under another name) was read again: 37 s for 300 pages."""
    corpus = tmp_path / "corpus"
    run(["extract", inbox / "test-punkt.pdf", "--corpus", corpus, "-s"])
    renamed = inbox / "punkt 2023.pdf"
    (inbox / "test-punkt.pdf").rename(renamed)
    result = run(["extract", renamed, "--corpus", corpus, "-o", tmp_path / "out"])
    assert result.stderr == ("extract: 1 of 1 file unchanged since the last run, taken from the corpus\n"
                             f"extract: 1 record written to {tmp_path / 'out'}\n")
    fresh = run(["extract", renamed, "--corpus", tmp_path / "fresh", "-o", tmp_path / "read"])
    assert fresh.stderr.startswith("extract: 1/1 punkt 2023.pdf")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "read") != {}
    status = json.loads(run(["status", "--corpus", corpus, "--format", "json"]).stdout)
    states = {e["doc_id"]: (e["state"], e["path"], e["same_bytes_as"]) for e in status["entries"]}
    assert states == {"test-punkt": ("missing", str((inbox / "test-punkt.pdf").resolve()), "punkt 2023"),
                      "punkt 2023": ("extracted", str(renamed.resolve()), None)}
    # the old name is listed as gone, with where its bytes are now: forgetting it loses nothing
    assert (f"  test-punkt  {(inbox / 'test-punkt.pdf').resolve()}: the same bytes are at {renamed.resolve()} "
            "('punkt 2023')") in run(["status", "--corpus", corpus]).output


def test_a_copy_in_the_same_run_takes_the_record_of_the_file_it_copies(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    run(["extract", inbox, "--corpus", corpus, "-s"])
    shutil.copy2(inbox / "test-punkt.pdf", inbox / "kopi.pdf")
    result = run(["extract", inbox, "--corpus", corpus, "-o", tmp_path / "out"])
    assert result.stderr.splitlines()[0] == "extract: 6 of 6 files unchanged since the last run, taken from the corpus"
    kopi, punkt = (json.loads((tmp_path / "out" / name).read_text()) for name in ("kopi.json", "test-punkt.json"))
    assert (kopi["doc_id"], kopi["source"]["path"]) == ("kopi", str(inbox / "kopi.pdf"))
    assert kopi["lessons"] == punkt["lessons"] and kopi["paragraphs"] == punkt["paragraphs"] != []
    (inbox / "kopi.pdf").write_bytes((inbox / "kopi.pdf").read_bytes() + b"\n% changed\n")
    again = run(["extract", inbox, "--corpus", corpus])
    assert again.stderr.splitlines()[:2] == ["extract: 5 of 6 files unchanged since the last run, taken from the corpus",
                                             "extract: 1/1 kopi.pdf (4 pages)"]


def test_a_damaged_record_is_extracted_again(inbox, tmp_path):
    corpus = tmp_path / "corpus"
    run(["extract", inbox / "test-punkt.pdf", "--corpus", corpus, "-s"])
    (corpus / "records" / "test-punkt.json").write_text("{ damaged")
    result = run(["extract", inbox / "test-punkt.pdf", "--corpus", corpus, "-o", tmp_path / "out"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "extract: 1/1 test-punkt.pdf (4 pages)"
    assert json.loads((corpus / "records" / "test-punkt.json").read_text())["doc_id"] == "test-punkt"


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take names that are no UTF-8")
def test_a_file_name_that_is_no_utf8_fails_alone_with_the_reason(tmp_path):
    """Latin-1 bytes in a name (an old share, a zip) crashed the run when the manifest stored the name."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(QUICK / "test-punkt.pdf", inbox / "test-punkt.pdf")
    shutil.copyfile(QUICK / "test-punkt.pdf", inbox / os.fsdecode(b"r\xe5pport.pdf"))
    result = run(["extract", inbox, "-o", tmp_path / "out", "--corpus", tmp_path / "corpus", "--jobs", "1"])
    assert result.exit_code == 1
    assert "pport.pdf: the file name is not UTF-8 text, so it cannot be recorded; rename the file" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["test-punkt.json"]
    status = run(["status", "--corpus", tmp_path / "corpus", "--format", "json"])
    assert [e["doc_id"] for e in json.loads(status.stdout)["entries"]] == ["test-punkt"]
    again = run(["extract", inbox, "--corpus", tmp_path / "corpus"])  # its bytes are now known: still refused
    assert again.exit_code == 1 and "pport.pdf: the file name is not UTF-8 text" in again.stderr


def test_status_shows_the_corpus_when_the_index_cannot_be_read(tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "sources.json").write_text("{not json", encoding="utf-8")
    (index_dir / "_passages_1.toc").write_bytes(b"")  # what makes the folder an index
    result = run(["status", "--corpus", tmp_path / "corpus", "--index", index_dir])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith(f"corpus {tmp_path / 'corpus'}: no documents yet")
    assert result.output.splitlines()[-1].startswith(f"index {index_dir}: the index's list of documents is damaged (")


@pytest.mark.parametrize("recorded, total, said", [(1, 1, "1 of 1 file was"), (1, 3, "1 of 3 files was"),
                                                   (0, 2, "0 of 2 files were")])
def test_an_interrupted_run_counts_in_words_that_agree(capsys, recorded, total, said):
    from evalsearch.cli_reading import interrupted

    with pytest.raises(SystemExit) as stop:
        interrupted(recorded, total)
    assert stop.value.code == 130
    assert capsys.readouterr().err == (f"interrupted: {said} extracted and kept in the corpus; run the same command "
                                       "again to go on\n")


def test_status_lists_ten_files_of_a_state_and_counts_the_rest(tmp_path):
    """After an upgrade every file of a corpus is outdated: status printed one line for each."""
    from evalsearch.corpus.manifest import Entry
    from evalsearch.corpus.status import SHOWN_PER_STATE, CorpusStatus

    entries = [Entry(f"rapport-{n:02}", f"/reports/rapport-{n:02}.pdf", "0" * 64, 100, 1, 3, "ok", None, "old",
                     "2026-01-01T00:00:00") for n in range(SHOWN_PER_STATE + 3)]
    text = CorpusStatus(tmp_path, [(entry, "outdated") for entry in entries]).to_text().splitlines()
    listed = [line for line in text if line.startswith("  rapport-")]
    assert [line.split()[0] for line in listed] == [e.doc_id for e in entries[:SHOWN_PER_STATE]]
    assert "  and 3 more (`evalsearch status --format json` lists them all)" in text


def test_status_of_failed_files_alone_says_they_fail_again_until_mended(tmp_path):
    """"Run `evalsearch extract` on the same files again" promised that a rerun would do: a failed
    file is read again on every run and fails again as it is."""
    corpus = tmp_path / "c"
    assert run(["extract", CORPUS_BAD / "empty.pdf", "--corpus", corpus, "-s"]).exit_code == 1
    status = run(["status", "--corpus", corpus, "--index", tmp_path / "ix"]).output
    assert "A failed file is read again by every `evalsearch extract` on it: mend or replace it first" in status
    assert "to bring the corpus up to date" not in status
