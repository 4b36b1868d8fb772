"""Shared fixtures: the shared corpus and gold beside the project, each PDF extracted once per session."""

from __future__ import annotations

import json
import os
import shutil
import tempfile

import pytest

from evalsearch.extract.pipeline import extract_document
from evalsearch.model import Document
from paths import CORPUS, DOC_IDS, GOLD


def pytest_configure(config):
    """A test run writes to temporary dirs, never the user's: the saved lexicon to a cache dir
    (``danish.lexicon_cache``), and the corpus and index that fixtures of a module or session
    make, before ``user_data_home`` gives each test its own, to a data dir."""
    config._evalsearch_dirs = [tempfile.mkdtemp(prefix="evalsearch-test-cache-"),
                               tempfile.mkdtemp(prefix="evalsearch-test-data-")]
    os.environ["XDG_CACHE_HOME"], os.environ["XDG_DATA_HOME"] = config._evalsearch_dirs


def pytest_unconfigure(config):
    for folder in getattr(config, "_evalsearch_dirs", []):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def user_data_home(tmp_path_factory, monkeypatch):
    """Each test has its own user data dir: the default corpus and index never leak between tests or into $HOME."""
    home = tmp_path_factory.mktemp("data-home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "evalsearch"


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    """doc_id → the gold record of that shared PDF."""
    return {p.stem: json.loads(p.read_text()) for p in GOLD.glob("*.json") if not p.stem.startswith("queries")}


@pytest.fixture(scope="session")
def queries() -> list[dict]:
    return json.loads((GOLD / "queries.json").read_text())


@pytest.fixture(scope="session")
def extracted() -> dict[str, Document]:
    """doc_id → Document, each shared PDF extracted once for the whole session."""
    return {doc_id: extract_document(CORPUS / f"{doc_id}.pdf") for doc_id in DOC_IDS}


@pytest.fixture(scope="session")
def extracted_dicts(extracted) -> dict[str, dict]:
    return {doc_id: doc.to_dict() for doc_id, doc in extracted.items()}


@pytest.fixture(scope="session")
def raw_lookup_table() -> dict[str, str]:
    """The lemma lookup table of spacy-lookups-data, as shipped."""
    from evalsearch.danish.lexicon import read_lookup_table

    return read_lookup_table()


@pytest.fixture(scope="session")
def da_nlp():
    """The offline Danish pipeline, built once for the session."""
    from evalsearch.danish.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def search_index(extracted, tmp_path_factory):
    """A passage index over the shared corpus, built once for the session from ``extracted``."""
    from evalsearch.index.writer import update_index

    index_dir = tmp_path_factory.mktemp("search-index")
    update_index(index_dir, list(extracted.values()))
    return index_dir
