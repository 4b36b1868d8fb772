"""Bulk runs against a corpus: decide what to extract, take the rest from the store, keep every result.

``plan_run(corpus, paths, settings)`` gives every file its doc_id and sorts
the files into those to extract and those whose record can be reused (file
and extractor unchanged). ``corpus_run(corpus, plan, ...)`` yields the reused
documents, then extracts the rest in parallel (``batch.run_tasks``) and stores
each one the moment it is done, record first and manifest entry second. So an
interrupted run loses nothing it finished, and the next run goes on where it
stopped. ``corpus_documents`` does both in one call, for commands such as
``index``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from evalsearch.corpus.batch import BatchOptions, Outcome, Task, run_tasks
from evalsearch.corpus.fingerprint import extractor_fingerprint
from evalsearch.corpus.files import file_sha256
from evalsearch.corpus.manifest import Entry, FileStamp, is_encrypted, now_iso, same_file_content
from evalsearch.corpus.store import Corpus
from evalsearch.errors import CorpusError, InputError
from evalsearch.extract.settings import ExtractSettings
from evalsearch.model import Document
from evalsearch.naming import doc_id_for

@dataclass
class Plan:
    """What a corpus run will do: files to extract, files to take from the store, and why.

    ``recorded`` counts the files of ``tasks`` stored so far by ``corpus_run``.
    ``copied_from`` maps the index of a reused task to the doc_id whose record it
    takes: a renamed or copied file holds the bytes of a file read before under
    another doc_id.
    """

    tasks: list[Task] = field(default_factory=list)
    reused: list[Task] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fingerprint: str = ""
    recorded: int = 0
    copied_from: dict[int, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.tasks) + len(self.reused)


def assign_doc_ids(paths: Sequence[Path], entries: Iterable[Entry]) -> tuple[list[str], list[str]]:
    """A doc_id for each path: its file stem, unless two files of the run share it.

    A file the corpus already knows (by its absolute path) keeps its doc_id. Of
    two files in one run with the same stem, the first keeps the stem and the
    next get "-2", "-3", ... and a note says so. A doc_id held in the corpus by a
    file outside this run passes to the file of this run (a moved or replaced
    file); a note says so when the earlier file still exists with other bytes.

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
        if holder is not None and holder.path not in run_keys and Path(holder.path).exists() \
                and not _same_bytes(path, holder.sha256):
            notes.append(f"{path}: now stands for {candidate!r} in the corpus, in place of {holder.path}")
        ids[i] = candidate
        taken.add(candidate)
    return [i for i in ids if i is not None], notes


def _same_bytes(path: Path, sha256: str | None) -> bool:
    try:
        return sha256 is not None and file_sha256(path) == sha256
    except OSError:
        return False


