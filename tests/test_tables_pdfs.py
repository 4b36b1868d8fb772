"""Goal tables on small generated reports: a Word-style full grid over a page break (header
repeated), a rule-less table of goal rows, a table whose last row a page break cuts in two,
legends with coloured symbols, and the text view of tables."""

from __future__ import annotations

import pdfplumber
import pytest

from evalsearch.extract.pipeline import extract_document
from evalsearch.extract.render import document_to_text
from pdfgen import PageSpec, text_width, word_page, write_pdf

EDGES = (72.0, 300.0, 380.0, 523.0)
LINE = 11.0
GREEN, YELLOW, RED = (0.2, 0.6, 0.3), (0.9, 0.7, 0.1), (0.8, 0.2, 0.2)


def page(number: int) -> PageSpec:
    return word_page(number, "Evaluering af projekt Job med mening")


def grid_rows(spec: PageSpec, top: float, rows, *, header: bool = True, close: bool = True, edges=EDGES) -> float:
    """Draw rows (cells of printed lines) as a full Word grid; RETURNS the bottom of the last row."""
    y = top
    spec.hline(edges[0], edges[-1], y)
    for i, row in enumerate(rows):
        height = max(len(cell) for cell in row) * LINE + 6
        for col, cell in enumerate(row):
            for k, text in enumerate(cell):
                spec.text(edges[col] + 4, y + 3 + k * LINE, text, size=9, bold=header and i == 0)
        for x in edges:
            spec.vline(x, y, y + height)
        y += height
        if close or i < len(rows) - 1:
            spec.hline(edges[0], edges[-1], y)
    return y


HEADER = [["Resultatmål – kort sigt"], ["Mål"], ["Status"]]


@pytest.fixture(scope="module")
def grid_report(tmp_path_factory):
    pages = [page(n) for n in range(1, 5)]
    p1 = pages[0]
    p1.text(72, 70, "3 Målopfyldelse", size=14, bold=True)
    p1.text(72, 100, "Tabellen viser status på projektets resultatmål ved slutevalueringen.", size=10)
    p1.text(72, 560, "Tabel 3-1", size=9, bold=True).text(120, 560, "Status på resultatmålene", size=9)
    grid_rows(p1, 575, [
        HEADER,
        [["B1: Antal deltagere, der har fået øget", "viden om, hvordan de kan mestre et ar-", "bejdsliv"], ["50 %"], ["48 %"]],
        [["B2: Antal virksomheder, der ansætter", "en deltager"], ["40"], ["Ja"]],
    ])
    p2 = pages[1]
    bottom = grid_rows(p2, 60, [
        HEADER,
        [["B3: Antal jobcentre med en handleplan"], ["4"], ["Nej, 1"]],
        [["B4: Antal deltagere i ordinært job"], ["480"], ["392"]],
        [["B5: Antal netværksmøder"], ["12"], ["  se afsnit 3.2"]],
    ])
    p2.dot(376 + 10, bottom - 14, 6, YELLOW)  # the status of B5 is a coloured symbol
    for k, (rgb, text) in enumerate([(GREEN, "Angiver at målet er opfyldt."), (YELLOW, "Angiver at målet er delvis opfyldt."),
                                     (RED, "Angiver at målet ikke er opfyldt.")]):
        p2.dot(72, bottom + 4 + k * 10, 5, rgb).text(80, bottom + 3 + k * 10, text, size=7)
    p2.text(72, bottom + 50, "Projektet har således nået de fleste af sine resultatmål.", size=10)
    p3 = pages[2]
    p3.text(72, 70, "4 Erfaringer", size=14, bold=True)
    p3.text(72, 100, "Samarbejdet med virksomhederne har været centralt for projektet.", size=10)
    return extract_document(write_pdf(tmp_path_factory.mktemp("grid") / "grid-report.pdf", pages))


def test_issue_3_full_grid_table_over_a_page_break_is_one_goal_table(grid_report):
    assert len(grid_report.goal_tables) == 1
    table = grid_report.goal_tables[0]
    assert (table.label, table.caption, table.kind, table.section) == ("Tabel 3-1", "Status på resultatmålene", "resultat_kort", "3")
    assert table.columns == ("Resultatmål – kort sigt", "Mål", "Status")
    assert [r.id for r in table.rows] == ["B1", "B2", "B3", "B4", "B5"]
    assert [r.page for r in table.rows] == [1, 1, 2, 2, 2]


def test_issue_3_multi_line_indicator_is_joined_and_dehyphenated(grid_report):
    row = grid_report.goal_tables[0].rows[0]
    assert row.indicator == "Antal deltagere, der har fået øget viden om, hvordan de kan mestre et arbejdsliv"
    assert row.cells == (row.indicator, "50 %", "48 %")


@pytest.mark.parametrize(
    "row_id, assessment, pct",
    [("B1", "delvis", 96.0), ("B2", "opfyldt", None), ("B3", "ikke_opfyldt", 25.0), ("B4", "delvis", 81.7), ("B5", "delvis", None)],
)
def test_issue_3_assessment_and_achievement(grid_report, row_id, assessment, pct):
    row = next(r for r in grid_report.goal_tables[0].rows if r.id == row_id)
    assert (row.assessment, row.achievement_pct) == (assessment, pct)


def test_issue_3_legend_lines_are_notes_not_text(grid_report):
    table = grid_report.goal_tables[0]
    assert table.notes == (
        "Angiver at målet er opfyldt.",
        "Angiver at målet er delvis opfyldt.",
        "Angiver at målet ikke er opfyldt.",
    )
    paragraphs = " ".join(b.text for b in grid_report.blocks if b.role in ("paragraph", "bullet"))
    assert "Angiver" not in paragraphs and "Antal deltagere" not in paragraphs


def test_issue_3_text_view_prints_one_row_per_line(grid_report):
    text = document_to_text(grid_report)
    assert "B1: Antal deltagere, der har fået øget viden om, hvordan de kan mestre et arbejdsliv | 50 % | 48 %" in text
    assert "B2: Antal virksomheder, der ansætter en deltager | 40 | Ja" in text
    assert text.count("Resultatmål – kort sigt | Mål | Status") == 2  # the header as printed on each page


@pytest.fixture(scope="module")
def ruleless_report(tmp_path_factory):
    pages = [page(n) for n in range(1, 4)]
    p1 = pages[0]
    p1.text(72, 70, "2 Aktiviteter", size=14, bold=True)
    p1.text(72, 100, "Tabellen nedenfor viser status på aktivitetsmålene.", size=10)
    p1.text(72, 130, "Tabel 2-1", size=9, bold=True).text(120, 130, "Status på aktivitetsmålene", size=9)
    p1.text(72, 150, "Aktivitet", size=9, bold=True).text(330, 150, "Mål", size=9, bold=True).text(400, 150, "Status", size=9, bold=True)
    rows = [
        ("A1: Afholdt informationsmøder for", "ledere og medarbejdere", "3", "Ja, 4 møder"),
        ("A2: Udarbejdet en pjece til borgerne", None, "1", "Delvist"),
        ("A3: Etableret et netværk af virksomheder", None, "20", "12"),
    ]
    y = 168.0
    for first, second, target, status in rows:
        p1.text(72, y, first, size=9).text(330, y, target, size=9).text(400, y, status, size=9)
        if second:
            y += LINE
            p1.text(72, y, second, size=9)
        y += LINE + 5
    p1.text(72, y + 20, "Alle aktiviteter er i gang, og projektet forventer at nå målene.", size=10)
    return extract_document(write_pdf(tmp_path_factory.mktemp("ruleless") / "ruleless-report.pdf", pages))


def test_issue_3_rule_less_table_of_goal_rows(ruleless_report):
    assert len(ruleless_report.goal_tables) == 1
    table = ruleless_report.goal_tables[0]
    assert (table.label, table.kind, table.columns) == ("Tabel 2-1", "aktivitet", ("Aktivitet", "Mål", "Status"))
    got = [(r.id, r.indicator, r.target, r.status, r.assessment) for r in table.rows]
    assert got == [
        ("A1", "Afholdt informationsmøder for ledere og medarbejdere", "3", "Ja, 4 møder", "opfyldt"),
        ("A2", "Udarbejdet en pjece til borgerne", "1", "Delvist", "delvis"),
        ("A3", "Etableret et netværk af virksomheder", "20", "12", "delvis"),
    ]
    assert table.rows[2].achievement_pct == 60.0
    assert not any("pjece til borgerne" in b.text for b in ruleless_report.blocks if b.role == "paragraph")


