"""How the commands read PDFs: through the corpus, with progress and every failure on stderr.

A file read before (by any command) and unchanged since comes from the
corpus's record store instead of being extracted again; the rest is extracted
in parallel and kept. Each failed file is reported with its reason, each
partly read file with its warnings, and the run goes on. Used by ``extract``,
``tables``, ``lessons`` and ``figures``.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from evalsearch.console import Progress
from evalsearch.corpus.batch import BatchOptions, Outcome
from evalsearch.corpus.incremental import extracted_outcomes, plan_run, reused_outcomes
from evalsearch.corpus.store import Corpus
from evalsearch.errors import CorpusError, OutputError
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document
from evalsearch.naming import doc_id_for
from evalsearch.wording import count_label


def open_corpus(corpus_dir: Path | None) -> Corpus:
    """Open the corpus, or end the command with the reason it cannot be used (exit code 1)."""
    try:
        return Corpus(corpus_dir)
    except CorpusError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@contextmanager
def corpus_for_run(corpus_dir: Path | None) -> Iterator[Corpus]:
    """The corpus of a run; when the default one cannot be used, a throw-away one, with a warning.

    A named corpus (--corpus) that cannot be used ends the command instead.
    """
    if corpus_dir is not None:
        with open_corpus(corpus_dir) as corpus:
            yield corpus
        return
    try:
        corpus = Corpus(None)
    except CorpusError as exc:
        click.echo(f"warning: {exc}; the files are read without keeping them", err=True)
        with tempfile.TemporaryDirectory(prefix="evalsearch-corpus-") as tmp, Corpus(tmp) as scratch:
            yield scratch
        return
    with corpus:
        yield corpus


def failure_text(outcome: Outcome) -> str:
    """"name.pdf, page N: reason"; the whole path when another file of the run has the same name."""
    error = outcome.error
    assert error is not None
    if outcome.doc_id is not None and outcome.doc_id != doc_id_for(outcome.path):
        page = f", page {error.page}" if error.page else ""
        return f"{outcome.path}{page}: {error.reason}"
    return str(error) if error.path else f"{outcome.path.name}: {error}"


def report_outcome(outcome: Outcome, progress: Progress) -> Document | None:
    """Report a failed file, or the warnings of a partly read one; RETURNS its document, or None."""
    if outcome.error is not None:
        progress.error(failure_text(outcome))
        progress.advance(outcome.path.name)
        return None
    document = outcome.document
    assert document is not None
    for item in document.errors:
        where = f", page {item.page}" if item.page else ""
        progress.warning(f"{outcome.path.name}{where}: {item.message}")
    if not outcome.reused:
        progress.advance(outcome.path.name, document.source.pages)
    return document


def interrupted(recorded: int, total: int) -> None:
    """End a run stopped with Ctrl-C (exit code 130), saying what was kept."""
    were = "was" if recorded == 1 else "were"
    click.echo(f"interrupted: {recorded} of {count_label(total, 'file', 'files')} {were} extracted and kept in the corpus; "
               "run the same command again to go on", err=True)
    sys.exit(130)


def read_through_corpus(
    pdfs: list[Path],
    label: str,
    settings: ExtractSettings,
    options: BatchOptions,
    corpus_dir: Path | None,
    quiet: bool,
    reused_note: str,
    handle: Callable[[Outcome, Progress], bool],
) -> int:
    """Read PDFs through a corpus and hand each outcome to ``handle``, with progress and clean stops.

    Files the corpus holds unchanged come first, quietly ("N of M files
    <reused_note>, taken from the corpus"), then the rest are extracted in
    parallel and stored one by one. Ctrl-C ends the command with exit code 130
    and says what was kept; an unusable corpus ends it with exit code 1.

    Args:
        pdfs (list[Path]): the files, in the order the user named them.
        label (str): the command's name, for progress lines.
        settings (ExtractSettings), options (BatchOptions): how files are read.
        corpus_dir (Path | None): the corpus folder (None: the default one).
        quiet (bool): print nothing but errors and warnings.
        reused_note (str): how the message on reused files says they are unchanged; "{they_were}"
            in it stands for "it was" or "they were", as their number asks.
        handle (Callable[[Outcome, Progress], bool]): reports or keeps one outcome;
            returns whether the file was read.
    RETURNS (int): how many extracted files failed.
    """
    failed = 0
    plan = None
    try:
        with corpus_for_run(corpus_dir) as corpus:
            plan = plan_run(corpus, pdfs, settings, force=options.force)
            for note in plan.notes:
                click.echo(f"warning: {note}", err=True)
            quietly = Progress(0, label, silent=True)
            for outcome in reused_outcomes(corpus, plan):  # damaged records move to plan.tasks
                handle(outcome, quietly)
            if plan.reused and not quiet:
                note = reused_note.format(they_were="it was" if len(plan.reused) == 1 else "they were")
                click.echo(f"{label}: {len(plan.reused)} of {count_label(plan.total, 'file', 'files')} {note}, "
                           "taken from the corpus", err=True)
            with Progress(len(plan.tasks), label, silent=quiet) as progress:
                for outcome in extracted_outcomes(corpus, plan, settings, options):
                    if not handle(outcome, progress):
                        failed += 1
            if plan.tasks and not quiet:  # after the live bar has gone
                click.echo(progress.summary(), err=True)
    except KeyboardInterrupt:
        if plan is None:
            click.echo("interrupted before any file was read", err=True)
            sys.exit(130)
        interrupted(plan.recorded, len(plan.tasks))
    except (CorpusError, OutputError) as exc:  # what was read is kept in the corpus
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    return failed


def read_documents(
    pdfs: list[Path], label: str, silent: bool, jobs: int | None, password: str | None = None,
) -> tuple[list[Document], int]:
    """Read the PDFs through the default corpus (``read_through_corpus``).

    Args:
        pdfs (list[Path]): the files, in the order the user named them.
        label (str): the command's name, for progress lines.
        silent (bool): print nothing but errors and warnings.
        jobs (int | None): files read at once (None: one per CPU core).
        password (str | None): for encrypted PDFs.
    RETURNS (tuple[list[Document], int]): the documents read, in the order given, and
        how many files failed.
    """
    documents: dict[int, Document] = {}

    def keep(outcome: Outcome, progress: Progress) -> bool:
        document = report_outcome(outcome, progress)
        if document is not None:
            documents[outcome.index] = document
        return document is not None

    settings = ExtractSettings.resolve({"password": password})
    failed = read_through_corpus(pdfs, label, settings, BatchOptions(jobs=jobs), None, silent,
                                 "unchanged since {they_were} read", keep)
    return _without_copies([documents[i] for i in sorted(documents)]), failed


def _without_copies(documents: list[Document]) -> list[Document]:
    """The documents less the copies of an earlier one (same sha256), each said on stderr.

    A report saved under two names would put its goal rows in an export twice.
    """
    from evalsearch.corpus.copies import find_copies

    copies = find_copies((d.doc_id, d.source.sha256) for d in documents)
    names = {d.doc_id: Path(d.source.path).name for d in documents}
    for copy, kept in copies.items():
        click.echo(f"warning: {names[copy]} is the same file as {names[kept]} (same sha256); taken once", err=True)
    return [d for d in documents if d.doc_id not in copies]
