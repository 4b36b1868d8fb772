"""The lessons catalogue: near-duplicate clustering, theme groups, the renderings and the `lessons` command."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.corpus.catalogue import (
    CSV_COLUMNS,
    build_catalogue,
    catalogue_to_csv,
    catalogue_to_json,
    catalogue_to_markdown,
    cluster_texts,
    resolve_theme,
    summary_line,
    theme_counts,
)
from evalsearch.corpus.catalogue_html import catalogue_to_html
from evalsearch.danish.themes import UNTHEMED, Theme, default_themes
from evalsearch.errors import UsageError
from evalsearch.model import Document, Lesson, Project, Source
from pdfgen import PageSpec, text_report, write_pdf

LEDELSE = "ledelse og opbakning"
BACKING = "Det er vigtigt at have ledelsen i de deltagende kommuner med fra start, så de opnår ejerskab til projektet."


def document(doc_id: str, lessons: list[tuple[str, int]], project: str | None = "Aktiv i job") -> Document:
    doc = Document(doc_id=doc_id, source=Source(f"/reports/{doc_id}.pdf", "0" * 64, 20), title=f"Evaluering {doc_id}")
    doc.projects = [Project(name=project)] if project else []
    from evalsearch.danish.themes import themes_of

    doc.lessons = [
        Lesson(text, "4.1", "Samarbejdet", None, page, True, themes_of(text, limit=3)) for text, page in lessons
    ]
    return doc


@pytest.fixture(scope="module")
def small():
    return build_catalogue([
        document("midtvejs", [(BACKING, 5), ("De frivillige mentorer har været en stor støtte for borgerne i praktik.", 6)]),
        document("slut", [(BACKING.replace("vigtigt", "afgørende"), 9)]),
        document("vejr", [("Vejret har været godt hele sommeren igennem.", 2)], project=None),
    ])


def test_near_duplicates_are_one_entry_with_every_source(small):
    entry = next(e for e in small.entries if "ledelsen" in e.text)
    assert [(s.doc_id, s.page) for s in entry.sources] == [("midtvejs", 5), ("slut", 9)]
    assert entry.themes[0] == LEDELSE
    assert len(small.entries) == 3


def test_a_restated_and_extended_lesson_joins_the_shorter_one():
    longer = BACKING + " Det gælder både den overordnede ledelse og lederen af den afdeling, hvor projektet er forankret."
    assert cluster_texts([BACKING, longer, "Borgerne skal motiveres."]) == [[0, 1], [2]]


def test_short_lessons_are_not_swallowed_by_longer_ones():
    assert cluster_texts(["Tid er afgørende.", "Tid er afgørende for at opbygge tillid til borgerne i projektet."]) == [[0], [1]]


def test_theme_groups_and_other(small):
    groups = {name: [e.text for e in entries] for name, _, entries in small.by_theme()}
    longest = BACKING.replace("vigtigt", "afgørende")  # an entry shows its longest wording
    assert groups[LEDELSE] == [longest]
    assert groups[UNTHEMED] == ["Vejret har været godt hele sommeren igennem."]
    assert theme_counts(small)[UNTHEMED] == 1
    assert [e.text for e in small.only_theme("Ledelse og Opbakning").entries] == [longest]


def test_unknown_theme_lists_the_themes():
    with pytest.raises(UsageError) as err:
        resolve_theme("økonomi", default_themes())
    assert str(err.value).startswith("no theme 'økonomi' in the theme list; it holds: ledelse og opbakning, samarbejde")
    assert resolve_theme("ledelse", default_themes()) == "ledelse og opbakning"
    with pytest.raises(UsageError, match=r"\(did you mean 'forankring'\?\)"):
        resolve_theme("forankrng", default_themes())


def test_json_rendering(small):
    data = json.loads(catalogue_to_json(small))
    assert data["documents"] == ["midtvejs", "slut", "vejr"]
    assert {t["theme"]: t["count"] for t in data["themes"]} == theme_counts(small)
    entry = data["lessons"][0]
    assert entry["sources"][0]["link"] == "file:///reports/midtvejs.pdf#page=5"
    assert entry["sources"][0]["project"] == "Aktiv i job"


def test_csv_rendering_has_one_row_per_source(small):
    rows = list(csv.DictReader(io.StringIO(catalogue_to_csv(small))))
    assert len(rows) == sum(len(e.sources) for e in small.entries)
    assert rows[0]["doc_id"] == "midtvejs" and rows[0]["page"] == "5" and rows[0]["in_lessons_chapter"] == "ja"


def test_markdown_rendering(small):
    md = catalogue_to_markdown(small)
    assert md.startswith("# Erfaringskatalog\n\n3 erfaringer fra 3 rapporter.\n\n## Temaer\n")
    assert f"- [{LEDELSE}](#ledelse-og-opbakning) (1)" in md
    assert "  - *Evaluering midtvejs* (Aktiv i job), s. 5, afsnit 4.1 Samarbejdet — [PDF](file:///reports/midtvejs.pdf#page=5)" in md


def test_themes_whose_names_read_alike_get_anchors_of_their_own():
    themes = (
        Theme("Ledelse & opbakning", "", ("ledelse",)),
        Theme("Ledelse opbakning", "", ("frivillig",)),
        Theme("Temaer", "", ("vejr",)),
    )
    catalogue = build_catalogue(
        [document("midtvejs", [(BACKING, 5), ("De frivillige mentorer har været en stor støtte.", 6), ("Vejret var godt.", 2)])],
        themes,
    )
    md = catalogue_to_markdown(catalogue)
    assert "- [Ledelse & opbakning](#ledelse--opbakning) (1)" in md  # the anchor GitHub gives the heading
    assert "- [Ledelse opbakning](#ledelse-opbakning) (1)" in md
    assert "- [Temaer](#temaer-1) (1)" in md  # "## Temaer" above the index is the first of that name
    ids = re.findall(r'<section class="theme" id="([^"]+)"', catalogue_to_html(catalogue))
    assert len(ids) == len(set(ids)) == 3


def test_markdown_shows_marks_in_theme_names_and_lessons_as_written():
    """A theme named "<b>Ledelse</b>" rendered as HTML in the Markdown catalogue, and "*" in a
    lesson as emphasis; the HTML catalogue escaped them already."""
    themes = (Theme("<b>Ledelse</b>", "Ledelsens *rolle*", ("ledelse",)),)
    lesson = "Det er vigtigt, at *ledelsen* bakker op [jf. afsnit 4]."
    md = catalogue_to_markdown(build_catalogue([document("midtvejs", [(lesson, 5)])], themes))
    assert "## \\<b\\>Ledelse\\</b\\>\n" in md
    assert "- [\\<b\\>Ledelse\\</b\\>](#bledelseb) (1)" in md  # GitHub's anchor of the heading as shown
    assert "_Ledelsens \\*rolle\\*_" in md
    assert "- Det er vigtigt, at \\*ledelsen\\* bakker op \\[jf. afsnit 4\\]." in md


def test_corpus_catalogue_holds_management_backing_from_three_reports(extracted):
    catalogue = build_catalogue(extracted.values())
    backing = catalogue.only_theme(LEDELSE)
    assert len({s.doc_id for e in backing.entries for s in e.sources}) >= 3


def test_corpus_catalogue_merges_a_lesson_repeated_by_the_cross_project_report(extracted):
    catalogue = build_catalogue(extracted.values())
    entry = next(e for e in catalogue.entries if e.text.startswith("Det er helt centralt, at alle, der har virksomhedskontakt"))
    assert {s.doc_id for s in entry.sources} == {
        "kompensation-til-flere-slutevaluering-2018", "tvaergaaende-evaluering-handicap-2021"
    }
    assert sum(len(e.sources) for e in catalogue.entries) == sum(len(d.lessons) for d in extracted.values())


# --- the `lessons` command ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A small Word-style report with a lessons chapter."""
    pages = []
    for n in range(1, 4):
        page = PageSpec()
        page.text(72, 30, "Evaluering af projekt Aktiv i job", size=8)
        page.text(280, 805, f"Side {n}", size=8)
        pages.append(page)
    p = pages[0]
    p.text(72, 70, "1 Erfaringer og læringer", size=14, bold=True)
    p.text(72, 100, "Nedenfor har vi samlet de vigtigste erfaringer og læringer fra projektet og dets forløb")
    p.text(72, 113, "i de tre kommuner, der har deltaget i hele projektperioden.")
    p.text(72, 140, "Det er vigtigt, at lederne bakker op om projektet fra start, så medarbejderne får tid")
    p.text(72, 153, "til at deltage i forløbene og til at bruge det, de har lært, i det daglige arbejde.")
    p.text(72, 180, "Det er projektets erfaring, at de frivillige mentorer har været en stor støtte for borgerne,")
    p.text(72, 193, "især i den første tid i praktik, hvor meget er nyt for dem.")
    for n in (2, 3):
        pages[n - 1].text(72, 70, f"Side {n} handler om projektets resultater og om de borgere, der er kommet i job.")
    return write_pdf(tmp_path_factory.mktemp("catalogue") / "aktiv-i-job.pdf", pages)


