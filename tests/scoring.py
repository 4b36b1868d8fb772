"""../shared/tools/score.py, loaded once, and its matching of texts, for the tests that score against the gold."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from paths import SHARED

_spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def text_match(text_of: Callable[[dict], str]) -> Callable[[dict, dict], float | None]:
    """score.py's matching of two records by a text of theirs: fuzzy ratio, partial ratio for long
    texts, cut-off 88 (how it pairs lessons and figures).

    Both partial ratios must reach 90 for a pair, so each is asked with that cut-off, below which
    rapidfuzz stops early and says 0: the same pairs and scores, in a third of the time."""

    def match(gold: dict, pred: dict) -> float | None:
        gs, ps = score.norm(text_of(gold)), score.norm(text_of(pred))
        s = score.fuzz.ratio(gs, ps)
        if s < 90 and len(gs) > 40 and len(ps) > 40:
            s = score.fuzz.partial_ratio(gs, ps, score_cutoff=90)
            s = min(s, score.fuzz.partial_ratio(ps, gs, score_cutoff=90)) - 2 if s else 0
        return s if s >= 88 else None

    return match
