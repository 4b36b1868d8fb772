"""Issue 2: every file in ../shared/corpus-bad gets the outcome its README describes, through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from paths import CORPUS, CORPUS_BAD
from evalsearch.cli import cli

FAILURES = [
    ("empty.pdf", "empty.pdf: empty file"),
    ("not-a-pdf.pdf", "not-a-pdf.pdf: not a PDF (no %PDF header)"),
    ("truncated.pdf", "truncated.pdf: truncated / damaged PDF"),
    ("encrypted.pdf", "encrypted.pdf: encrypted PDF, password required"),
    ("scanned.pdf", "scanned.pdf: no text layer (scanned/image-only PDF, OCR needed)"),
]


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.mark.parametrize("name,message", FAILURES)
def test_bad_file_fails_with_reason(name, message, tmp_path):
    result = run(["extract", str(CORPUS_BAD / name), "-o", str(tmp_path), "-s"])
    assert result.exit_code == 1
    assert f"error: {message}" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert list(tmp_path.iterdir()) == [], "a failed file leaves no output behind"


def test_encrypted_opens_with_password(tmp_path):
    result = run(["extract", str(CORPUS_BAD / "encrypted.pdf"), "--password", "hemmelig", "-o", str(tmp_path), "-s"])
    assert result.exit_code == 0, result.stderr
    record = json.loads((tmp_path / "encrypted.json").read_text())
    assert record["source"]["pages"] == 24
    assert any(s["title"] == "Erfaringer og læringer" for s in record["sections"])


@pytest.mark.parametrize("command", ["tables", "lessons", "figures"])
def test_every_command_that_reads_pdfs_takes_the_password(command):
    """The error says "use --password"; each command that reads PDFs has it, not only extract."""
    encrypted = str(CORPUS_BAD / "encrypted.pdf")
    locked = run([command, encrypted, "--format", "json", "-s"])
    assert locked.exit_code == 1 and "encrypted PDF, password required (use --password)" in locked.stderr
    opened = run([command, encrypted, "--password", "hemmelig", "--format", "json", "-s"])
    assert opened.exit_code == 0, opened.stderr
    records = json.loads(opened.stdout)
    docs = records["documents"] if command == "lessons" else {r["doc_id"] for r in records}
    assert list(docs) == ["encrypted"]


def test_index_takes_the_password(tmp_path):
    index_dir = tmp_path / "index"
    args = ["index", str(CORPUS_BAD / "encrypted.pdf"), "--index", str(index_dir), "--corpus", str(tmp_path / "c"), "-s"]
    result = run([*args, "--password", "hemmelig"])
    assert result.exit_code == 0, result.stderr
    hits = json.loads(run(["search", "frivillige", "--index", str(index_dir), "--format", "json"]).stdout)
    assert hits and {h["doc_id"] for h in hits} == {"encrypted"}


def test_wrong_password_is_named(tmp_path):
    result = run(["extract", str(CORPUS_BAD / "encrypted.pdf"), "--password", "forkert", "-o", str(tmp_path), "-s"])
    assert result.exit_code == 1
    assert "error: encrypted.pdf: encrypted PDF: the password is wrong" in result.stderr


def test_broken_xref_is_repaired_and_said(tmp_path):
    result = run(["extract", str(CORPUS_BAD / "xref-broken.pdf"), "-o", str(tmp_path), "-s"])
    assert result.exit_code == 0, result.stderr
    assert "xref-broken.pdf: damaged cross-reference table was repaired" in result.stderr
    record = json.loads((tmp_path / "xref-broken.json").read_text())
    assert record["source"]["pages"] == 21 and record["source"]["repaired"] is True
    assert len(record["sections"]) >= 19


def test_batch_goes_on_after_failures(tmp_path):
    batch = tmp_path / "in"
    batch.mkdir()
    for name in ("empty.pdf", "not-a-pdf.pdf", "truncated.pdf"):
        shutil.copy(CORPUS_BAD / name, batch / name)
    shutil.copy(CORPUS / "cabi-evaluering-handicappuljer-2023.pdf", batch / "good.pdf")
    out = tmp_path / "out"
    result = run(["extract", str(batch), "-o", str(out), "-s"])
    assert result.exit_code == 1
    assert result.stderr.count("error: ") == 3
    assert [p.name for p in out.iterdir()] == ["good.json"]


def test_all_good_exits_zero(tmp_path):
    result = run(["extract", str(CORPUS / "cabi-evaluering-handicappuljer-2023.pdf"), "-o", str(tmp_path), "-s"])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_usage_errors_exit_two(tmp_path):
    assert run(["extract", str(tmp_path / "missing.pdf")]).exit_code == 2
    assert run(["extract"]).exit_code == 2
    assert run(["extract", str(tmp_path)]).exit_code == 2  # an empty directory holds no PDF


@pytest.mark.parametrize("command", [
    ["extract", "-o", "{blocked}/ud"],
    ["tables", "-o", "{blocked}/maal.csv"],
    ["lessons", "-o", "{blocked}/erfaringer.html", "--format", "html"],
    ["figures", "-o", "{blocked}/figurer.csv"],
])
def test_an_output_that_cannot_be_written_fails_before_reading(command, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    args = [a.format(blocked=blocked) for a in command]
    result = run(args + [str(CORPUS / "cabi-evaluering-handicappuljer-2023.pdf")])
    assert result.exit_code == 1
    assert f"the output folder {blocked}" in result.stderr and f"({blocked} is a file)" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert "1/1" not in result.stderr, "no PDF is read for an output that cannot be written"
