"""The package's shape: layering between sub-packages, Whoosh only in index/, doctests, module size."""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import evalsearch

PACKAGE_DIR = Path(evalsearch.__file__).parent
MODULES = sorted(
    m.name for m in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="evalsearch.") if not m.name.endswith("__main__")
)
MAX_LINES = 400

# sub-package → sub-packages it must never import
LAYERS = {
    "evalsearch.extract": ("evalsearch.index", "evalsearch.corpus", "evalsearch.cli"),
    "evalsearch.index": ("evalsearch.extract", "evalsearch.cli"),
    "evalsearch.danish": ("evalsearch.extract", "evalsearch.index", "evalsearch.corpus", "evalsearch.cli"),
}


def imports_of(module_name: str) -> list[str]:
    source = Path(importlib.import_module(module_name).__file__).read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


@pytest.mark.parametrize("module_name", MODULES)
def test_layering(module_name):
    for layer, forbidden in LAYERS.items():
        if module_name.startswith(layer):
            bad = [name for name in imports_of(module_name) if name.startswith(forbidden)]
            assert not bad, f"{module_name} imports {bad}"


@pytest.mark.parametrize("module_name", MODULES)
def test_whoosh_only_inside_index(module_name):
    if module_name.startswith("evalsearch.index"):
        return
    assert not [name for name in imports_of(module_name) if name.split(".")[0] == "whoosh"]


@pytest.mark.parametrize("module_name", MODULES)
def test_module_is_documented_and_small(module_name):
    module = importlib.import_module(module_name)
    assert module.__doc__, f"{module_name} has no docstring"
    lines = len(Path(module.__file__).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module_name} has {lines} lines"


@pytest.mark.parametrize("module_name", MODULES)
def test_doctests(module_name):
    result = doctest.testmod(importlib.import_module(module_name))
    assert result.failed == 0


@pytest.fixture(scope="module")
def data_dirs_of_a_module_fixture():
    """Where a fixture of module scope (set up before each test's own data dir) would write."""
    from evalsearch.corpus.store import default_corpus_dir
    from evalsearch.index.writer import default_index_dir

    return default_corpus_dir(), default_index_dir()


def test_fixtures_of_a_module_write_no_corpus_or_index_into_the_user_s_home(data_dirs_of_a_module_fixture):
    """An index built by a module's fixture was recorded in the user's own corpus."""
    for folder in data_dirs_of_a_module_fixture:
        assert not folder.resolve().is_relative_to(Path.home().resolve()), folder
