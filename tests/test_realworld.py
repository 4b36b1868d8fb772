"""Issue 6: one batch over ../shared/corpus-bad and ../shared/realworld, through the CLI.

Every file either comes out as a record or fails with its name and the reason;
no traceback, and the batch goes on. The 300-page file is left out here (it
repeats a shared report; benchmarks/bench_bulk.py measures it) and gets its own
time-limit test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.corpus.store import RecordStore
from evalsearch.corpus.warmup import pdf_from_objects
from paths import CORPUS_BAD, REALWORLD

PLUMBER = REALWORLD / "pdfplumber"
DANISH = REALWORLD / "danish"
LARGE = "large-300-pages.pdf"

# file → the error line the batch prints for it
FAILURES = {
    CORPUS_BAD / "empty.pdf": "empty.pdf: empty file (0 bytes)",
    CORPUS_BAD / "encrypted.pdf": "encrypted.pdf: encrypted PDF, password required (use --password)",
    CORPUS_BAD / "not-a-pdf.pdf": "not-a-pdf.pdf: not a PDF (no %PDF header)",
    CORPUS_BAD / "scanned.pdf": "scanned.pdf: no text layer (scanned/image-only PDF, OCR needed)",
    CORPUS_BAD / "truncated.pdf": "truncated.pdf: truncated / damaged PDF (the file ends before its end-of-file marker)",
    # a second empty.pdf in the same run is stored as empty-2 and named by its whole path
    PLUMBER / "empty.pdf": f"{PLUMBER / 'empty.pdf'}: empty file (0 bytes)",
    PLUMBER / "password-example.pdf": "password-example.pdf: encrypted PDF, password required (use --password)",
    DANISH / "os2datascanner__corrupted__embedded-cpr.8192.pdf": (
        "os2datascanner__corrupted__embedded-cpr.8192.pdf: truncated / damaged PDF "
        "(the file ends before its end-of-file marker)"
    ),
    PLUMBER / "issue-297-example.pdf": (
        "issue-297-example.pdf: no text layer: the pages hold neither text nor images (blank or drawn only)"
    ),
    PLUMBER / "issue-203-decimalize.pdf": "issue-203-decimalize.pdf: no text layer (scanned/image-only PDF, OCR needed)",
    PLUMBER / "malformed-from-issue-932.pdf": (
        "malformed-from-issue-932.pdf: no text layer (scanned/image-only PDF, OCR needed)"
    ),
}
WARNINGS = ["warning: xref-broken.pdf: damaged cross-reference table was repaired; all pages were read again"]


def run(args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def all_inputs() -> list[Path]:
    bad = sorted(p for p in CORPUS_BAD.glob("*.pdf") if p.name != LARGE)
    return bad + sorted(p for p in REALWORLD.rglob("*") if p.suffix.lower() == ".pdf")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The whole batch, run once for this module."""
    tmp = tmp_path_factory.mktemp("realworld")
    inputs = all_inputs()
    result = run(["extract", *inputs, "-o", tmp / "out", "--corpus", tmp / "corpus", "-s"])
    return inputs, result, tmp


def test_batch_finishes_without_traceback(batch):
    inputs, result, _ = batch
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert len(inputs) == 67


@pytest.mark.parametrize("path", list(FAILURES), ids=lambda p: p.name)
def test_failure_is_named_with_its_reason(batch, path):
    _, result, _ = batch
    assert f"error: {FAILURES[path]}" in result.stderr.splitlines()


def test_nothing_else_fails_and_nothing_else_is_said(batch):
    _, result, _ = batch
    lines = result.stderr.splitlines()
    errors = sorted(line for line in lines if line.startswith("error: "))
    assert errors == sorted(f"error: {message}" for message in FAILURES.values())
    others = [line for line in lines if not line.startswith("error: ")]
    assert [line for line in others if "another file in this run" not in line] == WARNINGS


def test_everything_readable_is_extracted(batch):
    inputs, _, tmp = batch
    readable = [p for p in inputs if p not in FAILURES]
    written = {p.stem for p in (tmp / "out").iterdir()}
    assert written == {p.stem for p in readable}
    store = RecordStore(tmp / "corpus" / "records")
    for doc_id in written:
        document = store.read(doc_id)
        assert document.source.pages >= 1
        assert any(block.text.strip() for block in document.blocks), f"{doc_id} holds no text"


def test_status_after_the_batch(batch):
    inputs, _, tmp = batch
    data = json.loads(run(["status", "--corpus", tmp / "corpus", "--format", "json"]).output)
    assert data["counts"]["failed"] == len(FAILURES)
    assert data["counts"]["extracted"] + data["counts"]["outdated"] == len(inputs) - len(FAILURES)
    failed = {e["doc_id"]: e["error"] for e in data["entries"] if e["state"] == "failed"}
    assert failed["empty-2"] == "empty file (0 bytes)"
    assert failed["password-example"] == "encrypted PDF, password required (use --password)"


