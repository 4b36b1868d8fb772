"""Issue 6: the SQLite manifest, the states of its entries, and how doc_ids are given."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from evalsearch.corpus.incremental import assign_doc_ids
from evalsearch.corpus.manifest import Entry, FileStamp, Manifest, entry_state, file_sha256
from evalsearch.errors import CorpusError


def entry_for(path: Path, doc_id: str | None = None, **changes) -> Entry:
    stamp = FileStamp.of(path)
    entry = Entry(
        doc_id=doc_id or path.stem,
        path=str(path.resolve()),
        sha256=file_sha256(path),
        size=stamp.size,
        mtime_ns=stamp.mtime_ns,
        pages=3,
        status="success",
        error=None,
        fingerprint="fp",
        extracted_at="2024-01-01T00:00:00Z",
        seconds=1.5,
    )
    return replace(entry, **changes)


@pytest.fixture
def pdf(tmp_path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 original bytes")
    return path


def test_put_get_and_list(tmp_path, pdf):
    with Manifest(tmp_path / "m.sqlite") as manifest:
        entry = entry_for(pdf)
        manifest.put(entry)
        manifest.put(entry_for(pdf, "other", status="failed", error="empty file"))
        assert manifest.get("report") == entry
        assert [e.doc_id for e in manifest.entries()] == ["other", "report"]
        assert len(manifest) == 2
        manifest.remove("other")
        assert manifest.get("other") is None
    with Manifest(tmp_path / "m.sqlite") as reopened:  # committed at once
        assert reopened.get("report") == entry


def test_state_extracted_and_outdated(pdf):
    entry = entry_for(pdf)
    assert entry_state(entry) == "extracted"
    assert entry_state(entry, "fp") == "extracted"
    assert entry_state(entry, "another version") == "outdated"


def test_state_touched_file_is_not_stale(pdf):
    entry = entry_for(pdf)
    os.utime(pdf, ns=(1, 1))
    assert entry_state(entry) == "extracted"


def test_state_changed_file_is_stale(pdf):
    entry = entry_for(pdf)
    pdf.write_bytes(b"%PDF-1.4 rewritten bytes!")
    assert entry_state(entry) == "stale"


def test_state_missing_and_failed(pdf):
    assert entry_state(entry_for(pdf, status="failed", error="empty file")) == "failed"
    entry = entry_for(pdf)
    pdf.unlink()
    assert entry_state(entry) == "missing"


def test_damaged_manifest_is_named(tmp_path):
    path = tmp_path / "manifest.sqlite"
    path.write_bytes(b"this is not a database, but it is long enough to be read as one" * 20)
    with pytest.raises(CorpusError) as info:
        Manifest(path)
    assert str(info.value) == (
        f"{path}: the corpus manifest cannot be read (file is not a database); remove it to start a new corpus"
    )


def test_manifest_of_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "manifest.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(CorpusError, match="written by a newer evalsearch"):
        Manifest(path)


def test_doc_ids_are_stems(tmp_path):
    paths = [tmp_path / "a.pdf", tmp_path / "b.PDF"]
    assert assign_doc_ids(paths, []) == (["a", "b"], [])


def test_same_name_in_one_run_gets_a_suffix_and_a_note(tmp_path):
    paths = [tmp_path / "x" / "report.pdf", tmp_path / "y" / "report.pdf", tmp_path / "z" / "report.pdf"]
    ids, notes = assign_doc_ids(paths, [])
    assert ids == ["report", "report-2", "report-3"]
    assert notes == [
        f"{paths[1]}: another file in this run is also named 'report.pdf'; stored as 'report-2'",
        f"{paths[2]}: another file in this run is also named 'report.pdf'; stored as 'report-3'",
    ]


def test_a_known_file_keeps_its_doc_id(tmp_path):
    first, second = tmp_path / "x" / "report.pdf", tmp_path / "y" / "report.pdf"
    for p in (first, second):
        p.parent.mkdir()
        p.write_bytes(b"%PDF-1.4")
    entries = [entry_for(second, "report"), entry_for(first, "report-2")]
    assert assign_doc_ids([first, second], entries) == (["report-2", "report"], [])


def test_a_doc_id_passes_to_a_new_file_and_says_so_when_the_old_one_exists(tmp_path):
    old, new = tmp_path / "old" / "report.pdf", tmp_path / "new" / "report.pdf"
    for p in (old, new):
        p.parent.mkdir()
        p.write_bytes(f"%PDF-1.4 {p.parent.name}".encode())
    entries = [entry_for(old, "report")]
    ids, notes = assign_doc_ids([new], entries)
    assert ids == ["report"]
    assert notes == [f"{new}: now stands for 'report' in the corpus, in place of {old.resolve()}"]
    old.unlink()  # a moved file: no note
    assert assign_doc_ids([new], entries) == (["report"], [])


def test_a_copy_of_the_same_file_elsewhere_takes_the_doc_id_quietly(tmp_path):
    old, new = tmp_path / "old" / "report.pdf", tmp_path / "new" / "report.pdf"
    for p in (old, new):
        p.parent.mkdir()
        p.write_bytes(b"%PDF-1.4 the same bytes")
    assert assign_doc_ids([new], [entry_for(old, "report")]) == (["report"], [])
