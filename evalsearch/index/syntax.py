"""The query syntax: user text → a Whoosh query tree of words, phrases and operators.

Words separated by white space (any may match), "quoted phrases", +required
and -excluded words, (groups), words with wildcards ("ledels*", "frivil?ige";
a "?" that ends a word ends a question, "i job?"; ``wildcards``), and the
operators AND, OR and NOT, in English or Danish (OG, ELLER, IKKE), written in
capitals between words. Lower-case "og" and "ikke" stay words: "ikke" is a
word worth searching for ("ikke lykkedes"). An operator with nothing on one
side ("frivillige OR") is dropped.

``parse`` returns the tree with words still as typed; ``query.QueryBuilder``
rewrites each word into its Danish clauses.
"""

from __future__ import annotations

import re
import unicodedata

from whoosh import query as wq
from whoosh.qparser import (
    GroupPlugin, OperatorsPlugin, OrGroup, PhrasePlugin, PlusMinusPlugin, QueryParser, WhitespacePlugin, WildcardPlugin,
)

#: + and - mark a word only at its start: "Figur 3-1" and "e-mail" are words, not "3" without "1"
_PLUS = r"(?<![^\s(])\+(?=[^\s+-])"
_MINUS = r"(?<![^\s(])-(?=[^\s+-])"

AND_WORDS = ("AND", "OG")
OR_WORDS = ("OR", "ELLER")
NOT_WORDS = ("NOT", "IKKE")
_OPERATOR = "|".join(AND_WORDS + OR_WORDS + NOT_WORDS)
#: an operator at the start or end of the query, or before a closing bracket: nothing to join there
_DANGLING = re.compile(rf"^\s*(?:(?:{'|'.join(AND_WORDS + OR_WORDS)})(?:\s+|$))+|(?:\s+(?:{_OPERATOR}))+\s*(?=\)|$)")


#: a question mark that ends a word ends a question ("i job?"); only one inside a word is a wildcard
_QUESTION_MARK = re.compile(r'\?+(?=[\s)"]|$)')
#: the characters of the syntax, dropped when a text is read as plain words
_MARKS = re.compile(r'[()"*?]|(?<![^\s])[+-]+')