@pytest.fixture(scope="module")
def cut_row_report(tmp_path_factory):
    """A four-column overview whose last row on page 1 is cut by the page break; page 2 goes on
    without a header, and the rest of the cut row stands above its first rule."""
    edges = (72.0, 170.0, 240.0, 380.0, 523.0)
    pages = [page(n) for n in range(1, 4)]
    p1 = pages[0]
    p1.text(72, 60, "3 Resultater", size=14, bold=True)
    p1.text(72, 600, "Tabel 3-1", size=9, bold=True).text(120, 600, "Oversigt over projekternes mål og resultater", size=9)
    bottom = grid_rows(p1, 615, [
        [["Projektansvarlig"], ["Antal"], ["Mål"], ["Målopfyldelse"]],
        [["Jobcenter Nord"], ["40"], ["50 % kommer i job"], ["Målopfyldelsesgraden er 52 %."]],
    ], edges=edges)
    y = bottom + 4
    for k, (target, status) in enumerate([("60 % af deltagerne", "Af de 30 deltagere er"), ("kommer i ordinært", "9 kommet i job,")]):
        p1.text(edges[2] + 4, y + k * LINE, target, size=9).text(edges[3] + 4, y + k * LINE, status, size=9)
    p1.text(edges[1] + 4, y, "30", size=9)
    p2 = pages[1]
    p2.text(edges[0] + 4, 62, "Jobcenter Syd", size=9).text(edges[2] + 4, 62, "job.", size=9)
    p2.text(edges[3] + 4, 62, "svarende til 30 %.", size=9)
    grid_rows(p2, 80, [[["Jobcenter Vest"], ["25"], ["40 % i job"], ["Ingen er kommet i job."]]], header=False, edges=edges)
    p2.text(72, 130, "Resultaterne uddybes i det følgende afsnit om de enkelte projekter.", size=10)
    return extract_document(write_pdf(tmp_path_factory.mktemp("cut") / "cut-row.pdf", pages))


def test_issue_3_row_cut_by_a_page_break_is_joined(cut_row_report):
    assert len(cut_row_report.goal_tables) == 1
    table = cut_row_report.goal_tables[0]
    assert table.kind == "oversigt"
    got = [(r.indicator, r.target, r.status, r.assessment) for r in table.rows]
    assert got == [
        ("Jobcenter Nord", "50 % kommer i job", "Målopfyldelsesgraden er 52 %.", "opfyldt"),
        ("Jobcenter Syd", "60 % af deltagerne kommer i ordinært job.", "Af de 30 deltagere er 9 kommet i job, svarende til 30 %.", "delvis"),
        ("Jobcenter Vest", "40 % i job", "Ingen er kommet i job.", "ikke_opfyldt"),
    ]
    assert table.rows[1].cells[1] == "30"


def test_issue_3_quote_box_is_not_a_table(tmp_path):
    spec = page(1)
    spec.text(72, 70, "1 Indledning", size=14, bold=True)
    spec.fill(72, 100, 523, 150, grey=0.9)
    spec.text(80, 108, '"Det har været en stor hjælp at have en fast kontaktperson i jobcentret,"', size=10)
    spec.text(80, 122, "siger en deltager i projektet.", size=10)
    doc = extract_document(write_pdf(tmp_path / "quote.pdf", [spec, page(2), page(3)]))
    assert doc.goal_tables == [] and doc.other_tables == []
    assert any("fast kontaktperson" in b.text for b in doc.blocks if b.role == "paragraph")


def test_issue_3_plain_header_grid_without_goal_ids(tmp_path):
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "5 Målopfyldelse", size=14, bold=True)
    pages[0].text(72, 100, "Tabel 5-1", size=9, bold=True).text(120, 100, "Projekternes målopfyldelse", size=9)
    grid_rows(pages[0], 115, [
        [["Projekt"], ["Mål"], ["Status ved projektafslutning"]],
        [["Jobcenter Nord"], ["50 % i job"], ["55 % i job"]],
        [["Jobcenter Syd"], ["40 % i job"], ["10 % i job"]],
    ], header=False)
    doc = extract_document(write_pdf(tmp_path / "plain-header.pdf", pages))
    assert len(doc.goal_tables) == 1
    table = doc.goal_tables[0]
    assert (table.kind, table.columns) == ("oversigt", ("Projekt", "Mål", "Status ved projektafslutning"))
    assert [(r.id, r.indicator, r.assessment, r.achievement_pct) for r in table.rows] == [
        (None, "Jobcenter Nord", "opfyldt", 110.0),
        (None, "Jobcenter Syd", "ikke_opfyldt", 25.0),
    ]


def test_issue_3_list_item_in_body_type_under_a_table_is_not_a_note(tmp_path):
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "Tabel 1", size=9, bold=True).text(110, 70, "Status på effektmålene", size=9)
    bottom = grid_rows(pages[0], 85, [HEADER, [["D1: Antal personer i job"], ["60 %"], ["62 %"]]])
    pages[0].text(72, bottom + 4, "a) Målet er opgjort ved projektets afslutning.", size=10)
    pages[0].text(72, bottom + 4 + 13, "b) Tallene er indberettet af jobcentrene.", size=10)
    doc = extract_document(write_pdf(tmp_path / "list-under-table.pdf", pages))
    assert doc.goal_tables[0].notes == ()
    assert [b.text for b in doc.blocks if b.role == "bullet"][:2] == [
        "Målet er opgjort ved projektets afslutning.",
        "Tallene er indberettet af jobcentrene.",
    ]


def test_plain_columns_without_rules_are_one_table_of_column_cells(tmp_path):
    spec = page(1)
    spec.text(72, 60, "Forandringsteori for projektet", bold=True)
    columns = (72, 230, 388)
    spec.text(columns[0], 90, "Aktiviteter", bold=True).text(columns[1], 90, "Resultater", bold=True)
    spec.text(columns[2], 90, "Effekter", bold=True)
    items = [
        ("› Etablering af lokale", "› Virksomhederne kender", "› Flere borgere fastholdes"),
        ("virksomhedsnetværk", "de kompenserende ordnin-", "i ordinært job"),
        ("› Undervisning af jobkon-", "ger bedre", "› Tværfaglige og tværsektoriel-"),
        ("sulenter i kommunerne", "› Jobcentrene samarbejder", "le samarbejder er udbredt"),
    ]
    for k, row in enumerate(items):
        for x, text in zip(columns, row):
            spec.text(x, 105 + 12 * k, text)
    spec.text(72, 180, "Efter tabellen følger almindelig tekst, som løber over hele spalten og ikke hører til.")
    doc = extract_document(write_pdf(tmp_path / "plain-columns.pdf", [spec]))
    tables = [b for b in doc.blocks if b.role == "table"]
    assert len(tables) == 1
    text = tables[0].text
    assert "Tværfaglige og tværsektorielle samarbejder er udbredt" in text
    assert "Undervisning af jobkonsulenter i kommunerne" in text
    assert not any("Virksomhederne kender" in b.text for b in doc.blocks if b.role != "table")
    assert any(b.text.startswith("Efter tabellen følger") for b in doc.blocks if b.role == "paragraph")


def test_contents_lines_are_not_a_plain_column_table(tmp_path):
    toc = page(1).text(72, 60, "Indhold", size=14, bold=True)
    for k, (num, title, pg) in enumerate([("1", "Indledning", "3"), ("1.1", "Baggrund", "3"), ("2", "Resultater", "4"),
                                          ("2.1", "Aktivitetsmål", "4"), ("3", "Erfaringer og læringer", "5")]):
        toc.text(72, 90 + 13 * k, num).text(120, 90 + 13 * k, title).text(520, 90 + 13 * k, pg)
    doc = extract_document(write_pdf(tmp_path / "toc.pdf", [toc, page(2).text(72, 60, "Tekst.")]))
    assert not [b for b in doc.blocks if b.role == "table"]
    assert len([s for s in doc.sections if s.in_toc]) == 5


