"""Searching the shared corpus: the brief's first question, exact wording first, typos, filters, facets, quality."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from evalsearch.errors import UsageError
from evalsearch.index.search import KINDS, SearchSettings, search
from paths import CORPUS, GOLD
from scoring import score


def hit_texts(result) -> list[str]:
    return [h.passage.text for h in result.hits]


def test_issue_5_every_wording_of_ledelsesmæssig_opbakning_is_found(search_index):
    texts = " ".join(hit_texts(search(search_index, "ledelsesmæssig opbakning", {"limit": 20}))).lower()
    for wording in ("ledelsesmæssig opbakning", "ledelsesmæssige opbakning", "ledelsesopbakning",
                    "lederopbakning", "ledere bakker op"):
        assert wording in texts, wording


def test_exact_wording_ranks_above_other_forms(search_index):
    result = search(search_index, "ledelsesmæssig opbakning", {"limit": 5})
    assert "ledelsesmæssig opbakning" in result.hits[0].passage.text.lower()
    assert result.hits[0].score > result.hits[-1].score


def test_a_typo_is_corrected_against_the_index_and_reported(search_index):
    result = search(search_index, "samskabellse", {"limit": 5})
    assert [(c.original, c.corrected) for c in result.corrections] == [("samskabellse", "samskabelse")]
    assert "samskabelse" in hit_texts(result)[0].lower()


def test_a_known_word_is_not_corrected(search_index):
    assert search(search_index, "frivillige", {"limit": 3}).corrections == []


@pytest.mark.parametrize(("typo", "word"), [("ordniger", "ordninger"), ("bogere", "borgere")])
def test_a_typo_that_reads_as_known_words_is_corrected(search_index, typo, word):
    """The brief's example: "ordniger" reads as "ord" + "niger", yet "ordninger" is one letter away;
    "bogere" is unknown, but its stem "bog" is a word of the index."""
    result = search(search_index, typo, {"limit": 5})
    assert [(c.original, c.corrected) for c in result.corrections] == [(typo, word)]
    assert all(word[:5] in text.lower() for text in hit_texts(result))


@pytest.mark.parametrize(("typed", "word"), [("paaroerende", "pårørende"), ("parorende", "pårørende"),
                                            ("laeringer", "læringer")])
def test_a_word_typed_without_danish_letters_is_read_with_them(search_index, typed, word):
    result = search(search_index, typed, {"limit": 3})
    assert [(c.original, c.corrected) for c in result.corrections] == [(typed, word)]


def test_a_query_without_danish_letters_ranks_as_the_query_with_them(search_index):
    keys = [[h.passage.key for h in search(search_index, q, {"limit": 10}).hits]
            for q in ("ledelsesmaessig opbakning", "ledelsesmæssig opbakning")]
    assert keys[0] == keys[1] and keys[0]


@pytest.mark.parametrize("typed", ["handicapnoeglepersoner", "handicapnoglepersoner"])
def test_a_form_the_index_lacks_typed_without_danish_letters_is_read_with_them(search_index, typed):
    """The index holds "handicapnøglepersonerne" and "-personen" but not "handicapnøglepersoner": the
    nearest index form was searched, and the note named another inflection than the one typed."""
    typed = search(search_index, typed, {"limit": 10})
    assert [c.corrected for c in typed.corrections] == ["handicapnøglepersoner"]
    assert [h.passage.key for h in typed.hits] == [
        h.passage.key for h in search(search_index, "handicapnøglepersoner", {"limit": 10}).hits]


def test_a_passage_that_holds_the_query_ranks_above_the_related_ones(search_index):
    """"ældre" is in one table row of two words; feedback read the row with its table, and two rows
    that hold none of the query's words ranked above it: with --limit 1, "0 of 1 matching passages"."""
    result = search(search_index, "ældre", {"limit": 3})
    assert result.total == 1
    assert [h.related for h in result.hits] == [False, True, True]
    assert "Ældrerådgivningen" in result.hits[0].passage.text


def test_an_unknown_inflection_of_an_index_word_is_not_corrected(search_index):
    assert search(search_index, "samskabelsens", {"limit": 3}).corrections == []


def test_a_typo_is_corrected_to_the_word_fewest_edits_away(search_index):
    """"modlu" shares as many letters with "model" as with "modul", but is one swap from "modul"."""
    result = search(search_index, "modlu", {"limit": 3})
    assert [(c.original, c.corrected) for c in result.corrections] == [("modlu", "modul")]


