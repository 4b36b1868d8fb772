"""Layout rules on small generated reports: Word-style pages with "Side N" footers, alternating
headers (one naming another project), bold run-in labels, bullets, footnotes, captions, a
paragraph cut by a page break, and a left margin-note column."""

from __future__ import annotations

import pytest

from evalsearch.extract.pipeline import extract_document
from evalsearch.extract.render import document_to_text
from pdfgen import PageSpec, text_width, word_page, write_pdf

BODY = 10.0
PITCH = 13.0


def word_report_page(number: int) -> PageSpec:
    return word_page(number, odd_header="Slutevaluering af projekt Flere i arbejde")


@pytest.fixture(scope="module")
def word_report(tmp_path_factory):
    pages = [word_report_page(n) for n in range(1, 5)]
    p1 = pages[0]
    p1.text(72, 70, "1 Indledning", size=14, bold=True)
    p1.text(72, 100, "Formål", bold=True).text(110, 100, "Projektet har haft til formål at styrke samarbejdet")
    p1.text(72, 100 + PITCH, "mellem jobcentret og virksomhederne i kommunen.")
    p1.text(72, 140, "Projektet viste, at det er vigtigt:")
    p1.text(80, 140 + PITCH, "•").text(92, 140 + PITCH, "At ledelsen bakker op om projektet fra start.")
    p1.text(80, 140 + 2 * PITCH, "•").text(92, 140 + 2 * PITCH, "At rollerne er tydelige for alle parter.")
    p1.text(72, 200, "Tabel 1-1", bold=True).text(120, 200, "Oversigt over deltagerne")
    p1.text(72, 740, "Samarbejdet er blevet evalueret af en ekstern evaluator")
    p1.text(72, 740 + PITCH, "ud fra interview med alle de centrale aktører, som har")
    p1.hline(72, 200, 770)
    p1.text(72, 775, "1", size=7).text(80, 775, "Interview gennemført i foråret 2020.", size=7)
    p2 = pages[1]
    p2.text(72, 70, "deltaget i projektet i hele perioden.")
    p2.text(72, 100, "2 Resultater", size=14, bold=True)
    p2.text(72, 130, "Projektet har nået sine mål.")
    for n in (3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.")
    return extract_document(write_pdf(tmp_path_factory.mktemp("word") / "word-report.pdf", pages))


def test_alternating_headers_and_side_n_footers_are_dropped(word_report):
    text = document_to_text(word_report)
    assert "Aktiv i job" not in text and "Flere i arbejde" not in text
    assert "Side " not in text


def test_numbered_headings_make_sections(word_report):
    assert [(s.number, s.title) for s in word_report.sections] == [("1", "Indledning"), ("2", "Resultater")]
    assert {b.section for b in word_report.blocks if "nået sine mål" in b.text} == {"2"}


def test_bold_run_in_label_is_split_off(word_report):
    block = next(b for b in word_report.blocks if "til formål" in b.text)
    assert block.run_in == "Formål"
    assert block.text.startswith("Projektet har haft til formål")
    assert block.text.endswith("virksomhederne i kommunen.")


def test_bullets_are_list_items(word_report):
    bullets = [b for b in word_report.blocks if b.role == "bullet"]
    assert [b.text for b in bullets] == [
        "At ledelsen bakker op om projektet fra start.",
        "At rollerne er tydelige for alle parter.",
    ]
    assert {b.marker for b in bullets} == {"•"}


def test_caption_is_not_a_paragraph(word_report):
    caption = next(b for b in word_report.blocks if b.text.startswith("Tabel 1-1"))
    assert caption.role == "caption"


def test_footnote_is_separated(word_report):
    assert [(f.number, f.text, f.page) for f in word_report.footnotes] == [
        ("1", "Interview gennemført i foråret 2020.", 1)
    ]
    assert not any("foråret 2020" in b.text for b in word_report.blocks)


def test_paragraph_cut_by_page_break_is_joined(word_report):
    block = next(b for b in word_report.blocks if b.text.startswith("Samarbejdet er blevet evalueret"))
    assert block.text.endswith("som har deltaget i projektet i hele perioden.")
    assert (block.page, block.end_page) == (1, 2)


@pytest.fixture(scope="module")
def margin_report(tmp_path_factory):
    pages = []
    for n in range(1, 4):
        page = PageSpec()
        page.text(400, 30, f"RAPPORT OM MARGINNOTER {n}", size=7)
        page.text(48, 80, "Ledelse og", size=7.5).text(48, 89, "opbakning", size=7.5)
        # "medar-" is no word: the report breaks words at line ends, so the hyphen goes
        page.text(180, 80, "Lederne har bakket op om projektet gennem hele forløbet, og deres medar-")
        page.text(180, 80 + PITCH, "bejdere har lært at bruge de kompenserende ordninger.")
        page.text(48, 130, "Metode", size=7.5)
        page.text(180, 130, f"Evalueringen bygger på interview med ledere på side {n}.")
        pages.append(page)
    return extract_document(write_pdf(tmp_path_factory.mktemp("margin") / "margin-report.pdf", pages))


def test_margin_notes_label_the_paragraph_beside_them(margin_report):
    paragraphs = [b for b in margin_report.blocks if b.role == "paragraph"]
    assert len(paragraphs) == 6
    first, second = paragraphs[:2]
    assert first.label == "Ledelse og opbakning"
    assert first.text == (
        "Lederne har bakket op om projektet gennem hele forløbet, og deres "
        "medarbejdere har lært at bruge de kompenserende ordninger."
    )
    assert second.label == "Metode" and second.text.startswith("Evalueringen bygger")


def test_contents_entries_that_wrap_are_joined(tmp_path):
    toc = PageSpec().text(72, 60, "Indholdsfortegnelse", size=14, bold=True)
    toc.text(72, 90, "1 Indledning ........................................ 2")
    toc.text(72, 105, "2 Erfaringer og læringer fra samarbejdet med jobcentrene og")
    toc.text(84, 118, "virksomhederne i projektperioden ............ 2")
    toc.text(72, 133, "3 Samlet vurdering ................................... 2")
    body = PageSpec().text(72, 60, "1 Indledning", size=14, bold=True).text(72, 90, "Tekst om projektet.")
    doc = extract_document(write_pdf(tmp_path / "toc.pdf", [toc, body]))
    assert [(s.number, s.title) for s in doc.sections if s.in_toc] == [
        ("1", "Indledning"),
        ("2", "Erfaringer og læringer fra samarbejdet med jobcentrene og virksomhederne i projektperioden"),
        ("3", "Samlet vurdering"),
    ]


def test_section_toggles_repeating_the_next_heading_are_left_out(tmp_path):
    spec = PageSpec().text(72, 60, "Evaluering af puljen", size=18, bold=True)
    spec.text(80, 100, "+ 1. Et kritisk perspektiv på praksis", bold=True)
    spec.text(72, 130, "1. Et kritisk perspektiv på kommunal praksis", size=13, bold=True)
    spec.text(72, 155, "Et udefrakommende blik har givet nye perspektiver på praksis.")
    doc = extract_document(write_pdf(tmp_path / "toggles.pdf", [spec]))
    assert not any(b.text.startswith("+") for b in doc.blocks)
    assert [b.role for b in doc.blocks] == ["heading", "heading", "paragraph"]


def test_drawn_dots_before_lines_make_list_items(tmp_path):
    """HTML-to-PDF converters draw list bullets as small black discs, not as a bullet character."""
    spec = word_report_page(1)
    spec.text(72, 70, "1 Indledning", size=14, bold=True)
    spec.text(72, 100, "Projektet viste, at det er vigtigt:", size=BODY)
    items = ["At ledelsen bakker op om projektet fra start.", "At rollerne er tydelige for alle parter."]
    for k, item in enumerate(items):
        top = 100 + (k + 1) * PITCH
        spec.dot(78, top + 3, size=3.0, rgb=(0.0, 0.0, 0.0))
        spec.text(88, top, item, size=BODY)
    spec.dot(78, 160 + 3, size=5.0, rgb=(0.2, 0.6, 0.3))  # a coloured legend symbol is not a bullet
    spec.text(88, 160, "Angiver at målet er opfyldt.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "drawn-bullets.pdf", [spec, word_report_page(2)]))
    assert [b.text for b in doc.blocks if b.role == "bullet"] == items
    assert any(b.text == "Angiver at målet er opfyldt." and b.role == "paragraph" for b in doc.blocks)
    assert [lesson.text for lesson in doc.lessons] == items


def test_line_steps_a_pixel_apart_do_not_hide_paragraph_breaks(tmp_path):
    """A renderer on a pixel grid steps 13.5 or 14.2 points from line to line, 21.7 between paragraphs."""
    spec = word_report_page(1)
    top = 70.0
    for k in range(8):
        step = 13.5 if k % 2 else 14.2
        spec.text(72, top, f"Afsnit {k + 1} handler om samarbejdet mellem jobcentret og", size=BODY)
        spec.text(72, top + step, "virksomhederne i kommunen i hele projektperioden.", size=BODY)
        top += step + 21.7
    doc = extract_document(write_pdf(tmp_path / "pixel-grid.pdf", [spec, word_report_page(2)]))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit")]
    assert len(paragraphs) == 8
    assert paragraphs[0] == "Afsnit 1 handler om samarbejdet mellem jobcentret og virksomhederne i kommunen i hele projektperioden."


def test_paragraph_steps_a_pixel_either_side_of_the_loose_break_part_paragraphs(tmp_path):
    """Ragged text on a pixel grid: 12.7 or 13.5 points from line to line, and 16.5 or 17.2 between
    paragraphs (3 pt apart), one either side of 1.3 line steps; the paragraphs part at both, though
    each one's last line leaves no room for the next one's first word."""
    lines = ["om samarbejdet", "mellem jobcentret og de lokale virksomheder, som har",
             "taget imod borgerne i praktik og i job i hele", "projektets periode, og om hvordan de ansatte",
             "fulgt op på dem undervejs, som evalueringen viser."]
    pages, number = [word_report_page(1), word_report_page(2)], 0
    for top, spec in zip((70.0, 100.0), pages):  # not where the other page's first line is: no header
        for _ in range(6):
            number += 1
            for k, text in enumerate(lines):
                spec.text(72, top, f"Indledningsvist handler afsnit {number} {text}" if k == 0 else text, size=BODY)
                top += (12.7 if k % 2 else 13.5) if k < len(lines) - 1 else (16.5 if number in (2, 9) else 17.2)
    doc = extract_document(write_pdf(tmp_path / "pixel-grid-paragraphs.pdf", pages + [word_report_page(3)]))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Indledningsvist")]
    assert len(paragraphs) == 12, paragraphs
    assert paragraphs[1] == "Indledningsvist handler afsnit 2 " + " ".join(lines)


def test_raised_note_marker_a_little_smaller_is_a_marker(tmp_path):
    """Browsers print <sup> a sixth smaller and lifted off the line; the marker leaves the text."""
    spec = word_report_page(1)
    spec.text(72, 70, "Projektet har nået sine mål, som evalueringen har vist", size=BODY)
    spec.text(311, 67, "1", size=BODY * 0.83)
    spec.text(316, 70, ".", size=BODY)
    spec.text(72, 130, "Der deltog i alt 12 borgere i projektet.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "raised-marker.pdf", [spec, word_report_page(2)]))
    texts = [b.text for b in doc.blocks if b.role == "paragraph"]
    assert "Projektet har nået sine mål, som evalueringen har vist." in texts
    assert "Der deltog i alt 12 borgere i projektet." in texts


def test_paragraph_left_of_the_list_markers_is_not_the_item_above(tmp_path):
    """Between two items, a paragraph set at the body margin (left of the markers) is text of its own."""
    spec = word_report_page(1)
    spec.text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    spec.text(80, 100, "•").text(92, 100, "Det er vigtigt at have ledelsen med fra start.", size=BODY)
    spec.text(72, 130, "For de projekter, der var forankret i jobcentrene, var samarbejdet afgørende.", size=BODY)
    spec.text(80, 160, "•").text(92, 160, "Det er vigtigt at afstemme forventningerne tidligt.", size=BODY)
    spec.text(92, 160 + PITCH, "Det gælder især i de første måneder.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "list-and-paragraph.pdf", [spec, word_report_page(2)]))
    assert [lesson.text for lesson in doc.lessons] == [
        "Det er vigtigt at have ledelsen med fra start.",
        "For de projekter, der var forankret i jobcentrene, var samarbejdet afgørende.",
        "Det er vigtigt at afstemme forventningerne tidligt. Det gælder især i de første måneder.",
    ]


@pytest.mark.parametrize("edge", [92, 104])
def test_a_dash_opening_a_line_of_an_item_in_mid_sentence_is_the_second_half_of_a_compound(tmp_path, edge):
    """"… relateret til borgerens familiemæssige" / "- og/eller sociale situation.": the dash set at
    the item's text edge goes on with the sentence ("familiemæssige - og/eller sociale"); a dash
    set further in, under a line that ends with a colon, opens an item of a list within the item."""
    spec = word_report_page(1)
    spec.text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    spec.text(80, 100, "•").text(92, 100, "Endelig kan nogle af udfordringerne være relateret til borgerens familiemæssige"
                                  if edge == 92 else "Endelig kan nogle af udfordringerne være relateret til:", size=BODY)
    spec.text(edge, 100 + PITCH, "- og/eller sociale situation.", size=BODY)
    spec.text(80, 100 + 3 * PITCH, "•").text(92, 100 + 3 * PITCH, "Det er vigtigt at afstemme forventningerne tidligt.",
                                             size=BODY)
    doc = extract_document(write_pdf(tmp_path / "suspended-compound.pdf", [spec, word_report_page(2)]))
    items = [(b.marker, b.text) for b in doc.blocks if b.role == "bullet"]
    if edge == 92:
        assert items == [("•", "Endelig kan nogle af udfordringerne være relateret til borgerens familiemæssige - og/eller "
                               "sociale situation."), ("•", "Det er vigtigt at afstemme forventningerne tidligt.")]
    else:
        assert [marker for marker, _ in items] == ["•", "-", "•"]


def test_margin_notes_of_a_short_report_on_one_page_only(tmp_path):
    """A short report may hold all its margin notes on one page; a long note line may reach close
    to the text beside it."""
    notes = ["Formål", "Målgruppe", "Målrettede forløb for den", "Ledelse"]
    spec = word_page(1)
    for k, note in enumerate(notes):
        top = 80 + 50 * k
        spec.text(63, top, note, size=7.5)  # the long note ends 5 points short of the text
        spec.text(150, top, f"Afsnit {k + 1} om projektets arbejde med borgerne i kommunen.")
    other = word_page(2).text(150, 80, "Projektet er afsluttet, og resultaterne er samlet her.")
    doc = extract_document(write_pdf(tmp_path / "one-page-margin.pdf", [spec, other]))
    paragraphs = [b for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit")]
    assert [(b.label, b.text) for b in paragraphs] == [
        (note, f"Afsnit {k + 1} om projektets arbejde med borgerne i kommunen.") for k, note in enumerate(notes)]


def test_margin_notes_of_several_small_lines_beside_large_ragged_text_on_one_page(tmp_path):
    """Notes in 8.5 pt, their lines 10.5 points apart, beside 12 pt ragged text 15 points apart, in
    a report whose text starts with short lines: the column beside the notes is measured by where
    its lines end mostly, not by the commonest end of a few short lines."""
    notes = [["Et kritisk perspektiv", "på kommunal praksis"], ["Målrettede forløb for", "den enkelte", "kommune"]]
    texts = [["Et udefrakommende kritisk blik på måden, kommunerne", "gør tingene på, har givet nye perspektiver på",
              "praksis, ligesom ekspertviden gør en stor forskel."],
             ["Det er vigtigt, at forløbene er tilpasset den enkelte", "kommune, og dermed tager hensyn til forskelle i",
              "vidensniveau og den aktuelle kommunes behov og praksis."]]
    first = word_page(1)
    for k, line in enumerate(["Resumé", "Projektet i korte træk", "Evaluering af Cabi, 2023"]):
        first.text(170, 80 + 15 * k, line, size=12)  # the text's first lines, short
    page = word_page(2)
    page.text(170, 70, "Seks virkningsmekanismer", size=16, bold=True)
    for k, (note, text) in enumerate(zip(notes, texts)):
        top = 110 + 70 * k
        for n, line in enumerate(note):
            page.text(62, top + 10.5 * n, line, size=8.5)
        for n, line in enumerate(text):
            page.text(170, top + 15 * n, line, size=12)
    doc = extract_document(write_pdf(tmp_path / "small-notes.pdf", [first, page, word_page(3)]))
    paragraphs = [b for b in doc.blocks if b.role == "paragraph" and b.page == 2]
    assert [(b.label, b.text) for b in paragraphs] == [
        (" ".join(note), " ".join(text)) for note, text in zip(notes, texts)]


def test_margin_notes_beside_paragraphs_set_without_space_between(tmp_path):
    """Small note type beside 12 pt text: two note lines beside one body line printed as one
    ("Målrettededen forløbenkeltefor"), and where a paragraph's last line fills the measure the
    next one's note is all that shows where it starts."""
    notes = {100: ["Målrettede forløb for", "den enkelte kommune"], 142: ["Praksisnært forløb", "med brug af cases"],
             184: ["Ledelse"]}
    lines = {
        100: "Det er vigtigt, at forløbene er tilpasset den enkelte",
        114: "kommune, og dermed tager hensyn til forskelle i viden",
        128: "og den aktuelle kommunes behov og dagligdags praksis.",
        142: "Det er essentielt, at forløbet målrettes den enkelte",
        156: "kommune med praksisnære cases fra kommunens egen hver-",
        170: "dag og fra de mange tidligere forløb med borgere i job.",
        184: "Det er centralt, at lederne deltager i undervisningen.",
    }
    spec = word_page(1)
    for top, note in notes.items():
        for k, line in enumerate(note):
            spec.text(40, top + 9.8 * k, line, size=8)
    for top, line in lines.items():
        spec.text(170, top, line, size=12)
    other = word_page(2).text(170, 80, "Projektet er afsluttet, og resultaterne er samlet her.", size=12)
    doc = extract_document(write_pdf(tmp_path / "close-margin.pdf", [spec, other]))
    paragraphs = [b for b in doc.blocks if b.role == "paragraph" and b.page == 1]
    assert [(b.label, b.text[:28]) for b in paragraphs] == [
        ("Målrettede forløb for den enkelte kommune", "Det er vigtigt, at forløbene"),
        ("Praksisnært forløb med brug af cases", "Det er essentielt, at forløb"),
        ("Ledelse", "Det er centralt, at lederne "),
    ]


def test_a_long_margin_note_that_runs_down_to_the_next_is_two_notes(tmp_path):
    """A three-line note beside a two-line paragraph ends where the next note starts; the step
    between them is off the notes' usual one."""
    spec = word_page(1)
    labels = [["Et kritisk perspektiv", "på praksis"], ["Ekspertise og brug af", "tværkommunale", "erfaringer"],
              ["Målrettede forløb for", "den enkelte kommune"], ["Ledelse"]]
    tops = [100.0, 134.0, 166.0, 198.0]
    for top, note in zip(tops, labels):
        for k, line in enumerate(note):
            spec.text(40, top + 12 * k, line, size=8.5)
        spec.text(170, top, "Det er en central erfaring fra projektet i de tre deltagende kommuner,", size=10.5)
        spec.text(170, top + 15, "at forløbene tilpasses hver enkelt kommune og dens praksis i jobcentret.", size=10.5)
    other = word_page(2).text(170, 80, "Projektet er afsluttet, og resultaterne er samlet her.", size=10.5)
    doc = extract_document(write_pdf(tmp_path / "long-note.pdf", [spec, other]))
    assert [b.label for b in doc.blocks if b.role == "paragraph" and b.page == 1] == [
        "Et kritisk perspektiv på praksis", "Ekspertise og brug af tværkommunale erfaringer",
        "Målrettede forløb for den enkelte kommune", "Ledelse"]


@pytest.mark.parametrize("number, lead_x", [("1.", 92), ("13.", 104)])
def test_numbered_item_whose_bold_lead_fills_its_first_line_is_not_a_heading(tmp_path, number, lead_x):
    """ "1. **A long bold lead …**" with the item's text hanging under the lead is a list item; the
    lead may stand right of the hanging edge (justified, or pushed by a number wider than the indent)."""
    spec = word_report_page(1)
    spec.text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    spec.text(72, 100, "Evalueringen peger på følgende læringer:", size=BODY)
    spec.text(78, 120, number, size=BODY).text(lead_x, 120, "Sørg for ledelsesmæssig opbakning fra start af projektet.", size=BODY, bold=True)
    spec.text(92, 120 + PITCH, "Det har været afgørende for alle projekter.", size=BODY)
    spec.text(72, 170, "Projekterne er afsluttet.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "numbered-lead.pdf", [spec, word_report_page(2)]))
    assert [b.role for b in doc.blocks if "ledelsesmæssig opbakning" in b.text] == ["bullet"]
    assert [(lesson.heading, lesson.text) for lesson in doc.lessons if lesson.page == 1] == [
        ("Sørg for ledelsesmæssig opbakning fra start af projektet.", "Det har været afgørende for alle projekter.")]


def _justified_line(spec: PageSpec, x: float, top: float, line: str, end: float | None) -> None:
    """One line in Courier: spaced out to end at ``end`` (a full line of justified text), else set ragged."""
    em = BODY * 0.6
    words = line.split()
    gap = em if end is None or len(words) < 2 else (end - x - em * sum(len(w) for w in words)) / (len(words) - 1)
    for word in words:
        spec.text(x, top, word, size=BODY, mono=True)
        x += em * len(word) + gap


def _set_lines(spec: PageSpec, top: float, lines: list[str], justified: bool) -> None:
    """Lines in Courier (every letter 0.6 em wide), spaced out to end together, a little right of
    the longest line's natural end, when ``justified`` (the last line too), else set ragged."""
    measure = 72 + BODY * 0.6 * max(len(line) for line in lines) + 6
    for k, line in enumerate(lines):
        _justified_line(spec, 72, top + k * PITCH, line, measure if justified else None)


def test_a_heading_in_light_coloured_type_goes_on_in_its_second_line(tmp_path):
    """Word's default headings are bigger and coloured, not bold: the second line of a wrapped one
    ("samarbejde") stood as a heading of its own, and the lessons under section 4.2 were read as
    under a section "samarbejde"."""
    blue = (0.184, 0.329, 0.588)
    spec = word_report_page(1)
    spec.text(72, 70, "4 Tværgående erfaringer og læringer", size=16, rgb=blue)
    spec.text(72, 100, "4.1 Projekternes erfaringer med målgruppen", size=13, rgb=blue)
    body = "Projekterne har haft gode erfaringer med at inddrage borgerne og deres pårørende i forløbet."
    for k in range(4):
        spec.text(72, 125 + PITCH * k, body, size=BODY)
    spec.text(72, 200, "4.2 Projekternes erfaringer og læringer med organisering og", size=13, rgb=blue)
    spec.text(72, 215, "samarbejde", size=13, rgb=blue)
    for k in range(4):
        spec.text(72, 240 + PITCH * k, body, size=BODY)
    doc = extract_document(write_pdf(tmp_path / "light-headings.pdf", [spec]))
    assert [b.text for b in doc.blocks if b.role == "heading"] == [
        "4 Tværgående erfaringer og læringer", "4.1 Projekternes erfaringer med målgruppen",
        "4.2 Projekternes erfaringer og læringer med organisering og samarbejde"]


@pytest.mark.parametrize("justified", [True, False])
def test_justified_paragraph_whose_last_line_is_full_goes_on_over_the_page_break(tmp_path, justified):
    """Its last line filling the measure shows that a justified paragraph has not ended, even where
    the page break falls after a full stop; ragged text gives no such sign."""
    pages = [word_report_page(n) for n in range(1, 5)]
    pages[0].text(72, 70, "3 Erfaringer", size=14, bold=True)
    _set_lines(pages[0], 740, ["Projektet har gode erfaringer med at skrive de aftaler, der indgås,",
                               "ned i indsatsplanen, og borgeren får en kopi ved hvert møde."], justified)
    _set_lines(pages[1], 70, ["Indsatsgruppen fortæller, at borgerne får opgaver med hjem."], False)
    _set_lines(pages[2], 70, ["Projektet har nået sine mål for deltagere og for borgere i job."], False)
    _set_lines(pages[3], 70, ["Bilaget viser deltagerne fordelt på kommuner og år."], False)
    doc = extract_document(write_pdf(tmp_path / "justified.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role == "paragraph"][:2]
    first = ("Projektet har gode erfaringer med at skrive de aftaler, der indgås, ned i indsatsplanen, "
             "og borgeren får en kopi ved hvert møde.")
    rest = "Indsatsgruppen fortæller, at borgerne får opgaver med hjem."
    assert texts == ([f"{first} {rest}", "Projektet har nået sine mål for deltagere og for borgere i job."]
                     if justified else [first, rest])


def test_short_report_of_two_line_paragraphs_keeps_its_paragraphs_apart(tmp_path):
    """In a short report of two-line paragraphs, the step between paragraphs is as common as the
    step between lines: the smaller one is the line pitch, so each paragraph stands alone."""
    spec = word_report_page(1)
    top = 70.0
    for k in range(9):
        spec.text(72, top, f"Afsnit {k + 1} handler om samarbejdet mellem jobcentret og", size=BODY)
        if k % 3 != 2:
            top += 13.3
            spec.text(72, top, "virksomhederne i kommunen i hele projektperioden.", size=BODY)
        top += 21.2
    doc = extract_document(write_pdf(tmp_path / "short.pdf", [spec]))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit")]
    assert len(paragraphs) == 9


def test_number_wrapped_to_the_start_of_a_line_goes_on_with_the_sentence(tmp_path):
    """"… højst en 9. eller / 10. klasse afgangseksamen": a number that a sentence wraps to the
    start of a line, at the paragraph's own edge, is no list item."""
    pages = [word_report_page(n) for n in range(1, 5)]
    lines = ["Det er projektets erfaringer, at 28 procent har højst en 9. eller",
             "10. klasse afgangseksamen, og at 71 procent har mere end 5 års",
             "erhvervserfaring fra det private arbejdsmarked."]
    for k, line in enumerate(lines):
        pages[0].text(72, 100 + k * PITCH, line, size=BODY)
    pages[0].text(72, 160, "Projektets mål var:", size=BODY)
    pages[0].text(72, 160 + PITCH, "1. Flere borgere i job.", size=BODY)
    for n in (2, 3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "wrapped-number.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role in ("paragraph", "bullet")]
    assert texts[0] == " ".join(lines)
    assert [b.role for b in doc.blocks if b.text.startswith("Flere borgere")] == ["bullet"]


@pytest.mark.parametrize("justified", [True, False])
def test_number_a_page_break_wrapped_to_the_next_page_goes_on_with_the_sentence(tmp_path, justified):
    """"… højst en 9. eller" / (next page) "10. klasse …": the number that opens a page after a
    paragraph stopped mid-sentence is that sentence's; a list opening with item 1 stays a list."""
    pages = [word_report_page(n) for n in range(1, 5)]
    _set_lines(pages[0], 740, ["Det er projektets erfaringer, at 32 procent har en lang uddannelse,",
                               "og at 28 procent har en kort uddannelse eller højst en 9. eller"], justified)
    _set_lines(pages[1], 70, ["10. klasse afgangseksamen, og at 71 procent har mere end 5 års",
                              "erhvervserfaring fra det private arbejdsmarked i regionen."], False)
    _set_lines(pages[1], 140, ["Projektets mål for deltagerne var i første omgang"], False)
    pages[2].text(72, 70, "1. Flere borgere i job.", size=BODY)
    pages[2].text(72, 70 + PITCH, "2. Flere borgere i uddannelse.", size=BODY)
    pages[3].text(72, 70, "Afsnit på side 4 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "wrapped-number.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role in ("paragraph", "bullet")]
    assert texts[0] == ("Det er projektets erfaringer, at 32 procent har en lang uddannelse, og at 28 procent har en "
                        "kort uddannelse eller højst en 9. eller 10. klasse afgangseksamen, og at 71 procent har mere "
                        "end 5 års erhvervserfaring fra det private arbejdsmarked i regionen.")
    assert [(b.role, b.text) for b in doc.blocks if "Flere borgere" in b.text] == [
        ("bullet", "Flere borgere i job."), ("bullet", "Flere borgere i uddannelse.")]


@pytest.mark.parametrize("marker", ["›", "1."])
def test_number_wrapped_to_the_text_edge_of_a_list_item_goes_on_with_the_item(tmp_path, marker):
    """"… jf. beskrivelsen under læringspunkt" / "2. Kravene stilles …": a number a list item's
    sentence wraps to the start of a line, at the item's hanging indent, is no new item."""
    spec = word_report_page(1)
    spec.text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    lines = ["Fokus på ejerskab for borgeren. Det gælder især unge, jf. beskrivelsen under læringspunkt",
             "2. Kravene stilles for at få borgerne til at forstå, at normalitet indebærer job."]
    spec.text(80, 100, marker, size=BODY).text(96, 100, lines[0], size=BODY)
    spec.text(96, 100 + PITCH, lines[1], size=BODY)
    # items of no full stop: the next number stands left of the text edge, where the marker does
    items = [("1.", "Rekruttering af borgere med"), ("", "psykiske vanskeligheder"), ("2.", "Samarbejde med"),
             ("", "virksomhederne")]
    for k, (number, text) in enumerate(items):
        if number:
            spec.text(80, 160 + k * PITCH, number, size=BODY)
        spec.text(96, 160 + k * PITCH, text, size=BODY)
    doc = extract_document(write_pdf(tmp_path / "wrapped-item-number.pdf", [spec, word_report_page(2)]))
    assert [lesson.text for lesson in doc.lessons if lesson.page == 1] == [
        " ".join(lines), "Rekruttering af borgere med psykiske vanskeligheder", "Samarbejde med virksomhederne"]


@pytest.mark.parametrize("cut, rest", [
    # the full stop before the page break was an abbreviation's
    (["Det er vigtigt, at borgerne selv tager ansvar. Her har metoden", "været meget central, jf."],
     "omtalen af metoden i afsnit 4."),
    # a run of items set as sentences
    (["Indsatsgruppen peger på følgende karakteristika: dem der har en", "faglig ambition, som er helt urealistisk."],
     "dem der ikke har den nødvendige selvindsigt."),
])
def test_page_break_after_a_full_stop_does_not_end_the_paragraph_the_next_page_goes_on_in_lower_case(tmp_path, cut, rest):
    """"… meget central, jf." / "omtalen af metoden …", "… helt urealistisk." / "dem der ikke har …":
    a paragraph never opens in lower case, so the next page goes on with the paragraph."""
    pages = [word_report_page(n) for n in range(1, 5)]
    pages[0].text(72, 70, "3 Erfaringer", size=14, bold=True)
    pages[0].text(72, 740 - PITCH, cut[0], size=BODY)
    pages[0].text(72, 740, cut[1], size=BODY)
    pages[1].text(72, 70, rest, size=BODY)
    pages[1].text(72, 100, "Projektet har nået sine mål for deltagere og for", size=BODY)
    pages[1].text(72, 100 + PITCH, "borgere i job i alle tre kommuner.", size=BODY)
    for n in (3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "full-stop.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role == "paragraph"]
    assert texts[:2] == [" ".join(cut + [rest]),
                         "Projektet har nået sine mål for deltagere og for borgere i job i alle tre kommuner."]


def test_list_number_that_touches_its_text_still_marks_a_list_item(tmp_path):
    """A two-digit number fills the list's hanging indent and touches the item's text: printed as
    one word ("11.De", "12.at"), or as two words when the text opens in bold ("13." + "Fokus")."""
    pages = [word_report_page(n) for n in range(1, 5)]
    text_x = 72 + 13.9  # "11." in Helvetica 10 pt: two figures of 0.556 em and a full stop of 0.278 em
    pages[0].text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    pages[0].text(72, 100, "Evalueringen viser følgende læringer:", size=BODY)
    items = [("11.De beskrevne forhold findes især blandt de målgrupper, som", None),
             ("12.at der er et stort og ikke udnyttet potentiale i ordningerne", None),
             ("13.", "Fokus på medbestemmelse og ejerskab for borgeren.")]
    top = 100 + PITCH
    for first, bold in items:
        pages[0].text(72, top, first, size=BODY)
        if bold:
            pages[0].text(text_x, top, bold, size=BODY, bold=True)
        pages[0].text(text_x, top + PITCH, "ikke tidligere har haft en fast tilknytning til arbejdsmarkedet.", size=BODY)
        top += 2 * PITCH
    for n in (2, 3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "touching-numbers.pdf", pages))
    items = [b for b in doc.blocks if b.role == "bullet"]
    assert [(b.marker, b.text.split()[0]) for b in items] == [("11.", "De"), ("12.", "at"), ("13.", "Fokus")]
    assert items[0].text.endswith("som ikke tidligere har haft en fast tilknytning til arbejdsmarkedet.")


def test_numbered_heading_the_contents_lost_is_a_section(tmp_path):
    """A contents line garbled in print ("… samarbejde1": the title ran into its page number) loses
    its entry; the body heading that fits in among the entries is a section all the same. A heading
    that fits nowhere ("13. Indsatsen …", a list item set bold) is not."""
    toc = PageSpec().text(72, 60, "Indholdsfortegnelse", size=14, bold=True)
    toc.text(72, 90, "1 Indledning ........................................ 2")
    toc.text(72, 105, "1.1 Baggrund ....................................... 2")
    toc.text(72, 120, "1.2 Projekternes erfaringer med organisering og samarbejde1")
    toc.text(72, 135, "2 Samlet vurdering ................................... 2")
    body = PageSpec().text(72, 60, "1 Indledning", size=14, bold=True).text(72, 90, "Tekst om projektet.", size=BODY)
    body.text(72, 120, "1.1 Baggrund", size=12, bold=True).text(72, 145, "Tekst om baggrunden.", size=BODY)
    body.text(72, 175, "1.2 Projekternes erfaringer med organisering og samarbejde", size=12, bold=True)
    body.text(72, 200, "Tekst om samarbejdet.", size=BODY)
    body.text(72, 230, "13. Indsatsen skal være helhedsorienteret", size=BODY, bold=True)
    body.text(72, 260, "2 Samlet vurdering", size=14, bold=True).text(72, 290, "Tekst om vurderingen.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "lost-entry.pdf", [toc, body]))
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Indledning"), ("1.1", "Baggrund"), ("1.2", "Projekternes erfaringer med organisering og samarbejde"),
        ("2", "Samlet vurdering")]


def _paragraphs_set_close(tmp_path, *, justified: bool, between: float) -> list[str]:
    """Three-line paragraphs in Courier, ``between`` points of space between them; justified, the
    lines before a paragraph's last all end together."""
    pages = [word_report_page(n) for n in range(1, 5)]
    em = BODY * 0.6
    lines = ["Projektet har arbejdet med at styrke samarbejdet mellem",
             "jobcentret og virksomhederne gennem hele perioden og har",
             "nået sine mål."]
    top = 70.0
    for k in range(8):
        for n, line in enumerate([f"Afsnit {k + 1}: " + lines[0]] + lines[1:]):
            _justified_line(pages[0], 72, top, line, 72 + em * 62 if justified and n < 2 else None)
            top += PITCH
        top += between
    for n in (2, 3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "close.pdf", pages))
    return [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit ") and ":" in b.text]


def test_justified_paragraphs_without_space_between_them_part_at_their_short_last_lines(tmp_path):
    assert len(_paragraphs_set_close(tmp_path, justified=True, between=0.0)) == 8


@pytest.mark.parametrize("short", [1.8, 3.8])
def test_justified_paragraphs_without_space_between_them_part_where_a_last_line_nearly_fills_the_measure(
        tmp_path, short):
    """A paragraph's last line keeps its natural word spaces, so it stops short of the edge that
    full lines are spaced out to, by however little: a browser set "… at forebygge tilbagefald."
    1.8 pt short of the edge in 12 pt type, and "… passer ind i deres hverdag." 3.8 pt short in
    10.5 pt, and the next paragraph, with no space before it, ran on."""
    pages = [word_report_page(n) for n in range(1, 3)]
    last = "nået sine mål, og borgerne har fået et godt og trygt forløb i job."
    end, top = 72 + BODY * 0.6 * len(last) + short, 70.0
    for k in range(8):
        _justified_line(pages[0], 72, top, f"Afsnit {k + 1}: Projektet har arbejdet med at styrke samarbejdet", end)
        _justified_line(pages[0], 72, top + PITCH, "mellem jobcentret og virksomhederne gennem hele perioden og har", end)
        _justified_line(pages[0], 72, top + 2 * PITCH, last, None)
        top += 3 * PITCH
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "nearly-full.pdf", pages))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit ") and ":" in b.text]
    assert len(paragraphs) == 8
    assert all(text.endswith("trygt forløb i job.") for text in paragraphs)


def test_ragged_paragraphs_set_close_part_at_the_common_wider_step(tmp_path):
    """3 pt between paragraphs of 13 pt lines: not the usual paragraph space, but common enough."""
    assert len(_paragraphs_set_close(tmp_path, justified=False, between=3.0)) == 8



def test_justified_report_of_short_paragraphs_is_read_as_justified(tmp_path):
    """Two-line paragraphs and one-line ones, no space between them: under half of the lines end
    flush, but lines of many texts do and none stops just short of the edge, so the text is
    justified and each paragraph ends at its short last line."""
    pages = [word_report_page(n) for n in range(1, 3)]
    end, top = 72 + BODY * 0.6 * 62, 70.0
    for k in range(6):
        _justified_line(pages[0], 72, top, f"Afsnit {k + 1}: Projektet har arbejdet med at styrke samarbejdet", end)
        _justified_line(pages[0], 72, top + PITCH, "med virksomhederne og har nået sine mål.", None)
        _justified_line(pages[0], 72, top + 2 * PITCH, f"Kort afsnit nummer {k + 1}.", None)
        top += 3 * PITCH
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "short-justified.pdf", pages))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and ("Afsnit " in b.text or "Kort" in b.text)]
    assert len(paragraphs) == 13
    assert paragraphs[0].endswith("har nået sine mål.") and paragraphs[1] == "Kort afsnit nummer 1."


def test_justified_paragraphs_left_of_a_report_full_of_list_items_part_at_their_short_last_lines(tmp_path):
    """Most lines are list items, so the body's left edge is measured at their text; the paragraphs
    left of it, set to the full measure without space between them, still part at short lines."""
    pages = [word_report_page(n) for n in range(1, 3)]
    end, top = 72 + BODY * 0.6 * 62, 70.0
    for k in range(14):
        pages[0].text(78, top, "›", size=BODY)
        _justified_line(pages[0], 90, top, f"Punkt {k + 1}: Indsatsen har styrket samarbejdet med", end)
        _justified_line(pages[0], 90, top + PITCH, "virksomhederne i hele projektperioden og har givet", end)
        _justified_line(pages[0], 90, top + 2 * PITCH, "borgerne et godt forløb.", None)
        top += 3 * PITCH + 4
    top = 70.0
    for k in range(5):
        _justified_line(pages[1], 72, top, f"Afsnit {k + 1}: Projektet har arbejdet med at styrke samarbejdet", end)
        _justified_line(pages[1], 72, top + PITCH, "med jobcentret og virksomhederne gennem hele perioden og har", end)
        _justified_line(pages[1], 72, top + 2 * PITCH, "nået sine mål.", None)
        top += 3 * PITCH
    doc = extract_document(write_pdf(tmp_path / "list-report.pdf", pages))
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit ")]
    assert len(paragraphs) == 5 and all(p.endswith("nået sine mål.") for p in paragraphs)


def test_ragged_paragraphs_without_space_between_them_part_where_the_next_word_would_have_fitted(tmp_path):
    """Ragged text breaks a line only when the next word does not fit: a line that ends a sentence
    with room for the next line's first word ends its paragraph, a paragraph of one line too."""
    pages = [word_report_page(n) for n in range(1, 3)]
    words = ("Projektet har arbejdet med at styrke samarbejdet mellem jobcentret og virksomhederne "
             "gennem hele perioden, og det har givet borgerne bedre muligheder for at komme i job").split()
    top, expected = 70.0, []
    for n, k in enumerate([0, 1, 2, 7, 8, 9, 10]):  # paragraphs whose last lines leave room
        # ragged lines of several lengths, broken where the next word would pass 62 letters
        paragraph = [f"Afsnit {n + 1}:"] + words[k:] + ["og", "har", "nået", "sine", "mål."]
        expected += [" ".join(paragraph), f"Et kort afsnit nummer {n + 1}."]
        line: list[str] = []
        for word in paragraph + [None]:
            if word is None or len(" ".join(line + [word])) > 62:
                _justified_line(pages[0], 72, top, " ".join(line), None)
                top, line = top + PITCH, []
            if word is not None:
                line.append(word)
        _justified_line(pages[0], 72, top, expected[-1], None)  # a paragraph of one line
        top += PITCH
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "ragged-close.pdf", pages))
    assert [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith(("Afsnit ", "Et kort"))][:-1] == expected


@pytest.mark.parametrize(("ending", "paragraphs"), [
    ("for at komme i job.", 2),  # room for a space and "Endelig", and 3.8 pt more
    ("for at finde arbejde.", 1),  # "Endelig" fits, its space does not: the line was full
])
def test_ragged_line_ending_a_sentence_ends_its_paragraph_where_a_space_and_the_next_word_would_have_fitted(
        tmp_path, ending, paragraphs):
    """The room asked for beyond the next word is the line's own word space (2.8 pt in 10 pt
    Helvetica), not a whole em: a browser set paragraphs with no space between them whose last
    line left room for a space, the next paragraph's first word and a little more, and the
    paragraphs ran on."""
    pages = [word_report_page(n) for n in range(1, 3)]
    first = "Endelig har projektet arbejdet med at styrke samarbejdet mellem jobcentret og de lokale virksomheder"
    lines = [first, f"gennem hele perioden, og det har givet de unge borgere gode muligheder {ending}", first,
             "og har nået sine mål."]
    for k, line in enumerate(lines):
        pages[0].text(72, 70 + k * PITCH, line, size=BODY)
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "room-for-a-space.pdf", pages))
    assert len([b for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Endelig")]) == paragraphs


def test_ragged_line_ending_a_sentence_with_no_room_for_the_next_word_goes_on(tmp_path):
    pages = [word_report_page(n) for n in range(1, 3)]
    lines = ["Projektet har arbejdet med at styrke samarbejdet mellem parterne.",
             "Virksomhedskonsulenterne har haft en central rolle i hele",
             "projektperioden og har besøgt virksomhederne."]
    for k, line in enumerate(lines):
        _justified_line(pages[0], 72, 70 + k * PITCH, line, None)
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "no-room.pdf", pages))
    assert [b.text for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Projektet")] == [" ".join(lines)]


def test_bold_run_in_heading_after_a_sentence_opens_a_new_paragraph(tmp_path):
    """"**Et kritisk perspektiv.** Et udefrakommende blik …": paragraphs set close together, their last
    lines their longest (no sign of an end), part where a line opens with a bold run-in heading."""
    em = BODY * 0.6
    pages = [word_report_page(n) for n in range(1, 3)]
    leads = ["Et kritisk perspektiv.", "Brug af erfaringer.", "Målrettede forløb.", "Praksisnære cases."]
    rest = "Forløbet har givet de deltagende kommuner nye perspektiver på den kommunale praksis".split()
    top = 70.0
    for k, lead in enumerate(leads):
        lines = [[(w, True) for w in lead.split()] + [(w, False) for w in rest[k: k + 5]],
                 [(w, False) for w in f"{' '.join(rest[k + 5:])} og en stor forskel for medarbejderne i jobcentrene.".split()]]
        for words in lines:
            x = 72.0
            for word, bold in words:
                pages[0].text(x, top, word, size=BODY, bold=bold)
                x += em * (len(word) + 1)  # Helvetica is narrower: the words stand apart
            top += PITCH
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "run-in.pdf", pages))
    paragraphs = [b for b in doc.blocks if b.role == "paragraph" and b.page == 1 and "jobcentrene" in b.text]
    assert [b.run_in or b.text.split(".")[0] + "." for b in paragraphs] == leads