def test_two_full_grids_a_few_points_apart_are_two_tables(tmp_path):
    """An uncaptioned goal grid right under another table's grid (HTML and Word keep a small gap)."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "Tabel 3-4", size=9, bold=True).text(120, 70, "Beskæftigelsesstatus ultimo 2018", size=9)
    bottom = grid_rows(pages[0], 85, [[["Status"], ["Antal"], ["Andel"]], [["I ordinært job"], ["50"], ["40 %"]]],
                       header=False)
    grid_rows(pages[0], bottom + 8, [
        [["Effektmål"], ["Mål"], ["Status ved slutevalueringen"]],
        [["D1: Antal personer i job i seks måneder"], ["60 %"], ["60 %"]],
    ])
    doc = extract_document(write_pdf(tmp_path / "two-grids.pdf", pages))
    assert [r.id for t in doc.goal_tables for r in t.rows] == ["D1"]
    assert [t.label for t in doc.other_tables] == ["Tabel 3-4"]
    assert all("D1" not in " ".join(map(str, row)) for t in doc.other_tables for row in t.rows)


def across_rows(spec: PageSpec, top: float, rows, *, header_rule: bool = True, close: bool = True,
                edges=EDGES) -> float:
    """Draw rows ruled across only (no walls, no rule above the first row), a heavier rule under the
    bold first row when ``header_rule``; RETURNS the bottom of the last row."""
    y = top
    for i, row in enumerate(rows):
        height = max(len(cell) for cell in row) * LINE + 6
        for col, cell in enumerate(row):
            for k, text in enumerate(cell):
                spec.text(edges[col] + 4, y + 3 + k * LINE, text, size=9, bold=header_rule and i == 0)
        y += height
        if close or i < len(rows) - 1:
            spec.hline(edges[0], edges[-1], y, width=1.0 if header_rule and i == 0 else 0.5)
    return y


def test_header_on_the_first_rule_without_a_rule_above_is_the_tables_header(tmp_path):
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "Tabel 3-2", size=9, bold=True).text(120, 70, "Projekternes mål og resultater", size=9)
    across_rows(pages[0], 88, [
        [["Projektansvarlig"], ["Mål", "(måltal)"], ["Målopfyldelse/resultater"]],
        [["Jobcenter Nord"], ["50 % i job"], ["55 % i job"]],
        [["Jobcenter Syd"], ["40 % i job"], ["10 % i job"]],
    ])
    doc = extract_document(write_pdf(tmp_path / "header-on-rule.pdf", pages))
    assert [t.columns for t in doc.goal_tables] == [("Projektansvarlig", "Mål (måltal)", "Målopfyldelse/resultater")]
    assert [(r.indicator, r.target, r.status) for r in doc.goal_tables[0].rows] == [
        ("Jobcenter Nord", "50 % i job", "55 % i job"), ("Jobcenter Syd", "40 % i job", "10 % i job")]


def test_rest_of_a_cut_row_with_only_its_closing_rule_joins_its_row(tmp_path):
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 640, "Tabel 3-3", size=9, bold=True).text(120, 640, "Status på resultatmålene", size=9)
    across_rows(pages[0], 658, [
        [["Resultatmål – lang sigt"], ["Mål"], ["Status"]],
        [["C1: Antal personer i job"], ["60 %"], ["62 %"]],
        [["C2: Antal personer i netværket, der", "oplever, at de er bedre i stand til at"], ["65 %"],
         ["Der er ikke fulgt op på målet,", "da projektet ikke har gjort brug af"]],
    ], close=False)
    across_rows(pages[1], 60, [[["støtte målgruppen i hverdagen."], [""], ["borgernes netværk."]]], header_rule=False)
    pages[1].text(72, 110, "Projektet har således nået de fleste af sine resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "cut-row.pdf", pages))
    rows = {r.id: r for t in doc.goal_tables for r in t.rows}
    assert rows["C2"].indicator == "Antal personer i netværket, der oplever, at de er bedre i stand til at støtte målgruppen i hverdagen."
    assert rows["C2"].status == "Der er ikke fulgt op på målet, da projektet ikke har gjort brug af borgernes netværk."


def test_rest_of_a_cut_row_in_a_shaded_band_joins_its_row(tmp_path):
    """Banded rows: the rest of goal A9 opens the next page in its shading, whose top edge was
    taken for the row's closing rule; "af landets jobcentre" became a paragraph."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 640, "Tabel 3-1", size=9, bold=True).text(120, 640, "Status på aktivitetsmålene", size=9)
    across_rows(pages[0], 658, [
        [["Aktiviteter"], ["Mål"], ["Status"]],
        [["A8: Udrulning af koncept i nye kommuner"], ["15"], ["Ja"]],
        [["A9: Formidling af resultater og", "koncepter til resten"], ["1"], ["Ja, er sket løbende."]],
    ], close=False)
    pages[1].fill(EDGES[0], 57, EDGES[-1], 60 + LINE + 6)
    across_rows(pages[1], 60, [[["af landets jobcentre"], [""], [""]]], header_rule=False)
    pages[1].text(72, 110, "3.2 Status på resultatmålene", size=12, bold=True)
    doc = extract_document(write_pdf(tmp_path / "cut-shaded.pdf", pages))
    rows = {r.id: r for t in doc.goal_tables for r in t.rows}
    assert rows["A9"].indicator == "Formidling af resultater og koncepter til resten af landets jobcentre"
    assert not any(b.text == "af landets jobcentre" for b in doc.blocks if b.role == "paragraph")


def test_a_bold_caption_wrapped_above_the_header_is_not_a_header_line(tmp_path):
    """ "Tabel 3-1: Oversigt over … opnåede" / "resultater" in bold, set close over a bold header ruled
    only below: the caption's last line was taken for the header's first ("resultater
    Projektansvarlig"), and the table was no goal table."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 60, "Tabel 3-1: Oversigt over de enkelte projekters mål og opnåede", size=9, bold=True)
    pages[0].text(72, 71, "resultater", size=9, bold=True)
    across_rows(pages[0], 84, [
        [["Projektansvarlig"], ["Mål"], ["Målopfyldelse/resultater"]],
        [["Jobcenter Nord"], ["50 % i job"], ["55 % i job"]],
        [["Jobcenter Syd"], ["40 % i job"], ["10 % i job"]],
    ])
    doc = extract_document(write_pdf(tmp_path / "wrapped-caption.pdf", pages))
    assert [t.columns for t in doc.goal_tables] == [("Projektansvarlig", "Mål", "Målopfyldelse/resultater")]
    assert [(r.indicator, r.status) for r in doc.goal_tables[0].rows] == [
        ("Jobcenter Nord", "55 % i job"), ("Jobcenter Syd", "10 % i job")]


def test_table_set_larger_than_the_body_keeps_the_lines_a_cell_wraps_alone(tmp_path):
    """Cells in 10 pt under 9 pt text: a status cell's lines that wrap alone in the last column stand
    as large as a heading would, and were read as headings that part the table, losing its rows."""
    pages = [page(n) for n in range(1, 4)]
    prose = "Projektet har arbejdet med tre resultatmål, og evalueringen har fulgt dem gennem hele perioden."
    for k in range(12):
        pages[0].text(72, 60 + 12 * k, prose, size=9)
    pages[0].text(72, 220, "Tabel 3-1", size=9, bold=True).text(120, 220, "Status på resultatmålene", size=9)
    rows = [
        [["Resultatmål"], ["Mål"], ["Status"]],
        [["B1: Antal deltagere i job"], ["50 %"], ["48 % er kommet i job,", "og yderligere 10 %", "er startet i uddannelse", "ved projektets afslutning."]],
        [["B2: Antal virksomheder"], ["40"], ["42"]],
        [["B3: Antal netværksmøder"], ["12"], ["Ja, der er holdt", "møder hvert kvartal", "i alle tre kommuner."]],
    ]
    y = 236.0
    for i, row in enumerate(rows):
        height = max(len(cell) for cell in row) * 12 + 6
        for col, cell in enumerate(row):
            for k, text in enumerate(cell):
                pages[0].text(EDGES[col] + 4, y + 3 + k * 12, text, size=10, bold=i == 0)
        y += height
        pages[0].hline(EDGES[0], EDGES[-1], y, width=1.0 if i == 0 else 0.5)
    doc = extract_document(write_pdf(tmp_path / "large-cells.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("B1", "50 %", "48 % er kommet i job, og yderligere 10 % er startet i uddannelse ved projektets afslutning."),
        ("B2", "40", "42"),
        ("B3", "12", "Ja, der er holdt møder hvert kvartal i alle tre kommuner."),
    ]


def test_table_set_right_under_another_with_its_own_bold_header_is_a_second_table(tmp_path):
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "Tabel 3-4", size=9, bold=True).text(120, 70, "Beskæftigelsesstatus ultimo 2018", size=9)
    pages[0].hline(EDGES[0], EDGES[-1], 84)
    bottom = across_rows(pages[0], 84, [[["50 i ordinære job"]], [["26 ledige"]], [["3 er på barsel"]]], header_rule=False)
    across_rows(pages[0], bottom + 2, [
        [["Effektmål"], ["Mål"], ["Status ved slutevalueringen"]],
        [["D1: Antal personer i job i seks måneder"], ["60 %"], ["60 %"]],
    ])
    doc = extract_document(write_pdf(tmp_path / "stacked.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [("D1", "60 %", "60 %")]
    assert all("D1" not in " ".join(map(str, row)) for t in doc.other_tables for row in t.rows)


def test_banded_rows_are_body_rows_not_header_rows(tmp_path):
    """Word's table styles shade the header dark and every other body row light."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 40, "Tabellen nedenfor viser, hvor langt de to jobcentre er nået med deres mål.", size=10)
    pages[0].text(72, 70, "Tabel 3-1", size=9, bold=True).text(120, 70, "Projekternes målopfyldelse", size=9)
    pages[1].text(72, 70, "Begge jobcentre har samarbejdet tæt med virksomhederne i hele perioden.", size=10)
    rows = [[["Projekt"], ["Mål"], ["Status ved projektafslutning"]],
            [["Jobcenter Nord"], ["50 % i job"], ["55 % i job"]], [["Jobcenter Syd"], ["40 % i job"], ["10 % i job"]]]
    top = 85.0
    for i, row in enumerate(rows):
        if i != 2:  # the header dark, the first body row light, the second plain
            pages[0].fill(EDGES[0], top, EDGES[-1], top + LINE + 6, grey=0.3 if i == 0 else 0.9)
        top = across_rows(pages[0], top, [row], header_rule=i == 0)
    doc = extract_document(write_pdf(tmp_path / "banded.pdf", pages))
    assert [t.columns for t in doc.goal_tables] == [("Projekt", "Mål", "Status ved projektafslutning")]
    assert [(r.indicator, r.target, r.status) for r in doc.goal_tables[0].rows] == [
        ("Jobcenter Nord", "50 % i job", "55 % i job"), ("Jobcenter Syd", "40 % i job", "10 % i job")]


