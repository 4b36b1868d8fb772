"""Lessons in a generated Word-style report: "Side N" footers, an odd-page header naming another
project, bold run-in labels ("Læringspunkt 1"), a lessons chapter with subsections, a quotation,
list items with sub-items, a figure captioned below its picture, and endnotes."""

from __future__ import annotations

import pytest

from evalsearch.extract.pipeline import extract_document
from pdfgen import PageSpec, write_pdf

PITCH = 13.0
X = 72.0


class Writer:
    """Writes paragraphs down a page, Word style: 10 pt text, 13 pt lines, 14 pt after a paragraph."""

    def __init__(self, page: PageSpec, top: float = 70.0):
        self.page, self.y = page, top

    def heading(self, text: str, size: float = 14.0) -> "Writer":
        self.page.text(X, self.y, text, size=size, bold=True)
        self.y += size + 12
        return self

    def para(self, *lines: str, run_in: str | None = None, size: float = 10.0) -> "Writer":
        for k, line in enumerate(lines):
            if k == 0 and run_in:
                self.page.text(X, self.y, run_in, size=size, bold=True)
                self.page.text(X + 5.6 * len(run_in) + 6, self.y, line, size=size)
            else:
                self.page.text(X, self.y, line, size=size)
            self.y += PITCH if size >= 10 else size + 2
        self.y += 14 if size >= 10 else 4
        return self

    def item(self, text: str, level: int = 0) -> "Writer":
        x = X + 8 + 14 * level
        self.page.text(x, self.y, "•" if level == 0 else "-")
        self.page.text(x + 12, self.y, text)
        self.y += PITCH + 4
        return self


def page(number: int) -> PageSpec:
    spec = PageSpec()
    header = "Evaluering af projekt Flere i arbejde" if number % 2 else "Evaluering af projekt Aktiv i job"
    spec.text(X, 30, header, size=8)
    spec.text(280, 805, f"Side {number}", size=8)
    return spec


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    pages = [page(n) for n in range(1, 5)]
    w = Writer(pages[0])
    w.heading("1 Indledning")
    w.para("Rapporten er slutevalueringen af projektet Aktiv i job, som har fået støtte fra puljen til",
           "personer med handicap. Projektet er gennemført i tre kommuner fra 2019 til 2021.")
    w.para("Projektet har gennemført alle planlagte aktiviteter. Erfaringen er, at det er vigtigt at",
           "inddrage virksomhederne tidligt, så praktikpladserne er klar, når borgerne er det.")
    w.para("Kommunerne har mange års erfaring med målgruppen og med de lokale virksomheder, som de",
           "samarbejder med om praktik og ansættelse af borgere med handicap.")
    w.page.fill(X, w.y, 400, w.y + 110)
    w.page.text(90, w.y + 20, "Borgere i job", size=8).text(250, w.y + 20, "Borgere i praktik", size=8)
    w.y += 116
    w.page.text(X, w.y, "Figur 1", bold=True).text(115, w.y, "Deltagere i job og praktik")
    w.y += PITCH
    w.page.text(X, w.y, "Kilde: Projektets registreringer", size=8)
    w = Writer(pages[1])
    w.heading("2 Erfaringer og læringer")
    w.para("Nedenfor har vi samlet de vigtigste erfaringer og læringer fra projektet og fra de tre",
           "kommuner, der har deltaget i hele projektperioden.")
    w.heading("2.1 Samarbejdet med virksomhederne", size=11)
    w.para("Tid og tillid er afgørende. Alle virksomhederne siger, at en fast kontaktperson i jobcentret",
           "har givet tryghed, når der har været udfordringer med borgerne i praktikken.", run_in="Læringspunkt 1")
    w.para("\"Det har været en stor hjælp at have én at ringe til\" (Virksomhedsleder)")
    w.para("Projektet har erfaret, at følgende har været afgørende for samarbejdet med virksomhederne:")
    w.item("At lederne bakker op om indsatsen fra start.")
    w.item("At jobkonsulenterne kender borgerne godt.")
    w.heading("2.2 Målgruppen", size=11)
    w.para("Borgerne i målgruppen har ofte brug for lang tid, før de er klar til et job. Det er derfor",
           "nødvendigt, at forløbene er fleksible og kan forlænges, når borgeren har brug for det.")
    w.item("Det er projektets erfaring, at")
    w.item("borgerne skal motiveres løbende,", level=1)
    w.item("og at de pårørende kan være en støtte.", level=1)
    w.para("1 Interview med projektlederen, maj 2021.", size=8)
    w.para("2 Projektets egne registreringer.", size=8)
    w = Writer(pages[2])
    w.heading("3 Samlet vurdering")
    w.para("Projektet har nået sine mål for antal deltagere og for antal borgere i job. Set i bakspejlet",
           "ville det have været bedre at starte rekrutteringen af borgere tidligere i projektperioden.")
    Writer(pages[3]).para("Bilag med data om deltagerne i projektet fordelt på kommuner og år, som er",
                          "brugt i evalueringen af projektets resultater og effekter.")
    return extract_document(write_pdf(tmp_path_factory.mktemp("lessons") / "aktiv-i-job.pdf", pages))