@pytest.mark.parametrize("room", [False, True])
def test_ragged_line_cut_mid_sentence_by_a_page_break_goes_on_before_a_capital(tmp_path, room):
    """"… at afklaringen sker i regi af SIND" / "Pårørenderådgivning, da …": a ragged line that stops
    mid-sentence with no room for the next page's first word was cut by the page break, though
    that word is a name. With room for it, the line ended its paragraph."""
    pages = [word_report_page(n) for n in range(1, 5)]
    lines = ["Det er i denne henseende projektets erfaring, at det kan være en fordel,",
             "at afklaringen sker i et tæt samarbejde med rådgiverne i regi af SIND"]
    if room:
        lines[1] = "at afklaringen sker i regi af SIND"
    for k, line in enumerate(lines):
        _justified_line(pages[0], 72, 740 - PITCH + k * PITCH, line, None)
    rest = "Pårørenderådgivning, da borgerne så ikke frygter konsekvenser."
    _justified_line(pages[1], 72, 70, rest, None)
    for n in (3, 4):
        pages[n - 1].text(72, 70, f"Afsnit på side {n} med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "name-after-break.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role == "paragraph" and b.page <= 2]
    assert texts == ([" ".join(lines), rest] if room else [" ".join(lines + [rest])])


def test_landscape_table_pages_do_not_set_the_grid_of_the_portrait_prose(tmp_path):
    """A report of 2 portrait pages of prose and 3 landscape pages of a table with a long text
    column: measured together, the table's column was taken for the body column, and the short
    last line of every paragraph on the portrait pages became a margin note."""
    prose = []
    for n in range(2):
        spec = PageSpec()
        top = 80.0
        for k in range(6):
            number = n * 6 + k + 1
            spec.text(85, top, f"Afsnit {number}: Tilsynet har set på sammenhængen mellem den visiterede", size=10)
            spec.text(85, top + 12, "hjælp og borgerens behov, og hvordan medarbejderne dokumenterer den.", size=10)
            spec.text(85, top + 24, "Det er godkendt.", size=10)
            top += 60
        prose.append(spec)
    tables = []
    for n in range(3):
        spec = PageSpec(width=842.0, height=595.0)
        for row in range(30):
            spec.text(90, 60 + 16 * row, f"Mål {row + 1}", size=10)
            spec.text(473, 60 + 16 * row, "Borgeren oplever god kontakt til medarbejderne og respekt", size=10)
        tables.append(spec)
    doc = extract_document(write_pdf(tmp_path / "tilsyn.pdf", prose + tables))
    paragraphs = [b for b in doc.blocks if b.role == "paragraph" and b.text.startswith("Afsnit")]
    assert len(paragraphs) == 12
    assert all(b.label is None and b.text.endswith("Det er godkendt.") for b in paragraphs)


