"""Read a name the user typed as one of the names a collection holds: a theme, a report.

A value is taken as typed (letter case aside), else as the one name it is part
of ("ledelse" → "ledelse og opbakning", "stampe" →
"staa-ikke-i-stampe-slutevaluering-2018"). A value that is part of several
names ("samarbejde") is an error that lists them; one that fits none is an
error that names the nearest, so a misspelt theme gets a suggestion instead
of only a list of every name the index holds.

>>> pick("Ledelse", ["ledelse og opbakning", "forankring"], "theme")
'ledelse og opbakning'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from evalsearch.errors import UsageError

#: names listed in full when a value fits none; beyond this, only the nearest are named
LISTED = 30
#: rapidfuzz WRatio a name must reach to be suggested
NEAREST_CUTOFF = 60
NEAREST = 3
#: points below the nearest name that another may score and still be suggested beside it
NEAREST_SPREAD = 10


def pick(value: str, names: Sequence[str], label: str, *, where: str = "the index", partial: bool = True) -> str:
    """The one name ``value`` stands for.

    Args:
        value (str): as the user typed it.
        names (Sequence[str]): the names that exist.
        label (str): what a name is, for the message ("theme", "document").
        where (str): what holds the names, for the message.
        partial (bool): also take a part of a name.

    RETURNS (str): the name, spelt as ``names`` spell it.
    Raises:
        UsageError: no name fits, or several do; the message names the nearest.
    """
    wanted = normal_name(value)
    exact = [n for n in names if normal_name(n) == wanted]
    if exact:
        return exact[0]
    fits = [n for n in names if wanted in normal_name(n)] if partial and wanted else []
    if len(fits) == 1:
        return fits[0]
    if fits:
        raise UsageError(f"{label} {value!r} fits several in {where}: {_listing(fits)}; give more of the name")
    raise UsageError(f"no {label} {value!r} in {where}{_suggestion(wanted, names)}")


def same_name(value: str, name: str) -> bool:
    """Whether ``pick`` took ``value`` as typed (letter case and spacing aside), not as a part of ``name``."""
    return normal_name(value) == normal_name(name)


def normal_name(value: str) -> str:
    """A name as ``pick`` compares it: letter case, runs of spaces and the two Unicode spellings
    of "å" ("a" + ring) aside."""
    return unicodedata.normalize("NFC", " ".join(value.split())).casefold()


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" … ({len(names)} in all)" if len(names) > LISTED else "")


def _suggestion(wanted: str, names: Sequence[str]) -> str:
    if not names:
        return "; it holds none"
    from rapidfuzz import fuzz, process, utils

    found = process.extract(wanted, list(names), scorer=fuzz.WRatio, limit=NEAREST, score_cutoff=NEAREST_CUTOFF,
                            processor=utils.default_process)
    # a far second is noise beside a near first: "frivilig" is 'frivillige og pårørende', not also 'kompetenceudvikling'
    nearest = [name for name, score, _ in found if score >= found[0][1] - NEAREST_SPREAD]
    text = f" (did you mean {' or '.join(repr(n) for n in nearest)}?)" if nearest else ""
    if nearest and len(names) > LISTED:
        return text
    return text + f"; it holds: {_listing(names)}"
