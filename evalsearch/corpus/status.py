"""The state of a corpus against the files on disk, for ``evalsearch status``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from evalsearch.corpus.manifest import STATES, Entry, State, entry_state
from evalsearch.corpus.store import Corpus
from evalsearch.wording import count_label

STATE_MEANINGS: dict[State, str] = {
    "extracted": "extracted and up to date",
    "failed": "could not be read",
    "stale": "the file changed since it was extracted",
    "outdated": "extracted by another version of evalsearch or with other settings",
    "missing": "the file is gone",
}
#: entries listed per state in text (after an upgrade every file is outdated: a list of hundreds)
SHOWN_PER_STATE = 10


@dataclass
class CorpusStatus:
    """Every entry of a corpus with its state."""

    root: Path
    rows: list[tuple[Entry, State]] = field(default_factory=list)

    def count(self, state: State) -> int:
        return sum(1 for _, s in self.rows if s == state)

    @property
    def pages(self) -> int:
        return sum(e.pages or 0 for e, s in self.rows if s == "extracted")

    def same_bytes_at_hand(self) -> dict[str, Entry]:
        """doc_id of a missing entry → an up-to-date entry whose file holds the same bytes (renamed,
        moved or copied): forgetting the missing one loses nothing."""
        at_hand = {e.sha256: e for e, s in self.rows if s == "extracted" and e.sha256}
        return {e.doc_id: at_hand[e.sha256] for e, s in self.rows if s == "missing" and e.sha256 in at_hand}

    def to_dict(self) -> dict:
        same = self.same_bytes_at_hand()
        return {
            "corpus": str(self.root),
            "documents": len(self.rows),
            "counts": {state: self.count(state) for state in STATES},
            "pages": self.pages,
            "entries": [
                {
                    "doc_id": e.doc_id,
                    "path": e.path,
                    "state": s,
                    "status": e.status,
                    "pages": e.pages,
                    "error": e.error,
                    "sha256": e.sha256,
                    "extracted_at": e.extracted_at,
                    "same_bytes_as": same[e.doc_id].doc_id if e.doc_id in same else None,
                }
                for e, s in self.rows
            ],
        }

    def to_text(self) -> str:
        counts = Counter(s for _, s in self.rows)
        lines = [f"corpus {self.root}: {count_label(len(self.rows), 'document', 'documents')}"]
        for state in STATES:
            extra = f" ({count_label(self.pages, 'page', 'pages')})" if state == "extracted" else ""
            lines.append(f"  {state:<10} {counts.get(state, 0):>5}{extra}")
        width = max((len(e.doc_id) for e, _ in self.rows), default=0)
        same = self.same_bytes_at_hand()
        for state in STATES:
            if state == "extracted" or not counts.get(state):
                continue
            lines.append("")
            lines.append(f"{state} ({STATE_MEANINGS[state]}):")
            entries = [entry for entry, s in self.rows if s == state]
            for entry in entries[:SHOWN_PER_STATE]:
                reason = f": {entry.error}" if state == "failed" and entry.error else ""
                if entry.doc_id in same:  # so the user knows forgetting it loses nothing
                    reason = f": the same bytes are at {same[entry.doc_id].path} ({same[entry.doc_id].doc_id!r})"
                lines.append(f"  {entry.doc_id:<{width}}  {entry.path}{reason}")
            if len(entries) > SHOWN_PER_STATE:
                lines.append(f"  and {len(entries) - SHOWN_PER_STATE} more (`evalsearch status --format json` "
                             "lists them all)")
        if any(counts.get(s) for s in ("stale", "outdated")):
            lines.append("")
            lines.append("Run `evalsearch extract` on the same files again to bring the corpus up to date.")
        if counts.get("failed"):
            # a failed file is tried again on every run, and fails again as it is
            lines.append("")
            lines.append("A failed file is read again by every `evalsearch extract` on it: mend or replace it "
                         "first (an encrypted one needs --password).")
        if counts.get("missing"):
            lines.append("")
            lines.append("`evalsearch status --forget-missing` takes the missing files out of the corpus.")
        return "\n".join(lines)


def forget_missing(corpus: Corpus) -> list[Entry]:
    """Take the entries whose file is gone out of the corpus, records and all; RETURNS them.

    A file is missing only when nothing is at its path: an unmounted drive makes
    every entry missing, so the caller says which entries went.
    """
    gone = [entry for entry in corpus.manifest.entries() if entry_state(entry) == "missing"]
    for entry in gone:
        corpus.manifest.remove(entry.doc_id)
        corpus.store.remove(entry.doc_id)
    return gone


def corpus_status(corpus: Corpus, fingerprint: str | None) -> CorpusStatus:
    """Check every entry of the corpus against its file (and the current extractor's fingerprint)."""
    return CorpusStatus(corpus.root, [(e, entry_state(e, fingerprint)) for e in corpus.manifest.entries()])
