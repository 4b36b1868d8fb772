"""The index folder: which files in it are the index's own.

An index is cleared for a rebuild (another version of evalsearch, or damage),
and only its own files may go: Whoosh's table of contents and segments, the
lists beside them, the analysis memo, the hot terms, temporary files and the
folder Whoosh sorts postings in. A folder that holds other files (``--index
~/Documents`` by mistake) is refused before an index is made in it, so a
later rebuild can never delete a report.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from evalsearch.errors import SearchIndexError
from evalsearch.index.lock import LOCK_NAME

#: what an index writes: Whoosh ("_passages_3.toc", "passages_ab12.seg", "passages_WRITELOCK"),
#: evalsearch's lists, memo and hot terms, the update lock and temporary files
OWN_FILE = re.compile(
    r"_passages_\d+\.toc(?:\.\w+)*|passages_\w+(?:\.\w+)*"
    r"|sources\.json|copies\.json|morphology\.bin|hotterms-\d+\.(?:bin|idx)"
    rf"|{re.escape(LOCK_NAME)}|\..*\.tmp"
)


#: the folder Whoosh's writer sorts postings in while it runs (left behind by a run that was killed)
OWN_FOLDER = re.compile(r"passages\.tmp")


def _own(entry: Path) -> bool:
    return bool(OWN_FILE.fullmatch(entry.name) if entry.is_file() else OWN_FOLDER.fullmatch(entry.name))


def foreign_entries(index_dir: Path) -> list[Path]:
    """The entries of ``index_dir`` that no index made, in name order ([] for a folder not there)."""
    if not index_dir.is_dir():
        return []
    return sorted(p for p in index_dir.iterdir() if not _own(p))


def check_index_folder(index_dir: Path) -> None:
    """Refuse to make an index in a folder of other files.

    Raises:
        SearchIndexError: the folder holds files or folders an index did not make.
    """
    foreign = foreign_entries(index_dir)
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise SearchIndexError(f"this folder holds other files ({foreign[0].name!r}{more}); "
                               "give --index an empty or new folder", index_dir)


def clear_index_files(index_dir: Path) -> None:
    """Delete the index's own files from ``index_dir`` (the update lock stays); leave everything else."""
    for path in index_dir.iterdir():
        if path.name == LOCK_NAME or not _own(path):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