@pytest.mark.parametrize("word", ["pårørendenetværk", "ledelsesforankring", "jobcentersamarbejde"])
def test_a_new_compound_is_not_taken_for_a_typo(search_index, word):
    result = search(search_index, word, {"limit": 5})
    assert result.corrections == []
    assert result.hits


def test_highlights_mark_the_matching_words(search_index):
    result = search(search_index, "samarbejdsaftale", {"limit": 5})
    marked = {m.lower() for h in result.hits for m in re.findall(r"\*\*(.+?)\*\*", h.highlight)}
    assert any(m.startswith("samarbejdsaftale") for m in marked)


def test_a_table_row_matched_far_into_it_is_shown_with_whose_row_it_is(search_index):
    """"… at 7 ville starte i **fleksjob** …" said nothing of which project's goal it was: a
    snippet from further into a row is shown after the row's id or first cell."""
    hits = search(search_index, "førtidspension fleksjob", {"limit": 60, "kinds": ("goal", "table")}).hits
    deep = [h for h in hits if not h.highlight.startswith(h.passage.text[:20])]
    assert deep, "no row is matched far from its start"
    for hit in deep:
        lead = hit.passage.text[:hit.passage.lead]
        assert hit.passage.lead > 0 and hit.highlight.startswith(f"{lead[:60].rsplit(' ', 1)[0]}") and " … " in hit.highlight
    paragraphs = search(search_index, "fleksjob", {"limit": 20, "kinds": ("paragraph", "lesson")}).hits
    assert all(h.passage.lead == 0 for h in paragraphs)
    assert any(h.highlight.startswith("… ") for h in paragraphs)


def test_a_wildcard_inside_quotes_searches_the_words_and_says_so(search_index):
    """A phrase matches words as they stand, so '"ledelsesmæssig opbak*"' found nothing, silently."""
    result = search(search_index, '"ledelsesmæssig opbak*"', {"limit": 5})
    assert result.hits and not result.hits[0].related
    assert "opbakning" in result.hits[0].highlight.lower()
    assert result.readings == ["a wildcard does not work inside quotes; searched for ledelsesmæssig opbak* without them"]


def test_words_matched_side_by_side_are_one_mark(search_index):
    """"**personlig** **assistance**" read as two finds; the query named one thing."""
    highlights = " ".join(h.highlight for h in search(search_index, "personlig assistance", {"limit": 5}).hits)
    assert "**personlig assistance**" in highlights.lower()
    assert "**personlig** **assistance**" not in highlights.lower()


def test_hits_of_one_report_never_repeat_a_text(search_index):
    """Not even as part of a better hit: a list item's second paragraph is shown within the item."""
    result = search(search_index, "frivillige", {"limit": 60})
    texts = [(h.passage.doc_id, " ".join(h.passage.text.lower().split())) for h in result.hits]
    for i, (doc_id, text) in enumerate(texts):
        assert not any(doc_id == d and text in t for d, t in texts[:i]), text
    assert any("samtidigt har en del svært ved at tro" in t for _, t in texts)


@pytest.mark.parametrize("kind", ["paragraph", "table"])
def test_the_kind_filter_keeps_only_that_kind(search_index, kind):
    # a lesson is also a paragraph of its report: kinds holds every kind a passage stands for
    result = search(search_index, "ledelse", {"limit": 20, "kinds": [kind]})
    assert result.hits
    assert all(kind in h.passage.kinds for h in result.hits)
    unfiltered = search(search_index, "ledelse", {"limit": 20})
    assert {h.passage.key for h in result.hits} != {h.passage.key for h in unfiltered.hits}


def test_the_document_filter_keeps_only_that_report(search_index):
    doc_id = "staa-ikke-i-stampe-slutevaluering-2018"
    result = search(search_index, "frivillige", {"limit": 20, "doc_ids": [doc_id]})
    assert result.hits and {h.passage.doc_id for h in result.hits} == {doc_id}


def test_a_span_of_years_stands_for_the_pool_years_of_the_index_within_it(search_index):
    held = sorted({h.passage.pool_year for h in search(search_index, "projekt", {"limit": 500}).hits} - {None})
    assert len(held) >= 2
    single = search(search_index, "frivillige", {"limit": 50, "years": [held[0]]})
    assert single.hits and all(h.passage.pool_year in (held[0], None) for h in single.hits)
    span = search(search_index, "frivillige", {"limit": 50, "years": [f"{held[0] - 1}–{held[-1]}"]})
    listed = search(search_index, "frivillige", {"limit": 50, "years": held})
    assert [h.passage.key for h in span.hits] == [h.passage.key for h in listed.hits]
    assert f"pool years {held[0] - 1}–{held[-1]} read as {', '.join(map(str, held))}" in span.readings
    with pytest.raises(UsageError, match=rf"no pool year from 2090 to 2099 in the index; it holds: {held[0]}"):
        search(search_index, "frivillige", {"years": ["2099-2090"]})