def test_cli_lessons_markdown(report):
    result = CliRunner().invoke(cli, ["lessons", str(report), "-s"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Erfaringskatalog\n\n2 erfaringer fra 1 rapport.\n\n## Temaer\n")
    assert "- Det er vigtigt, at lederne bakker op om projektet fra start" in result.stdout
    assert f"- [{LEDELSE}](#ledelse-og-opbakning) (1)" in result.stdout
    assert "- [frivillige og pårørende](#frivillige-og-pårørende) (1)" in result.stdout


def test_cli_lessons_one_theme_as_json_to_a_file(report, tmp_path):
    out = tmp_path / "ledelse.json"
    args = ["lessons", str(report), "--theme", "Ledelse og opbakning", "--format", "json", "-o", str(out), "-s"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [t["theme"] for t in data["themes"]][0] == LEDELSE
    assert [e["sources"][0]["page"] for e in data["lessons"]] == [1]


def test_cli_lessons_and_figures_end_with_what_they_found_and_where(report, tmp_path):
    """Written to a file, a catalogue of no lessons looked like one of many; the last line tells."""
    plain = text_report(tmp_path / "notat.pdf", ["Et notat uden erfaringer."])
    out = tmp_path / "erfaringer.md"
    result = CliRunner().invoke(cli, ["lessons", str(report), str(plain), "-o", str(out), "--jobs", "1"])
    assert result.stderr.splitlines()[-1] == f"lessons: 2 lessons from 1 of 2 reports (none in notat) written to {out}"
    result = CliRunner().invoke(cli, ["lessons", str(report), "--theme", "frivillige"])
    assert result.stderr.splitlines()[-1] == "lessons: 1 lesson of theme 'frivillige og pårørende' from 1 report"
    result = CliRunner().invoke(cli, ["figures", str(report)])
    assert result.stderr.splitlines()[-1] == "figures: 0 figures from 0 of 1 report (none in aktiv-i-job)"
    assert CliRunner().invoke(cli, ["figures", str(report), "-s"]).stderr == ""


def test_cli_lessons_and_figures_take_the_format_from_the_output_name(report, tmp_path):
    page = tmp_path / "erfaringer.html"
    assert CliRunner().invoke(cli, ["lessons", str(report), "-s", "-o", str(page)]).exit_code == 0
    assert page.read_text().lstrip().lower().startswith("<!doctype html")
    figures = tmp_path / "figurer.json"
    assert CliRunner().invoke(cli, ["figures", str(report), "-s", "-o", str(figures)]).exit_code == 0
    assert isinstance(json.loads(figures.read_text()), list)


def test_cli_lessons_with_a_user_taxonomy(report, tmp_path):
    taxonomy = tmp_path / "temaer.toml"
    taxonomy.write_text('[[theme]]\nname = "mentorer"\ndescription = "Mentorer"\nterms = ["mentor"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["lessons", str(report), "--themes", str(taxonomy), "--format", "csv", "-s"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["themes"] for r in rows] == ["", "mentorer"]


def test_cli_lessons_and_figures_write_csv_for_danish_excel(report, tmp_path):
    """Excel with Danish settings reads a CSV as Windows-1252 without a byte-order mark: "på" became "pÃ¥"."""
    catalogue = tmp_path / "erfaringer.csv"
    assert CliRunner().invoke(cli, ["lessons", str(report), "-s", "--excel", "-o", str(catalogue)]).exit_code == 0
    data = catalogue.read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [r["page"] for r in rows] == ["1", "1"]
    assert rows[0]["text"].startswith("Det er vigtigt, at lederne bakker op om projektet")
    figures = CliRunner().invoke(cli, ["figures", str(report), "-s", "--excel"])
    assert figures.exit_code == 0
    assert figures.stdout.startswith("\ufeffdoc_id;title;label;")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--excel", "--format", "html"],
         "error: --excel applies to CSV only, and this run writes html; give --format csv (or -o FILE.csv)\n"),
        (["--theme", "økonomi"], "error: no theme 'økonomi' in the theme list; it holds: ledelse og opbakning, "),
        (["--themes", "/no/such/temaer.toml"], "error: theme file not found: /no/such/temaer.toml\n"),
    ],
)
def test_cli_lessons_usage_errors(report, args, message):
    result = CliRunner().invoke(cli, ["lessons", str(report), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_cli_lessons_reports_a_bad_file_and_goes_on(report, tmp_path):
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["lessons", str(report), str(empty), "--format", "json", "-s"])
    assert result.exit_code == 1
    assert "error: tom.pdf: empty file" in result.stderr
    assert json.loads(result.stdout)["documents"] == ["aktiv-i-job"]


def test_one_lesson_of_one_report_is_counted_in_the_singular():
    from evalsearch.corpus.catalogue_html import catalogue_to_html

    one = build_catalogue([document("en", [(BACKING, 3)])])
    assert catalogue_to_markdown(one).startswith("# Erfaringskatalog\n\n1 erfaring fra 1 rapport.\n")
    assert "Ordnet efter tema: 1 erfaring fra 1 rapport." in catalogue_to_html(one)


def test_an_empty_catalogue_renders_in_every_format():
    from evalsearch.corpus.catalogue_html import catalogue_to_html

    empty = build_catalogue([document("tom", [])])
    assert "Ingen erfaringer fundet." in catalogue_to_html(empty)
    assert catalogue_to_markdown(empty).startswith("# Erfaringskatalog\n\n0 erfaringer fra 0 af 1 rapport; "
                                                   "ingen fundet i: tom.")
    assert json.loads(catalogue_to_json(empty)) == {"theme": None, "documents": [], "without_lessons": ["tom"],
                                                    "themes": [], "lessons": []}
    assert "## Temaer" not in catalogue_to_markdown(empty)  # a heading over nothing
    assert catalogue_to_csv(empty).splitlines() == [",".join(CSV_COLUMNS)]


def test_the_summary_names_the_reports_read_that_gave_no_lesson():
    """A folder of reports without lessons said "0 erfaringer fra 0 rapporter", as if none was read."""
    reports = [document("en", [(BACKING, 3)])] + [document(f"tom-{n}", []) for n in range(1, 8)]
    assert summary_line(build_catalogue(reports)) == (
        "1 erfaring fra 1 af 8 rapporter; ingen fundet i: tom-1, tom-2, tom-3, tom-4, tom-5 og 2 andre")
    one_theme = build_catalogue(reports[:2]).only_theme("frivillige og pårørende")
    # "en" holds a lesson, only of another theme: "ingen fundet i: en" said it held none
    assert summary_line(one_theme) == ('0 erfaringer under temaet "frivillige og pårørende" fra 0 af 2 rapporter; '
                                       "ingen under temaet i: en, tom-1")
    assert json.loads(catalogue_to_json(one_theme))["theme"] == "frivillige og pårørende"


def test_one_theme_is_listed_under_that_theme_only(extracted):
    from evalsearch.corpus.catalogue import build_catalogue, catalogue_to_markdown

    catalogue = build_catalogue(list(extracted.values())).only_theme("ledelse og opbakning")
    markdown = catalogue_to_markdown(catalogue)
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == ["## Temaer", "## ledelse og opbakning"]
    assert len(catalogue.entries) >= 3
