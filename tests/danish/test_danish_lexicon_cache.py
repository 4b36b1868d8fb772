"""The saved lexicon: the same tables as a fresh build, never stale, never in the way."""

from __future__ import annotations

import pytest

from evalsearch.danish import lexicon_cache, lookup_table
from evalsearch.danish.lexicon_cache import cache_key, load_tables, save_tables


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("EVALSEARCH_NO_CACHE", raising=False)
    return tmp_path / "evalsearch"


def test_saved_tables_load_back_as_they_were(cache_home):
    save_tables("k1", {"ledelsen": "ledelse"}, {"grader": "grad"})
    assert load_tables("k1") == ({"ledelsen": "ledelse"}, {"grader": "grad"})
    assert load_tables("k2") is None


def test_a_copy_built_from_other_sources_is_replaced(cache_home):
    save_tables("old", {"a": "a"}, {})
    save_tables("new", {"b": "b"}, {})
    assert [p.name for p in cache_home.iterdir()] == ["lexicon-new.pickle"]


def test_a_damaged_copy_is_ignored(cache_home):
    save_tables("k1", {"a": "a"}, {})
    (cache_home / "lexicon-k1.pickle").write_bytes(b"\x80\x05 not a pickle")
    assert load_tables("k1") is None


def test_the_cache_can_be_switched_off(cache_home, monkeypatch):
    monkeypatch.setenv("EVALSEARCH_NO_CACHE", "1")
    save_tables("k1", {"a": "a"}, {})
    assert not cache_home.exists()
    assert load_tables("k1") is None


def test_a_read_only_cache_dir_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache dir should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    save_tables("k1", {"a": "a"}, {})
    assert load_tables("k1") is None


def test_the_key_follows_the_sources_of_the_tables():
    sources = lookup_table.table_sources()
    assert len(sources) == 4 and all(sources)
    changed = sources[:-1] + [sources[-1] + b"\n# a new correction"]
    assert cache_key(changed) != cache_key(sources)


def test_loaded_tables_are_the_built_ones(cache_home):
    built = lookup_table.build_tables()
    key = cache_key(lookup_table.table_sources())
    save_tables(key, *built)
    assert load_tables(key) == built
    assert lexicon_cache.cache_dir() == cache_home
