"""What an update of the index has to do: which files to read, which to skip, which documents to drop.

``plan_update`` compares PDFs with the records of ``sources.json``: a file is
unchanged when its sha256 *and* what its passages were made with (the
extraction code and settings, ``made_with``) are as recorded, so an upgrade of
evalsearch reads every file again and its index gets the better records, while
a second run of the same version reads nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evalsearch.corpus.files import file_sha256
from evalsearch.index.schema import SCHEMA_VERSION
from evalsearch.index.writer import absolute, index_version, is_damaged, read_sources
from evalsearch.naming import doc_id_for


@dataclass
class UpdatePlan:
    """What an update has to do: files to extract, files to skip, documents to drop, and the
    unchanged documents whose file now lies elsewhere (doc_id → its new path).

    ``outdated`` are the files among ``changed`` that are as they were, but whose passages were
    made by another version of evalsearch or with other settings.
    """

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: dict[str, Path] = field(default_factory=dict)
    outdated: list[Path] = field(default_factory=list)


def plan_update(index_dir: str | Path, pdfs: Iterable[Path], made_with: str = "") -> UpdatePlan:
    """Sort PDFs into changed (new, different sha256, or made otherwise) and unchanged; find
    documents whose file is gone.

    A file is known by the path it was indexed from, or else by its doc_id (so
    that of two files named alike, "report-2" is recognised as well as "report").
    An index from another version, or one that cannot be read, counts as
    empty, so everything is changed.

    Args:
        index_dir (str | Path): the index.
        pdfs (Iterable[Path]): the files of this run.
        made_with (str): what this run makes passages with (``IndexedSource.made_with``).
    """
    index_dir = Path(index_dir)
    usable = index_version(index_dir) == SCHEMA_VERSION and not is_damaged(index_dir)
    sources = read_sources(index_dir) if usable else {}
    by_path = {absolute(s.path): doc_id for doc_id, s in sources.items()}
    plan = UpdatePlan()
    seen: set[str] = set()
    for pdf in pdfs:
        path = absolute(str(pdf))
        doc_id = by_path.get(path, doc_id_for(pdf))
        seen.add(doc_id)
        known = sources.get(doc_id)
        if known is not None and known.sha256 == file_sha256(pdf):
            if known.made_with != made_with:
                plan.changed.append(pdf)
                plan.outdated.append(pdf)
                continue
            plan.unchanged.append(pdf)
            if path not in by_path:  # known by its doc_id only: the file lies elsewhere now
                plan.moved[doc_id] = pdf
        else:
            plan.changed.append(pdf)
    plan.removed = sorted(d for d, s in sources.items() if d not in seen and not Path(s.path).exists())
    return plan
