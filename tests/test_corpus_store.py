"""Issue 6: the record store and the document codec: every shared document goes in and comes back equal."""

from __future__ import annotations

import json
import os

import pytest

from evalsearch.codec import document_from_dict, document_to_record
from evalsearch.corpus.store import Corpus, RecordStore
from evalsearch.errors import CorpusError
from paths import DOC_IDS


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_lossless_record_round_trip(doc_id, extracted):
    document = extracted[doc_id]
    record = json.loads(json.dumps(document_to_record(document)))
    assert document_from_dict(record) == document
    # as text too: 11 == 11.0, yet a record read back printed "achieved": 11.0 where the first run printed 11
    assert json.dumps(document_from_dict(record).to_dict()) == json.dumps(document.to_dict())


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_schema_record_round_trip(doc_id, extracted):
    """document_from_dict is the inverse of Document.to_dict on what to_dict keeps."""
    schema = json.loads(json.dumps(extracted[doc_id].to_dict()))
    assert json.loads(json.dumps(document_from_dict(schema).to_dict())) == schema


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_store_round_trip(doc_id, extracted, tmp_path):
    store = RecordStore(tmp_path / "records")
    path = store.write(extracted[doc_id], fingerprint="abc")
    assert path == tmp_path / "records" / f"{doc_id}.json"
    assert json.loads(path.read_text())["fingerprint"] == "abc"
    back = store.read(doc_id)
    assert back == extracted[doc_id]
    assert back.to_dict() == extracted[doc_id].to_dict()
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_from_dict_rejects_what_is_not_a_document():
    with pytest.raises(ValueError, match="not a document record"):
        document_from_dict({"title": "x"})


def test_missing_and_damaged_records_are_named(tmp_path, extracted):
    store = RecordStore(tmp_path)
    with pytest.raises(CorpusError) as missing:
        store.read("nothing")
    assert str(missing.value) == f"{store.path_for('nothing')}: no stored record for 'nothing'"
    store.path_for("broken").write_text('{"doc_id": "broken", "source": ')
    with pytest.raises(CorpusError) as damaged:
        store.read("broken")
    assert str(damaged.value) == f"{store.path_for('broken')}: the stored record of 'broken' is damaged (JSONDecodeError)"


def test_a_failed_write_leaves_the_old_record_and_no_temporary_file(tmp_path, extracted, monkeypatch):
    document = extracted[DOC_IDS[0]]
    store = RecordStore(tmp_path)
    store.write(document)
    before = store.path_for(document.doc_id).read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.write(document, fingerprint="new")
    monkeypatch.undo()
    assert store.path_for(document.doc_id).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{document.doc_id}.json"]


def test_old_temporary_files_are_cleared_on_open(tmp_path):
    records = tmp_path / "records"
    records.mkdir()
    old = records / ".a.json.x1.tmp"
    fresh = records / ".b.json.x2.tmp"
    old.write_text("half")
    fresh.write_text("being written")
    os.utime(old, (0, 0))
    Corpus(tmp_path).close()
    assert sorted(p.name for p in records.iterdir()) == [fresh.name]


def test_corpus_must_be_a_folder(tmp_path):
    file = tmp_path / "corpus"
    file.write_text("")
    with pytest.raises(CorpusError, match="the corpus must be a folder, but this is a file"):
        Corpus(file)


def test_only_extraction_code_changes_the_fingerprint(tmp_path, monkeypatch):
    from evalsearch.corpus import fingerprint

    for name in ("cli_search.py", "__main__.py", "index/query.py", "extract/lines.py", "danish/lexicon.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    monkeypatch.setattr(fingerprint, "PACKAGE_DIR", tmp_path)
    before = fingerprint.code_fingerprint()
    for name in ("cli_search.py", "__main__.py", "index/query.py"):
        (tmp_path / name).write_text("x = 2\n")
    assert fingerprint.code_fingerprint() == before
    (tmp_path / "extract/lines.py").write_text("x = 2\n")
    assert fingerprint.code_fingerprint() != before
