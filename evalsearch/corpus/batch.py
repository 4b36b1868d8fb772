"""Run the extraction over many files: every failure is kept as data, the batch goes on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from evalsearch.errors import EvalsearchError
from evalsearch.extract.pipeline import extract_document
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document


@dataclass(frozen=True)
class Outcome:
    """What became of one file: a document, or the error that stopped it."""

    path: Path
    document: Document | None = None
    error: EvalsearchError | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def extract_one(path: Path, settings: ExtractSettings) -> Outcome:
    try:
        return Outcome(path, document=extract_document(path, settings))
    except EvalsearchError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(path, error=EvalsearchError("damaged PDF: its object structure is nested too deeply", path))


def extract_paths(paths: Iterable[Path], settings: ExtractSettings) -> Iterator[Outcome]:
    """Extract each file in turn, yielding its outcome as soon as it is done."""
    for path in paths:
        yield extract_one(path, settings)
