"""The theme taxonomy of lessons learned: which Danish themes a passage is about.

The taxonomy is data, ``evalsearch/data/themes.toml`` (users may edit it or
pass their own file). Each theme has a Danish name and terms; a term is a
lemma, or a few lemmas in order. A text is read with the shared Danish
pipeline (``evalsearch.danish.nlp``) and every word is looked at in several
forms: its lemma, its compound parts ("ledelsesopbakning" → "ledelse",
"opbakning") and its derivation bases ("ledelsesmæssig" → "ledelse"). So
"ledelsesopbakning", "ledelsesmæssig opbakning" and "lederne bakker op" all
land in "ledelse og opbakning".

The API is small and stable, for the extractor and the search index alike:

* ``themes_of(text)`` → the theme names, strongest first;
* ``theme_scores(text)`` → name → number of matching words;
* ``load_themes(path)`` / ``default_themes()`` → the taxonomy as ``Theme`` records.

>>> themes_of("Lederne bakker op om projektet.")[0]
'ledelse og opbakning'
>>> themes_of("Det kræver ledelsesopbakning.")[0]
'ledelse og opbakning'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from evalsearch.danish.compounds import compound_lemma, compound_parts
from evalsearch.danish.derivations import base_forms
from evalsearch.danish.nlp import get_nlp
from evalsearch.errors import UsageError

DEFAULT_THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.toml"
#: words allowed between the words of a term of several words ("bakker ikke op")
DEFAULT_TERM_GAP = 2
#: a word of a heading counts this many times (on top of the text)
HEADING_WEIGHT = 1
#: a theme must have at least this share of the best theme's score to be reported
DEFAULT_MIN_SHARE = 0.34
#: the group of lessons that match no theme; a taxonomy may not use the name
UNTHEMED = "øvrige erfaringer"
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Theme:
    """One theme: its Danish name, a description, and the lemmas that signal it."""

    name: str
    description: str
    terms: tuple[str, ...]


def _parse(data: dict, source: str) -> tuple[Theme, ...]:
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise UsageError(f"{source}: no [[theme]] tables; each theme needs 'name' and 'terms'")
    themes: list[Theme] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        name = entry.get("name")
        terms = entry.get("terms")
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"{source}: theme {i} has no 'name'")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise UsageError(f"{source}: theme {name!r} needs 'terms', a list of words")
        unknown = sorted(set(entry) - {"name", "description", "terms"})
        if unknown:
            raise UsageError(f"{source}: theme {name!r} has unknown key {unknown[0]!r}; valid keys: description, name, terms")
        wordless = next((t for t in terms if not _WORD.search(t)), None)
        if wordless is not None:
            raise UsageError(f"{source}: theme {name!r} has the term {wordless!r}, which holds no word")
        key = name.strip().casefold()
        if key == UNTHEMED:
            raise UsageError(f"{source}: the theme name {UNTHEMED!r} is kept for the lessons of no theme; name it otherwise")
        if key in seen:
            raise UsageError(f"{source}: theme {name!r} is defined twice")
        seen.add(key)
        themes.append(Theme(name.strip(), str(entry.get("description", "")), tuple(t.strip().lower() for t in terms)))
    return tuple(themes)


def load_themes(path: str | Path | None = None) -> tuple[Theme, ...]:
    """Read a theme taxonomy from a TOML file.

    Args:
        path (str | Path | None): the file; None for the one shipped with evalsearch.

    RETURNS (tuple[Theme, ...]): the themes in file order.

    Raises:
        UsageError: the file is missing, is not TOML, or a theme lacks a name or terms.
    """
    if path is None:
        return default_themes()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"theme file not found: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"theme file {path} cannot be read: {exc}") from None
    return _parse(data, str(path))


@cache
def default_themes() -> tuple[Theme, ...]:
    """The taxonomy shipped in ``evalsearch/data/themes.toml``."""
    return _parse(tomllib.loads(DEFAULT_THEMES_FILE.read_text(encoding="utf-8")), DEFAULT_THEMES_FILE.name)


def theme_names(themes: tuple[Theme, ...] | None = None) -> tuple[str, ...]:
    """The names of the themes, in taxonomy order."""
    return tuple(t.name for t in (themes or default_themes()))


@lru_cache(maxsize=65536)
def word_keys(lemma: str) -> frozenset[str]:
    """Every form a word is matched by: its lemma, compound lemma, compound parts and their bases.

    >>> sorted(word_keys("ledelsesopbakningen"))[:3]
    ['lede', 'ledelse', 'ledelsesopbakning']
    """
    word = lemma.lower()
    keys = {word}
    whole = compound_lemma(word)
    if whole:
        keys.add(whole)
    for part in compound_parts(word):
        keys.add(part)
        keys.update(base_forms(part))
    keys.update(base_forms(whole or word))
    return frozenset(k for k in keys if k)


def _sequence(text: str) -> list[tuple[frozenset[str], str]]:
    """(keys, lowercase surface) of every word of the text."""
    doc = get_nlp()(text)
    out = []
    for token in doc:
        if token.is_punct or token.is_space:
            continue
        keys = word_keys(token.lemma_) | word_keys(token.lower_)
        out.append((keys, token.lower_))
    return out


def _count_term(term: str, words: list[tuple[frozenset[str], str]]) -> int:
    parts = term.split()
    if len(parts) == 1:
        return sum(1 for keys, _ in words if term in keys)
    count = 0
    for i, (keys, _) in enumerate(words):
        if parts[0] not in keys:
            continue
        pos, ok = i, True
        for part in parts[1:]:
            window = words[pos + 1 : pos + 2 + DEFAULT_TERM_GAP]
            nxt = next((j for j, (k, surface) in enumerate(window) if part in k or part == surface), None)
            if nxt is None:
                ok = False
                break
            pos = pos + 1 + nxt
        count += ok
    return count


def theme_scores(text: str, themes: tuple[Theme, ...] | None = None) -> dict[str, int]:
    """Count the words of each theme in a text.

    Args:
        text (str): a lesson, a paragraph, a search passage.
        themes (tuple[Theme, ...] | None): a taxonomy; None for the shipped one.

    RETURNS (dict[str, int]): theme name → number of matching words, for the
        themes that match at all.
    """
    themes = themes or default_themes()
    words = _sequence(text)
    scores: dict[str, int] = {}
    for theme in themes:
        score = sum(_count_term(term, words) for term in theme.terms)
        if score:
            scores[theme.name] = score
    return scores


def themes_of(
    text: str, themes: tuple[Theme, ...] | None = None, limit: int | None = None, heading: str | None = None
) -> tuple[str, ...]:
    """The themes a text is about, strongest first.

    A theme counts when it has at least ``DEFAULT_MIN_SHARE`` of the best
    theme's score, so a passing mention does not make a theme.

    Args:
        text (str): a lesson, a paragraph, a search passage.
        themes (tuple[Theme, ...] | None): a taxonomy; None for the shipped one.
        limit (int | None): at most this many themes.
        heading (str | None): the heading the text sits under; its words count
            ``HEADING_WEIGHT`` times, on top of the text's own words.

    RETURNS (tuple[str, ...]): theme names; ties keep taxonomy order.
    """
    themes = themes or default_themes()
    scores = theme_scores(text, themes)
    if heading:
        for name, score in theme_scores(heading, themes).items():
            scores[name] = scores.get(name, 0) + HEADING_WEIGHT * score
    if not scores:
        return ()
    best = max(scores.values())
    order = {t.name: i for i, t in enumerate(themes)}
    ranked = sorted((n for n, s in scores.items() if s >= best * DEFAULT_MIN_SHARE), key=lambda n: (-scores[n], order[n]))
    return tuple(ranked[:limit] if limit else ranked)
