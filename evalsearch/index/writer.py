"""Build and update the passage index: Documents in, passages stored, removed documents out.

``update_index(index_dir, documents, remove)`` is the one way to change an
index: it replaces every passage of each given document, deletes the passages
of the doc_ids in ``remove``, commits once, and records each document's
source (path, sha256) in ``sources.json`` beside the index. Callers decide
what to extract: ``plan.plan_update`` compares PDFs with those records, so an
unchanged file is not extracted again and a file that is gone leaves the
index. One update runs at a time (``lock``); readers keep searching the
last committed state while a writer works.

The analysis memo (``morphology``) is saved beside the index after each
update, so that a search process can analyse the query words without loading
the Danish lexicon.
"""

from __future__ import annotations

import json
import logging
import struct
from pickle import UnpicklingError
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from evalsearch.errors import SearchIndexError
from evalsearch.index.folder import check_index_folder, clear_index_files
from evalsearch.index.lock import BUSY, is_updating, update_lock
from evalsearch.index.morphology import DEFAULT_CACHE_NAME, MORPHOLOGY
from evalsearch.index.passages import document_to_passages
from evalsearch.index.schema import SCHEMA_VERSION, PassageSchema, passage_fields
from evalsearch.model import Document
from evalsearch.wording import shell_arg

log = logging.getLogger(__name__)

INDEX_NAME = "passages"
SOURCES_NAME = "sources.json"
#: share of deleted passages above which a commit merges all segments (``update_index``)
MAX_DELETED_SHARE = 0.25
#: which indexed documents are copies of another (same sha256): read by every search, so kept apart
COPIES_NAME = "copies.json"
#: seconds a writer waits for another writer's lock before giving up
DEFAULT_LOCK_TIMEOUT = 60.0
#: times a reader tries to open the index while commits replace its files
OPEN_ATTEMPTS = 5
#: postings per block on disk
DEFAULT_BLOCK_POSTINGS = 512
#: memory (MB) the writer sorts postings in before it spills to disk
DEFAULT_POOL_MB = 256
#: zlib level of the posting blocks (0: none)
DEFAULT_COMPRESSION = 3


@dataclass(frozen=True)
class IndexedSource:
    """What the index holds of one document and the file it came from."""

    doc_id: str
    path: str
    sha256: str
    title: str | None
    passages: int
    #: what the passages were made with (``corpus.fingerprint.index_fingerprint``): other code or
    #: settings read the file again
    made_with: str = ""


@dataclass(frozen=True)
class UpdateReport:
    added: int
    removed: int
    passages: int
    documents: int


def default_index_dir() -> Path:
    """The index location when none is given: ``index`` in the user data dir."""
    import platformdirs

    return platformdirs.user_data_path("evalsearch", appauthor=False) / "index"



def passage_codec():
    """Whoosh's W3 codec with uncompressed blocks of ``DEFAULT_BLOCK_POSTINGS`` postings.

    The search engine (``engine``) reads whole posting lists; unzipping every
    block cost it more than reading the larger file.
    """
    from whoosh.codec.whoosh3 import W3Codec

    return W3Codec(blocklimit=DEFAULT_BLOCK_POSTINGS, compression=DEFAULT_COMPRESSION)


def _storage(index_dir: Path):
    """The index folder as Whoosh storage, without memory maps.

    With a memory map Whoosh copies every part of a segment file into memory
    each time a searcher opens it (hundreds of MB for a large index); without,
    it reads the parts where they lie. The segment file stays open for the
    searcher's life, so a commit that removes it does not disturb a search.
    """
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(index_dir), supports_mmap=False)


def index_exists(index_dir: str | Path) -> bool:
    """True if a committed index is here: a table of contents, "_passages_<generation>.toc", exists.

    Found by name, with Whoosh's own ``TOC._latest_generation``, rather than with
    ``whoosh.index.exists_in``: that opens the table of contents, which a
    commit running at the same time may just have replaced and deleted.
    """
    from whoosh.index import TOC

    return TOC._latest_generation(_storage(Path(index_dir)), INDEX_NAME) > -1


def read_sources(index_dir: str | Path) -> dict[str, IndexedSource]:
    """The documents an index holds, by doc_id; {} for a missing or new index."""
    path = Path(index_dir) / SOURCES_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {doc_id: IndexedSource(**entry) for doc_id, entry in data["documents"].items()}
    except (ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"the index's list of documents is damaged ({exc}); rebuild the index", path) from exc


def is_current(index_dir: str | Path) -> bool:
    """True if an index is here and this version of evalsearch built it."""
    return index_exists(index_dir) and index_version(index_dir) == SCHEMA_VERSION


