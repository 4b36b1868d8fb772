"""The one exception hierarchy of evalsearch.

Every error that concerns a file carries its ``path`` and, where one page is the
problem, the 1-based ``page``; ``str(error)`` reads "report.pdf, page 12: reason".
Errors about the index and the corpus name the whole path: their default folders
are called "index" and "corpus", which alone say nothing of where they are.
The CLI turns any ``EvalsearchError`` into a one-line message and an exit code;
anything else escaping the library is a bug.
"""

from __future__ import annotations

from pathlib import Path


class EvalsearchError(Exception):
    """Base class: a problem the user can act on.

    Args:
        reason (str): plain-words description of what went wrong.
        path (str | Path | None): the file concerned, if any.
        page (int | None): 1-based page number, if one page is the problem.
    """

    #: ``str()`` names the whole path instead of the file name
    whole_path = False

    def __init__(self, reason: str, path: str | Path | None = None, page: int | None = None):
        self.reason = reason
        self.path = Path(path) if path is not None else None
        self.page = page
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path) if self.whole_path else self.path.name)
        if self.page is not None:
            where.append(f"page {self.page}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def __reduce__(self):
        # Errors travel between worker processes; keep the keyword form picklable.
        return (self.__class__, (self.reason, self.path, self.page))


class InputError(EvalsearchError):
    """The input file cannot be read as a PDF: empty, not a PDF, encrypted, damaged."""


class EncryptedError(InputError):
    """The PDF is encrypted and no (or a wrong) password was given."""


class NoTextLayerError(InputError):
    """The PDF has pages but no text layer (a scan): OCR would be needed."""


class ExtractionError(EvalsearchError):
    """The PDF opened but a stage of the extraction failed on it."""


class SearchIndexError(EvalsearchError):
    """The search index is missing, locked, damaged or from another version."""

    whole_path = True


class CorpusError(EvalsearchError):
    """The corpus manifest or record store cannot be read or written."""

    whole_path = True


class OutputError(EvalsearchError):
    """A file the user asked for (an export, a catalogue, a rendering) cannot be written."""


class UsageError(EvalsearchError):
    """A setting or option has a value that is not allowed."""
