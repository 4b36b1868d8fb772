"""Line-end hyphens in a report printed without hyphenation (Word's default) are the words' own;
in a report that breaks words at line ends, a hyphen at a compound's joint is a break."""

from __future__ import annotations

import pytest

from evalsearch.danish.hyphenation import is_word_break, join_inline_hyphen, join_line_break, line_ends_break_words
from evalsearch.extract.pipeline import extract_document, read_pages
from evalsearch.extract.settings import ExtractSettings
from evalsearch.extract.wordbreaks import breaks_words, hyphenated_line_ends
from pdfgen import word_page, write_pdf

PITCH = 13.0
#: a paragraph whose lines end in real hyphens: "kontant-hjælpsmodtagerne", "jobcenter-afdelinger"
HYPHENATED = [
    "Medarbejderne i de forskellige jobcenter-",
    "afdelinger har fået viden om de medarbejdere, der sidder med kontant-",
    "hjælpsmodtagerne, og om kontant-hjælpsmodtagerne i Social- og",
    "beskæftigelsesforvaltningen.",
]


def _report(tmp_path, broken_word: bool):
    pages = [word_page(n) for n in range(1, 3)]
    lines = HYPHENATED + ([
        "Projektet har haft kontakt med mange perso-",
        "ner i målgruppen i hele perioden.",
    ] if broken_word else [])
    top = 70.0
    for k, line in enumerate(lines):
        if k == len(HYPHENATED):
            top += PITCH  # the second paragraph
        pages[0].text(72, top, line, size=10)
        top += PITCH
    pages[1].text(72, 70, "Afsnit på side 2 med almindelig tekst.", size=10)
    name = "broken-word.pdf" if broken_word else "no-hyphenation.pdf"
    return extract_document(write_pdf(tmp_path / name, pages))


def test_a_report_that_never_breaks_a_word_keeps_its_line_end_hyphens(tmp_path):
    doc = _report(tmp_path, broken_word=False)
    text = next(b.text for b in doc.blocks if b.text.startswith("Medarbejderne"))
    assert "jobcenter-afdelinger" in text
    assert text.count("kontant-hjælpsmodtagerne") == 2  # at a line end and in mid-line
    assert "Social- og beskæftigelsesforvaltningen." in text


def test_a_report_that_breaks_a_word_at_a_line_end_joins_its_hyphenated_compounds(tmp_path):
    doc = _report(tmp_path, broken_word=True)
    texts = [b.text for b in doc.blocks if b.role == "paragraph" and b.page == 1]
    assert "jobcenterafdelinger" in texts[0]
    assert "kontanthjælpsmodtagerne, og om kontanthjælpsmodtagerne" in texts[0]
    assert "mange personer i målgruppen" in texts[1]


@pytest.mark.parametrize(("left", "right", "expected"), [
    ("perso-", "ner", True),
    ("projektaktivi-", "teterne", True),
    ("kontant-", "hjælpsmodtagerne", False),  # a word before the hyphen: either
    ("Social-", "og", False),
    ("CSR-", "politik", False),
    ("Hf-", "enkeltfag", False),
    ("2015-", "2016", False),
    ("perso-", "Ner", False),
])
def test_is_word_break(left, right, expected):
    assert is_word_break(left, right) is expected


@pytest.mark.parametrize(("left", "right", "breaks", "expected"), [
    ("kontant-", "hjælpsmodtagerne", True, "kontanthjælpsmodtagerne"),
    ("kontant-", "hjælpsmodtagerne", False, "kontant-hjælpsmodtagerne"),
    ("perso-", "ner", False, "perso-ner"),
    ("Social-", "og", False, "Social- og"),
    ("her-", "til", True, "hertil"),
    ("ud\u00ad", "dannelse", False, "uddannelse"),  # a soft hyphen always breaks a word
])
def test_join_line_break_follows_the_documents_hyphenation(left, right, breaks, expected):
    with line_ends_break_words(breaks):
        assert join_line_break(left, right) == expected


def test_hyphens_between_words_stay_in_mid_line_where_the_document_breaks_no_word():
    with line_ends_break_words(False):
        assert join_inline_hyphen("kontant-hjælpsmodtagerne") == "kontant-hjælpsmodtagerne"
        assert join_inline_hyphen("projektaktivi-teterne") == "projektaktiviteterne"
    assert join_inline_hyphen("kontant-hjælpsmodtagerne") == "kontanthjælpsmodtagerne"


def test_a_word_broken_in_a_left_column_is_found_beside_a_right_column(tmp_path):
    """A line ends at the end of its column, not of the printed row: "medar-" / "bejdere" in the
    left column, with a right column beside it and a margin note left of it."""
    page = word_page(1)
    page.text(20, 70, "Note", size=7)
    page.text(72, 70, "Projektets medar-", size=10).text(320, 70, "Virksomhederne har deltaget", size=10)
    page.text(72, 70 + PITCH, "bejdere har deltaget.", size=10).text(320, 70 + PITCH, "i hele perioden.", size=10)
    pages, _, _ = read_pages(write_pdf(tmp_path / "columns.pdf", [page]), ExtractSettings.resolve(None))
    assert list(hyphenated_line_ends(pages)) == [("medar-", "bejdere")]
    assert breaks_words(pages)