def plan_run(
    corpus: Corpus, paths: Sequence[Path], settings: ExtractSettings, force: bool = False
) -> Plan:
    """Decide, file by file, whether to extract it or take its record from the corpus.

    A file is taken from the store when its entry succeeded, its record exists,
    the extractor fingerprint is the same and the file holds the same bytes
    (same size and time, or same sha256). A file new to the corpus whose bytes
    are those of a file read before (renamed or copied: same sha256) takes that
    file's record under its own doc_id. Failed files are always tried again,
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
            continue
        source = None if force or stamp is None or not _utf8_name(path) else \
            _same_bytes_read_before(corpus, entries.values(), fingerprint, path, stamp)
        if source is not None:
            plan.copied_from[task.index] = source.doc_id
            plan.reused.append(task)
        else:
            plan.tasks.append(task)
    return plan


def _same_bytes_read_before(
    corpus: Corpus, entries: Iterable[Entry], fingerprint: str, path: Path, stamp: FileStamp
) -> Entry | None:
    """The entry of a file read before whose record holds this file's bytes, or None.

    Only entries of the same size are candidates, so a file unlike any other is
    not hashed here (extraction hashes it anyway).
    """
    candidates = [e for e in entries if e.size == stamp.size and e.sha256 and e.ok and not e.needs_password
                  and e.fingerprint == fingerprint]
    if not candidates:
        return None
    try:
        sha256 = file_sha256(path)
    except OSError:
        return None
    return next((e for e in candidates if e.sha256 == sha256 and corpus.store.exists(e.doc_id)), None)


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
) -> Iterator[Outcome]:
    """Carry out a plan: yield the reused documents, then extract the rest and store each at once.

    Args:
        corpus (Corpus): where records and the manifest are kept.
        plan (Plan): from ``plan_run``.
        settings (ExtractSettings): the extraction settings.
        options (BatchOptions | None): jobs, time limit.
    RETURNS (Iterator[Outcome]): one outcome per file of the plan.
    """
    yield from reused_outcomes(corpus, plan)
    yield from extracted_outcomes(corpus, plan, settings, options)


def reused_outcomes(corpus: Corpus, plan: Plan) -> Iterator[Outcome]:
    """The documents of ``plan.reused``, read from the store.

    A record that cannot be read moves from ``plan.reused`` to ``plan.tasks``,
    to be extracted again; so after this, the plan's counts are the real ones.
    """
    damaged: list[Task] = []
    for task in plan.reused:
        source = plan.copied_from.get(task.index)
        try:
            document = corpus.store.read(source or task.doc_id)
        except CorpusError:
            damaged.append(task)
            continue
        if source is not None:
            document = _record_copy(corpus, document, task, source)
        if document.source.path != str(task.path):  # the same bytes, named as in this run
            document.source = replace(document.source, path=str(task.path))
        yield Outcome(task.path, document, None, task.doc_id, task.index, reused=True)
    if damaged:
        plan.reused = [t for t in plan.reused if t not in damaged]
        plan.tasks = plan.tasks + damaged


def _record_copy(corpus: Corpus, document: Document, task: Task, source: str) -> Document:
    """Store the record of ``source`` again as the record of ``task``'s file, which holds the same bytes."""
    document = replace(document, doc_id=task.doc_id, source=replace(document.source, path=str(task.path)))
    entry = corpus.manifest.get(source)
    assert entry is not None and task.stamp is not None
    corpus.store.write(document, entry.fingerprint)
    corpus.manifest.put(replace(entry, doc_id=task.doc_id, path=str(task.path.resolve()), size=task.stamp.size,
                                mtime_ns=task.stamp.mtime_ns))
    return document


def extracted_outcomes(
    corpus: Corpus, plan: Plan, settings: ExtractSettings, options: BatchOptions | None = None
) -> Iterator[Outcome]:
    """Extract ``plan.tasks`` in parallel, storing each file the moment it is done, and yield its outcome.

    A file whose name is no UTF-8 text (bytes of another code page, on Linux)
    fails at once: the manifest, the records and the index keep names as UTF-8.
    """
    tasks = []
    for task in plan.tasks:
        if _utf8_name(task.path):
            tasks.append(task)
            continue
        reason = "the file name is not UTF-8 text, so it cannot be recorded; rename the file"
        yield Outcome(task.path, error=InputError(reason, task.path), doc_id=task.doc_id, index=task.index)
    stamps = {t.index: t.stamp for t in tasks}
    with closing(run_tasks(tasks, settings, options or BatchOptions())) as outcomes:
        for outcome in outcomes:
            record_outcome(corpus, outcome, stamps.get(outcome.index), plan.fingerprint, settings.password is not None)
            plan.recorded += 1
            yield outcome


def _utf8_name(path: Path) -> bool:
    try:
        str(path.resolve()).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def corpus_documents(
    paths: Sequence[Path],
    settings: ExtractSettings,
    corpus_dir: str | Path | None = None,
    options: BatchOptions | None = None,
) -> Iterator[Outcome]:
    """The outcome of each file through the corpus: unchanged files from the store, the rest extracted and stored.

    What ``index`` uses, so that a file extracted once (by ``extract`` or an
    earlier, perhaps interrupted, ``index``) is never extracted again while it
    and the extractor are unchanged. ``corpus_dir`` None is the default corpus.
    """
    options = options or BatchOptions()
    with Corpus(corpus_dir) as corpus:
        plan = plan_run(corpus, list(paths), settings, force=options.force)
        with closing(corpus_run(corpus, plan, settings, options)) as outcomes:
            yield from outcomes


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
