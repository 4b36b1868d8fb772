"""Words read from a page's characters: where pdfplumber's 3 pt tolerance joins two words."""

from __future__ import annotations

from evalsearch.extract.pdf import iter_pages, opened_pdf
from pdfgen import text_width, word_page, write_pdf

SENTENCE = "Der er udarbejdet en såkaldt Windows Credential Provider til løsningen, som brugerne kan installere selv."


def _set_apart(spec, top: float, words: list[str], gap: float, size: float = 10.0) -> None:
    """Each word a run of its own, ``gap`` points after the last, with no space character between."""
    x = 72.0
    for word in words:
        spec.text(x, top, word, size=size)
        x += text_width(word, size) + gap


def _page_words(path) -> list[str]:
    with opened_pdf(path) as opened:
        return [w.text for w in next(iter_pages(opened)).words]


def test_words_set_without_space_characters_are_read_as_words(tmp_path):
    """A producer that places each word and prints no space: 10 pt words 2.6 pt apart (a quarter of
    the type size) came out as "Dererudarbejdetensåkaldt…", under pdfplumber's 3 pt."""
    spec = word_page(1)
    for k in range(3):
        _set_apart(spec, 100 + 14 * k, SENTENCE.split(), gap=2.6)
    words = _page_words(write_pdf(tmp_path / "no-spaces.pdf", [spec]))
    assert " ".join(words).count(SENTENCE) == 3


def test_letters_kerned_a_little_apart_stay_one_word(tmp_path):
    """Letters set one by one, 0.6 pt apart in 10 pt (loose tracking), and 1.2 pt apart in 3 pt
    type read as 0.8 pt wide spaces would be: one word each."""
    spec = word_page(1)
    x = 72.0
    for letter in "Ledelsesopbakning":
        spec.text(x, 100, letter, size=10)
        x += text_width(letter, 10) + 0.6
    _set_apart(spec, 130, list("Målopfyldelse"), gap=0.9, size=3.2)
    words = _page_words(write_pdf(tmp_path / "tracked.pdf", [spec]))
    assert "Ledelsesopbakning" in words and "Målopfyldelse" in words