def clean_query(text: str) -> str:
    """The query as typed, without the invisible characters a text copied from a PDF viewer or a
    web page carries inside its words (soft hyphens, zero-width spaces and joiners, byte-order
    marks: Unicode's format characters), composed to NFC; such a character split a word in two.

    >>> clean_query("ledel\u00adses\u200bopbakning")
    'ledelsesopbakning'
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


#: a word the query excludes: "-mentorer", "NOT mentorer", "IKKE mentorer"; or a group: "NOT (a OR b)"
_EXCLUDED = re.compile(rf"(?:(?<![^\s(])-|(?<![^\s(])(?:{'|'.join(NOT_WORDS)})\s+)(\([^()]*\)|[^\W_][\w-]*)")


#: "field:value" as other search tools filter, and the option that filters so here (the Danish
#: words too: an analyst may well type "år:2023" or "tema:forankring"); None: no filter of that
_FIELD_OPTIONS = {"kind": "--kind", "doc": "--doc", "doc_id": "--doc", "year": "--year", "pool_year": "--year",
                  "theme": "--theme", "type": "--kind", "rapport": "--doc", "år": "--year", "tema": "--theme",
                  "title": "--doc", "titel": "--doc", "project": "--doc", "projekt": "--doc",
                  "page": None, "side": None, "section": None, "afsnit": None}
_FIELD = re.compile(rf"(?<![^\s(])({'|'.join(_FIELD_OPTIONS)}):(\"[^\"]*\"|[^\s()]+)", re.IGNORECASE)
_FILTER_OPTIONS = list(dict.fromkeys(option for option in _FIELD_OPTIONS.values() if option))
#: the filter options, as a note names them: "--kind, --doc, --year and --theme"
_FILTERS = ", ".join(_FILTER_OPTIONS[:-1]) + " and " + _FILTER_OPTIONS[-1]


#: any other "name:value" with a field-like name ("author:cowi"); a web address is none
_OTHER_FIELD = re.compile(r"(?<![^\s(])([A-Za-z_]{2,}):(\"[^\"]*\"|[^\s()/][^\s()]*)")
_SCHEMES = frozenset({"http", "https", "ftp", "mailto", "file", "www"})


def _other_fields(text: str) -> list[re.Match]:
    return [m for m in _OTHER_FIELD.finditer(text)
            if m.group(1).lower() not in _FIELD_OPTIONS and m.group(1).lower() not in _SCHEMES]


def field_notes(text: str) -> list[str]:
    """A note for each "kind:lesson" of a query: it is searched as words, the filter is an option.

    >>> field_notes("frivillige kind:lesson År:2023 side:22")[1:]
    ["'År:2023' is searched as words; to filter, give --year 2023", "'side:22' is searched as words; there is no filter by page or section (each hit names its own)"]
    >>> field_notes("author:cowi frivillige")
    ["'author:cowi' is searched as words; there is no field 'author' (the filters are --kind, --doc, --year and --theme)"]
    """
    notes = []
    for match in _FIELD.finditer(text):
        option = _FIELD_OPTIONS[match.group(1).lower()]
        how = (f"to filter, give {option} {match.group(2)}" if option
               else "there is no filter by page or section (each hit names its own)")
        notes.append((match.start(), f"'{match.group(0)}' is searched as words; {how}"))
    for match in _other_fields(text):
        notes.append((match.start(), f"'{match.group(0)}' is searched as words; there is no field '{match.group(1)}' "
                                     f"(the filters are {_FILTERS})"))
    return [note for _, note in sorted(notes)]


#: a quoted phrase with a wildcard in one of its words
_QUOTED_PATTERN = re.compile(r'"([^"]*[*?][^"]*)"')


def unquote_patterns(text: str) -> tuple[str, list[str]]:
    """The query with the quotes taken off a phrase that holds a wildcard, and a note for each.

    A phrase matches the words as they stand, so "ledelsesmæssig opbak*" matched nothing at
    all; its words are searched instead, each as it is (the wildcard too).

    >>> unquote_patterns('"ledelsesmæssig opbak*" "tæt opfølgning"')[0]
    ' ledelsesmæssig opbak*  "tæt opfølgning"'
    """
    notes = [f"a wildcard does not work inside quotes; searched for {m.group(1).strip()} without them"
             for m in _QUOTED_PATTERN.finditer(text)]
    return _QUOTED_PATTERN.sub(lambda m: f" {m.group(1)} ", text), notes


def field_words(text: str) -> set[str]:
    """The words of the query's "kind:lesson" filters, lower-case ({"kind", "lesson"}): they are
    named by ``field_notes``, not again as words found nowhere. Of another "author:cowi", only
    the name: its value is searched for as any word."""
    known = {word.lower() for match in _FIELD.finditer(text) for word in re.findall(r"\w+", match.group(0))}
    return known | {match.group(1).lower() for match in _other_fields(text)}


def nothing_to_search(text: str, is_stop_word) -> str | None:
    """Why a query that reads as no words at all searches for nothing, or None if it is not that.

    Args:
        text (str): the query as typed.
        is_stop_word: word → True if the analysis drops it ("og", "i", "at").

    >>> nothing_to_search("-mentorer", lambda w: False)
    "the query only excludes words ('mentorer'); give a word to search for besides"
    >>> nothing_to_search("AND", lambda w: False)
    "'AND' only joins words; give words to search for on both sides"
    >>> nothing_to_search("IKKE (frivillige OR mentorer)", lambda w: False)
    "the query only excludes words ('frivillige', 'mentorer'); give a word to search for besides"
    >>> nothing_to_search("(", lambda w: False)
    "'(' holds no word to search for; give one or more words"
    >>> print(nothing_to_search("og i at", lambda w: True))
    'og', 'i' and 'at' are too common to be searched for alone; in quotes they are searched as a phrase: "og i at"
    """
    excluded = [word for found in _EXCLUDED.findall(text)
                for word in (_plainer(found, marks=False).split() if found.startswith("(") else [found])]
    rest = _EXCLUDED.sub(" ", text)
    words = [w for w in re.findall(r"[^\W_]+", _plainer(rest, marks=False)) if not is_stop_word(w)]
    if words:
        return None
    if excluded:
        listed = ", ".join(repr(w) for w in excluded)
        return f"the query only excludes words ({listed}); give a word to search for besides"
    common = re.findall(r"[^\W_]+", _plainer(text, marks=False))
    operators = re.findall(rf"(?<!\S)(?:{_OPERATOR})(?!\S)", text)
    if not common:
        listed = ", ".join(repr(w) for w in operators)
        verb = "joins" if len(operators) == 1 else "join"
        if operators:
            return f"{listed} only {verb} words; give words to search for on both sides"
        # a stray mark typed alone ('"', "(", "-") searched for nothing and said only that nothing matched
        return f"{text.strip()!r} holds no word to search for; give one or more words" if text.strip() else None
    if len(common) == 1:
        return (f"{common[0]!r} is too common to be searched for alone; it counts only in a quoted phrase "
                "of several words")
    listed = ", ".join(repr(w) for w in common[:-1]) + f" and {common[-1]!r}"
    return (f"{listed} are too common to be searched for alone; in quotes they are searched as a "
            f"phrase: \"{' '.join(common)}\"")


def _plainer(text: str, marks: bool) -> str:
    """The text without operator words, and without the marks of the syntax unless ``marks``."""
    text = re.sub(rf"(?<!\S)(?:{_OPERATOR})(?!\S)", " ", text)
    return text if marks else _MARKS.sub(" ", text)


def parser_plugins(operators: bool = True, marks: bool = True) -> list:
    """The query syntax: words, "phrases", +required/-excluded words, (groups), wildcards, AND/OR/NOT.

    Without ``marks`` only words: what a text that the full syntax cannot
    parse is read as.
    """
    plugins: list = [WhitespacePlugin()]
    if marks:
        plugins += [PhrasePlugin(), PlusMinusPlugin(_PLUS, _MINUS), GroupPlugin(), WildcardPlugin()]
    if marks and operators:
        plugins.append(OperatorsPlugin(
            And=rf"(?<=\s)(?:{'|'.join(AND_WORDS)})(?=\s)",
            Or=rf"(?<=\s)(?:{'|'.join(OR_WORDS)})(?=\s)",
            Not=rf"(?:^|(?<=[\s(]))(?:{'|'.join(NOT_WORDS)})(?=\s)",
            AndNot=None, AndMaybe=None, Require=None,
        ))
    return plugins


def parse(text: str, schema, fieldname: str = "exact") -> wq.Query:
    """The query tree of ``text``: words as ``Term``s of ``fieldname``, NOT folded into exclusions.

    A group that holds negated words ("frivillige NOT mentor") keeps what its
    other words match and drops what the negated ones match; a group of
    nothing but negations matches nothing, as "-mentor" alone does.
    """
    text = _DANGLING.sub(" ", _QUESTION_MARK.sub("", text))
    # Whoosh's parser fails on some tangles of marks ("NOT AND x", "( +x )y"): such a text is
    # read again with less syntax, down to plain words, rather than refused
    for operators, marks in ((True, True), (False, True), (False, False)):
        parser = QueryParser(fieldname, schema, plugins=parser_plugins(operators, marks), group=OrGroup)
        try:
            return _fold_not(parser.parse(text if operators else _plainer(text, marks)))
        except Exception:  # noqa: BLE001 - any failure of the parser means: read it more plainly
            continue
    return wq.NullQuery


def _fold_not(node: wq.Query) -> wq.Query:
    if isinstance(node, wq.Not):
        return wq.NullQuery  # nothing to exclude it from
    if isinstance(node, wq.BinaryQuery):
        a, b = _fold_not_child(node.a), _fold_not_child(node.b)
        if a is wq.NullQuery:
            return wq.NullQuery
        return type(node)(a, b) if b is not wq.NullQuery else a
    if isinstance(node, (wq.And, wq.Or)):
        negated = [_fold_not_child(c.query) for c in node.subqueries if isinstance(c, wq.Not)]
        kept = [_fold_not_child(c) for c in node.subqueries if not isinstance(c, wq.Not)]
        kept = [c for c in kept if c is not wq.NullQuery]
        negated = [c for c in negated if c is not wq.NullQuery]
        if not kept:
            return wq.NullQuery
        group = type(node)(kept, boost=node.boost) if len(kept) > 1 else kept[0]
        if not negated:
            return group
        return wq.AndNot(group, wq.Or(negated) if len(negated) > 1 else negated[0])
    return node


def _fold_not_child(node: wq.Query) -> wq.Query:
    # a negation inside a negated group ("NOT (a NOT b)") is kept as it is: Not matches what its query does not
    return _fold_not(node) if not isinstance(node, wq.Not) else node
