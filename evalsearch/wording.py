"""Counts written with their noun in the right number, in English messages and Danish pages alike.

>>> count_label(1, "document", "documents"), count_label(4, "rapport", "rapporter")
('1 document', '4 rapporter')
>>> some_names(["a", "b", "c", "d"], 2, "and {n} others"), some_names(["a", "b", "c"], 2, "and {n} others")
('a, b and 2 others', 'a, b, c')
"""

from __future__ import annotations


def count_label(n: int, singular: str, plural: str) -> str:
    """``n`` and its noun: the singular for exactly one, else the plural ("0 rapporter")."""
    return f"{n} {singular if n == 1 else plural}"


def one_of(words: list[str]) -> str:
    """"csv, json or xlsx".

    >>> one_of(["csv"]), one_of(["csv", "json", "xlsx"])
    ('csv', 'csv, json or xlsx')
    """
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def some_names(names: list[str], most: int, rest: str) -> str:
    """The first ``most`` names, then ``rest`` with the number left out ("og {n} andre"); one name
    left out would take as much room as its count, so it is shown."""
    if len(names) <= most + 1:
        return ", ".join(names)
    return ", ".join(names[:most]) + " " + rest.format(n=len(names) - most)


def reports_summary(found: str, doc_ids: list[str], having: set[str], most: int = 5) -> str:
    """"42 goal rows from 3 of 4 reports (none in cabi-…)": what a run found, with the reports
    where it found none named, so that a gap in an export is not taken for a reading fault.

    >>> reports_summary("2 figures", ["a", "b"], {"a"})
    '2 figures from 1 of 2 reports (none in b)'
    """
    without = [doc_id for doc_id in doc_ids if doc_id not in having]
    if not without:
        return f"{found} from {count_label(len(doc_ids), 'report', 'reports')}"
    return (f"{found} from {len(doc_ids) - len(without)} of {count_label(len(doc_ids), 'report', 'reports')} "
            f"(none in {some_names(without, most, 'and {n} others')})")


#: marks a shell leaves alone in an argument (letters and digits aside)
_PLAIN_MARKS = frozenset("_-.,/\\:+=@%")


def shell_arg(value: object) -> str:
    """A path as typed into a command line: as it is, or in double quotes when it holds a space or
    another character the shell would act on. Double quotes, unlike shlex's single ones, are read
    by the Windows command prompt and PowerShell as well as by POSIX shells.

    >>> shell_arg("/tmp/ix"), shell_arg(r"C:\\Users\\Anna\\Mit indeks"), shell_arg("rapport (1)")
    ('/tmp/ix', '"C:\\\\Users\\\\Anna\\\\Mit indeks"', '"rapport (1)"')
    """
    text = str(value)
    return text if text and all(c.isalnum() or c in _PLAIN_MARKS for c in text) else f'"{text}"'
