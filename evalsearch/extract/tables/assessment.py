"""Whether a goal was met: read from its status cell, its numbers, and the report's own words.

Evidence is taken in order of how directly it speaks about the one goal:

1. the status cell itself — a tick ("✓"), a cross, "Ja"/"Nej", "Delvist", or a
   coloured symbol whose meaning the table's legend gives;
2. numbers — the status against the target ("392" of "480", "48 %" against
   "50 %"), which also gives ``achievement_pct``;
3. a verdict sentence in the cell or in the text about the goal ("Dette mål er
   opfyldt", "Effektmålet er således ikke opnået", "Der er ikke blevet fulgt
   op på dette mål").

With no evidence the goal is "ukendt".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from evalsearch.danish import is_quantity, numbers_in
from evalsearch.extract.tables.terms import (
    CELL_WORDS,
    MET_SYMBOLS,
    MET_VERDICT,
    NEGATED_VERDICT,
    PARTIAL_VERDICT,
    UNKNOWN_VERDICT,
    UNMET_SYMBOLS,
)
from evalsearch.model import Assessment

Color = tuple[float, ...] | None

PARTIAL_FLOOR = 0.5  # below half of the target a goal counts as not met
COLOR_MATCH = 0.12
_GRADE = re.compile(r"målopfyldelse(?:s?grad(?:en)?)?\s+(?:på|er|var|af)?\s*(?:\w+\s+){0,2}?$", re.IGNORECASE)
_SCALE = re.compile(r"\bskala\b|\bscore\b", re.IGNORECASE)
_REFERENCE = re.compile(r"\b(?:afsnit|kapitel|side|bilag|tabel|figur|punkt|jf\.?|pkt\.?)\s*$", re.IGNORECASE)
_NONE = re.compile(r"^\W*ingen\b", re.IGNORECASE)


def verdict_of(text: str) -> Assessment | None:
    """The verdict a sentence gives about a goal, or None if it gives none.

    >>> verdict_of("Dette mål er opfyldt."), verdict_of("Effektmålet er således ikke opnået.")
    ('opfyldt', 'ikke_opfyldt')
    >>> verdict_of("Målet er delvist nået."), verdict_of("Der er ikke blevet fulgt op på dette mål.")
    ('delvis', 'ukendt')
    """
    low = " ".join(text.lower().split())
    if UNKNOWN_VERDICT.search(low):
        return "ukendt"
    if PARTIAL_VERDICT.search(low):
        return "delvis"
    if NEGATED_VERDICT.search(low):
        return "ikke_opfyldt"
    if MET_VERDICT.search(low):
        return "opfyldt"
    return None


def cell_verdict(status: str | None) -> Assessment | None:
    """The verdict printed at the start of a status cell: a symbol or a yes/no word.

    >>> cell_verdict("✓: 125"), cell_verdict("Delvist, se afsnit 3"), cell_verdict("Nej")
    ('opfyldt', 'delvis', 'ikke_opfyldt')
    """
    if not status:
        return None
    text = status.strip()
    if text[:1] in MET_SYMBOLS:
        return "opfyldt"
    if text[:1] in UNMET_SYMBOLS:
        return "ikke_opfyldt"
    low = text.lower()
    for pattern, verdict in CELL_WORDS:
        if pattern.match(low):
            return verdict  # type: ignore[return-value]
    return None


def _close(a: Color, b: Color) -> bool:
    if a is None or b is None or len(a) != len(b):
        return False
    return max(abs(x - y) for x, y in zip(a, b)) <= COLOR_MATCH


def legend_colors(notes: Iterable[tuple[str, Color]]) -> list[tuple[Color, Assessment]]:
    """Colour → verdict, from legend lines led by a coloured symbol ("● Angiver at målet er opfyldt")."""
    out: list[tuple[Color, Assessment]] = []
    for text, color in notes:
        verdict = verdict_of(text)
        if color is not None and verdict is not None and verdict != "ukendt":
            out.append((color, verdict))
    return out


def traffic_light(color: Color) -> Assessment | None:
    """Green, yellow/amber or red, as a status symbol without a legend means.

    >>> traffic_light((0.2, 0.6, 0.3)), traffic_light((0.9, 0.7, 0.1)), traffic_light((0.8, 0.2, 0.2))
    ('opfyldt', 'delvis', 'ikke_opfyldt')
    """
    if color is None or len(color) != 3:
        return None
    r, g, b = color
    if g > 0.4 and g > r + 0.15 and g > b + 0.15:
        return "opfyldt"
    if r > 0.6 and g > 0.45 and b < 0.4 and abs(r - g) < 0.45:
        return "delvis"
    if r > 0.55 and r > g + 0.3 and r > b + 0.3:
        return "ikke_opfyldt"
    return None


def color_verdict(colors: Sequence[Color], legend: Sequence[tuple[Color, Assessment]]) -> Assessment | None:
    """The verdict of the first colour that the legend explains; without a legend, traffic-light colours."""
    for color in colors:
        for known, verdict in legend:
            if _close(color, known):
                return verdict
    if not legend:
        for color in colors:
            if (verdict := traffic_light(color)) is not None:
                return verdict
    return None


def _value(text: str, prefer: str | None) -> tuple[float, str] | None:
    """The number a cell reports: a stated degree of goal attainment first, then the first
    number of the wanted kind (percent or count)."""
    found = [
        n
        for n in numbers_in(text)
        if n.kind in ("percent", "number") and is_quantity(text, n) and not _REFERENCE.search(text[: n.start])
    ]
    if not found:
        return (0.0, prefer or "number") if _NONE.match(text) else None
    for n in found:
        if n.kind == "percent" and _GRADE.search(text[: n.start]):
            return float(n.value), "percent"
    for n in found:
        if prefer is None or n.kind == prefer:
            return float(n.value), n.kind
    return None


def achievement(target: str | None, status: str | None) -> float | None:
    """Status as a percentage of target, where both cells hold comparable numbers.

    >>> achievement("480", "392"), achievement("50 %", "svarende til en målopfyldelsesgrad på 48 %")
    (81.7, 96.0)
    >>> achievement("80%", "4 på en skala fra 1 til 5") is None
    True
    """
    if not target or not status or _SCALE.search(status):
        return None
    goal = _value(target, None)
    if goal is None or goal[0] <= 0:
        return None
    got = _value(status, goal[1])
    if got is None:
        return None
    return round(100.0 * got[0] / goal[0], 1)


def numeric_verdict(pct: float | None, target: str | None) -> Assessment | None:
    """Met at 100 % of the target or more, partly from half of it, else not met."""
    if pct is None:
        return None
    strict = target is not None and re.search(r"\b(?:over|mere end|flere end)\b", target, re.IGNORECASE)
    if pct > 100.0 or (pct == 100.0 and not strict):
        return "opfyldt"
    return "delvis" if pct >= PARTIAL_FLOOR * 100 else "ikke_opfyldt"


def assess(
    target: str | None,
    status: str | None,
    colors: Sequence[Color] = (),
    legend: Sequence[tuple[Color, Assessment]] = (),
    sentences: Sequence[str] = (),
) -> tuple[Assessment, float | None]:
    """Whether one goal was met, and the achievement percentage where numbers allow.

    Args:
        target: the target cell as printed.
        status: the status cell as printed.
        colors: colours of symbols drawn in the status cell.
        legend: colour → verdict read from the table's legend.
        sentences: the report's text about this goal, nearest first.
    RETURNS: (assessment, achievement_pct).

    >>> assess("3", "✓ Er sket løbende.")
    ('opfyldt', None)
    >>> assess("50 %", "36 af de 75 deltagere, svarende til en målopfyldelsesgrad på 48 %.")
    ('delvis', 96.0)
    """
    pct = achievement(target, status)
    verdict = cell_verdict(status) or color_verdict(colors, legend)
    if verdict is None and status and UNKNOWN_VERDICT.search(status.lower()):
        verdict = "ukendt"
    verdict = verdict or numeric_verdict(pct, target)
    if verdict is None and status:
        verdict = verdict_of(status) if re.search(r"\bmål", status.lower()) else None
    for sentence in sentences:
        if verdict is not None:
            break
        verdict = verdict_of(sentence)
    return verdict or "ukendt", pct