def test_an_unknown_document_lists_the_documents_held(search_index):
    with pytest.raises(UsageError, match=r"no document 'nope' in the index; it holds: cabi-evaluering"):
        search(search_index, "frivillige", {"doc_ids": ["nope"]})


def test_an_unknown_theme_is_rejected(search_index):
    with pytest.raises(UsageError, match="no theme 'ukendt tema' in the index"):
        search(search_index, "frivillige", {"themes": ["ukendt tema"]})


@pytest.mark.parametrize("named", [
    "staa-ikke-i-stampe-slutevaluering-2018.pdf",  # its file's name, as copied from a folder
    str(CORPUS / "staa-ikke-i-stampe-slutevaluering-2018.pdf"),  # its path
    "Stå ikke i stampe",  # a part of its title: the project as analysts call it
    "brug din  RAMPE",
])
def test_a_report_may_be_named_by_its_file_or_its_title(search_index, named):
    result = search(search_index, "frivillige", {"doc_ids": [named]})
    assert {h.passage.doc_id for h in result.hits} == {"staa-ikke-i-stampe-slutevaluering-2018"}
    assert result.readings == [f"document {named!r} read as 'staa-ikke-i-stampe-slutevaluering-2018'"]


@pytest.mark.parametrize("named, message", [
    ("evaluering", "document 'evaluering' fits several in the index: cabi-evaluering-handicappuljer-2023, "),
    ("af projekt", "document 'af projekt' is in the title of several reports: "),
    ("nowhere.pdf", "no document 'nowhere.pdf' in the index"),
])
def test_a_name_of_several_reports_or_of_none_is_refused(search_index, named, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        search(search_index, "frivillige", {"doc_ids": [named]})


def test_a_part_of_one_name_stands_for_it_and_is_noted(search_index):
    result = search(search_index, "ledelse", {"limit": 50, "doc_ids": ["Stampe"], "themes": ["ledelse"]})
    assert result.hits
    assert {h.passage.doc_id for h in result.hits} == {"staa-ikke-i-stampe-slutevaluering-2018"}
    assert all("ledelse og opbakning" in h.passage.themes for h in result.hits)
    assert result.readings == ["document 'Stampe' read as 'staa-ikke-i-stampe-slutevaluering-2018'",
                               "theme 'ledelse' read as 'ledelse og opbakning'"]
    assert search(search_index, "frivillige", {"themes": ["Ledelse og Opbakning"]}).readings == []


def test_a_part_of_several_names_or_a_misspelling_is_named(search_index):
    with pytest.raises(UsageError, match=r"theme 'samarbejde' fits several in the index: samarbejde med jobcentret, "):
        search(search_index, "frivillige", {"themes": ["samarbejde"]})
    with pytest.raises(UsageError, match=r"no theme 'forankrng' in the index \(did you mean 'forankring'\?\)"):
        search(search_index, "frivillige", {"themes": ["forankrng"]})


def test_a_related_hit_holds_no_form_of_the_query_and_is_counted_apart(search_index):
    """Feedback ranks passages without the query's words; "4 of 4 matching" must not read "7 of 4"."""
    from evalsearch.index.output import result_to_text

    result = search(search_index, "samskabelse", {"limit": 7})
    related = [h for h in result.hits if h.related]
    matching = [h for h in result.hits if not h.related]
    assert related and len(matching) <= result.total
    assert all("**" in h.highlight for h in matching) and not any("**" in h.highlight for h in related)
    assert all(h.to_dict()["related"] for h in related)
    lines = result_to_text(result).splitlines()
    assert lines[0] == (f"{len(matching)} of {result.total} matching passages for 'samskabelse', and {len(related)} "
                        "related: they hold none of its words but share words with the best")
    assert sum(line.endswith(" · related") or " · related · " in line for line in lines) == len(related)


def test_matching_passages_left_out_as_repeats_are_named_when_all_others_are_shown(search_index):
    """All hits asked for read "26 of 28 matching passages", as if a limit had cut two."""
    from evalsearch.index.output import result_to_text

    everything = search(search_index, "frivillige", {"limit": 1000})
    matching = sum(not h.related for h in everything.hits)
    assert everything.repeats > 0 and matching + everything.repeats == everything.total
    assert result_to_text(everything).splitlines()[0].startswith(
        f"{matching} of {everything.total} matching passages for 'frivillige' "
        f"(the other {everything.repeats} repeat the text of a hit above), and ")
    first = result_to_text(search(search_index, "frivillige", {"limit": 3})).splitlines()[0]
    assert first == f"3 of {everything.total} matching passages for 'frivillige'"


def test_a_report_without_a_title_is_named_once_by_its_document_id(search_index):
    """A report whose title page gives no title read "1. notat-2019 (notat-2019)"."""
    from dataclasses import replace

    from evalsearch.index.output import result_to_text

    result = search(search_index, "frivillige", {"limit": 2})
    first, second = result.hits
    result.hits = [replace(first, passage=replace(first.passage, title=None)), second]
    heads = [line for line in result_to_text(result).splitlines() if re.match(r"\d+\. ", line)]
    assert heads == [f"1. {first.passage.doc_id}", f"2. {second.passage.title} ({second.passage.doc_id})"]


@pytest.mark.parametrize("query, pattern", [
    ("ledels*", r"ledels\w*"), ("frivil?ige", r"frivil\wige"), ("*opbakning", r"\w*opbakning"),
])
def test_a_wildcard_stands_for_the_index_words_it_matches(search_index, query, pattern):
    hits = [h for h in search(search_index, query, {"limit": 1000}).hits if not h.related]
    marked = {m.lower() for h in hits for m in re.findall(r"\*\*(.+?)\*\*", h.highlight)}
    assert hits and marked and all(re.fullmatch(pattern, m) for m in marked)
    assert all(re.search(pattern, h.passage.text.lower()) for h in hits)
    if query == "*opbakning":
        assert {"opbakning", "ledelsesopbakning", "lederopbakning"} <= marked


def test_a_wildcard_needs_letters_and_one_that_matches_nothing_is_named(search_index):
    with pytest.raises(UsageError, match=r"the pattern '\*' stands for too many words; give it at least 2 letters"):
        search(search_index, "frivillige *")
    result = search(search_index, "xyzq* frivillige")
    assert result.hits and result.unmatched == ["xyzq*"]


def test_a_query_pasted_with_ligatures_reads_them_as_letters(search_index):
    pasted = search(search_index, "\ufb02eksjob og \ufb01nansiering", {"limit": 20})
    typed = search(search_index, "fleksjob og finansiering", {"limit": 20})
    assert pasted.hits and not pasted.corrections and not pasted.unmatched
    assert [h.passage.key for h in pasted.hits] == [h.passage.key for h in typed.hits]


def test_facets_count_matches_per_document(search_index):
    result = search(search_index, "frivillige", {"limit": 5, "facets": True})
    counts = result.facets["doc_id"]
    assert counts and set(counts) <= {"cabi-evaluering-handicappuljer-2023", "kompensation-til-flere-slutevaluering-2018",
                                      "staa-ikke-i-stampe-slutevaluering-2018", "tvaergaaende-evaluering-handicap-2021"}
    assert max(counts, key=counts.get) == "staa-ikke-i-stampe-slutevaluering-2018"
    assert sum(counts.values()) == result.total


@pytest.mark.parametrize("settings, message", [
    ({"limit": 0}, "limit must be a whole number of at least 1"),
    ({"kinds": ["chapter"]}, "unknown kind 'chapter'; choose from " + ", ".join(KINDS)),
    ({"colour": "red"}, "unknown search setting 'colour'; valid settings: b, doc_ids"),
    ({"b": 2.0}, "b between 0 and 1"),
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        SearchSettings.resolve(settings)


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u2060", "\ufeff"])
def test_a_query_pasted_with_invisible_marks_inside_its_words_reads_them_as_one_word(search_index, mark):
    """A soft hyphen or zero-width space copied from a PDF viewer split "ledelsesopbakning" in two."""
    pasted = search(search_index, f"ledelses{mark}opbakning fasthold{mark}else", {"limit": 20})
    typed = search(search_index, "ledelsesopbakning fastholdelse", {"limit": 20})
    assert pasted.query == typed.query and not pasted.unmatched
    assert [h.passage.key for h in pasted.hits] == [h.passage.key for h in typed.hits]
    with pytest.raises(UsageError, match="the query is empty"):
        search(search_index, f" {mark} ")


@pytest.mark.parametrize("query, note", [
    ("NOT frivillige", "the query only excludes words ('frivillige'); give a word to search for besides"),
    ("og -frivillige -mentorer", "the query only excludes words ('frivillige', 'mentorer'); give a word"),
    ("IKKE (frivillige OR mentorer)", "the query only excludes words ('frivillige', 'mentorer'); give a word"),
    ("og i at", "'og', 'i' and 'at' are too common to be searched for alone; in quotes they are searched as a "
                'phrase: "og i at"'),
    ("det", "'det' is too common to be searched for alone; it counts only in a quoted phrase of several words"),
    ("AND", "'AND' only joins words; give words to search for on both sides"),
    ("OG ELLER", "'OG', 'ELLER' only join words; give words to search for on both sides"),
    ('"', "'\"' holds no word to search for; give one or more words"),
    ("( - ?", "'( - ?' holds no word to search for; give one or more words"),
])
def test_a_query_that_searches_for_nothing_says_why(search_index, query, note):
    result = search(search_index, query)
    assert not result.hits and len(result.readings) == 1 and result.readings[0].startswith(note)


def test_a_query_with_a_word_to_search_for_has_no_such_note(search_index):
    for query in ("frivillige -mentorer", '"og i at"', "og frivillige"):
        result = search(search_index, query)
        assert result.hits and result.readings == [], query


def test_an_empty_query_is_a_usage_error(search_index):
    with pytest.raises(UsageError, match="the query is empty"):
        search(search_index, "   ")


def test_a_query_of_stop_words_returns_without_error(search_index):
    assert search(search_index, "og det som").query == "og det som"


def test_excluded_words_are_excluded(search_index):
    result = search(search_index, "frivillige -mentorer", {"limit": 30})
    assert result.hits and not any("mentor" in t.lower() for t in hit_texts(result))


def test_and_keeps_passages_with_both_words(search_index):
    result = search(search_index, "frivillige AND pårørende", {"limit": 100})
    texts = [t.lower() for t in hit_texts(result)]
    assert texts and all("frivillig" in t and "pårørende" in t for t in texts)
    assert result.total < search(search_index, "frivillige pårørende").total


@pytest.mark.parametrize("query", ["frivillige NOT mentorer", "frivillige IKKE mentorer"])
def test_not_excludes_like_a_minus(search_index, query):
    result = search(search_index, query, {"limit": 100})
    assert hit_texts(result) == hit_texts(search(search_index, "frivillige -mentorer", {"limit": 100}))
    assert result.hits and not any("mentor" in t.lower() for t in hit_texts(result))


def test_an_operator_is_not_taken_for_a_misspelt_word(search_index):
    result = search(search_index, "frivillige OR pårørende")
    assert result.corrections == []
    assert hit_texts(result) == hit_texts(search(search_index, "frivillige pårørende"))


def test_a_hyphen_inside_a_word_excludes_nothing(search_index):
    """"Figur 3-1" is a label, not "Figur 3" without "1"."""
    result = search(search_index, "Figur 3-1", {"limit": 5})
    assert [h.passage.text.startswith("Figur 3-1") for h in result.hits[:2]] == [True, True]


def test_a_table_label_finds_the_rows_of_its_table(search_index):
    result = search(search_index, "Tabel 3-1", {"limit": 10, "kinds": ["goal"]})
    assert result.hits[0].passage.heading.startswith("Tabel 3-1")
    assert all(" 3-1 " in h.passage.heading for h in result.hits)  # one report prints "Table 3-1"


def test_a_query_that_is_a_label_lists_what_it_labels_first_in_table_order(search_index):
    """ "Tabel 3-1" ranked two "Figur 3-1" captions above the rows of the table."""
    hits = search(search_index, "Tabel 3-1", {"limit": 60}).hits
    labelled = [h for h in hits if (h.passage.heading or "").split()[1:2] == ["3-1"]]
    assert labelled and hits[:len(labelled)] == labelled  # "Table 3-1" of one report too
    for doc_id in {h.passage.doc_id for h in labelled}:
        numbers = [h.passage.number for h in labelled if h.passage.doc_id == doc_id]
        assert numbers == sorted(numbers)
    figures = search(search_index, "figur 3-1", {"limit": 5}).hits
    assert [h.passage.text.split()[:2] for h in figures[:2]] == [["Figur", "3-1"]] * 2


@pytest.mark.parametrize("query", ["figur 3.1", "Tabel 3.3"])
def test_a_label_number_with_a_point_finds_the_one_printed_with_a_hyphen(search_index, query):
    """Reports number "Figur 3-1" or "Figur 3.1"; "figur 3.1" said no passage holds '3.1'."""
    printed = query.replace(".", "-")
    result = search(search_index, query, {"limit": 60})
    assert result.unmatched == []
    labelled = [h for h in result.hits if any(" ".join((value or "").lower().split()[:2]).replace("table", "tabel")
                                              == printed.lower() for value in (h.passage.heading, h.passage.text))]
    assert labelled and result.hits[:len(labelled)] == labelled
    assert {h.passage.doc_id for h in labelled} == {
        h.passage.doc_id for h in search(search_index, printed, {"limit": 60}).hits[:len(labelled)]}


@pytest.mark.parametrize("query, goal_id", [("B1", "B1"), ("a3", "A3"), ("resultatmål C2", "C2")])
def test_a_query_that_is_a_goal_id_lists_the_rows_of_that_goal_first(search_index, query, goal_id):
    """ "B1" ranked a row of goal C1, which refers to "resultatmål B1", above the rows of goal B1."""
    reports = {path.stem for path in GOLD.glob("*.json") if not path.stem.startswith("queries")
               for table in json.loads(path.read_text(encoding="utf-8"))["goal_tables"]
               for row in table["rows"] if row["id"] == goal_id}
    hits = search(search_index, query, {"limit": 10}).hits
    first = hits[:len(reports)]
    assert reports and {h.passage.doc_id for h in first} == reports
    assert all(h.passage.kind == "goal" and h.passage.text.split()[0].rstrip(":") == goal_id for h in first)


@pytest.mark.parametrize("printed, typed", [("4.752.224", "4752224"), ("3,9", "3.9")])
def test_a_number_is_found_however_its_thousands_and_decimals_are_typed(search_index, printed, typed):
    """The reports print "4.752.224 DKK" and "værdien 3,9"; "4752224" and "3.9" found nothing."""
    as_printed = [h for h in search(search_index, printed, {"limit": 10}).hits if not h.related]
    as_typed = [h for h in search(search_index, typed, {"limit": 10}).hits if not h.related]
    assert as_printed and all(printed in h.passage.text for h in as_printed)
    assert [h.passage.key for h in as_typed] == [h.passage.key for h in as_printed]
    assert f"**{printed}**" in as_typed[0].highlight


def test_a_quoted_phrase_must_stand_together(search_index):
    result = search(search_index, '"tæt opfølgning"', {"limit": 10})
    assert result.hits and all(re.search(r"tæt\w* opfølgning", t.lower()) for t in hit_texts(result))


def test_search_prints_nothing(search_index, capfd):
    search(search_index, "ledelsesmæssig opbakning", {"facets": True})
    assert capfd.readouterr() == ("", "")


def test_search_quality_over_the_gold_queries(search_index, queries, tmp_path, capsys):
    """A floor under score.py's search scores, so that a change that loses recall or ranking fails."""
    predictions = {q["query"]: [h.to_dict() for h in search(search_index, q["query"], {"limit": 60}).hits]
                   for q in queries}
    (tmp_path / "pred.json").write_text(json.dumps(predictions, ensure_ascii=False))
    summary = score.score_search(GOLD / "queries.json", tmp_path / "pred.json")
    capsys.readouterr()
    assert summary["recall"] >= 0.5 and summary["ndcg@10"] >= 0.55, summary


def test_a_search_for_corpus_words_starts_without_loading_the_lexicon(search_index):
    """The analysis memo saved beside the index answers for every word of the corpus."""
    code = (
        "import sys\n"
        "from evalsearch.index.search import search\n"
        "search(sys.argv[1], 'ledelsesmæssig opbakning')\n"
        "print('evalsearch.danish' in sys.modules, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(search_index)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_the_theme_filter_keeps_passages_of_that_theme(search_index):
    themes = search(search_index, "ledelsesmæssig opbakning", {"facets": True}).facets["theme"]
    assert "ledelse og opbakning" in themes
    theme = "ledelse og opbakning"
    result = search(search_index, "ledelsesmæssig opbakning", {"limit": 20, "themes": [theme]})
    assert result.hits and all(theme in h.passage.themes for h in result.hits)
    assert result.total == themes[theme]
