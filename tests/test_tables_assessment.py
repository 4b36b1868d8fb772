"""Whether a goal was met: status cells, numbers against targets, verdict sentences, legends."""

from __future__ import annotations

import pytest

from evalsearch.extract.tables.assessment import (
    achievement,
    assess,
    cell_verdict,
    color_verdict,
    legend_colors,
    verdict_of,
)
from evalsearch.extract.tables.records import kind_of, split_id


@pytest.mark.parametrize(
    "status, verdict",
    [
        ("✓", "opfyldt"),
        ("✓: 125", "opfyldt"),
        ("✔ Er sket løbende.", "opfyldt"),
        ("Ja", "opfyldt"),
        ("Ja, 4 møder", "opfyldt"),
        ("Delvist", "delvis"),
        ("delvis opfyldt", "delvis"),
        ("Nej", "ikke_opfyldt"),
        ("✗", "ikke_opfyldt"),
        ("Ikke opfyldt", "ikke_opfyldt"),
        ("75 % svarer ja", None),
        ("", None),
    ],
)
def test_cell_verdict(status, verdict):
    assert cell_verdict(status) == verdict


@pytest.mark.parametrize(
    "sentence, verdict",
    [
        ("Dette mål er opfyldt.", "opfyldt"),
        ("Målet er således opnået.", "opfyldt"),
        ("Effektmålet er således ikke opnået.", "ikke_opfyldt"),
        ("Målet er ikke blevet nået i projektperioden.", "ikke_opfyldt"),
        ("Målet er delvist nået.", "delvis"),
        ("Der er ikke blevet fulgt op på dette mål.", "ukendt"),
        ("Det har ikke været muligt at afgøre, om målet er nået.", "ukendt"),
        ("Projektet har holdt fire møder med jobcentrene.", None),
    ],
)
def test_verdict_of(sentence, verdict):
    assert verdict_of(sentence) == verdict


@pytest.mark.parametrize(
    "target, status, pct",
    [
        ("480", "392", 81.7),
        ("3 + (15)", "3", 100.0),
        ("50 %", "36 af de 75 deltagere, svarende til en målopfyldelsesgrad på 48 %.", 96.0),
        ("60 % af deltagerne", "51 af de 125 deltagere, svarende til 41 %. Målopfyldelsesgraden er 60 %.", 100.0),
        ("25 procent flere", "21 flere, svarende til en stigning på 150 procent", 600.0),
        ("5.034.720 kr.", "4.000.000 kr.", None),  # amounts are not counted as achievement here
        ("80%", "4 på en skala fra 1 til 5", None),
        ("12", "se afsnit 3.2", None),
        ("40 % i job", "Ingen er kommet i job.", 0.0),
        (None, "392", None),
        ("Signifikant flere borgere", "Det har ikke været muligt at påvise", None),
        # a year, an ordinal and a numbered item are no counts
        ("3", "✓: Der er i 2016 afholdt tre kurser. 1.) en-dags kursus, og 2.) et to-dagskursus", None),
        ("1 /virk.", "✓: Kontakt med virksomhederne hver 3. måned, når borgeren er i job.", None),
        ("4", "Der blev i 2017 holdt 3 møder.", 75.0),
        ("125", "I alt deltog 125.", 100.0),
    ],
)
def test_achievement(target, status, pct):
    assert achievement(target, status) == pct


@pytest.mark.parametrize(
    "target, status, sentences, expected",
    [
        ("3", "✓", [], ("opfyldt", None)),
        ("60%", "60%", [], ("opfyldt", 100.0)),
        ("Mere end 90 %", "svarende til 83 %.", [], ("delvis", 92.2)),
        ("80 %", "svarende til 27 %.", [], ("ikke_opfyldt", 33.8)),
        ("40 %", "Der er ikke blevet fulgt op på dette mål.", [], ("ukendt", None)),
        ("1", "Der er udviklet en pjece.", ["Dette mål er opfyldt."], ("opfyldt", None)),
        ("1", "Der er udviklet en pjece.", [], ("ukendt", None)),
    ],
)
def test_assess(target, status, sentences, expected):
    assert assess(target, status, sentences=sentences) == expected


