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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from evalsearch.console import Progress
from evalsearch.corpus.batch import BatchOptions, Outcome
from evalsearch.corpus.incremental import extracted_outcomes, plan_run, reused_outcomes
from evalsearch.corpus.store import Corpus
from evalsearch.errors import CorpusError
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document


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
    if outcome.doc_id is not None and outcome.doc_id != outcome.path.stem:
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
    click.echo(f"interrupted: {recorded} of {total} files were extracted and kept in the corpus; "
               "run the same command again to go on", err=True)
    sys.exit(130)


def read_documents(pdfs: list[Path], label: str, silent: bool, jobs: int | None) -> tuple[list[Document], int]:
    """Read the PDFs through the default corpus.

    Args:
        pdfs (list[Path]): the files, in the order the user named them.
        label (str): the command's name, for progress lines.
        silent (bool): print nothing but errors and warnings.
        jobs (int | None): files read at once (None: one per CPU core).
    RETURNS (tuple[list[Document], int]): the documents read, in the order given, and
        how many files failed.
    """
    settings = ExtractSettings()
    documents: dict[int, Document] = {}
    failed = 0
    plan = None
    try:
        with corpus_for_run(None) as corpus:
            plan = plan_run(corpus, pdfs, settings)
            quietly = Progress(0, label, silent=True)
            for outcome in reused_outcomes(corpus, plan):  # damaged records move to plan.tasks
                document = report_outcome(outcome, quietly)
                if document is not None:
                    documents[outcome.index] = document
            if plan.reused and not silent:
                click.echo(f"{label}: {len(plan.reused)} of {plan.total} files unchanged since they were read, "
                           "taken from the corpus", err=True)
            if plan.tasks:
                with Progress(len(plan.tasks), label, silent=silent) as progress:
                    for outcome in extracted_outcomes(corpus, plan, settings, BatchOptions(jobs=jobs)):
                        document = report_outcome(outcome, progress)
                        if document is None:
                            failed += 1
                        else:
                            documents[outcome.index] = document
                if not silent:
                    click.echo(progress.summary(), err=True)
    except KeyboardInterrupt:
        interrupted(plan.recorded if plan else 0, len(plan.tasks) if plan else len(pdfs))
    except CorpusError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    return [documents[i] for i in sorted(documents)], failed
