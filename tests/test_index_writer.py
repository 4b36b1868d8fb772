"""The index writer: incremental by sha256, files that are gone leave the index, locks, versions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evalsearch.errors import SearchIndexError
from evalsearch.extract.pipeline import extract_document
from evalsearch.index.folder import clear_index_files, foreign_entries
from evalsearch.index.lock import LOCK_NAME
from evalsearch.index.records import Passage
from evalsearch.index.schema import passage_fields
from evalsearch.index.search import search
from evalsearch.index.plan import plan_update
from evalsearch.index.writer import (
    SOURCES_NAME,
    index_exists,
    open_index,
    read_sources,
    update_index,
)
from pdfgen import text_report

PARAGRAPHS = {
    "alfa": ["Lederne bakker op om projektet i alle tre kommuner.", "Projektet har rekrutteret frivillige mentorer."],
    "beta": ["Der er indgået samarbejdsaftaler med jobcentrene.", "Ledelsesopbakningen har været afgørende."],
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    return {name: text_report(folder / f"{name}.pdf", lines) for name, lines in PARAGRAPHS.items()}


def test_update_writes_passages_and_sources(tmp_path, corpus):
    index_dir = tmp_path / "index"
    report_ = update_index(index_dir, [extract_document(p) for p in corpus.values()])
    assert (report_.added, report_.documents) == (2, 2) and report_.passages >= 4
    assert index_exists(index_dir)
    sources = read_sources(index_dir)
    assert sorted(sources) == ["alfa", "beta"]
    assert sources["alfa"].path == str(corpus["alfa"])


def test_unchanged_files_are_not_planned_again(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    plan = plan_update(index_dir, list(corpus.values()))
    assert plan.changed == [] and sorted(p.name for p in plan.unchanged) == ["alfa.pdf", "beta.pdf"]


def test_files_indexed_by_other_code_or_settings_are_planned_again(tmp_path, corpus):
    """After an upgrade, "2 of 2 files unchanged" kept the old passages for good."""
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()], made_with="v1")
    assert read_sources(index_dir)["alfa"].made_with == "v1"
    same = plan_update(index_dir, list(corpus.values()), "v1")
    assert same.changed == [] and same.outdated == []
    other = plan_update(index_dir, list(corpus.values()), "v2")
    assert sorted(p.name for p in other.changed) == sorted(p.name for p in other.outdated) == ["alfa.pdf", "beta.pdf"]
    assert other.unchanged == [] and other.removed == []
    update_index(index_dir, [extract_document(corpus["alfa"])], made_with="v2")
    assert {d: s.made_with for d, s in read_sources(index_dir).items()} == {"alfa": "v2", "beta": "v1"}


def test_a_changed_file_is_planned_and_replaces_its_passages(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    text_report(corpus["alfa"], ["Nu handler rapporten om virksomhedsnetværk."])
    plan = plan_update(index_dir, list(corpus.values()))
    assert [p.name for p in plan.changed] == ["alfa.pdf"]
    update_index(index_dir, [extract_document(corpus["alfa"])])
    assert [h.passage.doc_id for h in search(index_dir, "virksomhedsnetværk").hits] == ["alfa"]
    assert not [h for h in search(index_dir, "frivillige").hits if h.passage.doc_id == "alfa"]


def stored_and_live(index_dir) -> tuple[int, int]:
    ix = open_index(index_dir)
    return ix.doc_count_all(), ix.doc_count()


def test_replaced_passages_are_dropped_when_they_are_many(tmp_path):
    """A replaced passage stays in its segment (a search still pays for it) until segments merge."""
    folder = tmp_path / "reports"
    folder.mkdir()
    names = [f"rapport{n}" for n in range(8)]
    documents = {n: extract_document(text_report(folder / f"{n}.pdf", [f"Rapport {n} om frivillige mentorer."]))
                 for n in names}
    index_dir = tmp_path / "index"
    update_index(index_dir, documents.values())
    live = stored_and_live(index_dir)[1]
    update_index(index_dir, [documents["rapport0"]])  # one of eight: kept until later merges
    assert stored_and_live(index_dir)[0] > live
    update_index(index_dir, [documents[n] for n in names[1:4]])  # half of them deleted: all merged
    assert stored_and_live(index_dir) == (live, live)
    update_index(index_dir, documents.values())  # all replaced: the old segments are dropped
    assert stored_and_live(index_dir) == (live, live)
    assert len(search(index_dir, "frivillige", {"limit": 20}).hits) == 8


def test_a_removed_file_leaves_the_index(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    corpus["beta"].unlink()
    plan = plan_update(index_dir, [corpus["alfa"]])
    assert plan.removed == ["beta"]
    result = update_index(index_dir, [], plan.removed)
    assert (result.removed, result.documents) == (1, 1)
    assert not search(index_dir, "samarbejdsaftale").hits


def test_a_moved_file_is_recorded_where_it_is_now(tmp_path, corpus):
    """Before, the old path stayed in sources.json, and an update without paths then dropped the report."""
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    moved = tmp_path / "moved"
    (tmp_path / "reports").rename(moved)
    plan = plan_update(index_dir, sorted(moved.glob("*.pdf")))
    assert plan.changed == [] and plan.moved == {"alfa": moved / "alfa.pdf", "beta": moved / "beta.pdf"}
    update_index(index_dir, [], plan.removed, moved=plan.moved)
    assert read_sources(index_dir)["alfa"].path == str(moved / "alfa.pdf")
    recorded = [Path(s.path) for s in read_sources(index_dir).values()]
    assert plan_update(index_dir, recorded).removed == [] and len(plan_update(index_dir, recorded).unchanged) == 2


def test_a_file_not_named_this_run_but_still_there_stays(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    assert plan_update(index_dir, [corpus["alfa"]]).removed == []


def test_no_index_is_reported_with_the_folder(tmp_path):
    with pytest.raises(SearchIndexError, match=r"no search index here; build one with `evalsearch index PATH\.\.\. --index "):
        open_index(tmp_path / "nowhere")


def test_an_index_of_another_version_must_be_rebuilt(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(corpus["alfa"])])
    sources = json.loads((index_dir / SOURCES_NAME).read_text())
    sources["version"] = 0
    (index_dir / SOURCES_NAME).write_text(json.dumps(sources))
    with pytest.raises(SearchIndexError, match="built by another version of evalsearch"):
        open_index(index_dir)
    assert plan_update(index_dir, [corpus["alfa"]]).changed == [corpus["alfa"]]
    update_index(index_dir, [extract_document(corpus["alfa"])])
    assert (index_dir / LOCK_NAME).exists(), "clearing the old index keeps the update lock"
    assert search(index_dir, "frivillige").hits


def test_an_index_is_not_made_in_a_folder_of_other_files(tmp_path, corpus):
    """`--index reports/` by mistake: a later rebuild cleared the folder, reports and all."""
    with pytest.raises(SearchIndexError, match=r"this folder holds other files \('alfa.pdf' and 1 more\); give --index"):
        update_index(tmp_path / "reports", [extract_document(corpus["alfa"])])
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["alfa.pdf", "beta.pdf"]


def test_a_rebuild_deletes_only_the_index_s_own_files(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(corpus["alfa"])])
    (index_dir / "noter.txt").write_text("mine")
    (index_dir / "gemt").mkdir()
    sources = json.loads((index_dir / SOURCES_NAME).read_text())
    (index_dir / SOURCES_NAME).write_text(json.dumps(dict(sources, version=0)))
    update_index(index_dir, [extract_document(corpus["beta"])])  # another version: cleared and rebuilt
    assert (index_dir / "noter.txt").read_text() == "mine" and (index_dir / "gemt").is_dir()
    assert sorted(read_sources(index_dir)) == ["beta"]


@pytest.mark.parametrize("name", [
    "_passages_3.toc", "_passages_0.toc.1795461460.834556", "passages_ab12.seg", "passages_ab12._stored.col",
    "passages_ab12.pst", "passages_WRITELOCK", "hotterms-3.idx", ".sources.json.x1.tmp", "passages.tmp/",
])
def test_the_files_a_writer_makes_are_the_index_s_own(tmp_path, name):
    """A second run that met the first one's files while it made the index refused the folder."""
    if name.endswith("/"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "passages_x.run").write_text("")
    else:
        (tmp_path / name).write_text("")
    assert foreign_entries(tmp_path) == []
    clear_index_files(tmp_path)
    assert list(tmp_path.iterdir()) == []


