"""Ranking over the shared corpus: feedback, split compounds, siblings, short passages, specific words, names."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from evalsearch.index.feedback import FeedbackWeights, feedback_terms, passage_in_context
from evalsearch.index.names import asks_for_a_name, in_name
from evalsearch.index.query import QueryBuilder, QueryWeights
from evalsearch.index.ranking import length_prior
from evalsearch.index.search import DEFAULT_KIND_WEIGHTS, search
from evalsearch.index.writer import open_index


@pytest.fixture(scope="module")
def searcher(search_index):
    with open_index(search_index).searcher() as opened:
        yield opened


FILLER = ["Det regner.", "Solen skinner.", "Vinden blæser."]


def test_feedback_counts_a_word_once_per_passage(searcher):
    lemma = searcher.schema["lemma"].analyzer
    texts = ["Styregruppen styregruppen styregruppen mødes.", "Tovholderen ringer.", "Tovholderen skriver.", *FILLER]
    terms = feedback_terms(searcher, lemma, texts, set(), FeedbackWeights())
    # a word repeated in one passage is not shared by the passages; one found in two of them is
    assert "tovholder" in terms and "styregruppe" not in terms
    assert sum(terms.values()) == pytest.approx(FeedbackWeights().weight)


def test_feedback_of_a_query_that_matches_few_passages_takes_a_word_of_one_of_them(searcher):
    """Three passages about "samskabelse", one of them a table that calls it "tværsektorielt samarbejde"."""
    lemma = searcher.schema["lemma"].analyzer
    few = ["Samskabelse som metode.", "Samskabelse med virksomheder.", "Et tværsektorielt samarbejde om forløb."]
    assert "tværsektoriel" in feedback_terms(searcher, lemma, few, set(), FeedbackWeights())
    many = few + ["Det regner meget.", "Solen skinner igen.", "Vinden blæser op.", "Sneen falder.", "Frosten bider."]
    assert "tværsektoriel" not in feedback_terms(searcher, lemma, many, set(), FeedbackWeights())


def test_feedback_takes_one_lemma_per_word_not_its_compound_parts(searcher):
    lemma = searcher.schema["lemma"].analyzer
    texts = ["De frivillige mentorer.", "Færre frivillige end ventet.", "Frivillige er svære at finde."]
    terms = feedback_terms(searcher, lemma, texts, set(), FeedbackWeights())
    assert "frivillig" in terms and not {"fri", "villig"} & set(terms)


def test_feedback_reads_a_short_table_row_with_the_rows_of_its_table(searcher):
    stored = {docnum: fields for docnum, fields in enumerate(searcher.reader().all_stored_fields())}
    row = next(n for n, f in stored.items() if f["text"] == "Samarbejdspartnere Samskabelse analyse!")
    in_context = passage_in_context(searcher, stored.__getitem__, row)
    # the row's table says what the project's "samskabelse" is: a cross-sector collaboration
    assert in_context.startswith(stored[row]["text"]) and "tværsektorielt samarbejde" in in_context
    where = (stored[row]["doc_id"], stored[row]["heading"])
    table = {f["text"] for f in stored.values() if (f["doc_id"], f.get("heading")) == where}
    assert set(in_context.split()) <= set(" ".join(table).split())
    long_passage = next(n for n, f in stored.items() if len(f["text"].split()) > 40 and f.get("heading"))
    assert passage_in_context(searcher, stored.__getitem__, long_passage) == stored[long_passage]["text"]


def test_a_compound_written_as_two_words_ranks_with_the_compound(search_index):
    """ "handicap nøglepersonerne" is the same concept as "handicapnøglepersonerne"."""
    hits = search(search_index, "handicapnøglepersoner", {"limit": 12}).hits
    assert any("handicap nøglepersonerne" in h.passage.text for h in hits)
    split_off = search(search_index, "handicapnøglepersoner", {"limit": 12, "weights": QueryWeights(split=0.0)}).hits
    rank = next(i for i, h in enumerate(hits) if "handicap nøglepersonerne" in h.passage.text)
    rank_off = next((i for i, h in enumerate(split_off) if "handicap nøglepersonerne" in h.passage.text), 99)
    assert rank < rank_off


@pytest.mark.parametrize("words, factor", [(0, 0.0), (3, 0.53), (8, 0.86), (20, 0.99), (200, 1.0)])
def test_length_prior_damps_only_short_passages(words, factor):
    assert float(length_prior(np.array([words]), 4.0)[0]) == pytest.approx(factor, abs=0.01)


def test_length_prior_off_keeps_every_score():
    assert length_prior(np.array([1, 5, 50]), 0.0).tolist() == [1.0, 1.0, 1.0]


def test_a_table_header_row_falls_below_the_paragraphs(search_index):
    """The header row "Projekt Estimeret forankring" holds the word but says nothing about it."""
    def rank(settings):
        texts = [h.passage.text for h in search(search_index, "forankring efter projektperioden", settings).hits]
        return texts.index("Projekt Estimeret forankring")

    assert rank({"limit": 20, "short": 0.0}) < rank({"limit": 20}) and rank({"limit": 20}) >= 5


def test_a_negative_short_setting_is_named(search_index):
    from evalsearch.errors import UsageError

    with pytest.raises(UsageError, match="short must be 0"):
        search(search_index, "leder", {"short": -1.0})


def test_the_rare_word_of_a_question_outweighs_its_common_words(searcher):
    plan = QueryBuilder(searcher).build("hvordan fastholdes borgere i job")
    boosts = {lemma: clause.boost for lemma, clause, _ in plan.clauses}
    assert boosts["fastholde"] == 1.0
    assert boosts["borger"] < 0.8 and boosts["job"] < boosts["borger"]
    plain = QueryBuilder(searcher, QueryWeights(specificity=0.0)).build("hvordan fastholdes borgere i job")
    assert {clause.boost for _, clause, _ in plain.clauses} == {1.0}


def test_a_single_word_is_not_reweighed(searcher):
    plan = QueryBuilder(searcher).build("frivillige")
    assert [clause.boost for _, clause, _ in plan.clauses] == [1.0]


def test_a_compound_finds_its_siblings_of_the_same_first_part(search_index):
    """Company networks: passages on "eksisterende lokale virksomhedsfora" are about them too."""
    def found(settings):
        return any("virksomhedsfora" in h.passage.text for h in search(search_index, "virksomhedsnetværk", settings).hits)

    assert found({"limit": 20}) and not found({"limit": 20, "weights": QueryWeights(sibling=0.0)})


def test_siblings_share_the_first_part_but_not_the_head(searcher):
    siblings = QueryBuilder(searcher)._siblings("samarbejdsaftale", ["samarbejde", "aftale"])
    assert "samarbejdserklæring" in siblings and "samarbejdskontrakt" in siblings
    assert "samarbejdsaftale" not in siblings and all(s.startswith("samarbejds") for s in siblings)


def test_a_compound_query_starts_without_loading_the_lexicon(search_index):
    code = (
        "import sys\n"
        "from evalsearch.index.search import search\n"
        "search(sys.argv[1], 'virksomhedsnetværk samarbejdsaftale')\n"
        "print('evalsearch.danish' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(search_index)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_each_pair_of_the_words_of_a_question_earns_a_proximity_bonus(searcher):
    def lemma_phrases(text):
        near = QueryWeights().near_slop  # (a split compound's phrase has slop 1)
        return [list(b.words) for b in QueryBuilder(searcher).build(text).boosts
                if getattr(b, "fieldname", "") == "lemma" and b.slop == near]

    assert lemma_phrases("hvordan fastholdes borgere i job") == [
        ["fastholde", "borger", "job"], ["fastholde", "borger"], ["fastholde", "job"], ["borger", "job"]]
    assert lemma_phrases("ledelsesmæssig opbakning") == [["ledelsesmæssig", "opbakning"]]  # two words: the pair is the whole


def test_phrase_bonuses_analyse_each_text_once_per_field(searcher, monkeypatch):
    from whoosh import query as wq

    from evalsearch.index import phrases
    from evalsearch.index.engine import PostingEngine

    calls = []
    original = phrases.phrase_positions
    monkeypatch.setattr(phrases, "phrase_positions", lambda *a: calls.append(a[1]) or original(*a))
    engine = PostingEngine(searcher, 1.2, 0.5)
    queries = [wq.Phrase("lemma", ["tæt", "opfølgning"], slop=1), wq.Phrase("lemma", ["løbende", "dialog"], slop=1)]
    bonuses = phrases.phrase_bonuses(engine, searcher.schema, queries, {0: "tæt opfølgning og løbende dialog"})
    assert calls == ["tæt opfølgning og løbende dialog"] and list(bonuses) == [0]


def test_search_quality_over_the_held_out_queries(search_index, tmp_path, capsys):
    """A floor under score.py's figures for the queries of benchmarks/queries-heldout.json."""
    import json

    from paths import ROOT
    from scoring import score

    held_out = ROOT / "benchmarks" / "queries-heldout.json"
    queries = json.loads(held_out.read_text(encoding="utf-8"))
    predictions = {q["query"]: [h.to_dict() for h in search(search_index, q["query"], {"limit": 60}).hits]
                   for q in queries}
    (tmp_path / "pred.json").write_text(json.dumps(predictions, ensure_ascii=False))
    summary = score.score_search(held_out, tmp_path / "pred.json")
    capsys.readouterr()
    assert summary["recall"] >= 0.7 and summary["ndcg@10"] >= 0.6, summary


