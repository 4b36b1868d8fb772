"""Where the shared corpus, gold and broken inputs live: beside the project, in ../shared."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
CORPUS_BAD = SHARED / "corpus-bad"
REALWORLD = SHARED / "realworld"
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.pdf"))