def interrupted_after(documents):
    """The documents a run reads, then Ctrl-C while it reads the next."""
    yield from documents
    raise KeyboardInterrupt


def test_a_first_build_interrupted_leaves_no_half_made_index(tmp_path, corpus):
    """An empty table of contents was left behind, and searches called it an index of another version."""
    index_dir = tmp_path / "index"
    with pytest.raises(KeyboardInterrupt):
        update_index(index_dir, interrupted_after([extract_document(corpus["alfa"])]))
    assert not index_exists(index_dir)
    assert [p.name for p in index_dir.iterdir()] == [LOCK_NAME]
    with pytest.raises(SearchIndexError, match="no search index here"):
        search(index_dir, "frivillige")
    update_index(index_dir, [extract_document(p) for p in corpus.values()])  # the folder is not refused
    assert sorted(read_sources(index_dir)) == ["alfa", "beta"]


def test_an_update_interrupted_leaves_the_index_and_its_files_as_they_were(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(corpus["alfa"])])
    files = sorted(p.name for p in index_dir.iterdir())
    with pytest.raises(KeyboardInterrupt):
        update_index(index_dir, interrupted_after([extract_document(corpus["beta"])]))
    assert sorted(p.name for p in index_dir.iterdir()) == files  # the cancelled segment's files too
    assert sorted(read_sources(index_dir)) == ["alfa"]
    assert search(index_dir, "frivillige").hits and not search(index_dir, "samarbejdsaftaler").hits


