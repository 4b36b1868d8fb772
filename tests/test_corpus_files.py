"""Output files: written whole, and with the permissions a user expects of a file they share."""

from __future__ import annotations

import os
import stat

import pytest

from evalsearch.corpus.files import write_atomic


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