@pytest.mark.parametrize("doc_id, once, twice", [
    ("issue-71-duplicate-chars", "项目描述", "项项目目"),
    ("issue-71-duplicate-chars-2", "Savoir conduire le diagnostic", "SavoirSavoir"),
])
def test_characters_printed_twice_for_bold_are_read_once(batch, doc_id, once, twice):
    _, _, tmp = batch
    text = " ".join(block.text for block in RecordStore(tmp / "corpus" / "records").read(doc_id).blocks)
    assert once in text
    assert twice not in text


def test_odd_file_names_are_kept(batch):
    _, _, tmp = batch
    assert (tmp / "out" / "os2datascanner__Tilsynsrapport (2013) - Kærkommen.json").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_time_limit_fails_and_the_batch_goes_on(tmp_path, jobs):
    files = [CORPUS_BAD / LARGE, PLUMBER / "hello_structure.pdf"]
    result = run(["extract", *files, "--time-limit", "1", "-j", jobs, "-o", tmp_path / "out", "--corpus",
                  tmp_path / "c", "-s"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: large-300-pages.pdf: gave up after 1 s (time limit per file; raise it with --time-limit)\n"
    )
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["hello_structure.json"]


def test_time_limit_of_a_single_file_run(tmp_path):
    result = run(["extract", CORPUS_BAD / LARGE, "--time-limit", "1", "--corpus", tmp_path / "c", "-s"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: large-300-pages.pdf: gave up after 1 s (time limit per file; raise it with --time-limit)\n"
    )


# --- generated malformed files -------------------------------------------------------------


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


TEXT = b"BT /F1 12 Tf 72 700 Td (Projektet fik opbakning fra ledelsen i alle tre kommuner.) Tj ET "
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def deep_page_tree(depth: int) -> bytes:
    """A page tree nested ``depth`` levels deep: readers that walk it recursively overflow."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        me = 2 + level
        parent = b"" if level == 0 else b"/Parent %d 0 R " % (me - 1)
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, me + 1))
    page = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
        b"/Contents %d 0 R >>" % (page - 1, page + 1, page + 2)
    )
    objects += [FONT, stream(TEXT * 3)]
    return pdf_from_objects(objects)


def self_drawing_form() -> bytes:
    """A page whose form XObject draws itself: a reader that follows it never ends."""
    resources = b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>"
    form_text = b"BT /F1 12 Tf 72 600 Td (Formularen tegner sig selv igen og igen.) Tj ET "
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s /Contents 5 0 R >>" % resources,
        FONT,
        stream(TEXT + b"/X1 Do"),
        stream(form_text + b"/X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + resources),
    ])


def test_deeply_nested_page_tree_fails_with_reason(tmp_path):
    path = tmp_path / "deep.pdf"
    path.write_bytes(deep_page_tree(5000))
    result = run(["extract", path, "--corpus", tmp_path / "c", "-s"])
    assert result.exit_code == 1
    assert result.stderr == "error: deep.pdf: damaged PDF that could not be repaired (maximum recursion depth exceeded)\n"


def test_self_drawing_form_is_read_once_and_quietly(tmp_path):
    path = tmp_path / "loop.pdf"
    path.write_bytes(self_drawing_form())
    result = run(["extract", path, "--format", "text", "--corpus", tmp_path / "c"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "Projektet fik opbakning fra ledelsen i alle tre kommuner." in result.stdout
    assert result.stdout.count("Formularen tegner sig selv igen og igen.") == 1


def test_a_path_with_spaces_and_danish_letters(tmp_path):
    folder = tmp_path / "Rapporter (æøå) 2013"
    folder.mkdir()
    shutil.copy(PLUMBER / "test-punkt.pdf", folder / "Evaluering – Kærkommen.PDF")
    result = run(["extract", folder, "-o", tmp_path / "out", "--corpus", tmp_path / "c", "-s"])
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Evaluering – Kærkommen.json"]


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_crashing_worker_fails_its_file_and_the_batch_goes_on(tmp_path):
    """A reader that dies (as a segfault in a native PDF library would) costs that one file."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "evalsearch", "extract", str(CORPUS_BAD / LARGE), str(PLUMBER / "hello_structure.pdf"),
         "-j", "2", "-o", str(out), "--corpus", str(tmp_path / "c"), "-s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    for _ in range(2400):  # polls, not a time limit: the small file must be written while the large one runs
        if (out / "hello_structure.json").exists():
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    else:
        pytest.fail("the small file was never written")
    servers = [p for p in children_of(proc.pid) if b"forkserver" in Path(f"/proc/{p}/cmdline").read_bytes()]
    workers = [w for server in servers for w in children_of(server)]
    assert workers, "the workers were found"
    for worker in workers:
        os.kill(worker, signal.SIGSEGV)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err == "error: large-300-pages.pdf: the PDF reader crashed on this file (worker process killed by SIGSEGV)\n"
    assert sorted(p.name for p in out.iterdir()) == ["hello_structure.json"]