def index_version(index_dir: str | Path) -> int | None:
    path = Path(index_dir) / SOURCES_NAME
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None


def _write_sources(index_dir: Path, sources: dict[str, IndexedSource]) -> None:
    from evalsearch.corpus.copies import find_copies
    from evalsearch.corpus.files import write_atomic

    data = {"version": SCHEMA_VERSION, "documents": {k: asdict(v) for k, v in sorted(sources.items())}}
    write_atomic(index_dir / SOURCES_NAME, json.dumps(data, ensure_ascii=False, indent=1))
    copies = find_copies((doc_id, source.sha256) for doc_id, source in sorted(sources.items()))
    write_atomic(index_dir / COPIES_NAME, json.dumps(copies, ensure_ascii=False, indent=1))


def read_copies(index_dir: str | Path) -> dict[str, str]:
    """The indexed documents that are copies of another: doc_id → the doc_id kept; {} if none is known."""
    try:
        copies = json.loads((Path(index_dir) / COPIES_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # an index of an earlier version, or a file cut short: nothing is hidden
        return {}
    return copies if isinstance(copies, dict) else {}


#: what reading a damaged index raises (a file cut short or overwritten); a commit that races a
#: reader raises FileNotFoundError instead, which is retried
INDEX_DAMAGE = (EOFError, UnpicklingError, struct.error)


def rebuild_hint(index_dir: str | Path) -> str:
    """How to rebuild the index at ``index_dir``, for error messages."""
    return f"rebuild it from the files it was built from with `evalsearch index --index {shell_arg(index_dir)}`"


def open_index(index_dir: str | Path):
    """Open an existing index for searching.

    Raises:
        SearchIndexError: there is no index, it is from another version, or it cannot be read.
    """
    from whoosh.index import IndexError as WhooshIndexError

    index_dir = Path(index_dir)
    if not index_exists(index_dir):
        raise SearchIndexError("no search index here; build one with "
                               f"`evalsearch index PATH... --index {shell_arg(index_dir)}`", index_dir)
    if index_version(index_dir) != SCHEMA_VERSION:
        if is_updating(index_dir):
            raise SearchIndexError("the index is being built by another run; search again when it is done", index_dir)
        raise SearchIndexError(f"the search index was built by another version of evalsearch; "
                               f"{rebuild_hint(index_dir)}", index_dir)
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            return _storage(index_dir).open_index(INDEX_NAME)
        except FileNotFoundError as exc:  # a writer's commit replaced the state being opened: open the new one
            if attempt == OPEN_ATTEMPTS:
                raise SearchIndexError("the index kept changing while it was opened; try again", index_dir) from exc
        except (WhooshIndexError, OSError, ValueError, *INDEX_DAMAGE) as exc:
            raise SearchIndexError(f"the search index cannot be read ({exc}); {rebuild_hint(index_dir)}",
                                   index_dir) from exc
    raise AssertionError("unreachable")


def is_damaged(index_dir: str | Path) -> bool:
    """True if an index of this version is here but its committed state cannot be read.

    Raises:
        SearchIndexError: it cannot be opened for another reason (no permission to read it).
    """
    from whoosh.index import IndexError as WhooshIndexError

    if not is_current(index_dir):
        return False
    try:
        with open_index(index_dir).searcher():  # the searcher reads every segment's table of files
            return False
    except SearchIndexError as exc:
        if isinstance(exc.__cause__, FileNotFoundError):  # it kept changing: another run is writing it
            return False
        if isinstance(exc.__cause__, (WhooshIndexError, ValueError, *INDEX_DAMAGE)):
            return True
        raise
    except FileNotFoundError:  # a commit removed a segment between the table of contents and the searcher
        return False
    except INDEX_DAMAGE:
        return True


def _open_for_writing(index_dir: Path):
    """The index to write to, and whether it was made just now (new, or rebuilt from nothing)."""
    from whoosh import index

    if is_current(index_dir) and not is_damaged(index_dir):
        return index.open_dir(str(index_dir), indexname=INDEX_NAME), False
    if index_exists(index_dir):
        log.info("%s: index from another version or damaged, rebuilding", index_dir)
        clear_index_files(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(index_dir), PassageSchema(), indexname=INDEX_NAME), True


def _cancel(writer) -> None:
    """Drop what a writer wrote; Whoosh leaves the files of its new segment until the next commit."""
    writer.cancel()
    for name in writer.newsegment.list_files(writer.storage):
        try:
            writer.storage.delete_file(name)
        except OSError:  # still open elsewhere: the next commit removes it
            pass


def absolute(path: str) -> str:
    """A path as recorded in ``sources.json``: absolute, links resolved."""
    return str(Path(path).resolve())


def save_hot_terms(index_dir: str | Path) -> int:
    """Save the decoded postings of the frequent terms of the index's latest state (``hotterms``)."""
    from evalsearch.index.engine import PostingEngine
    from evalsearch.index.hotterms import write_hot_terms

    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        return write_hot_terms(index_dir, searcher, PostingEngine(searcher, 1.2, 0.75))


def update_index(
    index_dir: str | Path, documents: Iterable[Document], remove: Iterable[str] = (),
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT, moved: Mapping[str, Path] | None = None, made_with: str = "",
) -> UpdateReport:
    """Replace the passages of ``documents`` and drop ``remove`` (doc_ids), in one commit.

    Args:
        index_dir (str | Path): the index directory (created if missing).
        documents (Iterable[Document]): extracted reports; each replaces what
            the index held under its doc_id.
        remove (Iterable[str]): doc_ids to delete; read after ``documents``, so
            a caller may add the doc_ids of files that failed while extracting.
        lock_timeout (float): seconds to wait for another writer to finish.
        moved (Mapping[str, Path] | None): unchanged documents whose file now lies elsewhere
            (``UpdatePlan.moved``); their recorded path follows, so that an update without
            paths reads them from there.
        made_with (str): what ``documents`` were made with, recorded for ``plan.plan_update``.

    RETURNS (UpdateReport): documents added, removed, passages written, documents held.
    Raises:
        SearchIndexError: the index is locked by another writer or cannot be written.
    """
    index_dir = Path(index_dir)
    if not index_exists(index_dir):
        check_index_folder(index_dir)  # before the lock file is made in it
    with update_lock(index_dir, lock_timeout):
        return _update_locked(index_dir, documents, remove, lock_timeout, moved or {}, made_with)


def _update_locked(index_dir: Path, documents: Iterable[Document], remove: Iterable[str], lock_timeout: float,
                   moved: Mapping[str, Path], made_with: str) -> UpdateReport:
    from whoosh.index import LockError
    from whoosh.writing import CLEAR

    MORPHOLOGY.load(index_dir / DEFAULT_CACHE_NAME)
    try:
        ix, made = _open_for_writing(index_dir)
        writer = ix.writer(timeout=lock_timeout, codec=passage_codec(), limitmb=DEFAULT_POOL_MB)
    except LockError as exc:
        raise SearchIndexError(BUSY, index_dir) from exc
    except OSError as exc:
        raise SearchIndexError(f"the index cannot be written ({exc})", index_dir) from exc
    sources = read_sources(index_dir) if index_version(index_dir) == SCHEMA_VERSION else {}
    for doc_id, path in moved.items():
        if doc_id in sources:
            sources[doc_id] = replace(sources[doc_id], path=absolute(str(path)))
    added = removed = written = 0
    stored = ix.doc_count_all()
    deleted = stored - ix.doc_count()
    earlier, replaced = set(sources), set()
    try:
        for document in documents:
            writer.delete_by_term("doc_id", document.doc_id)
            deleted += sources[document.doc_id].passages if document.doc_id in sources else 0
            replaced.add(document.doc_id)
            passages = document_to_passages(document)
            doc_years = tuple(sorted({p.pool_year for p in document.projects if p.pool_year}))
            for passage in passages:
                writer.add_document(**passage_fields(passage, doc_years))
            sources[document.doc_id] = IndexedSource(
                document.doc_id, absolute(document.source.path), document.source.sha256, document.title,
                len(passages), made_with
            )
            added += 1
            written += len(passages)
        for doc_id in remove:
            writer.delete_by_term("doc_id", doc_id)
            gone = sources.pop(doc_id, None)
            removed += gone is not None
            deleted += gone.passages if gone is not None else 0
        # replaced passages stay in their segment until it is merged, and every search pays for
        # them: an index whose documents were all replaced drops its old segments, and one with
        # many replaced passages merges all of its segments
        untouched = (earlier - replaced) & sources.keys()
        if earlier and not untouched:
            writer.commit(mergetype=CLEAR)
        else:
            writer.commit(optimize=deleted > MAX_DELETED_SHARE * (stored + written))
    except BaseException:
        _cancel(writer)
        if made:  # an empty table of contents would pass for an index of another version
            clear_index_files(index_dir)
        raise
    _write_sources(index_dir, sources)
    MORPHOLOGY.save(index_dir / DEFAULT_CACHE_NAME)
    save_hot_terms(index_dir)
    return UpdateReport(added=added, removed=removed, passages=written, documents=len(sources))
