"""The Danish theme taxonomy: matching on lemmas and compound parts, the TOML file, every gold lesson themed."""

from __future__ import annotations

import re

import pytest

from evalsearch.danish.themes import default_themes, load_themes, theme_names, theme_scores, themes_of
from evalsearch.errors import UsageError
from paths import DOC_IDS

LEDELSE = "ledelse og opbakning"


@pytest.mark.parametrize(
    "text, theme",
    [
        ("Det kræver ledelsesopbakning.", LEDELSE),
        ("Lederne bakker op om projektet.", LEDELSE),
        ("Lederne bakker ikke op om projektet.", LEDELSE),
        ("Der skal være ledelsesmæssig opbakning til projektet.", LEDELSE),
        ("Chefniveauet skal inddrages fra start.", LEDELSE),
        ("Samarbejdet med jobcentrene om visitationen har været svært.", "samarbejde med jobcentret"),
        ("Virksomhedskonsulenterne skal kende borgerne.", "virksomhedssamarbejde"),
        ("Det har taget lang tid at rekruttere deltagere fra målgruppen.", "målgruppe og rekruttering"),
        ("Indsatsen er blevet forankret i driften.", "forankring"),
        ("Samarbejdsaftalen skal beskrive rolle- og ansvarsfordelingen.", "organisering og styring"),
        ("Kompetenceudviklingsforløbet gav medarbejderne ny viden.", "kompetenceudvikling"),
        ("De frivillige mentorer og de pårørende har været en støtte.", "frivillige og pårørende"),
        ("Det tværfaglige samarbejde mellem afdelingerne har styrket indsatsen.", "tværfagligt samarbejde"),
        ("Indsatsen skal være helhedsorienteret, individuel og fleksibel.", "tilrettelæggelse af indsatsen"),
        ("Handicapnøglepersonerne kender de handicapkompenserende ordninger.", "handicapkompenserende ordninger"),
    ],
)
def test_theme_of_wording(text, theme):
    assert themes_of(text)[0] == theme


def test_no_theme_for_unrelated_text():
    assert themes_of("Vejret var godt i sommer.") == ()


def test_themes_are_strongest_first_and_limited():
    text = "Lederne bakker op, og ledelsen har sikret opbakning, men virksomhederne savner kontakt."
    scores = theme_scores(text)
    found = themes_of(text)
    assert found[0] == LEDELSE
    assert [scores[t] for t in found] == sorted((scores[t] for t in found), reverse=True)
    assert len(themes_of(text, limit=1)) == 1


def test_taxonomy_is_danish_data_with_unique_names():
    names = theme_names()
    assert len(names) == len(set(names)) >= 8
    assert LEDELSE in names and "samarbejde med jobcentret" in names
    assert all(t.terms and t.description for t in default_themes())


def test_a_user_taxonomy_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "temaer.toml"
    path.write_text('[[theme]]\nname = "økonomi"\ndescription = "Penge"\nterms = ["budget", "bevilling"]\n', encoding="utf-8")
    themes = load_themes(path)
    assert themes_of("Projektets budget blev overskredet.", themes) == ("økonomi",)
    assert themes_of("Lederne bakker op.", themes) == ()


@pytest.mark.parametrize(
    "content, message",
    [
        ("name = 'x'", "no [[theme]] tables"),
        ("[[theme]]\nterms = ['a']\n", "theme 1 has no 'name'"),
        ("[[theme]]\nname = 'a'\n", "theme 'a' needs 'terms'"),
        ("[[theme]]\nname = 'a'\nterms = ['x']\nword = 1\n", "unknown key 'word'"),
        ("[[theme]]\nname = 'a'\nterms = ['x']\n[[theme]]\nname = 'a'\nterms = ['y']\n", "defined twice"),
        ("[[theme]]\nname = 'Ledelse'\nterms = ['x']\n[[theme]]\nname = 'ledelse '\nterms = ['y']\n", "defined twice"),
        ("[[theme]]\nname = 'Øvrige erfaringer'\nterms = ['x']\n", "kept for the lessons of no theme"),
        ("[[theme]]\nname = 'a'\nterms = ['ledelse', '*']\n", "the term '*', which holds no word"),
        ("[[theme]\n", "cannot be read"),
    ],
)
def test_bad_theme_files_are_usage_errors(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(message)):
        load_themes(path)


def test_missing_theme_file(tmp_path):
    with pytest.raises(UsageError, match="theme file not found"):
        load_themes(tmp_path / "none.toml")


def gold_lessons(gold):
    return [(doc_id, lesson) for doc_id in DOC_IDS for lesson in gold[doc_id]["lessons"]]


def test_every_gold_lesson_has_a_theme(gold):
    unthemed = [l["text"][:80] for _, l in gold_lessons(gold) if not themes_of(l["text"], heading=l["heading"])]
    assert not unthemed


#: management and its backing or involvement, in the same sentence
MANAGEMENT_BACKING = re.compile(
    r"ledelsesopbakning|lederopbakning|ledelsesmæssig\w*\s+(?:opbakning|involvering|forankring)"
    r"|\b(?:ledelse\w*|leder\w*|chef\w*)\b[^.]{0,80}?\b(?:opbakning|bakker op|med fra start|inddrag\w*|involver\w*)"
    r"|\b(?:opbakning|bakker op)\b[^.]{0,60}?\b(?:ledelse\w*|leder\w*)",
    re.IGNORECASE,
)


def test_management_backing_lessons_land_in_ledelse_og_opbakning_in_three_documents(gold):
    """Gold lessons that speak of management and backing, in at least three reports, carry the theme."""
    backing = [(d, l) for d, l in gold_lessons(gold) if MANAGEMENT_BACKING.search(l["text"])]
    themed = [(d, l) for d, l in backing if LEDELSE in themes_of(l["text"], limit=3, heading=l["heading"])]
    assert len({d for d, _ in themed}) >= 3
    assert len(themed) == len(backing), [l["text"][:70] for d, l in backing if (d, l) not in themed]