def test_lessons_of_the_generated_report(report):
    assert [(l.section, l.in_lessons_chapter, l.heading, l.text) for l in report.lessons] == [
        ("1", False, None, "Erfaringen er, at det er vigtigt at inddrage virksomhederne tidligt, så praktikpladserne "
                           "er klar, når borgerne er det."),
        ("2.1", True, "Tid og tillid er afgørende.", "Alle virksomhederne siger, at en fast kontaktperson i jobcentret "
                                                     "har givet tryghed, når der har været udfordringer med borgerne i praktikken."),
        ("2.1", True, "Tid og tillid er afgørende.", "At lederne bakker op om indsatsen fra start."),
        ("2.1", True, "Tid og tillid er afgørende.", "At jobkonsulenterne kender borgerne godt."),
        ("2.2", True, None, "Borgerne i målgruppen har ofte brug for lang tid, før de er klar til et job. Det er derfor "
                            "nødvendigt, at forløbene er fleksible og kan forlænges, når borgeren har brug for det."),
        ("2.2", True, None, "Det er projektets erfaring, at borgerne skal motiveres løbende, og at de pårørende kan "
                            "være en støtte."),
        ("3", False, None, "Set i bakspejlet ville det have været bedre at starte rekrutteringen af borgere tidligere "
                           "i projektperioden."),
    ]


def test_themes_of_the_generated_lessons(report):
    themes = {l.text[:12]: l.themes for l in report.lessons}
    assert themes["At lederne b"][0] == "ledelse og opbakning"
    assert "frivillige og pårørende" in themes["Det er proje"]


def test_figure_captioned_below_its_chart(report):
    assert [(f.label, f.caption, f.source, f.labels) for f in report.figures] == [
        ("Figur 1", "Deltagere i job og praktik", "Kilde: Projektets registreringer", ("Borgere i job", "Borgere i praktik"))
    ]


def test_paragraph_on_the_bullets_margin_is_an_items_second_paragraph_unless_it_states_a_learning(tmp_path):
    """Word's List Bullet sets the bullet on the body margin: a paragraph set there between two items
    goes on with the item above only when it states no learning of its own."""
    pages = [page(n) for n in range(1, 3)]
    w = Writer(pages[0])
    w.heading("4 Erfaringer og læringer")

    def item(text: str) -> None:
        w.page.text(X, w.y, "•").text(X + 18, w.y, text)
        w.y += PITCH + 4

    item("Sørg for ledelsesmæssig opbakning fra start af projektet.")
    w.para("Samtidigt skal lederne løbende orienteres om projektets fremdrift.")
    item("Prioritér tydelig rolle- og ansvarsfordeling fra start.")
    w.para("For de fire jobcentre har det interne samarbejde været afgørende. En overordnet",
           "erfaring er, at det er lettest at samarbejde, når der ikke er økonomi involveret.")
    item("Skab en tæt og tillidsbaseret relation til virksomhederne.")
    doc = extract_document(write_pdf(tmp_path / "margin-bullets.pdf", pages))
    assert [l.text for l in doc.lessons] == [
        "Sørg for ledelsesmæssig opbakning fra start af projektet. Samtidigt skal lederne løbende orienteres om "
        "projektets fremdrift.",
        "Prioritér tydelig rolle- og ansvarsfordeling fra start.",
        "For de fire jobcentre har det interne samarbejde været afgørende. En overordnet erfaring er, at det er "
        "lettest at samarbejde, når der ikke er økonomi involveret.",
        "Skab en tæt og tillidsbaseret relation til virksomhederne.",
    ]


def test_words_second_level_bullet_a_courier_o_makes_sub_items(tmp_path):
    """Word prints its second list level's bullet as a letter "o" in Courier New."""
    pages = [page(n) for n in range(1, 3)]
    w = Writer(pages[0])
    w.heading("4 Erfaringer og læringer")
    for level, text in ((0, "Samarbejdet med jobcentrene har været afgørende for projektet."),
                        (1, "Jobcentrene har visiteret borgerne hurtigt til projektet."),
                        (1, "Virksomhedskonsulenterne har deltaget i de månedlige møder.")):
        x = X + 8 + 18 * level
        w.page.text(x, w.y, "•" if level == 0 else "o", mono=level == 1).text(x + 14, w.y, text)
        w.y += PITCH + 4
    w.para("Projektet har samlet set haft en god dialog med alle parter i hele perioden.")
    doc = extract_document(write_pdf(tmp_path / "word-sub-bullets.pdf", pages))
    assert [l.text for l in doc.lessons][:3] == [
        "Samarbejdet med jobcentrene har været afgørende for projektet.",
        "Jobcentrene har visiteret borgerne hurtigt til projektet.",
        "Virksomhedskonsulenterne har deltaget i de månedlige møder.",
    ]
