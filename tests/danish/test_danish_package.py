"""Package-level checks for ``evalsearch.danish``: layout, doctests, no printing."""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import evalsearch.danish

PACKAGE_DIR = Path(evalsearch.danish.__file__).parent
MODULES = sorted(f"evalsearch.danish.{m.name}" for m in pkgutil.iter_modules([str(PACKAGE_DIR)]))
FORBIDDEN = ("evalsearch.extract", "evalsearch.index", "evalsearch.corpus")


@pytest.mark.parametrize("module_name", MODULES)
def test_module_has_docstring(module_name):
    assert importlib.import_module(module_name).__doc__


@pytest.mark.parametrize("module_name", MODULES)
def test_module_is_small(module_name):
    source = Path(importlib.import_module(module_name).__file__)
    assert len(source.read_text(encoding="utf-8").splitlines()) < 300


@pytest.mark.parametrize("module_name", MODULES)
def test_no_import_from_extract_index_corpus(module_name):
    source = Path(importlib.import_module(module_name).__file__).read_text(encoding="utf-8")
    imported = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    assert not [name for name in imported if name.startswith(FORBIDDEN)]


@pytest.mark.parametrize("module_name", MODULES)
def test_doctests(module_name):
    result = doctest.testmod(importlib.import_module(module_name))
    assert result.failed == 0


@pytest.mark.parametrize("name", evalsearch.danish.__all__)
def test_public_name_is_exported(name):
    assert hasattr(evalsearch.danish, name)


def test_library_prints_nothing(capfd):
    from evalsearch import danish

    danish.get_nlp()
    danish.lemmas("Ledelsen bakkede op.")
    danish.split_compound("ledelsesopbakning")
    danish.join_line_break("ud-", "dannelse")
    danish.parse_amount_dkk("1,2 mio. kr.")
    danish.base_forms("ledelsesmæssig")
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""