def test_coloured_symbol_read_through_the_legend():
    green, yellow, red = (0.23, 0.6, 0.29), (0.89, 0.7, 0.11), (0.78, 0.22, 0.18)
    legend = legend_colors(
        [("Angiver at målet er opfyldt.", green), ("Angiver at målet er delvis opfyldt.", yellow),
         ("Angiver at målet ikke er opfyldt.", red), ("a: Tallet i parentes angiver måltal", None)]
    )
    assert legend == [(green, "opfyldt"), (yellow, "delvis"), (red, "ikke_opfyldt")]
    assert color_verdict([(0.9, 0.69, 0.12)], legend) == "delvis"
    assert color_verdict([(0.1, 0.1, 0.1)], legend) is None
    assert assess("12", "se afsnit 3", colors=[red], legend=legend) == ("ikke_opfyldt", None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A1: Udvikling af samarbejdsmodel", ("A1", "Udvikling af samarbejdsmodel")),
        ("B12. Antal deltagere", ("B12", "Antal deltagere")),
        ("D1 Antal personer i job", ("D1", "Antal personer i job")),
        ("Antal deltagere", (None, "Antal deltagere")),
        ("A-kasse medlemmer", (None, "A-kasse medlemmer")),
    ],
)
def test_split_id(text, expected):
    assert split_id(text) == expected


@pytest.mark.parametrize(
    "words, ids, kind",
    [
        ("Status på aktivitetsmålene Aktiviteter Mål Status", ["A1", "A2"], "aktivitet"),
        ("Status på resultatmålene Resultatmål – kort sigt:", ["B1"], "resultat_kort"),
        ("Status på resultatmålene på lang sigt", ["C1"], "resultat_lang"),
        ("Effektmål: Mål Status", ["D1"], "effekt"),
        ("Status på resultatmålene", ["B1"], "resultat_kort"),
        ("Oversigt over de enkelte projekters mål og opnåede resultater", [], "oversigt"),
        ("Status på effektmålene", [], "effekt"),
        ("Resultatmål Mål Status", [], "resultat"),
    ],
)
def test_kind_of(words, ids, kind):
    assert kind_of(words, ids) == kind


def _table(header, body):
    from evalsearch.extract.tables.grid import PageTable, TableRow
    from evalsearch.extract.tables.merge import Table

    width = len(header)
    part = PageTable(1, (0, 0, 1, 1), tuple(range(width + 1)), (), 9.0, 11.0)
    return Table([part], header=[TableRow(tuple(header), 0, 0, role="header")], body=[TableRow(tuple(r), 0, 0) for r in body])


@pytest.mark.parametrize(
    "header, body, roles",
    [
        (["Aktiviteter", "Mål", "Status ved slutevalueringen"], [["A1: Møder", "3", "✓"]], (None, 0, 1, 2)),
        (["Nr.", "Aktivitet", "Måltal", "Status"], [["A1", "Møder", "3", "Ja"], ["A2", "Pjece", "1", "Nej"]], (0, 1, 2, 3)),
        (["Projektansvarlig", "Antal deltagere (måltal)", "Mål", "Målopfyldelse/resultater"], [["Cabi", "18", "25 %", "150 %"]], (None, 0, 2, 3)),
        (["Resultatmål – kort sigt:", "Kvantitativ målsætning for hele perioden", "Status"], [["B1: Viden", "80%", "4"]], (None, 0, 1, 2)),
    ],
)
def test_column_roles(header, body, roles):
    from evalsearch.extract.tables.records import column_roles

    got = column_roles(header, _table(header, body).body, len(header))
    assert (got.id, got.indicator, got.target, got.status) == roles


def test_theory_of_change_table_is_not_a_goal_table():
    from evalsearch.extract.tables.records import Placement, column_roles, is_goal_table

    header = ["Hovedaktiviteter", "Resultat på kort sigt", "Resultat på lang sigt", "Effekter"]
    table = _table(header, [["Etablering af netværk", "Viden om målgruppen", "Flere i job", "Øget beskæftigelse"]])
    roles = column_roles(header, table.body, 4)
    assert not is_goal_table(table, header, roles, Placement(None, None, "2.1", "Forandringsteori"))