def test_a_second_writer_waits_then_gives_up_with_a_reason(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(corpus["alfa"])])
    holder = open_index(index_dir).writer()
    try:
        with pytest.raises(SearchIndexError, match="being updated by another run"):
            update_index(index_dir, [extract_document(corpus["beta"])], lock_timeout=0.2)
        # searching goes on while a writer holds the lock
        assert search(index_dir, "frivillige").hits
    finally:
        holder.cancel()


def test_an_update_waits_for_another_run_s_update_from_its_start(tmp_path, corpus):
    """The update lock covers making the index, which Whoosh's write lock does not."""
    from evalsearch.index.lock import update_lock

    index_dir = tmp_path / "index"
    with update_lock(index_dir, 1.0):
        with pytest.raises(SearchIndexError, match="being updated by another run"):
            update_index(index_dir, [extract_document(corpus["alfa"])], lock_timeout=0.2)
        assert not index_exists(index_dir)
    update_index(index_dir, [extract_document(corpus["alfa"])], lock_timeout=0.2)
    assert sorted(read_sources(index_dir)) == ["alfa"]


def test_two_runs_that_make_one_index_at_once_both_land(tmp_path, corpus):
    """Before the update lock, the second run's create_in cleared the first's index: a traceback."""
    index_dir = tmp_path / "index"
    runs = [
        subprocess.Popen([sys.executable, "-m", "evalsearch", "index", str(pdf), "--index", str(index_dir),
                          "--corpus", str(tmp_path / f"corpus-{name}"), "-s"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, pdf in corpus.items()
    ]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0 and "Traceback" not in err, err
    assert sorted(read_sources(index_dir)) == ["alfa", "beta"]
    assert {h.passage.doc_id for h in search(index_dir, "frivillige OR samarbejdsaftaler").hits} == {"alfa", "beta"}


def test_the_analysis_memo_is_saved_beside_the_index(tmp_path, corpus):
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(corpus["beta"])])
    from evalsearch.index.morphology import DEFAULT_CACHE_NAME, WordMorphology

    memo = WordMorphology()
    assert memo.load(index_dir / DEFAULT_CACHE_NAME)
    assert "samarbejdsaftaler" in memo.tables["readings"]


def test_a_memo_saved_before_words_were_told_apart_by_kind_still_serves(tmp_path):
    """Memos of earlier versions hold True for every known word; that is asked again, not trusted."""
    from evalsearch.index.morphology import WordMorphology

    old = WordMorphology()
    old.tables["known"].update({"ordniger": True, "ordninger": True, "samskabellse": False})
    old.save(tmp_path / "memo.bin")
    memo = WordMorphology()
    assert memo.load(tmp_path / "memo.bin")
    assert [memo.known_as(w) for w in ("ordniger", "ordninger", "samskabellse")] == ["compound", "form", ""]
    assert memo.is_known("ordninger") and not memo.is_known("samskabellse")


def test_a_word_that_is_no_compound_has_no_parts():
    from evalsearch.index.morphology import WordMorphology

    memo = WordMorphology()
    assert memo.parts("borger") == () and memo.parts("ledelsesopbakning") == ("ledelse", "opbakning")


def test_saved_postings_of_frequent_terms_give_the_same_ranking(tmp_path, corpus, monkeypatch):
    import evalsearch.index.hotterms as hotterms

    monkeypatch.setattr(hotterms, "DEFAULT_MIN_HOT", 1)  # every term counts as frequent
    index_dir = tmp_path / "index"
    update_index(index_dir, [extract_document(p) for p in corpus.values()])
    saved = sorted(p.name for p in index_dir.glob("hotterms-*"))
    assert len(saved) == 2
    with_file = [(h.passage.key, round(h.score, 4)) for h in search(index_dir, "ledelsesmæssig opbakning").hits]
    for path in index_dir.glob("hotterms-*"):
        path.unlink()
    without = [(h.passage.key, round(h.score, 4)) for h in search(index_dir, "ledelsesmæssig opbakning").hits]
    assert with_file == without and with_file


def test_a_repeated_lesson_heading_is_indexed_as_context_only():
    passage = Passage("rapport", 7, "lesson", "Sørg for opbakning. Ledelsen skal deltage.", 4,
                      heading="Sørg for opbakning.", section_title="Læringer", ranked_from=19)
    fields = passage_fields(passage, ())
    assert fields["text"] == passage.text
    assert {fields[f] for f in ("exact", "lemma", "expanded")} == {" Ledelsen skal deltage."}
    assert fields["context"] == "Sørg for opbakning. Læringer"