def test_fact_table_rows_are_weighed_below_prose(search_index):
    plain = {"kinds": ["table"], "feedback": FeedbackWeights(passages=0), "limit": 5}
    weighed = search(search_index, "målgruppe", plain)
    unweighed = search(search_index, "målgruppe", dict(plain, kind_weights={}))
    assert weighed.hits
    assert [h.passage.text for h in weighed.hits] == [h.passage.text for h in unweighed.hits]
    factor = dict(DEFAULT_KIND_WEIGHTS)["table"]
    for a, b in zip(weighed.hits, unweighed.hits):
        assert a.score == pytest.approx(factor * b.score, rel=1e-4)


def test_kind_weights_name_a_known_kind(search_index):
    from evalsearch.errors import UsageError

    with pytest.raises(UsageError, match="kind_weights"):
        search(search_index, "målgruppe", {"kind_weights": {"tabel": 0.5}})


@pytest.mark.parametrize("text, word, named", [
    ("foretaget af Styrelsen for Arbejdsmarked og Rekruttering (STAR).", "Rekruttering", True),
    ("foretaget af Styrelsen for Arbejdsmarked og Rekruttering (STAR).", "Styrelsen", True),
    ("samarbejdet med Jobcenter Aarhus og virksomhederne", "Jobcenter", True),
    ("Rekruttering af deltagere tog tid.", "Rekruttering", False),  # a sentence opens with it
    ("Projektet slutter. Rekruttering tog tid.", "Rekruttering", False),
    ("om hjerneskade Inddragelse af pårørende", "Inddragelse", False),  # an item run into the text
    ("kontakt til STAR og jobcentret", "STAR", False),  # in capitals: a term as often as a name
    ("(Jobcentret, virksomhederne)", "Jobcentret", False),
])
def test_a_capitalised_word_inside_a_sentence_beside_another_is_read_as_part_of_a_name(text, word, named):
    assert in_name(text, text.index(word)) is named


