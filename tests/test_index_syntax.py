"""The query syntax: words, phrases, +/-, groups and the AND/OR/NOT operators, parsed without an index."""

from __future__ import annotations

import pytest
from whoosh import query as wq
from whoosh.analysis import SimpleAnalyzer
from whoosh.fields import TEXT, Schema

from evalsearch.index.syntax import field_notes, field_words, parse

SCHEMA = Schema(exact=TEXT(analyzer=SimpleAnalyzer()))


def term(text: str) -> wq.Term:
    return wq.Term("exact", text)


@pytest.mark.parametrize("text", ["frivillige AND mentorer", "frivillige OG mentorer"])
def test_and_requires_both_words(text):
    assert parse(text, SCHEMA) == wq.And([term("frivillige"), term("mentorer")])


@pytest.mark.parametrize("text", ["frivillige OR mentorer", "frivillige ELLER mentorer", "frivillige mentorer"])
def test_or_is_the_plain_query(text):
    assert parse(text, SCHEMA) == wq.Or([term("frivillige"), term("mentorer")])


@pytest.mark.parametrize("text", ["frivillige NOT mentorer", "frivillige IKKE mentorer", "frivillige AND NOT mentorer",
                                  "NOT mentorer frivillige", "frivillige -mentorer"])
def test_not_excludes_from_the_rest_of_its_group(text):
    assert parse(text, SCHEMA) == wq.AndNot(term("frivillige"), term("mentorer"))


def test_several_negations_exclude_any_of_them():
    assert parse("frivillige pårørende NOT mentorer NOT netværk", SCHEMA) == wq.AndNot(
        wq.Or([term("frivillige"), term("pårørende")]), wq.Or([term("mentorer"), term("netværk")]))


def test_groups_nest():
    assert parse("(frivillige OR mentorer) AND pårørende", SCHEMA) == wq.And(
        [wq.Or([term("frivillige"), term("mentorer")]), term("pårørende")])


@pytest.mark.parametrize("text", ["NOT mentorer", "-mentorer", "IKKE mentorer NOT netværk"])
def test_nothing_but_negations_matches_nothing(text):
    assert parse(text, SCHEMA) is wq.NullQuery


@pytest.mark.parametrize("text", ["frivillige OR", "OR frivillige", "AND frivillige AND", "frivillige NOT",
                                  "(frivillige OG) ", "frivillige ELLER OG"])
def test_an_operator_with_nothing_to_join_is_dropped(text):
    assert parse(text, SCHEMA) == term("frivillige")


@pytest.mark.parametrize("text", ["ikke lykkedes", "og eller", "Figur 3-1"])
def test_lower_case_operators_and_inner_hyphens_are_words(text):
    parsed = parse(text, SCHEMA)
    assert isinstance(parsed, wq.Or) and all(isinstance(q, wq.Term) for q in parsed.subqueries)


def test_a_capitalised_word_alone_is_a_word():
    assert parse("IKKE", SCHEMA) == term("ikke")


@pytest.mark.parametrize("text,words", [
    ("NOT NOT frivillige", ["frivillige"]),
    ("NOT AND frivillige", ["frivillige"]),
    ("( +frivillige )mentorer", ["frivillige", "mentorer"]),
])
def test_a_tangle_the_parser_cannot_take_is_read_as_plain_words(text, words):
    parsed = parse(text, SCHEMA)
    assert sorted(t for _, t in parsed.iter_all_terms()) == words


@pytest.mark.parametrize("text", ["OR OR", "AND", "OG ELLER"])
def test_nothing_but_operators_is_no_query(text):
    assert parse(text, SCHEMA) is wq.NullQuery


def test_a_question_mark_that_ends_a_word_is_no_wildcard():
    assert parse("hvordan fastholdes borgere i job?", SCHEMA) == parse("hvordan fastholdes borgere i job", SCHEMA)
    assert parse("(job?) frivil?ige ?", SCHEMA) == wq.Or([term("job"), wq.Wildcard("exact", "frivil?ige")])


def test_no_arrangement_of_marks_and_words_fails():
    marks = ["AND", "OR", "NOT", "IKKE", "(", ")", '"', "+", "-", "x", "+x", "-y", "(x", ")y", "*", "x?*"]
    for a in marks:
        for b in marks:
            for c in marks:
                parse(f"{a} {b} {c}", SCHEMA)


@pytest.mark.parametrize("query, option", [("år:2023", "--year 2023"), ("Tema:forankring", "--theme forankring"),
                                           ("rapport:staa-ikke", "--doc staa-ikke"), ("type:lesson", "--kind lesson"),
                                           ("titel:handicap", "--doc handicap")])
def test_a_filter_written_with_a_danish_field_name_is_named_with_its_option(query, option):
    assert field_notes(f"frivillige {query}") == [f"'{query}' is searched as words; to filter, give {option}"]
    assert field_words(f"frivillige {query}") == set(query.lower().replace("-", ":").split(":"))


@pytest.mark.parametrize("query", ["page:22", "Side:22", "afsnit:4.1"])
def test_a_field_that_no_filter_has_is_named_as_such(query):
    """ "page:22" said only that no passage holds "page" in any form."""
    assert field_notes(f"frivillige {query}") == [
        f"'{query}' is searched as words; there is no filter by page or section (each hit names its own)"]


@pytest.mark.parametrize("query", ["author:cowi", "Forfatter:\"COWI A/S\""])
def test_a_field_name_that_no_filter_knows_is_named_as_such(query):
    """ "author:cowi" said only that no passage holds "author" in any form."""
    name = query.split(":")[0]
    assert field_notes(f"frivillige {query}") == [
        f"'{query}' is searched as words; there is no field '{name}' (the filters are --kind, --doc, --year and --theme)"]
    assert field_words(f"frivillige {query}") == {name.lower()}  # the value is searched as any word


def test_a_web_address_is_no_field():
    assert field_notes("frivillige https://star.dk mailto:info@star.dk") == []


def test_a_colon_inside_a_word_is_no_field():
    assert field_notes("mål:240 kl. 10:30") == []
