"""Issue 5 through the CLI: `evalsearch index` (incremental) and `evalsearch search` (text, JSON, filters, typos)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import evalsearch.corpus.files as files_module
from evalsearch.cli import cli
from pdfgen import text_report

PARAGRAPHS = {
    "alfa": ["Lederne bakker op om projektet i alle tre kommuner.", "Projektet har rekrutteret frivillige mentorer."],
    "beta": ["Der er indgået samarbejdsaftaler med jobcentrene.", "Ledelsesopbakningen har været afgørende."],
}


def run(args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env=env)


@pytest.fixture
def inbox(tmp_path):
    return make_inbox(tmp_path / "reports")


def make_inbox(folder):
    folder.mkdir()
    for name, lines in PARAGRAPHS.items():
        text_report(folder / f"{name}.pdf", lines)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An index over the two reports, built once for the tests that only search it."""
    root = tmp_path_factory.mktemp("search-cli")
    index_dir = root / "index"
    result = run(["index", make_inbox(root / "reports"), "--index", index_dir, "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    return index_dir


def test_index_reports_each_file_and_a_summary(inbox, tmp_path):
    index_dir = tmp_path / "index"
    result = run(["index", inbox, "--index", index_dir, "--jobs", "1"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert sorted(lines[:2]) == ["index: 1/2 alfa.pdf (1 page)", "index: 2/2 beta.pdf (1 page)"]
    assert lines[-1] == f"index: 2 documents indexed (4 passages); 2 documents in {index_dir}"


def test_index_again_reads_only_changed_files_and_drops_removed_ones(inbox, tmp_path):
    built = tmp_path / "index"
    assert run(["index", inbox, "--index", built, "--jobs", "1"]).exit_code == 0
    again = run(["index", inbox, "--index", built, "--jobs", "1"])
    assert again.exit_code == 0
    assert again.stderr.splitlines() == [
        "index: 2 of 2 files unchanged since they were indexed",
        f"index: 0 documents indexed (0 passages); 2 documents in {built}",
    ]
    text_report(inbox / "alfa.pdf", ["Nu handler rapporten om virksomhedsnetværk."])
    changed = run(["index", inbox, "--index", built, "--jobs", "1"])
    assert changed.exit_code == 0
    assert changed.stderr.splitlines()[0] == "index: 1 of 2 files unchanged since it was indexed"
    assert changed.stderr.splitlines()[-1] == f"index: 1 document indexed (1 passage); 2 documents in {built}"
    (inbox / "beta.pdf").unlink()
    removed = run(["index", inbox, "--index", built, "--jobs", "1"])
    assert removed.exit_code == 0
    assert removed.stderr.splitlines()[-1] == f"index: 0 documents indexed (0 passages), 1 removed; 1 document in {built}"
    hits = json.loads(run(["search", "virksomhedsnetværk", "--index", built, "--format", "json"]).stdout)
    assert [h["doc_id"] for h in hits] == ["alfa"]


def test_index_reads_again_the_files_another_version_indexed(inbox, tmp_path):
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    sources = json.loads((index_dir / "sources.json").read_text())
    sources["documents"]["alfa"]["made_with"] = "an earlier evalsearch"
    del sources["documents"]["beta"]["made_with"]  # an index of a version that did not record it
    (index_dir / "sources.json").write_text(json.dumps(sources))
    again = run(["index", inbox, "--index", index_dir, "--jobs", "1"])
    assert again.exit_code == 0
    assert again.stderr.splitlines()[0] == ("index: 2 of 2 files indexed by another version of evalsearch, or with "
                                            "other settings; reading them again")
    assert again.stderr.splitlines()[-1] == f"index: 2 documents indexed (4 passages); 2 documents in {index_dir}"
    third = run(["index", inbox, "--index", index_dir, "--jobs", "1"])
    assert third.stderr.splitlines()[0] == "index: 2 of 2 files unchanged since they were indexed"


def test_index_reports_a_bad_file_and_indexes_the_rest(inbox, tmp_path):
    (inbox / "tom.pdf").write_bytes(b"")
    result = run(["index", inbox, "--index", tmp_path / "index", "--jobs", "1"])
    assert result.exit_code == 1
    assert "error: tom.pdf: empty file" in result.stderr
    assert result.stderr.splitlines()[-1] == (f"index: 2 documents indexed (4 passages), 1 file failed (named above); "
                                              f"2 documents in {tmp_path / 'index'}")


def test_index_without_paths_and_without_an_index_is_a_usage_error(user_data_home):
    result = run(["index"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: no search index in {user_data_home / 'index'} to update; give PDF files or "
                             "directories, or --sample for the bundled sample corpus\n")


def test_index_without_paths_updates_from_the_files_it_was_built_from(inbox, tmp_path):
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    text_report(inbox / "alfa.pdf", ["Styregruppen har mødtes hver måned."])
    (inbox / "beta.pdf").unlink()
    result = run(["index", "--index", index_dir, "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"index: updating {index_dir} from the 2 files it was built from"
    assert lines[-1] == f"index: 1 document indexed (1 passage), 1 removed; 1 document in {index_dir}"
    hits = json.loads(run(["search", "styregruppen", "--index", index_dir, "--format", "json"]).stdout)
    assert [h["doc_id"] for h in hits] == ["alfa"]


def test_a_moved_folder_indexed_again_is_read_from_its_new_place(inbox, tmp_path):
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    moved = inbox.rename(tmp_path / "flyttet")
    again = run(["index", moved, "--index", index_dir, "--jobs", "1"])
    assert "index: 2 of them moved since; the index now reads them from where they are" in again.stderr
    update = run(["index", "--index", index_dir, "--jobs", "1"])
    assert update.stderr.splitlines()[-1] == f"index: 0 documents indexed (0 passages); 2 documents in {index_dir}"


def test_an_update_that_finds_none_of_its_files_removes_nothing(inbox, tmp_path):
    """A moved folder or an unmounted drive: emptying the whole index would be the wrong answer."""
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    inbox.rename(tmp_path / "elsewhere")
    result = run(["index", "--index", index_dir, "--jobs", "1"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: none of the 2 files {index_dir} was built from is where it was (such as ")
    assert "nothing was removed" in result.stderr
    assert json.loads(run(["search", "frivillige", "--index", index_dir, "--format", "json"]).stdout)


def test_an_update_that_does_not_find_its_one_file_says_so_in_the_singular(tmp_path):
    index_dir = tmp_path / "index"
    report = text_report(tmp_path / "alfa.pdf", ["Frivillige hjælper borgerne."])
    assert run(["index", report, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    report.rename(tmp_path / "alfa-flyttet.pdf")
    result = run(["index", "--index", index_dir, "--jobs", "1"])
    assert (result.exit_code, result.stderr) == (2, f"error: the file {index_dir} was built from is not where it was "
                                                    f"({report}), so nothing was removed; if it has moved, index it "
                                                    "where it is now: evalsearch index PATH\n")


def _make_outdated(index_dir):
    sources = index_dir / "sources.json"
    data = json.loads(sources.read_text())
    sources.write_text(json.dumps(dict(data, version=data["version"] - 1)))


def test_an_index_of_another_version_names_the_command_that_rebuilds_it(inbox, tmp_path):
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    _make_outdated(index_dir)
    stale = run(["search", "frivillige", "--index", index_dir])
    assert stale.exit_code == 1
    assert stale.stderr == (f"error: {index_dir}: the search index was built by another version of evalsearch; rebuild it "
                            f"from the files it was built from with `evalsearch index --index {index_dir}`\n")
    assert run(["index", "--index", index_dir, "--jobs", "1"]).exit_code == 0
    hits = json.loads(run(["search", "frivillige", "--index", index_dir, "--format", "json"]).stdout)
    assert [h["doc_id"] for h in hits] == ["alfa"]


def test_search_json_is_a_list_of_hits(built):
    result = run(["search", "ledelsesmæssig opbakning", "--index", built, "--format", "json"])
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert {h["doc_id"] for h in hits} == {"alfa", "beta"}
    for hit in hits:
        assert {"doc_id", "page", "section", "kind", "text", "highlight", "score"} <= set(hit)
        assert hit["page"] == 1 and hit["kind"] == "paragraph"
        # the PDF to open, and a link that opens it at the passage's page
        assert hit["path"] == str((built.parent / "reports" / f"{hit['doc_id']}.pdf").resolve())
        assert hit["link"] == f"{Path(hit['path']).as_uri()}#page=1"
    assert any(h["text"] == "Ledelsesopbakningen har været afgørende." for h in hits)
    assert any("**" in h["highlight"] for h in hits)


def test_search_text_shows_report_page_snippet_and_counts(built):
    result = run(["search", "frivillige", "--index", built])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == [
        "1 of 1 matching passage for 'frivillige'",
        "",
        "1. alfa",
        "   page 1 · paragraph",
    ]
    assert "**frivillige**" in result.stdout
    assert "hits per document: alfa 1" in result.stdout


def test_search_reports_a_typo_correction(built):
    text = run(["search", "frivilige", "--index", built])
    assert text.stdout.splitlines()[0] == "note: no match for 'frivilige'; searched for 'frivillige' instead (95% similar)"
    as_json = run(["search", "frivilige", "--index", built, "--format", "json"])
    assert as_json.stderr == "note: no match for 'frivilige'; searched for 'frivillige' instead (95% similar)\n"
    assert json.loads(as_json.stdout)[0]["doc_id"] == "alfa"


def test_a_word_found_nowhere_is_named(built):
    result = run(["search", "frivillige xyzzyqq", "--index", built])
    assert result.stdout.startswith("note: no passage holds 'xyzzyqq' in any form\n1 of 1 matching passage")
    as_json = run(["search", "frivillige xyzzyqq", "--index", built, "--format", "json"])
    assert as_json.stderr == "note: no passage holds 'xyzzyqq' in any form\n"
    assert "note:" not in run(["search", "frivillige mentorer", "--index", built]).stdout


def test_search_with_no_match_says_so(built):
    result = run(["search", "fleksjob", "--index", built])
    assert (result.exit_code, result.stdout) == (0, "no passages match 'fleksjob'\n")


def test_filters_that_hide_every_match_are_named_with_the_count_without_them(built):
    """"no passages match" under --kind or --doc read as if no report spoke of it."""
    result = run(["search", "frivillige", "--index", built, "--kind", "goal", "--doc", "alfa"])
    assert (result.exit_code, result.stdout) == (
        0, "no passages match 'frivillige' among those of kind goal and document 'alfa'; 1 does without these filters\n")
    as_json = run(["search", "frivillige", "--index", built, "--kind", "goal", "--kind", "lesson", "--format", "json"])
    assert json.loads(as_json.stdout) == []
    assert as_json.stderr == ("note: no passages match 'frivillige' among those of kind goal or lesson; "
                              "1 does without these filters\n")
    assert run(["search", "fleksjob", "--index", built, "--kind", "goal"]).stdout == "no passages match 'fleksjob'\n"


def test_a_filter_written_into_the_query_is_named_with_its_option(built):
    """"frivillige kind:lesson", as other search tools filter, read as two words found nowhere."""
    result = run(["search", "frivillige kind:lesson YEAR:2016", "--index", built])
    assert result.stdout.splitlines()[:3] == [
        "note: 'kind:lesson' is searched as words; to filter, give --kind lesson",
        "note: 'YEAR:2016' is searched as words; to filter, give --year 2016",
        "1 of 1 matching passage for 'frivillige kind:lesson YEAR:2016'",
    ]


def test_a_year_must_be_a_year_or_a_span_of_years(built):
    result = run(["search", "frivillige", "--index", built, "--year", "2015/16"])
    assert result.exit_code == 2
    assert "'2015/16' is not a year (2016) or a span of years (2015-2018)" in result.stderr


def test_a_long_query_is_echoed_cut(built):
    query = "frivillige mentorer " * 20
    first = run(["search", query, "--index", built]).stdout.splitlines()[0]
    assert first.endswith("'frivillige mentorer frivillige mentorer frivillige mentorer frivillige mentorer…'")


def test_a_query_may_start_with_an_excluded_word(built):
    result = run(["search", "-mentorer projektet", "--index", built, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    texts = [hit["text"] for hit in json.loads(result.stdout)]
    assert texts and not any("mentorer" in t for t in texts)
    misspelt = run(["search", "projektet", "--limt", "3", "--index", built])
    assert misspelt.exit_code == 2 and "No such option '--limt'" in misspelt.stderr


def test_search_filters_by_document(built):
    hits = json.loads(run(["search", "ledelsesopbakning", "--index", built, "--doc", "beta", "--format", "json"]).stdout)
    assert {h["doc_id"] for h in hits} == {"beta"}


def test_search_rejects_an_unknown_document(built):
    result = run(["search", "ledelse", "--index", built, "--doc", "gamma"])
    assert result.exit_code == 2
    assert result.stderr == "error: no document 'gamma' in the index; it holds: alfa, beta\n"


def test_search_notes_a_document_named_by_part(built):
    result = run(["search", "ledelsesopbakning", "--index", built, "--doc", "BET", "--format", "json"])
    assert result.exit_code == 0
    assert {h["doc_id"] for h in json.loads(result.stdout)} == {"beta"}
    assert result.stderr == "note: document 'BET' read as 'beta'\n"


def test_search_rejects_an_unknown_kind(built):
    result = run(["search", "ledelse", "--index", built, "--kind", "chapter"])
    assert result.exit_code == 2
    assert "Invalid value for '--kind': 'chapter' is not one of" in result.stderr


def test_search_without_an_index_in_a_named_folder_fails_with_the_reason(tmp_path):
    """The folder is named as given: the default one is called "index", which says nothing of where."""
    result = run(["search", "ledelse", "--index", tmp_path / "nowhere"])
    assert result.exit_code == 1
    assert result.stderr == (f"error: {tmp_path / 'nowhere'}: no search index here; build one with "
                             f"`evalsearch index PATH... --index {tmp_path / 'nowhere'}`\n")


def test_a_folder_name_with_a_space_is_quoted_in_the_hint_so_it_can_be_pasted(tmp_path):
    """Double quotes, which the Windows command prompt reads too (shlex's single quotes it does not)."""
    folder = tmp_path / "mit indeks"
    result = run(["search", "ledelse", "--index", folder])
    assert result.exit_code == 1 and result.stderr.endswith(f'`evalsearch index PATH... --index "{folder}"`\n')


def test_first_search_builds_an_index_over_the_sample_corpus(inbox, monkeypatch, user_data_home):
    monkeypatch.setattr(files_module, "sample_corpus_dir", lambda: inbox)
    first = run(["search", "frivillige", "--format", "json"])
    assert first.exit_code == 0, first.stderr
    assert first.stderr.startswith(f"search: no index yet; building one over the bundled sample corpus in "
                                   f"{user_data_home / 'index'}\n")
    assert json.loads(first.stdout)[0]["doc_id"] == "alfa"
    second = run(["search", "frivillige", "--format", "json"])
    assert second.stderr == "" and json.loads(second.stdout) == json.loads(first.stdout)


def test_the_sample_the_first_search_indexed_leaves_when_the_user_indexes_own_reports(
        inbox, tmp_path, monkeypatch, user_data_home):
    """The four bundled reports stayed in the user's searches, and only deleting the index removed them."""
    monkeypatch.setattr(files_module, "sample_corpus_dir", lambda: inbox)
    assert run(["search", "frivillige"]).exit_code == 0  # builds the default index over the "sample"
    own = tmp_path / "egne"
    own.mkdir()
    text_report(own / "gamma.pdf", ["Projektet har rekrutteret frivillige via foreninger."])
    result = run(["index", own, "--jobs", "1"])
    assert result.exit_code == 0
    assert ("index: the 2 sample reports that the first search indexed leave the index now that it holds your "
            "reports (add --sample to keep them)") in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1].endswith("1 document indexed (1 passage), 2 removed; 1 document in "
                                                   f"{user_data_home / 'index'}")
    assert {hit["doc_id"] for hit in json.loads(run(["search", "frivillige", "--format", "json"]).stdout)} == {"gamma"}
    # once the index holds the user's reports, the sample added on purpose stays
    assert run(["index", inbox, "--jobs", "1"]).exit_code == 0
    again = run(["index", own, "--jobs", "1"])
    assert "sample reports" not in again.stderr
    assert again.stderr.splitlines()[-1].endswith(f"3 documents in {user_data_home / 'index'}")


@pytest.mark.parametrize("pattern", ["_passages_*.toc", "*.seg"])
def test_a_damaged_index_is_reported_and_rebuilt_by_index(inbox, tmp_path, pattern):
    """A file of the index cut short (a full disk, a bad copy): no traceback, and `index` mends it."""
    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    for path in index_dir.glob(pattern):
        path.write_bytes(path.read_bytes()[:20])
    damaged = run(["search", "frivillige", "--index", index_dir])
    assert damaged.exit_code == 1
    assert damaged.stderr.startswith(f"error: {index_dir}: the search index cannot be read (")
    assert damaged.stderr.endswith(f"rebuild it from the files it was built from with "
                                   f"`evalsearch index --index {index_dir}`\n")
    mended = run(["index", "--index", index_dir, "--jobs", "1"])
    assert mended.exit_code == 0, mended.stderr
    assert "2 documents indexed" in mended.stderr
    hits = json.loads(run(["search", "frivillige", "--index", index_dir, "--format", "json"]).stdout)
    assert [h["doc_id"] for h in hits] == ["alfa"]


def test_a_sample_index_of_another_version_is_rebuilt_by_the_next_search(inbox, monkeypatch, user_data_home):
    monkeypatch.setattr(files_module, "sample_corpus_dir", lambda: inbox)
    first = run(["search", "frivillige", "--format", "json"])
    assert first.exit_code == 0, first.stderr
    _make_outdated(user_data_home / "index")
    again = run(["search", "frivillige", "--format", "json"])
    assert again.exit_code == 0, again.stderr
    assert again.stderr.startswith("search: the sample index is from another version of evalsearch; building one "
                                   f"over the bundled sample corpus in {user_data_home / 'index'}\n")
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_a_sample_index_made_by_other_code_is_made_again_by_the_next_search(inbox, monkeypatch, user_data_home):
    monkeypatch.setattr(files_module, "sample_corpus_dir", lambda: inbox)
    first = run(["search", "frivillige", "--format", "json"])
    sources_file = user_data_home / "index" / "sources.json"
    sources = json.loads(sources_file.read_text())
    sources["documents"]["alfa"]["made_with"] = "an earlier evalsearch"
    sources_file.write_text(json.dumps(sources))
    again = run(["search", "frivillige", "--format", "json"])
    assert again.exit_code == 0, again.stderr
    assert again.stderr.startswith("search: the sample index is from another version of evalsearch; building one ")
    assert "index: 1 of 2 files indexed by another version of evalsearch" in again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert run(["search", "frivillige", "--format", "json"]).stderr == ""


def test_a_search_waits_for_another_run_that_builds_the_default_index(inbox, monkeypatch, user_data_home):
    """Two first searches at once: the second met the half-made index and called it "another version"."""
    import threading

    from evalsearch.index.lock import update_lock

    monkeypatch.setattr(files_module, "sample_corpus_dir", lambda: inbox)
    index_dir = user_data_home / "index"
    assert run(["search", "frivillige"]).exit_code == 0
    sources = (index_dir / "sources.json").read_bytes()
    (index_dir / "sources.json").unlink()  # as the first run leaves it until its commit
    held = threading.Event()

    def building():
        with update_lock(index_dir, 1.0):
            held.set()
            time.sleep(3)
            (index_dir / "sources.json").write_bytes(sources)

    builder = threading.Thread(target=building)
    builder.start()
    held.wait()
    named = run(["search", "frivillige", "--index", index_dir])
    waited = run(["search", "frivillige", "--format", "json"])
    builder.join()
    assert named.exit_code == 1
    assert named.stderr == f"error: {index_dir}: the index is being built by another run; search again when it is done\n"
    assert waited.exit_code == 0, waited.stderr
    assert waited.stderr == f"search: waiting for another run that is building the index in {index_dir}\n"
    assert json.loads(waited.stdout)[0]["doc_id"] == "alfa"


def test_a_default_index_of_other_reports_is_not_rebuilt_by_a_search(inbox, user_data_home):
    assert run(["index", inbox, "--jobs", "1"]).exit_code == 0
    _make_outdated(user_data_home / "index")
    stale = run(["search", "frivillige"])
    assert stale.exit_code == 1 and "evalsearch index --index" in stale.stderr


def test_a_search_loads_neither_the_pdf_reader_nor_spacy(built):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from evalsearch.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['search', 'frivillige', '--index', {str(built)!r}, '--format', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('pdfplumber', 'spacy', 'pypdfium2') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_update_that_waits_for_another_says_so(inbox, tmp_path):
    """A second `index` waited up to a minute for the first one's lock without a word."""
    import threading

    from evalsearch.index.lock import update_lock

    index_dir = tmp_path / "index"
    assert run(["index", inbox, "--index", index_dir, "--jobs", "1"]).exit_code == 0
    held, done = threading.Event(), threading.Event()

    def updating():
        with update_lock(index_dir, 1.0):
            held.set()
            done.wait(10)

    other = threading.Thread(target=updating)
    other.start()
    held.wait()
    threading.Timer(1.0, done.set).start()
    result = run(["index", inbox / "alfa.pdf", inbox / "beta.pdf", "--index", index_dir, "--jobs", "1"])
    other.join()
    assert result.exit_code == 0, result.stderr
    assert f"index: waiting for another run that updates {index_dir} (up to 60 s)" in result.stderr
