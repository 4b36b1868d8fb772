"""What a search index holds, for ``evalsearch status``: its documents and passages, the files
gone since they were indexed, and whether this version of evalsearch can search it.

Read from the index's list of documents (``sources.json``) alone, so that it is quick and
does not open the index itself; whether the files changed since is for ``evalsearch index``
to find out (it compares their sha256).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evalsearch.errors import SearchIndexError
from evalsearch.index.writer import index_exists, is_current, read_sources, rebuild_hint
from evalsearch.wording import count_label, shell_arg

#: gone files listed in the text; the rest are counted
SHOWN_GONE = 10


@dataclass
class IndexOverview:
    """The documents of one index folder, and what needs doing to it."""

    root: Path
    exists: bool
    current: bool = True
    passages: int = 0
    documents: list[str] = field(default_factory=list)
    #: (doc_id, path) of the documents whose file is no longer where it was indexed from
    gone: list[tuple[str, str]] = field(default_factory=list)
    #: why its list of documents cannot be read, if it cannot
    problem: str | None = None

    def to_dict(self) -> dict:
        return {
            "index": str(self.root),
            "exists": self.exists,
            "current": self.current,
            "documents": len(self.documents),
            "passages": self.passages,
            "gone": [{"doc_id": doc_id, "path": path} for doc_id, path in self.gone],
            "problem": self.problem,
        }

    def to_text(self) -> str:
        if not self.exists:
            return f"index {self.root}: none yet (`evalsearch index PATH...` builds one)"
        if self.problem:
            return f"index {self.root}: {self.problem}"
        lines = [f"index {self.root}: {count_label(len(self.documents), 'document', 'documents')} "
                 f"({count_label(self.passages, 'passage', 'passages')})"]
        if not self.current:
            lines.append(f"  built by another version of evalsearch: {rebuild_hint(self.root)}")
        if self.gone:
            lines.append(f"  {count_label(len(self.gone), 'file', 'files')} gone since indexed "
                         f"(`evalsearch index --index {shell_arg(self.root)}` takes them out):")
            width = max(len(doc_id) for doc_id, _ in self.gone[:SHOWN_GONE])
            lines += [f"    {doc_id:<{width}}  {path}" for doc_id, path in self.gone[:SHOWN_GONE]]
            if len(self.gone) > SHOWN_GONE:
                lines.append(f"    and {len(self.gone) - SHOWN_GONE} more")
        return "\n".join(lines)


def index_overview(index_dir: str | Path) -> IndexOverview:
    """What the index at ``index_dir`` holds; a damaged list of documents is told in ``problem``,
    so that the corpus's status is still shown."""
    root = Path(index_dir)
    if not index_exists(root):
        return IndexOverview(root, exists=False)
    try:
        sources = read_sources(root)
    except SearchIndexError as exc:
        return IndexOverview(root, exists=True, current=False, problem=exc.reason)
    return IndexOverview(
        root,
        exists=True,
        current=is_current(root),
        passages=sum(s.passages for s in sources.values()),
        documents=sorted(sources),
        gone=sorted((doc_id, s.path) for doc_id, s in sources.items() if not Path(s.path).exists()),
    )