def test_a_two_line_header_is_dropped_on_landscape_pages_too(tmp_path):
    """The header's second line, 54 pt from the top, reached past a tenth of a landscape page's
    height and stood as a paragraph on every landscape page (and as a lesson under an
    "anbefalinger" heading)."""
    pages = []
    for n in range(6):
        spec = PageSpec() if n < 3 else PageSpec(width=842.0, height=595.0)
        spec.text(85, 35, "Københavns Kommune", size=11)
        spec.text(85, 54, "Uanmeldt tilsyn, Clara Service Gruppen ApS August 2013", size=11)
        for k in range(4):
            spec.text(85, 120 + 40 * k, f"Afsnit {n + 1}.{k + 1}: Tilsynet har set på sammenhængen mellem hjælpen"
                                        " og borgerens behov.", size=10)
        spec.text(400, spec.height - 40, str(n + 1), size=9)
        pages.append(spec)
    text = document_to_text(extract_document(write_pdf(tmp_path / "tilsyn.pdf", pages)))
    assert "Uanmeldt tilsyn" not in text and "Københavns Kommune" not in text
    assert all(f"Afsnit {n}.4" in text for n in range(1, 7))


def test_glyphs_spilled_over_a_page_break_are_not_a_line_of_their_own(tmp_path):
    """A browser paints the rings of "å" of the next page's first line at the foot of the page
    before; the stray "å å" ended a lesson mid-sentence."""
    import pdfplumber

    first_line = "regi. De frivillige, der er tilknyttet borgerne, er sket via SIND Pårørenderådgivning."
    second = word_page(2)
    second.text(72, 70, first_line, size=BODY).text(72, 70 + PITCH, "Det er projektets erfaring.", size=BODY)
    probe = write_pdf(tmp_path / "probe.pdf", [word_page(1), second])
    with pdfplumber.open(probe) as pdf:
        rings = [c["x0"] for c in pdf.pages[1].chars if c["text"] == "å" and c["top"] < 80 + PITCH]
    assert len(rings) == 2
    first = word_page(1)
    lines = ["Det har været en udfordring, at der ikke er en kultur for at anvende frivillige i",
             "jobcentrene. Det har derfor ikke været naturligt at italesætte dette tilbud i jobcentre"]
    for k, line in enumerate(lines):
        first.text(72, 740 - PITCH + k * PITCH, line, size=BODY)
    for x in rings:
        first.text(x, 740 + PITCH, "å", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "spilled.pdf", [first, second]))
    texts = [b.text for b in doc.blocks]
    assert not any(t.strip() in ("å å", "å") for t in texts)
    assert any("italesætte dette tilbud i jobcentre regi. De frivillige" in t for t in texts), texts


