"""Key figures: the headline numbers a report states about what a project reached.

A key figure is one sentence of running text (a paragraph or list item, not
a table) with a count, a percentage or an amount, that speaks about results or
goals: "234 borgere er kommet/blevet fastholdt i job … (Mål: 240 borgere /
målopfyldelse: 97%)", "I alt har de tre projekter omfattet 544 deltagere mod
forventet 761 deltagere". Its fields:

* ``achieved``: the first count or amount of the sentence, as written
  ("27,4" of "27,4 millioner kr."); None when the sentence gives a share only;
* ``target``: the number after "Mål:", "Målet var", "mod forventet", "måltal";
* ``unit``: the word that follows the achieved number ("borgere",
  "millioner kr.", "%");
* ``achievement_pct``: the share after "målopfyldelse", "svarende til", or
  the sentence's only percentage.

Numbers are read with ``evalsearch.danish.numbers``; a year, a date and a
reference ("Tabel 3-1", "afsnit 4.2") are not figures.
"""

from __future__ import annotations

import re

from evalsearch.danish.nlp import get_nlp
from evalsearch.danish.numbers import Number, is_quantity, numbers_in, parse_number
from evalsearch.model import Block, KeyFigure

#: lemmas that make a sentence with a number speak about results or goals
RESULT_LEMMAS = frozenset(
    {
        "mål", "målopfyldelse", "målopfyldelsesgrad", "måltal", "målsætning", "forventet", "forvente",
        "nå", "opnå", "lykkes", "svarende", "deltage", "involvere", "omfatte", "visitere", "bevilge",
        "fastholde", "indsluse", "ansætte", "gennemføre", "kosten", "koste", "effekt", "forankring",
        "beskæftigelse", "job",
    }
)
_TARGET = re.compile(
    r"(?:\bMål(?:et)?(?:\s+(?:var|er|om))?\s*:?|\bmod\s+(?:forventet|planlagt)|\bmåltal(?:let)?\s*(?:var|er|:)?"
    r"|\bforventede?\s+antal\s+(?:var|er|:)?)\s*(?:,?\s*at\s+)?(?P<num>\d[\d.,]*)",
    re.IGNORECASE,
)
_PCT_AFTER = re.compile(
    r"(?:målopfyldelse(?:sgrad(?:en)?)?(?:\s+(?:på|er))?\s*:?|svarende\s+til(?:\s+(?:en|godt|knap|ca\.)){0,3}"
    r"(?:\s+[a-zæøå]+)?(?:\s+på)?)\s*(?P<num>\d[\d.,]*)\s*(?:%|procent|pct)",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(r"(?:Tabel|Figur|Billede|afsnit|kapitel|bilag|side|nr\.|§|mål)\s*$", re.IGNORECASE)
#: "de 11 projekter", "alle 14 kommuner": a count named with a determiner refers back, it is not a result
_DETERMINER_BEFORE = re.compile(r"\b(?:de|alle|disse|hver\s+af\s+de)\s+$", re.IGNORECASE)
_UNIT_WORD = re.compile(r"\s*(?P<word>[a-zæøå][a-zæøå\-/]*\.?)")
_OF_PHRASE = re.compile(r"\s*(?:af|ud\s+af)\s+(?:de\s+)?\d[\d.,]*\s+")
MAX_SENTENCE_WORDS = 80


def _is_figure(text: str, n: Number) -> bool:
    """A number that is a count, share or amount, not a year, date, id or reference."""
    if _REFERENCE_BEFORE.search(text[: n.start]):
        return False
    following = text[n.end : n.end + 2]
    if n.kind == "number" and _DETERMINER_BEFORE.search(text[: n.start]):
        return False
    if not is_quantity(text, n):
        return False
    # stricter than is_quantity: a figure never ends a sentence, so a full stop marks an ordinal
    return not (n.kind == "number" and following[:1] == ".")


def _unit(text: str, n: Number) -> str | None:
    if n.kind == "percent":
        return text[n.end - 1 : n.end] if text[n.end - 1 : n.end] == "%" else text[n.start : n.end].split()[-1]
    if n.kind == "amount" or n.scale != 1:
        written = text[n.start : n.end].split(maxsplit=1)
        return written[1] if len(written) > 1 else None
    rest = text[n.end :]
    of = _OF_PHRASE.match(rest)
    if of:
        rest = rest[of.end() :]
    m = _UNIT_WORD.match(rest)
    return m.group("word").rstrip(".") if m else None


def sentence_to_key_figure(sentence: str, page: int, section: str | None = None) -> KeyFigure | None:
    """Read one sentence as a key figure, or None when it states no result or goal figure."""
    numbers = [n for n in numbers_in(sentence) if _is_figure(sentence, n)]
    if not numbers:
        return None
    lemmas = {t.lemma_.lower() for t in get_nlp()(sentence)}
    if not lemmas & RESULT_LEMMAS:
        return None
    target_match = _TARGET.search(sentence)
    target = parse_number(target_match.group("num").rstrip(".,")) if target_match else None
    pct_match = _PCT_AFTER.search(sentence)
    percents = [n for n in numbers if n.kind == "percent"]
    counts = [
        n
        for n in numbers
        if n.kind != "percent" and not (target_match and n.start >= target_match.start("num") - 1 and n.start <= target_match.end())
    ]
    achieved_n = counts[0] if counts else None
    if achieved_n is None and not percents:
        return None
    if achieved_n is not None and achieved_n.kind == "number" and _unit(sentence, achieved_n) is None:
        return None
    lone = percents[0] if len(percents) == 1 else None
    if lone is not None and target_match and target_match.start("num") <= lone.start <= target_match.end():
        lone = None  # the share is the goal, not what was reached
    pct = parse_number(pct_match.group("num")) if pct_match else (lone.number if lone is not None else None)
    unit_of = achieved_n if achieved_n is not None else percents[0]
    return KeyFigure(
        text=sentence,
        achieved=achieved_n.number if achieved_n is not None else None,
        target=target,
        unit=_unit(sentence, unit_of),
        achievement_pct=pct,
        page=page,
        section=section,
    )


def _sentences(nlp, text: str) -> list[str]:
    """Sentences of a block; a sentence in brackets stays with the one before ("… (Mål: 240 …)")."""
    out: list[str] = []
    for sent in nlp(text).sents:
        piece = sent.text.strip()
        if out and (piece.startswith("(") or out[-1].endswith("(")):
            out[-1] = f"{out[-1]}{'' if out[-1].endswith('(') else ' '}{piece}"
        elif piece:
            out.append(piece)
    return out


def blocks_to_key_figures(blocks: list[Block]) -> list[KeyFigure]:
    """Every key figure stated in the running text of a document, in reading order."""
    nlp = get_nlp()
    found: list[KeyFigure] = []
    for block in blocks:
        if block.role not in ("paragraph", "bullet") or not any(ch.isdigit() for ch in block.text):
            continue
        for text in _sentences(nlp, block.text):
            if not any(ch.isdigit() for ch in text) or len(text.split()) > MAX_SENTENCE_WORDS:
                continue
            figure = sentence_to_key_figure(text, block.page, block.section)
            if figure is not None:
                found.append(figure)
    return found


def key_figures_stage(context) -> None:
    """Record stage: fill ``document.key_figures`` from the running text."""
    context.document.key_figures = blocks_to_key_figures(context.document.blocks)
