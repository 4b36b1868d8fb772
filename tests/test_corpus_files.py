"""Output files: written whole, and with the permissions a user expects of a file they share."""

from __future__ import annotations

import os
import stat

import pytest

from evalsearch.corpus.files import find_pdfs, prepare_output, write_atomic, write_output
from evalsearch.errors import InputError, OutputError, UsageError
from evalsearch.extract.pdf import check_file


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode_of(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions(tmp_path, umask_022):
    path = tmp_path / "out" / "maal.csv"
    write_atomic(path, "doc_id\n")
    assert path.read_text() == "doc_id\n"
    assert mode_of(path) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path, umask_022):
    path = tmp_path / "maal.csv"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and mode_of(path) == 0o640


def test_no_temporary_file_is_left_behind(tmp_path):
    write_atomic(tmp_path / "a.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_output_that_cannot_be_written_names_the_file_and_why(tmp_path):
    (tmp_path / "maal").write_text("a file where a folder should be")
    with pytest.raises(OutputError, match=r"^maal\.csv: cannot be written in .*maal \("):
        write_output(tmp_path / "maal" / "maal.csv", "doc_id\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maal"]


def test_an_output_folder_in_the_way_of_a_file_is_named_before_any_work(tmp_path):
    (tmp_path / "ud").write_text("")
    with pytest.raises(OutputError, match=r"the output folder .*ud cannot be made \(.*ud is a file\)"):
        prepare_output(tmp_path / "ud", folder=True)
    with pytest.raises(OutputError, match=r"^maal\.csv: cannot be written: the output folder"):
        prepare_output(tmp_path / "ud" / "maal.csv")
    prepare_output(tmp_path / "ny" / "maal.csv")
    assert (tmp_path / "ny").is_dir() and not (tmp_path / "ny" / "maal.csv").exists()


def test_a_pattern_the_shell_passed_on_as_typed_is_expanded(tmp_path):
    """The Windows command prompt does not expand "reports\\*.pdf"; the path named no file."""
    for name in ("b.pdf", "a.PDF", "noter.txt"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    assert find_pdfs([tmp_path / "*.pdf"]) == [tmp_path / "b.pdf"]
    assert find_pdfs([str(tmp_path / "*.*")]) == [tmp_path / "a.PDF", tmp_path / "b.pdf", tmp_path / "noter.txt"]
    with pytest.raises(UsageError, match=r"^no file matches '.*\*\.docx'$"):
        find_pdfs([tmp_path / "*.docx"])


def test_standard_input_is_refused_with_the_reason():
    with pytest.raises(UsageError, match="cannot be read from standard input"):
        find_pdfs(["-"])


def test_a_link_to_a_file_that_is_gone_is_reported_not_skipped(tmp_path):
    """In a folder it was passed over without a word; named, it was 'no such file or directory'."""
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "flyttet" / "b.pdf")
    assert find_pdfs([tmp_path]) == [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    assert find_pdfs([tmp_path / "b.pdf"]) == [tmp_path / "b.pdf"]
    with pytest.raises(InputError, match=r"^b\.pdf: is a link to .*flyttet/b\.pdf, which does not exist$"):
        check_file(tmp_path / "b.pdf")
