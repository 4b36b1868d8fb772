"""Run the extraction over many files in parallel, every failure kept as data.

``run_tasks(tasks, settings, options)`` reads files and yields an ``Outcome``
for each as it finishes; nothing is stored (runs against a corpus, which
store and resume, are in ``evalsearch.corpus.incremental``).

Files run largest first in worker processes (``evalsearch.corpus.pool``); a
file that crashes its worker or runs over its time limit becomes a failure
like any other. Library code never prints; the CLI shows progress.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from evalsearch.corpus.manifest import FileStamp
from evalsearch.corpus.pool import (
    DEFAULT_TIME_LIMIT,
    PoolOptions,
    TimeLimitReached,
    run_in_workers,
    time_limit,
    time_limit_reason,
)
from evalsearch.corpus.warmup import warm_up_extraction
from evalsearch.errors import EvalsearchError, ExtractionError, UsageError
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document

log = logging.getLogger(__name__)

# Imported once by the workers' fork server: workers start with the extraction loaded.
PRELOAD_MODULES = ("evalsearch.corpus.preload",)


def default_jobs() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BatchOptions:
    """How a bulk run goes.

    Attributes:
        jobs (int | None): worker processes; None means one per CPU core.
        time_limit (float | None): seconds one file may take before it is
            stopped and reported; None or 0 means no limit.
        force (bool): extract every file again, even unchanged ones.
    """

    jobs: int | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    force: bool = False

    def __post_init__(self) -> None:
        if self.jobs is not None and self.jobs < 1:
            raise UsageError(f"setting 'jobs' must be at least 1, got {self.jobs}")
        if self.time_limit is not None and self.time_limit < 0:
            raise UsageError(f"setting 'time_limit' must not be negative, got {self.time_limit}")

    @property
    def workers(self) -> int:
        return self.jobs or default_jobs()


@dataclass(frozen=True)
class Task:
    """One file to read: where it stands in the input, and the doc_id it is stored under."""

    index: int
    path: Path
    doc_id: str
    stamp: FileStamp | None = None
    size: int = 0


@dataclass(frozen=True)
class Outcome:
    """What became of one file: a document, or the error that stopped it.

    ``reused`` is true when the document was read back from the corpus
    because neither the file nor the extractor changed since it was made.
    """

    path: Path
    document: Document | None = None
    error: EvalsearchError | None = None
    doc_id: str | None = None
    index: int = 0
    reused: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.document is not None


def extract_one(path: Path, settings: ExtractSettings) -> Outcome:
    """Extract one file; every failure, expected or not, comes back as ``Outcome.error``."""
    from evalsearch.extract.pipeline import extract_document  # imported where files are read, not by every command

    try:
        return Outcome(path, document=extract_document(path, settings))
    except EvalsearchError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(path, error=ExtractionError("damaged PDF: its object structure is nested too deeply", path))
    except MemoryError:
        return Outcome(path, error=ExtractionError("out of memory while reading this file", path))
    except Exception as exc:  # a bug met on odd input must not stop the batch
        log.exception("%s: extraction failed", path.name)
        return Outcome(path, error=ExtractionError(f"internal error: {type(exc).__name__}: {exc}", path))


def extract_task(task: Task, settings: ExtractSettings) -> Outcome:
    """Extract the task's file under its doc_id (runs in a worker process)."""
    started = time.perf_counter()
    outcome = extract_one(task.path, settings)
    document = outcome.document
    if document is not None:
        document.doc_id = task.doc_id
    return Outcome(task.path, document, outcome.error, task.doc_id, task.index, False, time.perf_counter() - started)


def extract_task_here(task: Task, settings: ExtractSettings, limit: float | None) -> Outcome:
    """Extract the task's file in this process, within the time limit."""
    try:
        with time_limit(limit):
            return extract_task(task, settings)
    except TimeLimitReached:
        return task_failed(task, time_limit_reason(limit or 0))


def task_failed(task: Task, reason: str) -> Outcome:
    """The outcome of a task whose worker was lost (crash, time limit)."""
    return Outcome(task.path, error=ExtractionError(reason, task.path), doc_id=task.doc_id, index=task.index)


def run_tasks(tasks: Sequence[Task], settings: ExtractSettings, options: BatchOptions) -> Iterator[Outcome]:
    """Extract the tasks, largest file first, yielding outcomes as they finish.

    One task runs in this process; more run in ``options.workers`` worker processes.
    """
    if not tasks:
        return
    ordered = sorted(tasks, key=lambda t: (-t.size, t.index))
    if len(ordered) == 1:
        yield extract_task_here(ordered[0], settings, options.time_limit)
        return
    pool = PoolOptions(
        jobs=min(options.workers, len(ordered)), time_limit=options.time_limit or None, preload=PRELOAD_MODULES
    )
    results = run_in_workers(ordered, extract_task, task_failed, settings, pool, warm_up=warm_up_extraction)
    try:
        yield from results
    finally:
        results.close()