def test_line_step_of_many_table_rows_does_not_part_every_line_of_the_text(tmp_path):
    """A report of many goal tables holds more lines in its tables' first column, at the body's
    edge in body type, than in its prose; where the cells are set tighter (12.3 pt) than the text
    (15 pt), that step was taken for the line step, and every line of the text became a paragraph."""
    indicators = ["A1: Udvikling af samarbejdsmodel", "A2: Antal borgere visiteret", "A3: Kurser for jobkonsulenter",
                  "A4: Fastholdelsesdialog med virksomheder", "A5: Pjece til virksomhederne"]
    pages = [word_report_page(n) for n in range(1, 5)]
    for spec in pages[:2]:
        for k in range(44):
            spec.text(72, 70 + 12.3 * k, indicators[k % 5] + (" (fortsat)" if k % 3 else ""), size=BODY)
            if k % 2 == 0:
                spec.text(360, 70 + 12.3 * k, "Opfyldt", size=BODY)
    paragraphs = [
        ["Det er projektets erfaring, at det er vigtigt, at der på forhånd og dermed inden",
         "projektstart er indgået konkrete aftaler om rolle- og ansvarsfordelingen og om,",
         "hvor mange borgere de enkelte jobcentre er forpligtede til at visitere til projektet."],
        ["Det er endvidere projektets erfaring, at det er vigtigt, at tilliden til og respekten",
         "overfor hinanden er etableret fra start, så ressourcerne kan bruges på den fælles",
         "indsats i forhold til at få borgerne afklaret og i job."],
    ]
    pages[2].text(72, 70, "4 Erfaringer og læringer", size=14, bold=True)
    for spec, top in ((pages[2], 100.0), (pages[3], 80.0)):
        for _ in range(3):
            for lines in paragraphs:
                for line in lines:
                    spec.text(72, top, line, size=BODY)
                    top += 15.0
                top += 6.0
    doc = extract_document(write_pdf(tmp_path / "tables.pdf", pages))
    texts = [b.text for b in doc.blocks if b.role == "paragraph" and b.page > 2]
    assert texts == [" ".join(lines) for _ in range(6) for lines in paragraphs]


