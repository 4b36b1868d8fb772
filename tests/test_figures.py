"""Figures: the shared corpus scored like score.py, figure text out of the flow, generated reports, the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evalsearch.cli import cli
from evalsearch.extract.figures import blocks_to_figures, figure_area
from evalsearch.extract.pipeline import extract_document
from evalsearch.model import Block, PageContent
from paths import DOC_IDS
from pdfgen import word_page, write_pdf
from scoring import score, text_match

figure_match = text_match(lambda record: f"{record.get('label') or ''} {record.get('caption') or ''}")


@pytest.fixture(scope="module")
def matched(gold, extracted_dicts):
    return {d: score.greedy_match(gold[d]["figures"], extracted_dicts[d]["figures"], figure_match) for d in DOC_IDS}


def test_figures_f1_on_the_shared_corpus(gold, extracted_dicts, matched):
    tp = sum(len(m) for m in matched.values())
    n_gold = sum(len(gold[d]["figures"]) for d in DOC_IDS)
    n_pred = sum(len(extracted_dicts[d]["figures"]) for d in DOC_IDS)
    f1, precision, recall = score.f1(tp, n_gold, n_pred)
    assert f1 >= 0.95, f"figures F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})"


@pytest.mark.parametrize("field", ["kind", "caption", "section", "source"])
def test_matched_figure_fields_equal_gold(matched, field):
    wrong = [(g["label"], g[field], p[field]) for pairs in matched.values() for g, p in pairs if g[field] != p[field]]
    assert not wrong


def test_vector_chart_labels_are_kept_on_the_figure(extracted):
    doc = extracted["tvaergaaende-evaluering-handicap-2021"]
    chart = next(f for f in doc.figures if f.label == "Figur 3-1")
    assert "8.423.178 kr." in chart.labels and "8.000.000" in chart.labels


def test_text_printed_inside_figures_leaves_the_paragraphs(extracted_dicts, extracted):
    paragraphs = [p["text"] for d in extracted_dicts.values() for p in d["paragraphs"]]
    assert not any(t.startswith(("Bliv skarp på brugen", "Har din medarbejder problemer", "8.423.178 kr")) for t in paragraphs)
    figure_text = [b for doc in extracted.values() for b in doc.blocks if b.role == "figure_text"]
    assert figure_text and all(b.page in {f.page for doc in extracted.values() for f in doc.figures} for b in figure_text)


def block(role, text, top, bottom, page=1):
    return Block(role=role, text=text, page=page, bbox=(72.0, top, 500.0, bottom), size=10.0)


def test_caption_below_a_picture_takes_the_picture_above():
    caption = block("caption", "Figur 2 Antal deltagere", 300, 312)
    assert figure_area(caption, [(72.0, 150.0, 500.0, 294.0), (72.0, 500.0, 500.0, 600.0)]) == (72.0, 150.0, 500.0, 294.0)


def test_a_picture_right_below_the_caption_wins_over_one_above():
    caption = block("caption", "Figur 3-4 Håndtering", 256, 276)
    assert figure_area(caption, [(72.0, 95.0, 455.0, 243.0), (72.0, 281.0, 455.0, 429.0)]) == (72.0, 281.0, 455.0, 429.0)


def test_a_shaded_table_under_its_own_caption_is_not_the_figures_picture():
    caption = block("caption", "Figur 2 Antal deltagere", 300, 312)
    table_caption = (72.0, 318.0, 500.0, 328.0)
    shaded_table = (72.0, 332.0, 500.0, 420.0)
    assert figure_area(caption, [shaded_table], other_captions=[table_caption]) is None
    assert figure_area(caption, [shaded_table]) == shaded_table


def test_chart_without_shapes_takes_the_short_lines_between_caption_and_source():
    blocks = [
        block("caption", "Figur 1 Beskæftigelse efter forløbet", 100, 110),
        block("paragraph", "Ordinært job", 120, 130),
        block("table", "40 %\n25 %", 135, 160),
        block("source", "Kilde: Projektets registreringer", 170, 178),
        block("paragraph", "Som det fremgår af figuren, er flere kommet i ordinært job end forventet ved start.", 190, 210),
    ]
    page = PageContent(number=1, width=595, height=842, words=())
    figures, out = blocks_to_figures(blocks, {1: page})
    assert [(f.label, f.kind, f.caption, f.source) for f in figures] == [
        ("Figur 1", "figur", "Beskæftigelse efter forløbet", "Kilde: Projektets registreringer")
    ]
    assert [b.role for b in out] == ["caption", "figure_text", "figure_text", "source", "paragraph"]
    assert figures[0].labels == ("Ordinært job", "40 %", "25 %")


def test_list_of_figures_entries_are_not_figures():
    blocks = [block("caption", "Figur 3-1 Deltagere i job ........ 12", 100, 110)]
    assert blocks_to_figures(blocks, {})[0] == []


@pytest.mark.parametrize("text, expected", [
    ("Figure 2-1: Deltagernes alder", ("Figure 2-1", "figur", "Deltagernes alder")),
    ("Fig. 3 Antal borgere i job", ("Fig. 3", "figur", "Antal borgere i job")),
    ("Foto 1 Projektets kontor i Aarhus", ("Foto 1", "billede", "Projektets kontor i Aarhus")),
])
def test_captions_from_an_english_template_or_with_short_words_are_figures(text, expected):
    figures, _ = blocks_to_figures([block("caption", text, 100, 110)], {})
    assert [(f.label, f.kind, f.caption) for f in figures] == [expected]


@pytest.fixture(scope="module")
def figure_report(tmp_path_factory):
    """A Word-style report: a grey chart with printed labels, its caption below it and a source line."""
    pages = [word_page(n) for n in range(1, 4)]
    p = pages[0]
    p.text(72, 70, "1 Resultater", size=14, bold=True)
    p.text(72, 100, "Projektet har fået flere borgere i job end forventet, som figuren nedenfor viser for")
    p.text(72, 113, "de to år, projektet har kørt, og for begge kommuner, der har deltaget i projektet.")
    p.fill(72, 140, 400, 260)
    p.text(90, 160, "Borgere i job", size=8).text(250, 160, "Borgere i praktik", size=8)
    p.text(90, 240, "2019", size=8).text(250, 240, "2020", size=8)
    p.text(72, 266, "Figur 1-1", bold=True).text(120, 266, "Deltagere i job og praktik")
    p.text(72, 281, "Kilde: Projektets registreringer", size=8)
    p.text(72, 305, "Billede 1-2", bold=True).text(130, 305, "Forsiden af pjecen")
    p.fill(72, 322, 300, 420)
    p.text(72, 440, "Teksten fortsætter her efter billedet med almindelige sætninger om projektet og dets")
    p.text(72, 453, "resultater, som ikke hører til figuren eller billedet ovenfor på siden.")
    for n in (2, 3):
        pages[n - 1].text(72, 70, f"Tekst på side {n}: projektet har haft et godt samarbejde med virksomhederne.")
    return write_pdf(tmp_path_factory.mktemp("figures") / "figur-rapport.pdf", pages)


def test_generated_report_figures(figure_report):
    doc = extract_document(figure_report)
    assert [(f.label, f.kind, f.caption, f.source, f.section, f.page) for f in doc.figures] == [
        ("Figur 1-1", "figur", "Deltagere i job og praktik", "Kilde: Projektets registreringer", "1", 1),
        ("Billede 1-2", "billede", "Forsiden af pjecen", None, "1", 1),
    ]
    assert doc.figures[0].labels == ("Borgere i job", "Borgere i praktik", "2019", "2020")
    paragraphs = [b.text for b in doc.blocks if b.role == "paragraph"]
    assert not any("Borgere i job" in t for t in paragraphs)
    assert any(t.startswith("Teksten fortsætter her") for t in paragraphs)


def test_cli_figures_csv(figure_report):
    result = CliRunner().invoke(cli, ["figures", str(figure_report), "-s"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "doc_id,title,label,kind,caption,source,page,section,labels",
        f"figur-rapport,{extract_document(figure_report).title or ''},Figur 1-1,figur,Deltagere i job og praktik,"
        "Kilde: Projektets registreringer,1,1,Borgere i job | Borgere i praktik | 2019 | 2020",
        f"figur-rapport,{extract_document(figure_report).title or ''},Billede 1-2,billede,Forsiden af pjecen,,1,1,",
    ]


def test_cli_figures_json_to_file(figure_report, tmp_path):
    out = tmp_path / "figurer.json"
    result = CliRunner().invoke(cli, ["figures", str(figure_report), "--format", "json", "-o", str(out), "-s"])
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["doc_id"], r["label"], r["labels"]) for r in rows] == [
        ("figur-rapport", "Figur 1-1", ["Borgere i job", "Borgere i praktik", "2019", "2020"]),
        ("figur-rapport", "Billede 1-2", []),
    ]


def test_cli_figures_reports_a_bad_file_and_goes_on(figure_report, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a pdf")
    result = CliRunner().invoke(cli, ["figures", str(figure_report), str(bad), "-s"])
    assert result.exit_code == 1
    assert "error: broken.pdf: not a PDF (no %PDF header)" in result.stderr
    assert "Figur 1-1" in result.stdout


def test_cli_figures_without_paths_is_a_usage_error():
    result = CliRunner().invoke(cli, ["figures"])
    assert result.exit_code == 2
    assert result.stderr == "error: give at least one PDF file or directory, or --sample for the bundled sample corpus\n"
