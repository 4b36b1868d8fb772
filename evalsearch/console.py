"""Progress and messages on stderr: a live bar on a terminal, plain lines when piped.

Library code never prints; the CLI hands a ``Progress`` to long runs. stdout is
left to the command's output so that it can be piped.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import AbstractContextManager

import click

from evalsearch.extract.progress import reporting_pages
from evalsearch.wording import count_label

#: without a live bar, a file still being read is named with its page at most this often (seconds) …
PAGE_NOTE_SECONDS = 10.0
#: … when it has at least this many pages
PAGE_NOTE_MIN_PAGES = 50


def steady_streams() -> None:
    """Make stdout and stderr able to write every character of a report.

    Output to a file or a pipe is UTF-8, as the files written with -o are:
    Python writes it in the locale's code page otherwise (cp1252 on a Danish
    Windows), which has no "✓", so `evalsearch tables reports > maal.csv`
    ended in a traceback. On a terminal, or in an encoding set on purpose
    with PYTHONIOENCODING, a character the encoding lacks becomes "?" on
    stdout and an escape on stderr (as Python writes stderr anyway). A file
    name that is no UTF-8 is written back in its own bytes.
    """
    for stream, lacking in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if not hasattr(stream, "reconfigure"):  # replaced by something that is no text file
            continue
        try:
            if stream.isatty() or os.environ.get("PYTHONIOENCODING"):
                stream.reconfigure(errors=lacking)
            else:
                stream.reconfigure(encoding="utf-8", errors="surrogateescape")
        except (OSError, ValueError):  # closed, or already written to in another encoding
            continue


class Progress(AbstractContextManager):
    """Files and pages done, with an ETA; ``silent`` switches everything off but errors.

    Args:
        total_files (int): how many files the run will handle.
        label (str): what is being done ("extract", "index").
        silent (bool): print nothing but errors and warnings.
    """

    def __init__(self, total_files: int, label: str, silent: bool = False):
        self.total = total_files
        self.label = label
        self.silent = silent
        self.done = 0
        self.pages = 0
        self.failed = 0
        self.started = time.perf_counter()
        self._bar = None
        self._task = None
        self._live = (not silent) and sys.stderr.isatty() and total_files > 0
        self._noted = self.started
        self._pages_shown = reporting_pages(self.page)

    def __enter__(self) -> "Progress":
        if self._live:
            from rich.console import Console
            from rich.progress import (
                BarColumn, MofNCompleteColumn, Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                TimeRemainingColumn,
            )

            # the spinner and the clock move while a long report is read: the counts only when one is done
            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[pages]} pages"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, pages=0)
        self._pages_shown.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._pages_shown.__exit__(*exc)
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return None

    def page(self, name: str, done: int, total: int) -> None:
        """A page of a file still being read in this process: a long report read alone would
        otherwise say nothing until it is done (300 pages take half a minute)."""
        if self._bar is not None:
            self._bar.update(self._task, pages=self.pages + done)
        elif not self.silent and total >= PAGE_NOTE_MIN_PAGES and done < total:
            now = time.perf_counter()
            if now - self._noted >= PAGE_NOTE_SECONDS:
                self._noted = now
                click.echo(f"{self.label}: {name}: page {done} of {total}", err=True)

    def advance(self, name: str, pages: int = 0, note: str = "") -> None:
        """Count one file as done."""
        self.done += 1
        self.pages += pages
        if self._bar is not None:
            self._bar.update(self._task, advance=1, pages=self.pages)
        elif not self.silent:
            suffix = f" ({count_label(pages, 'page', 'pages')})" if pages else ""
            click.echo(f"{self.label}: {self.done}/{self.total} {name}{suffix}{' ' + note if note else ''}", err=True)

    def error(self, message: str) -> None:
        """Report a failure; shown even when silent."""
        self.failed += 1
        self._print(f"error: {message}")

    def warning(self, message: str) -> None:
        self._print(f"warning: {message}")

    def _print(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            click.echo(text, err=True)

    def summary(self) -> str:
        secs = time.perf_counter() - self.started
        ok = self.done - self.failed
        rate = f", {self.pages / secs:.1f} pages/s" if secs > 0 and self.pages else ""
        return (f"{self.label}: {ok} of {count_label(self.done, 'file', 'files')} done, {self.failed} failed, "
                f"{count_label(self.pages, 'page', 'pages')} in {secs:.1f}s{rate}")
