"""Run the extraction over many files: in parallel, resumable, every failure kept as data.

Two ways in:

- ``extract_paths(paths, settings, jobs=...)`` reads files and yields an
  ``Outcome`` for each; nothing is stored.
- ``plan_run(corpus, paths, settings)`` then ``corpus_run(corpus, plan, ...)``
  works against a corpus (manifest + record store): files whose content and
  extractor are unchanged since their last extraction are read back from the
  store instead of extracted again, every finished file is stored at once, so
  an interrupted run loses nothing and the next run goes on where it stopped.

Files run largest first in worker processes (``evalsearch.corpus.pool``); a
file that crashes its worker or runs over its time limit becomes a failure
like any other. Library code never prints; the CLI shows progress.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evalsearch.corpus.fingerprint import extractor_fingerprint
from evalsearch.corpus.manifest import Entry, FileStamp, is_encrypted, now_iso, same_file_content
from evalsearch.corpus.pool import PoolOptions, TimeLimitReached, run_in_workers, time_limit, time_limit_reason
from evalsearch.corpus.store import Corpus
from evalsearch.corpus.warmup import warm_up_extraction
from evalsearch.errors import CorpusError, EvalsearchError, ExtractionError, UsageError
from evalsearch.extract.pipeline import doc_id_for, extract_document
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 600.0
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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def extract_paths(
    paths: Iterable[Path], settings: ExtractSettings, jobs: int | None = 1, time_limit: float | None = None
) -> Iterator[Outcome]:
    """Extract each file (``jobs`` at a time), yielding its outcome as soon as it is done; nothing is stored."""
    paths = list(paths)
    tasks = [Task(i, p, doc_id_for(p), size=_size(p)) for i, p in enumerate(paths)]
    yield from run_tasks(tasks, settings, BatchOptions(jobs=jobs, time_limit=time_limit))


# --- runs against a corpus -------------------------------------------------------------------


@dataclass
class Plan:
    """What a corpus run will do: files to extract, files to take from the store, and why.

    ``recorded`` counts the files of ``tasks`` stored so far by ``corpus_run``.
    """

    tasks: list[Task] = field(default_factory=list)
    reused: list[Task] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fingerprint: str = ""
    recorded: int = 0

    @property
    def total(self) -> int:
        return len(self.tasks) + len(self.reused)


def assign_doc_ids(paths: Sequence[Path], entries: Iterable[Entry]) -> tuple[list[str], list[str]]:
    """A doc_id for each path: its file stem, unless two files of the run share it.

    A file the corpus already knows (by its absolute path) keeps its doc_id. Of
    two files in one run with the same stem, the first keeps the stem and the
    next get "-2", "-3", ... and a note says so. A doc_id held in the corpus by a
    file outside this run passes to the file of this run (a moved or replaced
    file); a note says so when the earlier file still exists.

    RETURNS (tuple[list[str], list[str]]): the doc_ids in the order of ``paths``, and the notes.
    """
    by_path = {e.path: e for e in entries}
    by_id = {e.doc_id: e for e in by_path.values()}
    keys = [str(p.resolve()) for p in paths]
    ids: list[str | None] = [None] * len(paths)
    taken: set[str] = set()
    for i, key in enumerate(keys):
        known = by_path.get(key)
        if known is not None and known.doc_id not in taken:
            ids[i] = known.doc_id
            taken.add(known.doc_id)
    notes: list[str] = []
    run_keys = set(keys)
    for i, path in enumerate(paths):
        if ids[i] is not None:
            continue
        stem = doc_id_for(path)
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}"
        if candidate != stem:
            notes.append(f"{path}: another file in this run is also named {path.name!r}; stored as {candidate!r}")
        holder = by_id.get(candidate)
        if holder is not None and holder.path not in run_keys and Path(holder.path).exists():
            notes.append(f"{path}: now stands for {candidate!r} in the corpus, in place of {holder.path}")
        ids[i] = candidate
        taken.add(candidate)
    return [i for i in ids if i is not None], notes


def plan_run(
    corpus: Corpus, paths: Sequence[Path], settings: ExtractSettings, force: bool = False
) -> Plan:
    """Decide, file by file, whether to extract it or take its record from the corpus.

    A file is taken from the store when its entry succeeded, its record exists,
    the extractor fingerprint is the same and the file holds the same bytes
    (same size and time, or same sha256). Failed files are always tried again,
    and so are files that were opened with a password, so that it is checked every time.
    """
    fingerprint = extractor_fingerprint(settings)
    entries = {e.doc_id: e for e in corpus.manifest.entries()}
    doc_ids, notes = assign_doc_ids(paths, entries.values())
    plan = Plan(notes=notes, fingerprint=fingerprint)
    for index, (path, doc_id) in enumerate(zip(paths, doc_ids)):
        try:
            stamp: FileStamp | None = FileStamp.of(path)
        except OSError:
            stamp = None
        task = Task(index, path, doc_id, stamp, stamp.size if stamp else 0)
        entry = entries.get(doc_id)
        if not force and stamp is not None and _reusable(corpus, entry, fingerprint, path, stamp):
            assert entry is not None
            key = str(path.resolve())
            if entry.path != key or entry.stamp != stamp:
                corpus.manifest.moved(entry, key, stamp)
            plan.reused.append(task)
        else:
            plan.tasks.append(task)
    return plan


def _reusable(corpus: Corpus, entry: Entry | None, fingerprint: str, path: Path, stamp: FileStamp) -> bool:
    if entry is None or not entry.ok or entry.fingerprint != fingerprint:
        return False
    if entry.needs_password:
        return False
    if not corpus.store.exists(entry.doc_id):
        return False
    try:
        return same_file_content(entry, path.resolve(), stamp)
    except OSError:
        return False


def corpus_run(
    corpus: Corpus,
    plan: Plan,
    settings: ExtractSettings,
    options: BatchOptions | None = None,
    load_reused: bool = True,
) -> Iterator[Outcome]:
    """Carry out a plan: yield the reused documents, then extract the rest and store each at once.

    Args:
        corpus (Corpus): where records and the manifest are kept.
        plan (Plan): from ``plan_run``.
        settings (ExtractSettings): the extraction settings.
        options (BatchOptions | None): jobs, time limit.
        load_reused (bool): read reused documents from the store (else their
            outcomes carry no document, only ``reused=True``).
    RETURNS (Iterator[Outcome]): one outcome per file of the plan.
    """
    options = options or BatchOptions()
    extra: list[Task] = []
    for task in plan.reused:
        if not load_reused:
            yield Outcome(task.path, doc_id=task.doc_id, index=task.index, reused=True)
            continue
        try:
            document = corpus.store.read(task.doc_id)
        except CorpusError:  # a damaged record is made again
            extra.append(task)
            continue
        yield Outcome(task.path, document, None, task.doc_id, task.index, reused=True)
    todo = plan.tasks + extra
    stamps = {t.index: t.stamp for t in todo}
    for outcome in run_tasks(todo, settings, options):
        record_outcome(corpus, outcome, stamps.get(outcome.index), plan.fingerprint, settings.password is not None)
        plan.recorded += 1
        yield outcome


def record_outcome(
    corpus: Corpus, outcome: Outcome, stamp: FileStamp | None, fingerprint: str, password_given: bool = False
) -> None:
    """Store a finished file: the record first, then its manifest entry (so an entry never lacks its record).

    ``stamp`` is the file's size and time taken before it was read, so that a
    file changed while it was being read counts as changed on the next run.
    An encrypted file read with a password (``password_given``) is marked so
    that it is never served from the store without its password.
    """
    assert outcome.doc_id is not None
    key = str(outcome.path.resolve())
    document = outcome.document
    if document is not None:
        corpus.store.write(document, fingerprint)
        entry = Entry(
            doc_id=outcome.doc_id,
            path=key,
            sha256=document.source.sha256,
            size=stamp.size if stamp else None,
            mtime_ns=stamp.mtime_ns if stamp else None,
            pages=document.source.pages,
            status=document.status,
            error="; ".join(_item_text(e.message, e.page) for e in document.errors) or None,
            fingerprint=fingerprint,
            extracted_at=now_iso(),
            seconds=round(outcome.seconds, 3),
            needs_password=password_given and is_encrypted(outcome.path),
        )
    else:
        error = outcome.error
        corpus.store.remove(outcome.doc_id)
        entry = Entry(
            doc_id=outcome.doc_id,
            path=key,
            sha256=None,
            size=stamp.size if stamp else None,
            mtime_ns=stamp.mtime_ns if stamp else None,
            pages=None,
            status="failed",
            error=_item_text(error.reason, error.page) if error is not None else "unknown error",
            fingerprint=fingerprint,
            extracted_at=now_iso(),
            seconds=round(outcome.seconds, 3),
        )
    corpus.manifest.put(entry)


def _item_text(message: str, page: int | None) -> str:
    return f"page {page}: {message}" if page else message