def test_row_on_a_new_page_with_an_empty_first_cell_is_the_rest_of_the_row_above(tmp_path):
    """A shaded row cut by a page break is closed by its shading on both pages."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 700, "Tabel 3-2", size=9, bold=True).text(120, 700, "Status på resultatmålene", size=9)
    bottom = grid_rows(pages[0], 715, [HEADER, [["B1: Antal deltagere med viden"], ["50 %"], ["Målet er nået,"]]])
    assert bottom > 740
    grid_rows(pages[1], 60, [[[""], [""], ["48 % har fået viden."]]], header=False)
    pages[1].text(72, 110, "Projektet har således nået sine resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "closed-cut-row.pdf", pages))
    assert [(r.id, r.indicator, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("B1", "Antal deltagere med viden", "Målet er nået, 48 % har fået viden.")]


@pytest.mark.parametrize("repeat_header", [False, True])
@pytest.mark.parametrize("goes_on", ["fastholdelsesdialog med virksomhederne", "(hver 3. måned) med virksomhederne"])
def test_grid_row_cut_and_closed_on_both_pages_goes_on_in_lower_case(tmp_path, repeat_header, goes_on):
    """Word and LibreOffice close both halves of a cut row with rules, and may print the header row
    again above the rest: the rest's first cell goes on mid-sentence, in lower case or in brackets."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 690, "Tabel 3-1", size=9, bold=True).text(120, 690, "Status på aktivitetsmålene", size=9)
    grid_rows(pages[0], 705, [HEADER, [["A1: Gennemført"], ["1 /virk."], ["Projektet har kontakt"]]])
    rest = [[goes_on], [""], ["med virksomhederne hver 3. måned."]]
    following = [["A2: Udarbejdet pjece til borgerne"], ["1"], ["Ja"]]
    grid_rows(pages[1], 60, ([HEADER] if repeat_header else []) + [rest, following], header=repeat_header)
    pages[1].text(72, 160, "Projektet har således nået sine aktivitetsmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "closed-grid-row.pdf", pages))
    assert [(r.id, r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("A1", f"Gennemført {goes_on}", "1 /virk.",
         "Projektet har kontakt med virksomhederne hver 3. måned."),
        ("A2", "Udarbejdet pjece til borgerne", "1", "Ja")]


@pytest.mark.parametrize("new_row", [False, True])
def test_rest_of_a_cut_row_whose_first_cell_goes_on_with_a_name(tmp_path, new_row):
    """"Horsens Kommune," / "Handicap, Psykiatri og Socialt udsatte": the rest's first cell opens
    with a capital, but every other cell it fills goes on mid-sentence. A row that names its goal
    ("B2: …") is a new row whatever its other cells open with."""
    edges = (72.0, 200.0, 360.0, 523.0)
    header = [["Projektansvarlig"], ["Mål"], ["Resultat"]]
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 690, "Tabel 4-1", size=9, bold=True).text(120, 690, "Projekternes målopfyldelse", size=9)
    grid_rows(pages[0], 705, [header, [["Horsens Kommune,"], ["50 % af deltagerne"], ["36 af de 75"]]], edges=edges)
    first = "B2: Antal møder" if new_row else "Handicap og Psykiatri"
    grid_rows(pages[1], 60, [header, [[first], ["kommer i ordinært job"], ["(deltagere, som havde afsluttet)"]]],
              edges=edges)
    pages[1].text(72, 130, "Projekterne har således nået deres mål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "name-goes-on.pdf", pages))
    rows = [(r.id, r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows]
    if new_row:
        assert rows == [(None, "Horsens Kommune,", "50 % af deltagerne", "36 af de 75"),
                        ("B2", "Antal møder", "kommer i ordinært job", "(deltagere, som havde afsluttet)")]
    else:
        assert rows == [(None, "Horsens Kommune, Handicap og Psykiatri", "50 % af deltagerne kommer i ordinært job",
                         "36 af de 75 (deltagere, som havde afsluttet)")]


def test_header_row_cut_by_a_page_break_is_joined_again(tmp_path):
    """The page break cut the header row itself: "Antal deltagere" / "(måltal)" are one column name."""
    edges = (72.0, 180.0, 260.0, 400.0, 523.0)
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 725, "Tabel 3-2", size=9, bold=True).text(120, 725, "Projekternes målopfyldelse", size=9)
    grid_rows(pages[0], 740, [[["Projektansvarlig"], ["Antal deltagere"], ["Mål"], ["Målopfyldelse/"]]], edges=edges)
    grid_rows(pages[1], 60, [[[""], ["(måltal)"], [""], ["resultater"]],
                             [["Contra A/S"], ["72 (135)"], ["80 % er selvforsørgende"], ["27 %"]],
                             [["Jobcenter Lejre"], ["146 (80)"], ["90 % fastholdt"], ["83 %"]]], edges=edges)
    pages[1].text(72, 160, "Projekterne har således nået en del af deres mål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "cut-header.pdf", pages))
    tables = [(t.columns, [(r.indicator, r.target, r.status) for r in t.rows]) for t in doc.goal_tables]
    assert tables == [(("Projektansvarlig", "Antal deltagere (måltal)", "Mål", "Målopfyldelse/resultater"),
                       [("Contra A/S", "80 % er selvforsørgende", "27 %"), ("Jobcenter Lejre", "90 % fastholdt", "83 %")])]


def test_rest_of_a_cut_row_alone_on_the_next_page_with_only_its_first_cell_filled(tmp_path):
    """The page break cut the table's last row: its rest, closed by rules on both sides, is the
    only row on the next page and fills only its first cell; it is no one-column table of its own."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 690, "Tabel 3-1", size=9, bold=True).text(120, 690, "Status på aktivitetsmålene", size=9)
    grid_rows(pages[0], 705, [HEADER, [["A9: Formidling af resultater og"], ["1"], ["Er sket løbende."]]])
    grid_rows(pages[1], 60, [[["koncepter til resten af landets", "jobcentre"], [""], [""]]], header=False)
    pages[1].text(72, 130, "Projektet har således nået sine aktivitetsmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "lone-rest.pdf", pages))
    assert [(r.id, r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("A9", "Formidling af resultater og koncepter til resten af landets jobcentre", "1", "Er sket løbende.")]
    assert not doc.other_tables
    assert [b.text for b in doc.blocks if b.role == "paragraph"] == ["Projektet har således nået sine aktivitetsmål."]


def _inside_borders(spec: PageSpec, top: float, rows, *, header: bool) -> float:
    """Rows in a table style without outer borders: rules between the rows and walls between the
    columns only. RETURNS the bottom of the last row."""
    y = top
    for i, row in enumerate(rows):
        if i:
            spec.hline(EDGES[0], EDGES[-1], y)
        for col, cell in enumerate(row):
            spec.text(EDGES[col] + 4, y + 3, cell[0], size=9, bold=header and i == 0)
        y += LINE + 6
    for x in EDGES[1:-1]:
        spec.vline(x, top, y)
    return y


def test_table_with_inside_borders_only_keeps_the_rows_no_rule_closes(tmp_path):
    """Without outer borders the header and the last row stand outside every rule; a page break
    leaves the next page one rule only, between the rest of the cut row and the next row."""
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 730, "Tabel 3-1", size=9, bold=True).text(120, 730, "Status på resultatmålene", size=9)
    _inside_borders(pages[0], 745, [HEADER, [["B1: Antal deltagere i job"], ["50 %"], ["Målet er nået,"]]], header=True)
    _inside_borders(pages[1], 60, [[[""], [""], ["48 % er i job."]], [["B2: Antal virksomheder"], ["40"], ["Ja"]]],
                    header=False)
    pages[1].text(72, 160, "Projektet har således nået de fleste af sine resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "inside-borders.pdf", pages))
    assert [t.columns for t in doc.goal_tables] == [("Resultatmål – kort sigt", "Mål", "Status")]
    assert [(r.id, r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("B1", "Antal deltagere i job", "50 %", "Målet er nået, 48 % er i job."), ("B2", "Antal virksomheder", "40", "Ja")]


def test_drawn_wall_parts_cells_whose_words_almost_touch(tmp_path):
    """Cells padded by 2 pt: "60%" | "60%" stand 4 pt apart across the wall between them, closer
    than words of a cell that spans both columns would be; the drawn wall parts them."""
    em = 9 * 0.6  # Courier
    edges = (72.0, 300.0, 300.0 + 4 + 3 * em, 470.0)
    pages = [page(n) for n in range(1, 4)]
    spec = pages[0]
    spec.text(72, 480, "Tabel 3-1", size=9, bold=True).text(120, 480, "Status på effektmålene", size=9)
    y = 495.0
    for i, row in enumerate([("Effektmål", "Mål", "Status"), ("D1: Andel i job efter seks måneder", "60%", "60%"),
                             ("D2: Andel i uddannelse", "40%", "35%")]):
        spec.hline(edges[0], edges[-1], y)
        for col, text in enumerate(row):
            spec.text(edges[col] + 2, y + 3, text, size=9, bold=i == 0, mono=True)
        for x in edges:
            spec.vline(x, y, y + 15)
        y += 15
    spec.hline(edges[0], edges[-1], y)
    spec.text(72, y + 30, "Projektet har således nået sine effektmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "tight-cells.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("D1", "60%", "60%"), ("D2", "40%", "35%")]


def ruled_rows(spec: PageSpec, starts, rows, x0: float, x1: float, top: float = 495.0, mono: bool = False) -> float:
    """Draw rows ruled across, no walls, each cell's lines from its x in ``starts``, the first row
    bold (a header); RETURNS the top of the rule that would close the last row."""
    y = top
    for i, row in enumerate(rows):
        spec.hline(x0, x1, y)
        for x, lines in zip(starts, row):
            for k, text in enumerate(lines):
                spec.text(x, y + 3 + 11 * k, text, size=9, bold=i == 0, mono=mono)
        y += 4 + 11 * max(len(lines) for lines in row)
    return y


def test_cells_set_a_word_space_apart_are_parted_where_their_columns_start(tmp_path):
    """No walls, 2 pt padding: "Integrere og" | "Ved afslutningen var" stand 4 pt apart, as close
    as the words of a cell that spans both columns; but every line of the status column starts
    at one x, which a spanning cell's words would not."""
    em = 9 * 0.6  # Courier
    edges = (72.0, 300.0, 300.0 + 4 + 14 * em, 523.0)
    pages = [page(n) for n in range(1, 4)]
    spec = pages[0]
    spec.text(72, 480, "Tabel 3-2", size=9, bold=True).text(120, 480, "Status på resultatmålene", size=9)
    rows = [(["Resultatmål"], ["Mål"], ["Status"]),
            (["B1: Andel i job", "efter seks måneder"], ["Integrere og", "fastholde 60 %"],
             ["Ved afslutningen var", "51 af 125 i job"]),
            (["B2: Andel i uddannelse", "efter et år"], ["40 % i", "uddannelse"],
             ["Ved afslutningen var", "35 % i uddannelse"])]
    y = ruled_rows(spec, [e + 2 for e in edges[:-1]], rows, edges[0], edges[-1], mono=True)
    # a note under the rows runs across the columns; one of its words happens to start where the
    # status column's lines start, a word space (2.5 pt in 9 pt Helvetica) after the word before it
    before, after = "a: Målet blev ændret ved midtvejsevalueringen efter aftale med", "styrelsen og projektet."
    probe = PageSpec()
    probe.text(0, 100, before, size=9)
    with pdfplumber.open(write_pdf(tmp_path / "probe.pdf", [probe])) as pdf:
        width = max(c["x1"] for c in pdf.pages[0].chars)
    spec.hline(edges[0], edges[-1], y)
    spec.text(edges[2] + 2 - 2.5 - width, y + 3, before, size=9).text(edges[2] + 2, y + 3, after, size=9)
    y += 15
    spec.hline(edges[0], edges[-1], y)
    spec.text(72, y + 30, "Projektet har således nået sine resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "tight-cells.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("B1", "Integrere og fastholde 60 %", "Ved afslutningen var 51 af 125 i job"),
        ("B2", "40 % i uddannelse", "Ved afslutningen var 35 % i uddannelse")]


def test_a_row_whose_other_line_parts_two_cells_keeps_them_apart_where_they_stand_close(tmp_path):
    """No walls, 1.5 pt padding in Helvetica: on its first line the target cell runs to its right
    edge and stands 3.2 pt from the status text, a word space and a bit, as close as the words of
    one cell across both columns. The row's second line parts the two cells clearly, so the first
    line's gap is the cells' too."""
    full = "Integrere og fastholde"
    status_x = 302.0 + text_width(full, 9) + 3.2
    starts = (74.0, 302.0, status_x)
    right = 523.0
    pages = [page(n) for n in range(1, 4)]
    spec = pages[0]
    spec.text(72, 480, "Tabel 3-2", size=9, bold=True).text(120, 480, "Status på resultatmålene", size=9)
    rows = [(["Resultatmål"], ["Mål"], ["Status"]),
            (["B1: Andel i job", "efter seks måneder"], [full, "60 % i job"], ["Ved afslutningen var", "51 af 125 i job"]),
            (["B2: Andel i uddannelse", "efter et år"], ["40 % i", "uddannelse"], ["Ved afslutningen var", "35 % i uddannelse"])]
    y = ruled_rows(spec, starts, rows, 72, right)
    spec.hline(72, right, y)
    spec.text(72, y + 30, "Projektet har således nået sine resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "close-cells.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("B1", "Integrere og fastholde 60 % i job", "Ved afslutningen var 51 af 125 i job"),
        ("B2", "40 % i uddannelse", "Ved afslutningen var 35 % i uddannelse")]


def test_two_figures_a_word_space_apart_across_an_edge_are_two_cells(tmp_path):
    """No walls, 2 pt padding, as a browser prints a small effect table: the indicator runs up to
    the target column, "60%" | "60%" stand 4 pt apart, as close as two words of one cell, on the
    row's only line that meets that edge, and the table is too small for its columns' starts to
    tell. Two figures side by side are two cells' all the same."""
    first = "D1: Antal personer i målgruppen, som fastholdes i"
    target_x = 70.2 + text_width(first, 10) + 4.9
    status_x = target_x + text_width("60%", 10) + 4.0
    pages = [page(n) for n in range(1, 4)]
    spec = pages[0]
    spec.text(72, 480, "Tabel 3-4", size=9, bold=True).text(120, 480, "Status på effektmålet", size=9)

    def rule(y):  # a browser draws each cell's border on its own: the segments meet at the edges
        for x0, x1 in ((68, target_x - 2), (target_x - 2, status_x - 2), (status_x - 2, 523)):
            spec.hline(x0, x1, y)

    rule(494)
    spec.text(70.2, 497, "Effektmål:", size=10, bold=True).text(target_x, 497, "Mål", size=10, bold=True)
    spec.text(status_x, 497, "Status ved", size=10, bold=True).text(status_x, 509, "slutevalueringen", size=10, bold=True)
    rule(523)
    spec.text(70.2, 526, first, size=10).text(target_x, 526, "60%", size=10).text(status_x, 526, "60%", size=10)
    spec.text(70.2, 537, "jobbet i seks måneder eller som har fået pension.", size=10)
    rule(552)
    spec.text(72, 580, "Projektet har således nået sit effektmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "close-figures.pdf", pages))
    assert [(r.id, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("D1", "60%", "60%")]


def test_a_word_that_fills_its_cell_is_no_word_of_the_next_cell(tmp_path):
    """No walls, 2 pt padding, 8.4 pt type, as a browser prints a results table: "interventionsgruppen"
    fills its cell, and the next cell's "kontrolgruppe," starts 2.8 pt after it with no space
    character between them, under the 3 pt at which pdfplumber starts a new word."""
    size, pad = 8.4, 2.0
    target_x = 160.0
    status_x = target_x + text_width("interventionsgruppen", size) + 2.8
    target = ["Signifikant flere", "borgere i", "interventionsgruppen", "bliver integreret."]
    status = ["Det har ikke været muligt", "at opstille en", "kontrolgruppe, og dermed", "at påvise effekten."]
    pages = [page(n) for n in range(1, 4)]
    spec = pages[0]
    for k in range(8):
        spec.text(72, 340 + 14 * k, f"Evalueringen har fulgt projekternes arbejde med målgruppen gennem hele perioden {k}.",
                  size=10)
    spec.text(72, 480, "Tabel 3-1", size=9, bold=True).text(120, 480, "Projekternes mål og resultater", size=9)

    def rule(y):
        for x0, x1 in ((70, target_x - pad), (target_x - pad, status_x - pad), (status_x - pad, 523)):
            spec.hline(x0, x1, y)

    rule(494)
    for x, text in ((72, "Projektansvarlig"), (target_x, "Mål"), (status_x, "Målopfyldelse")):
        spec.text(x, 497, text, size=size, bold=True)
    rule(509)
    spec.text(72, 512, "Hjerneskadecenteret", size=size).text(72, 522, "BOMI", size=size)
    for k, (a, b) in enumerate(zip(target, status)):
        spec.text(target_x, 512 + 10 * k, a, size=size).text(status_x, 512 + 10 * k, b, size=size)
    rule(554)
    spec.text(72, 580, "Projektet har således ikke kunnet påvise en effekt.", size=10)
    doc = extract_document(write_pdf(tmp_path / "full-cell.pdf", pages))
    assert [(r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("Hjerneskadecenteret BOMI", " ".join(target), " ".join(status))]


def test_rows_under_a_rule_above_the_first_table_are_not_the_rest_of_a_cut_row(tmp_path):
    """The page opens with the last rows of a one-column table from the page before, ruled off,
    then a goal grid a few points below: those rows stay out of the goal table."""
    one = (72.0, 523.0)
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 640, "Tabel 3-5", size=9, bold=True).text(120, 640, "Deltagernes status", size=9)
    grid_rows(pages[0], 655, [[["Status ultimo 2018"]], [["50 i ordinære job"]], [["10 har fået pension"]],
                              [["15 er i praktik"]], [["3 er på barsel"]]], edges=one)
    bottom = grid_rows(pages[1], 60, [[["5 overgået til anden aktør"]], [["26 ledige"]]], header=False, edges=one)
    grid_rows(pages[1], bottom + 4.5, [[["Effektmål"], ["Mål"], ["Status"]],
                                      [["D1: Antal personer i job i seks måneder"], ["60%"], ["60%"]]])
    pages[1].text(72, 200, "Projektet har således nået sit effektmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "rows-above.pdf", pages))
    assert [(r.id, r.indicator, r.target, r.status) for t in doc.goal_tables for r in t.rows] == [
        ("D1", "Antal personer i job i seks måneder", "60%", "60%")]


def test_header_row_left_alone_at_the_page_end_heads_the_rows_on_the_next_page(tmp_path):
    """Ruled across only, cell by cell: the page break leaves the caption and the header row, ruled
    off below, at the end of a page, and the rows on the next."""
    edges = (72.0, 200.0, 300.0, 523.0)

    def ruled_row(spec, top, cells, bold=False):
        for col, text in enumerate(cells):
            spec.text(edges[col] + 4, top + 3, text, size=9, bold=bold)
        for a, b in zip(edges, edges[1:]):
            spec.hline(a, b, top + 15)

    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 735, "Tabel 3-2: Projekternes målopfyldelse", size=9, bold=True)
    ruled_row(pages[0], 750, ["Projektansvarlig", "Mål", "Målopfyldelse"], bold=True)
    ruled_row(pages[1], 60, ["Contra A/S", "80 % selvforsørgende", "27 %"])
    ruled_row(pages[1], 75, ["Jobcenter Lejre", "90 % fastholdt", "83 %"])
    pages[1].text(72, 130, "Projekterne har således nået en del af deres mål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "lone-header.pdf", pages))
    assert [(t.columns, [(r.indicator, r.target, r.status) for r in t.rows]) for t in doc.goal_tables] == [
        (("Projektansvarlig", "Mål", "Målopfyldelse"),
         [("Contra A/S", "80 % selvforsørgende", "27 %"), ("Jobcenter Lejre", "90 % fastholdt", "83 %")])]


def test_header_row_cut_with_no_rule_on_its_page_joins_its_rest_and_rows_on_the_next(tmp_path):
    """Ruled across only, the header's rule under its last line: the page break leaves the caption
    and the header's first lines at the end of a page with no rule at all, and its last line
    ("(måltal)"), the rule and the rows on the next page."""
    edges = (72.0, 200.0, 300.0, 523.0)

    def ruled_row(spec, top, lines, bold=False, rule=True):
        for k, cells in enumerate(lines):
            for col, text in enumerate(cells):
                if text:
                    spec.text(edges[col] + 4, top + 3 + 11 * k, text, size=9, bold=bold)
        if rule:
            spec.hline(edges[0], edges[-1], top + 4 + 11 * len(lines))
        return top + 6 + 11 * len(lines)

    pages = [page(n) for n in range(1, 4)]
    for n, spec in enumerate(pages):
        for k in range(8):
            spec.text(72, 300 + 13 * k + 200 * (n == 1), f"Evalueringen har fulgt projekternes arbejde med målgruppen gennem "
                                                         f"hele perioden {n}{k}.", size=10)
    pages[0].text(72, 720, "Tabel 3-3: Projekternes målopfyldelse", size=9, bold=True)
    ruled_row(pages[0], 740, [["Projektansvarlig", "Antal deltagere", "Mål"]], bold=True, rule=False)
    y = ruled_row(pages[1], 60, [["", "(måltal)", ""]], bold=True)
    y = ruled_row(pages[1], y, [["Jobcenter Esbjerg", "18 (15) a", "Integrere og fastholde"], ["", "", "samtlige deltagere"]])
    ruled_row(pages[1], y, [["Jobcenter Hedensted", "20 (20) a", "50 % af de 20 unge i job"]])
    pages[1].text(72, 160, "Projekterne har således nået en del af deres mål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "cut-header.pdf", pages))
    assert [(t.label, t.columns, [r.cells for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-3", ("Projektansvarlig", "Antal deltagere (måltal)", "Mål"),
         [("Jobcenter Esbjerg", "18 (15) a", "Integrere og fastholde samtlige deltagere"),
          ("Jobcenter Hedensted", "20 (20) a", "50 % af de 20 unge i job")])]


@pytest.mark.parametrize(("lines_on_first_page", "padding"), [(1, 4.0), (2, 4.0), (2, 7.5)])
def test_first_row_cut_under_a_header_at_the_page_end_is_one_row_with_its_rest(tmp_path, lines_on_first_page, padding):
    """Ruled across only: the page break leaves the caption, the header ruled off below and the
    first lines of the first row at the end of a page; the rest of that row stands above its
    closing rule on the next page. The header's cells may stand well above the rule (``padding``
    points from the header's foot to the rule: 7.5 pt as a browser pads 9 pt type by 5 pt)."""
    edges = (72.0, 200.0, 300.0, 523.0)
    target = ["Integrere og fastholde", "samtlige deltagere", "på arbejdsmarkedet"]
    status = ["Ved projektafslutningen var", "ingen af de 18 deltagere", "kommet i job, svarende til 0 %."]
    pages = [page(n) for n in range(1, 4)]
    top = 790.0 - lines_on_first_page * LINE
    pages[0].text(72, top - 30, "Tabel 3-3: Projekternes målopfyldelse", size=9, bold=True)
    for col, text in enumerate(["Projektansvarlig", "Mål", "Målopfyldelse"]):
        pages[0].text(edges[col] + 4, top - 12 - padding, text, size=9, bold=True)
    for a, b in zip(edges, edges[1:]):
        pages[0].hline(a, b, top - 3)
    pages[0].text(edges[0] + 4, top, "Jobcenter Esbjerg", size=9)
    for k in range(3):
        spec, y = (pages[0], top + k * LINE) if k < lines_on_first_page else (pages[1], 60 + (k - lines_on_first_page) * LINE)
        spec.text(edges[1] + 4, y, target[k], size=9).text(edges[2] + 4, y, status[k], size=9)
    y = 60 + (3 - lines_on_first_page) * LINE
    for a, b in zip(edges, edges[1:]):
        pages[1].hline(a, b, y + 2)
    for col, text in enumerate(["Jobcenter Hedensted", "50 % i job", "0 %."]):
        pages[1].text(edges[col] + 4, y + 6, text, size=9)
    for a, b in zip(edges, edges[1:]):
        pages[1].hline(a, b, y + 20)
    pages[1].text(72, y + 50, "Projekterne har således ikke nået deres mål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "cut-first-row.pdf", pages))
    assert [(t.label, t.columns, [(r.indicator, r.target, r.status) for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-3", ("Projektansvarlig", "Mål", "Målopfyldelse"),
         [("Jobcenter Esbjerg", " ".join(target), " ".join(status)), ("Jobcenter Hedensted", "50 % i job", "0 %.")])]


def test_first_row_cut_under_a_tightly_padded_header_at_the_page_end_is_one_row_with_its_rest(tmp_path):
    """As above, with 2 pt padding, as a browser prints it (each cell's border drawn on its own): the
    cut row's cells stand less than a gutter apart on its first line ("(målgruppen)," | "50 %" |
    "Nået:"), but start where the header's cells start."""
    size = 9.0
    first = "B1: Antal deltagere (målgruppen),"
    target_x = 74 + text_width(first, size) + 10
    status_x = target_x + text_width("50 %", size) + 6
    indicator = [first, "der oplever, at de har fået", "øget viden om at mestre job"]
    status = ["Nået: 75 % svarer, at de i høj", "grad har fået redskaber til", "at mestre deres hverdag."]
    pages = [page(n) for n in range(1, 4)]

    def rule(spec, y):
        for x0, x1 in ((72, target_x - 2), (target_x - 2, status_x - 2), (status_x - 2, 523)):
            spec.hline(x0, x1, y)

    for k in range(8):
        pages[0].text(72, 500 + 14 * k, f"Evalueringen har fulgt projekternes arbejde med målgruppen gennem hele perioden {k}.",
                      size=10)
    spec, top = pages[0], 790.0 - 2 * LINE
    spec.text(72, top - 30, "Tabel 3-2: Status på resultatmålene", size=9, bold=True)
    for x, text in ((74, "Resultatmål – kort sigt:"), (target_x, "Mål"), (status_x, "Status ved slutevalueringen")):
        spec.text(x, top - 16, text, size=size, bold=True)
    rule(spec, top - 3)
    spec.text(target_x, top, "50 %", size=size)
    for k in range(3):
        spec, y = (pages[0], top + k * LINE) if k < 2 else (pages[1], 60.0)
        spec.text(74, y, indicator[k], size=size).text(status_x, y, status[k], size=size)
    y = 60 + LINE + 2
    rule(pages[1], y)
    rows = [(["B2: Antal personer i", "indsatsgruppen med viden"], ["100", "%"], ["Nået: Indsatsgruppen", "fortæller, at de har viden."]),
            (["B3: Antal personer i", "netværket med viden"], ["40 %"], ["Ikke nået: Der er ikke", "fulgt op på dette mål."])]
    for row in rows:
        for x, cell in zip((74, target_x, status_x), row):
            for k, text in enumerate(cell):
                pages[1].text(x, y + 4 + k * LINE, text, size=size)
        y += 2 * LINE + 6
        rule(pages[1], y)
    pages[1].text(72, y + 30, "Projektet har således nået to af sine tre resultatmål.", size=10)
    doc = extract_document(write_pdf(tmp_path / "tight-cut-first-row.pdf", pages))
    assert [(t.label, [(r.id, r.indicator, r.target, r.status) for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-2", [("B1", "Antal deltagere (målgruppen), der oplever, at de har fået øget viden om at mestre job",
                        "50 %", " ".join(status)),
                       ("B2", "Antal personer i indsatsgruppen med viden", "100 %", "Nået: Indsatsgruppen fortæller, at de har viden."),
                       ("B3", "Antal personer i netværket med viden", "40 %", "Ikke nået: Der er ikke fulgt op på dette mål.")])]


@pytest.mark.parametrize("rows_before_break", [0, 2])
def test_banded_row_opening_the_next_page_is_a_body_row_not_a_new_header(tmp_path, rows_before_break):
    """A page break leaves the dark header (and maybe some rows) at the end of a page; the next page
    opens with a row shaded light by the banding (cell by cell, as Word and browsers shade), which
    is no header printed again."""
    names = ["Nord", "Syd", "Vest", "Øst", "Midt"]
    rows = [[["Projekt"], ["Mål"], ["Status ved projektafslutning"]]] + [
        [[f"Jobcenter {name}"], [f"{40 + k} % i job"], [f"{30 + k} % i job"]] for k, name in enumerate(names)]
    prose = ["Projekterne har i hele perioden arbejdet med at bringe borgerne tættere på arbejdsmarkedet,",
             "og de har i den forbindelse samarbejdet tæt med både jobcentre og lokale virksomheder om at",
             "finde praktikpladser og job, der passer til den enkelte borgers ønsker, behov og muligheder."]
    pages = [page(n) for n in range(1, 4)]
    for k in range(24):
        pages[0].text(72, 80 + 14 * k, prose[k % 3], size=10)
    top = 760.0 - rows_before_break * (LINE + 6)
    pages[0].text(72, top - 17, "Tabel 3-1", size=9, bold=True).text(120, top - 17, "Projekternes målopfyldelse", size=9)
    for i, row in enumerate(rows):
        spec = pages[0] if i <= rows_before_break else pages[1]
        if i == rows_before_break + 1:
            top = 60.0
        if i % 2 == 1 or i == 0:  # the header dark, every other body row light
            for a, b in zip(EDGES, EDGES[1:]):
                spec.fill(a, top, b, top + LINE + 6, grey=0.3 if i == 0 else 0.9)
        top = across_rows(spec, top, [row], header_rule=i == 0, close=i > 0)  # the header's shading closes it
    for k in range(12):
        pages[1].text(72, top + 20 + 14 * k, prose[k % 3], size=10)
    doc = extract_document(write_pdf(tmp_path / "banded-break.pdf", pages))
    assert [t.columns for t in doc.goal_tables] == [("Projekt", "Mål", "Status ved projektafslutning")]
    assert [r.indicator for r in doc.goal_tables[0].rows] == [f"Jobcenter {name}" for name in names]


def test_list_markers_hung_before_a_columns_text_belong_to_that_column(tmp_path):
    """In a table drawn without walls, a list marker ("›") hangs in the gutter left of its
    column's text: it leads that column's item, and neither makes a column of its own nor ends
    the cell to its left ("ernæringsre-" / "habiliteringsforløb" stays one word)."""
    spec = page(1)
    spec.text(72, 60, "Forandringsteori for projektet", bold=True)
    spec.text(72, 80, "Aktiviteter", bold=True).text(250, 80, "Resultater", bold=True).text(410, 80, "Effekter", bold=True)
    spec.hline(72, 523, 92)
    cells = [  # per column: (marker, text) lines; a marker hangs 12 points left of the text
        [("›", "Gennemførelse af ernæringsre-"), (None, "habiliteringsforløb"), ("›", "Undervisning af pårørende"),
         ("›", "Kurser for kommuner")],
        [("›", "Jobcentrene har viden"), (None, "om hjerneskade"), (None, "og støtte")],
        [("›", "Bedre samarbejde"), (None, "med jobcentrene"), ("›", "Pårørende støtter"),
         (None, "den hjerneskadede"), ("›", "SOP-skabelon")],
    ]
    for column, x in zip(cells, (72, 250, 410)):
        for k, (marker, text) in enumerate(column):
            if marker:
                spec.text(x, 98 + 12 * k, marker, mono=True)
            spec.text(x + 12, 98 + 12 * k, text, mono=True)
    spec.hline(72, 523, 160)
    spec.text(72, 180, "Efter tabellen følger almindelig tekst, som løber over hele spalten og ikke hører til.")
    doc = extract_document(write_pdf(tmp_path / "hung-markers.pdf", [spec]))
    tables = [b.text for b in doc.blocks if b.role == "table"]
    assert len(tables) == 1 and "›" not in tables[0]
    assert ("Gennemførelse af ernæringsrehabiliteringsforløb Undervisning af pårørende Kurser for kommuner | "
            "Jobcentrene har viden om hjerneskade og støtte | "
            "Bedre samarbejde med jobcentrene Pårørende støtter den hjerneskadede SOP-skabelon") in tables[0]


def test_table_set_right_under_a_heading_without_a_caption_is_named_by_the_heading(tmp_path):
    """Appendix tables ("B.4 BOMI – …" over a theory-of-change grid) carry no "Tabel" caption: the
    heading right above names the table in ``other_tables``."""
    pages = [page(n) for n in range(1, 3)]
    pages[0].text(72, 70, "B.4 BOMI – Ny arbejdsmarkedsindsats", size=14, bold=True)
    grid_rows(pages[0], 100, [[["Hovedaktiviteter"], ["Resultater"], ["Effekter"]],
                              [["Udredning af", "målgruppen"], ["Borgerne er", "udredt"], ["Flere i job"]]])
    pages[0].text(72, 200, "Efter tabellen følger almindelig tekst om projektets resultater.", size=10)
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=10)
    doc = extract_document(write_pdf(tmp_path / "appendix.pdf", pages))
    assert [(t.label, t.caption, t.rows) for t in doc.other_tables] == [
        (None, "BOMI – Ny arbejdsmarkedsindsats",
         (("Hovedaktiviteter", "Resultater", "Effekter"), ("Udredning af målgruppen", "Borgerne er udredt", "Flere i job")))]


def test_a_row_whose_cells_stand_closer_than_a_column_gap_is_no_running_text(tmp_path):
    """A table set in body type with tight cell padding: the first row, its cells a few points
    apart, read as one line of running text, which parted the table's rules, so that row and
    the header above it were lost ("B1" missing, the rest a table without its caption)."""
    edges = (72.0, 275.0, 305.0, 523.0)
    spec = page(1)
    spec.text(72, 70, "3 Resultater", size=14, bold=True)
    for k in range(4):
        spec.text(72, 100 + 13 * k, "Projektet har i hele perioden arbejdet tæt sammen med jobcentrene og med de lokale "
                                    "virksomheder.", size=10)
    spec.text(72, 170, "Tabel 3-2: Status på resultatmålene på kort sigt", size=10)
    rows = [
        (["Resultatmål – kort sigt"], ["Mål"], ["Status ved slutevalueringen"]),
        (["B1: Antal deltagere, der har fået øget viden", "om at mestre et arbejdsliv"], ["50 %"],
         ["Opfyldt: 75 % svarer, at de har fået", "viden om at mestre en hverdag med job"]),
        (["B2: Antal virksomheder med en aftale"], ["40"], ["Ja, alle 40"]),
    ]
    y = 186.0
    for i, row in enumerate(rows):
        for col, cell in enumerate(row):
            for k, text in enumerate(cell):
                spec.text(edges[col] + (2 if col else 0), y + 2 + k * 12, text, size=10, bold=i == 0)
        y += max(len(cell) for cell in row) * 12 + 4
        spec.hline(edges[0], edges[-1], y, width=1.0 if i == 0 else 0.5)
    for k in range(3):
        spec.text(72, y + 30 + 13 * k, "Evalueringen viser, at projektet har nået sine mål for de fleste af "
                                       "deltagerne i projektet.", size=10)
    doc = extract_document(write_pdf(tmp_path / "tight-cells.pdf", [spec, page(2)]))
    assert [(t.label, [r.id for r in t.rows]) for t in doc.goal_tables] == [("Tabel 3-2", ["B1", "B2"])]
    assert doc.goal_tables[0].rows[0].target == "50 %"


def test_captions_set_below_their_tables_name_the_tables_above_them(tmp_path):
    """Word sets a caption below its table by default. The second table took the first one's
    caption, which stood a paragraph above it, and a chart's caption under the chart after a
    table was not the table's."""
    prose = "Projektet har nået de fleste af sine mål, som tabellen viser, og evalueringen har fulgt dem."

    def table_and_text(spec, top, goal, caption):
        bottom = grid_rows(spec, top, [HEADER, [[f"{goal}1: Antal deltagere"], ["3"], ["3"]],
                                       [[f"{goal}2: Antal virksomheder"], ["12"], ["10"]]])
        if caption:
            spec.text(72, bottom + 6, caption, size=9, bold=True)
        for k in range(4):
            spec.text(72, bottom + 30 + 13 * k, prose, size=10)
        return bottom + 100

    spec = page(1)
    spec.text(72, 70, "3 Målopfyldelse", size=14, bold=True)
    y = table_and_text(spec, 100, "A", "Tabel 3-1: Status på aktivitetsmålene")
    y = table_and_text(spec, y, "B", "Tabel 3-2: Status på resultatmålene")
    bottom = grid_rows(spec, y, [HEADER, [["C1: Antal i job efter et år"], ["30"], ["31"]], [["C2: Antal fastholdt"], ["20"], ["22"]]])
    spec.fill(72, bottom + 20, 523, bottom + 140, grey=0.8)  # a chart after the table, its caption under it
    spec.text(72, bottom + 146, "Figur 3-1: Deltagernes beskæftigelse", size=9, bold=True)
    spec.text(72, bottom + 170, "Effekten er målt et år efter projektets afslutning.", size=10)
    doc = extract_document(write_pdf(tmp_path / "captions-below.pdf", [spec, page(2)]))
    assert [(t.label, [r.id for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-1", ["A1", "A2"]), ("Tabel 3-2", ["B1", "B2"]), (None, ["C1", "C2"])]


def test_a_caption_below_its_table_pushed_onto_the_next_page_names_the_table(tmp_path):
    prose = "Projektet har nået de fleste af sine mål, som tabellen viser, og evalueringen har fulgt dem."
    pages = [page(n) for n in range(1, 4)]
    bottom = grid_rows(pages[0], 70, [HEADER, [["A1: Antal kurser"], ["3"], ["3"]], [["A2: Antal møder"], ["12"], ["10"]]])
    pages[0].text(72, bottom + 6, "Tabel 3-1: Status på aktivitetsmålene", size=9, bold=True)
    for k in range(30):
        pages[0].text(72, bottom + 30 + 13 * k, prose, size=10)
    grid_rows(pages[0], 700, [HEADER, [["B1: Antal deltagere i job"], ["50"], ["48"]], [["B2: Antal virksomheder"], ["40"], ["42"]]])
    pages[1].text(72, 70, "Tabel 3-2: Status på resultatmålene", size=9, bold=True)
    for k in range(5):
        pages[1].text(72, 95 + 13 * k, prose, size=10)
    doc = extract_document(write_pdf(tmp_path / "caption-on-next-page.pdf", pages))
    assert [(t.label, [r.id for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-1", ["A1", "A2"]), ("Tabel 3-2", ["B1", "B2"])]


def test_a_table_over_a_page_break_with_no_caption_above_takes_the_one_under_its_last_part(tmp_path):
    """Captions stand over the tables, but one table's caption came below it, after the rows the
    next page holds; only a caption right under the first part was looked for."""
    prose = "Projektet har nået de fleste af sine mål, som tabellen viser, og evalueringen har fulgt dem."
    pages = [page(n) for n in range(1, 4)]
    pages[0].text(72, 70, "Tabel 3-1: Status på aktivitetsmålene", size=9, bold=True)
    bottom = grid_rows(pages[0], 84, [HEADER, [["A1: Antal kurser"], ["3"], ["3"]], [["A2: Antal møder"], ["12"], ["10"]]])
    for k in range(30):
        pages[0].text(72, bottom + 20 + 13 * k, prose, size=10)
    grid_rows(pages[0], 690, [HEADER, [["B1: Antal deltagere i job"], ["50"], ["48"]], [["B2: Antal virksomheder"], ["40"], ["42"]]])
    bottom = grid_rows(pages[1], 60, [HEADER, [["B3: Antal jobcentre"], ["4"], ["4"]]])
    pages[1].text(72, bottom + 6, "Tabel 3-2: Status på resultatmålene", size=9, bold=True)
    for k in range(5):
        pages[1].text(72, bottom + 30 + 13 * k, prose, size=10)
    pages[1].text(72, 400, "Tabel 3-3: Status på effektmålene", size=9, bold=True)
    grid_rows(pages[1], 414, [HEADER, [["C1: Antal i job efter et år"], ["30"], ["31"]]])
    doc = extract_document(write_pdf(tmp_path / "caption-under-last-part.pdf", pages))
    assert [(t.label, [r.id for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-1", ["A1", "A2"]), ("Tabel 3-2", ["B1", "B2", "B3"]), ("Tabel 3-3", ["C1"])]


def test_a_row_set_close_in_type_larger_than_the_body_is_no_heading(tmp_path):
    """Cells in 10 pt under 9 pt text, set 10 and 12 points apart: the first row on the next page
    read as one line as large as a heading, and a heading parts two rules, so the row was lost."""
    first = "B1: Antal deltagere (målgruppen),"
    target_x = 72 + text_width(first, 10) + 10
    status_x = target_x + text_width("50 %", 10) + 12
    pages = [page(n) for n in range(1, 4)]
    prose = "Projektet har arbejdet med tre resultatmål, og evalueringen har fulgt dem gennem hele perioden."
    for k in range(55):
        pages[0].text(72, 60 + 12 * k, prose, size=9)
    pages[0].text(72, 730, "Tabel 3-2: Status på resultatmålene på kort sigt", size=9, bold=True)
    for x, text in ((72, "Resultatmål – kort sigt"), (target_x, "Mål"), (status_x, "Status ved slutevalueringen")):
        pages[0].text(x, 746, text, size=10, bold=True)
    for a, b in ((72, target_x - 1), (target_x - 1, status_x - 1), (status_x - 1, 523)):
        pages[0].hline(a, b, 760, width=1.0)  # a browser rules each cell
    rows = [
        ([first, "der oplever øget viden"], ["50 %"], ["Opfyldt: 75 % svarer, at de har", "fået viden om en hverdag med job"]),
        (["B2: Antal virksomheder"], ["40"], ["Ja, alle 40"]),
        (["B3: Antal jobcentre med", "en handleplan"], ["4"], ["Nej, 1"]),
        (["B4: Antal netværksmøder"], ["12"], ["Ja, hvert kvartal"]),
    ]
    y = 60.0
    pages[1].hline(72, 523, y)
    for row in rows:
        for x, cell in zip((72, target_x, status_x), row):
            for k, text in enumerate(cell):
                pages[1].text(x, y + 2 + k * 12, text, size=10)
        y += max(len(cell) for cell in row) * 12 + 4
        pages[1].hline(72, 523, y)
    pages[1].text(72, y + 30, prose, size=9)
    doc = extract_document(write_pdf(tmp_path / "large-tight-cells.pdf", pages))
    assert [(t.label, [(r.id, r.target) for r in t.rows]) for t in doc.goal_tables] == [
        ("Tabel 3-2", [("B1", "50 %"), ("B2", "40"), ("B3", "4"), ("B4", "12")])]


def test_a_wrapped_first_cell_in_body_type_stays_in_its_row(tmp_path):
    """A table set in the body's type: the wrapped line of a goal's indicator read as running text,
    which parted the row from its rules, and goal D1 was lost."""
    edges = (68.0, 400.0, 450.0, 523.0)  # no padding: the cells' text stands on the body's left edge
    first = page(1)
    for k in range(12):
        first.text(72, 70 + 12 * k, "Projektet har arbejdet målrettet med at fastholde borgerne i job gennem hele "
                                    "perioden, og virksomhederne", size=9)
    first.text(72, 230, "Tabel 3-4", size=9, bold=True).text(120, 230, "Status på effektmålene", size=9)
    across_rows(first, 246, [
        [["Effektmål"], ["Mål"], ["Status"]],
        [["D1: Antal personer i målgruppen, som fastholdes i jobbet i seks",
          "måneder eller som har fået pension i løbet af hele projektperioden."], ["60%"], ["60%"]],
    ], edges=edges)
    first.text(72, 300, "Projektet har således nået sit effektmål, og det er evaluators vurdering, at indsatsen", size=9)
    doc = extract_document(write_pdf(tmp_path / "wrapped.pdf", [first, page(2).text(72, 60, "Tekst.", size=9)]))
    rows = [r for t in doc.goal_tables for r in t.rows]
    assert [(r.id, r.target, r.status) for r in rows] == [("D1", "60%", "60%")]
    assert rows[0].indicator.endswith("har fået pension i løbet af hele projektperioden.")