@pytest.mark.parametrize(
    "color, verdict",
    [((0.2, 0.6, 0.3), "opfyldt"), ((0.95, 0.75, 0.0), "delvis"), ((0.85, 0.1, 0.1), "ikke_opfyldt"), ((0.1, 0.1, 0.1), None), (None, None)],
)
def test_traffic_light_symbol_without_legend(color, verdict):
    assert color_verdict([color], []) == verdict


@pytest.mark.parametrize(
    "header, roles",
    [
        (["Indikator", "Måltal", "Opnået", "Målopfyldelse (%)"], (None, 0, 1, 2)),
        (["Aktivitet", "Forventet", "Realiseret", "Kommentar"], (None, 0, 1, 2)),
        (["Mål", "Succeskriterium", "Status midtvejs", "Status ved slutevaluering"], (None, 0, 1, 3)),
    ],
)
def test_status_column_is_the_most_direct(header, roles):
    from evalsearch.extract.tables.records import column_roles

    got = column_roles(header, _table(header, [["x"] * len(header)]).body, len(header))
    assert (got.id, got.indicator, got.target, got.status) == roles


def test_a_row_of_sentences_taken_for_the_header_names_no_goal_columns():
    """The top of a facts table cut by a page break: "Overordnet mål | … Målet var … opnår …" was
    read as a target and a status heading, and the facts as goal rows."""
    from evalsearch.extract.tables.records import Placement, column_roles, is_goal_table

    header = ["Overordnet mål", "At få unge med ASF i arbejde. Målet var mere konkret at udvikle en metode, der "
              "kunne sikre, at halvdelen af de 20 deltagere i projektet opnår ansættelse på ordinære vilkår."]
    table = _table(header, [["Primære målgruppe", "20 unge mellem 18-30 år med ASF."],
                            ["Samarbejdspartnere", "Region Midtjylland"]])
    roles = column_roles(header, table.body, 2)
    assert not is_goal_table(table, header, roles, Placement(None, None, "2.3", "Job i Fællesskab"))
    short = ["Indikator", "Målet for perioden", "Opnået"]  # real headings of those words still count
    table = _table(short, [["Deltagere", "20", "18"], ["Virksomheder", "5", "7"]])
    assert is_goal_table(table, short, column_roles(short, table.body, 3), Placement(None, None, "3", "Resultater"))


def _facts_part(page, rows, at_top=False, at_bottom=False, caption=None):
    from evalsearch.extract.tables.grid import PageTable, TableRow

    light = (0.85, 0.89, 0.95)
    made = tuple(TableRow(tuple(cells), i * 20.0, i * 20.0 + 18, role="header" if i == 0 else "body",
                          shaded=i % 2 == 0, shade=light if i % 2 == 0 else None, page=page)
                 for i, cells in enumerate(rows))
    return PageTable(page, (68, 100, 527, 700), (68.0, 171.0, 527.0), made, 9.0, 11.0, at_top=at_top,
                     at_bottom=at_bottom, caption_above=caption)


def test_a_facts_table_banded_every_other_row_goes_on_over_the_page_break():
    """Its first row is shaded as a banded row, so it was taken for a header; the first row of the
    next page, shaded alike but with other words, was then a new table's header."""
    from evalsearch.extract.tables.merge import merge_parts

    first = _facts_part(10, [["Projektperiode", "01.07.16 til 31.12.18"], ["Samlet projektbudget", "2.360.382 DKK"]],
                        at_bottom=True, caption="Tabel 2-10: Projektets basisoplysninger")
    rest = _facts_part(11, [["Overordnet mål", "At få unge i arbejde."], ["Primære målgruppe", "20 unge"]], at_top=True)
    (table,) = merge_parts({10: [first], 11: [rest]})
    assert [r.cells[0] for r in table.rows] == ["Projektperiode", "Samlet projektbudget", "Overordnet mål",
                                                "Primære målgruppe"]
    again = _facts_part(11, [["Projektperiode", "01.07.16 til 31.12.18"], ["Overordnet mål", "At få unge i arbejde."]],
                        at_top=True)  # the header printed again on the new page is dropped, as before
    (table,) = merge_parts({10: [first], 11: [again]})
    assert [r.cells[0] for r in table.rows] == ["Projektperiode", "Samlet projektbudget", "Overordnet mål"]