def test_a_query_word_held_only_inside_a_name_ranks_below_its_use_as_a_word(search_index):
    """"rekruttering" ranked the one-line mentions of "Styrelsen for Arbejdsmarked og
    Rekruttering", which every STAR-funded report makes, second and fourth."""
    hits = search(search_index, "rekruttering", {"limit": 20}).hits
    in_names = [n for n, h in enumerate(hits) if "og Rekruttering" in h.passage.text
                and "rekrutt" not in h.passage.text]
    assert in_names and min(in_names) >= 5
    assert any(h.passage.text.lower().count("rekrutt") for h in hits[:3])
    assert asks_for_a_name("Styrelsen for Arbejdsmarked") and not asks_for_a_name("Rekruttering af deltagere")


def test_a_query_that_holds_a_name_ranks_the_passages_that_name_it_as_without_the_name_rule(tmp_path, monkeypatch):
    """"jobcenter aarhus" asks for the name: "Jobcenter Aarhus" must not count as a mere name there,
    while "jobcenter" alone weighs the name-only passage less."""
    from click.testing import CliRunner

    import evalsearch.index.names as names
    from evalsearch.cli import cli
    from pdfgen import text_report

    reports = tmp_path / "reports"
    reports.mkdir()
    text_report(reports / "aarhus.pdf", ["Samarbejdet med Jobcenter Aarhus har været godt, og mange borgere er "
                                         "kommet i praktik hos virksomhederne i byen."])
    text_report(reports / "visitation.pdf", ["Et jobcenter skal visitere borgere til projektet hurtigt, så de ikke "
                                             "venter i flere måneder på at komme i gang med forløbet."])
    index_dir = tmp_path / "index"
    assert CliRunner().invoke(cli, ["index", str(reports), "--index", str(index_dir), "-j", "1", "-s"]).exit_code == 0

    def scores(text):
        return {h.passage.doc_id: h.score for h in search(index_dir, text, {"limit": 5}).hits if not h.related}

    with_rule = scores("jobcenter aarhus"), scores("jobcenter")
    monkeypatch.setattr(names, "NAME_WEIGHT", 1.0)  # the rule off
    assert with_rule[0] == scores("jobcenter aarhus")
    assert with_rule[1]["aarhus"] < scores("jobcenter")["aarhus"]


@pytest.mark.parametrize("query", ["aarhus", "jobcenter aarhus", "Styrelsen for Arbejdsmarked og Rekruttering"])
def test_a_query_that_names_something_is_ranked_as_without_the_name_rule(search_index, monkeypatch, query):
    """"aarhus" stands only in names ("Jobcenter Aarhus"), and a query holding it asks for them."""
    import evalsearch.index.names as names

    def ranked(text):
        return [h.passage.key for h in search(search_index, text, {"limit": 20}).hits]

    named, control = ranked(query), ranked("rekruttering")
    monkeypatch.setattr(names, "NAME_WEIGHT", 1.0)  # the rule off
    assert ranked(query) == named
    assert ranked("rekruttering") != control  # where it does apply, it changes the ranking