@pytest.mark.parametrize(
    "bold, rest, run_in, text",
    [
        # a browser sets the heading's full stop in the text's type, a word of its own
        ("Et kritisk perspektiv på praksis", ". Et udefrakommende blik har", "Et kritisk perspektiv på praksis.",
         "Et udefrakommende blik har givet nye perspektiver på den kommunale praksis."),
        # the rest of a word a page break cut ("mis-" / "**brugsproblemer**."): no heading opens in lower case
        ("brugsproblemer", ". Et udefrakommende blik har", None,
         "brugsproblemer. Et udefrakommende blik har givet nye perspektiver på den kommunale praksis."),
    ],
)
def test_run_in_heading_ends_at_a_full_stop_set_outside_the_bold(tmp_path, bold, rest, run_in, text):
    """"**Et kritisk perspektiv på praksis**. Et udefrakommende …": the heading ends at its full stop."""
    pages = [word_report_page(n) for n in range(1, 3)]
    end = 72 + text_width(bold, BODY, bold=True)
    pages[0].text(72, 70, bold, size=BODY, bold=True).text(end, 70, rest, size=BODY)
    pages[0].text(72, 70 + PITCH, "givet nye perspektiver på den kommunale praksis.", size=BODY)
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=BODY)
    doc = extract_document(write_pdf(tmp_path / "dot.pdf", pages))
    block = next(b for b in doc.blocks if "udefrakommende" in b.text)
    assert (block.run_in, block.text) == (run_in, text)


def test_a_header_alone_of_its_kind_is_dropped_where_the_running_header_stands(tmp_path):
    """A four-page report: a title page, the report's header on pages 2 and 4 and, on page 3, the
    only odd page with a header, one that names another project. That header recurs nowhere, but
    it stands where the running header stands, in its type."""
    pages = [PageSpec()] + [word_page(n, "Evaluering af handicappuljer", "Evaluering af projektet Job i Fællesskab")
                            for n in range(2, 5)]
    pages[0].text(72, 200, "Evaluering af handicappuljer", size=20, bold=True)
    body = ["Projektet har nået sine mål.", "Samarbejdet har virket godt.", "Evalueringen er afsluttet."]
    filler = "Projektets deltagere og medarbejdere har bidraget til evalueringen med interview og data."
    for page, line in zip(pages[1:], body):
        page.text(72, 70, line, size=BODY)
        for k in range(1, 6):
            page.text(72, 70 + k * PITCH, filler, size=BODY)
    doc = extract_document(write_pdf(tmp_path / "short.pdf", pages))
    text = document_to_text(doc)
    assert "Job i Fællesskab" not in text
    assert all(line in text for line in body)
