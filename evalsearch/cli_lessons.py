"""The `lessons` and `figures` commands: a thin layer over extraction and ``corpus.catalogue``.

`lessons` reads the PDFs (through the corpus, ``cli_reading``) and prints the lessons catalogue (near-duplicates
merged, grouped by theme) as Markdown, one self-contained HTML page, CSV or
JSON. `figures` lists the captioned figures of the PDFs as CSV or JSON. Both
report a file that cannot be read like `extract` does and go on with the
others (exit code 1 when any failed, 2 for a usage error). Registered on the
group in ``cli``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from evalsearch.cli_options import (
    check_excel, echo_summary, ensure_writable, excel_option, fail_output, fail_usage, format_option, jobs_option,
    output_format, password_option, paths_argument, sample_option, silent_option,
)
from evalsearch.corpus.export import rows_to_csv
from evalsearch.corpus.files import write_output
from evalsearch.errors import OutputError, UsageError
from evalsearch.model import Document
from evalsearch.wording import count_label, reports_summary

CATALOGUE_FORMATS = ("md", "html", "csv", "json")
FIGURE_COLUMNS = ("doc_id", "title", "label", "kind", "caption", "source", "page", "section", "labels")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        write_output(output, text)
    except OutputError as exc:
        fail_output(exc)


def _paths_option(func):
    return paths_argument(sample_option(silent_option(jobs_option(password_option(func)))))


@click.command("lessons")
@_paths_option
@click.option("--theme", default=None,
              help="Only the lessons of this theme: a name from the taxonomy, or a part that names one ('ledelse').")
@click.option("--themes", "themes_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A theme taxonomy (TOML) to use instead of the shipped one.")
@format_option(CATALOGUE_FORMATS, "md",
               "md: Markdown; html: one self-contained page with a filter box; csv: one row per source; json.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the catalogue to this file (default: stdout).")
@excel_option
def lessons_command(
    paths: tuple[Path, ...], sample: bool, silent: bool, jobs: int, password: str | None, theme: str | None,
    themes_file: Path | None, fmt: str | None, output: Path | None, excel: bool,
) -> None:
    """Build the lessons catalogue: every lesson learned, near-duplicates merged, grouped by theme.

    Each lesson is shown with the report title, project, page and section it
    comes from; a lesson repeated in several reports is listed once with all of
    them. Themes come from a Danish taxonomy (evalsearch/data/themes.toml);
    pass your own with --themes.

    Examples:

        evalsearch lessons --sample -o erfaringer.html

        evalsearch lessons reports/ --theme "ledelse og opbakning"

        evalsearch lessons reports/ --excel -o erfaringer.csv
    """
    from evalsearch.cli import input_paths
    from evalsearch.cli_reading import read_documents
    from evalsearch.corpus.catalogue import (
        build_catalogue, catalogue_to_csv, catalogue_to_json, catalogue_to_markdown, resolve_theme,
    )
    from evalsearch.corpus.catalogue_html import catalogue_to_html
    from evalsearch.danish.themes import default_themes, load_themes

    try:
        fmt = output_format(fmt, output, CATALOGUE_FORMATS, "md")
        pdfs = input_paths(paths, sample)
        check_excel(fmt, excel)
        taxonomy = load_themes(themes_file) if themes_file is not None else None
        wanted = resolve_theme(theme, taxonomy or default_themes()) if theme is not None else None
    except UsageError as exc:
        fail_usage(exc)
    ensure_writable(output)
    documents, failed = read_documents(pdfs, "lessons", silent, jobs, password)
    catalogue = build_catalogue(documents, taxonomy)
    if wanted is not None:
        catalogue = catalogue.only_theme(wanted)
    if fmt == "csv":
        _emit(catalogue_to_csv(catalogue, excel=excel), output)
    else:
        render = {"md": catalogue_to_markdown, "html": catalogue_to_html, "json": catalogue_to_json}
        _emit(render[fmt](catalogue), output)
    if documents:
        found = count_label(len(catalogue.entries), "lesson", "lessons") + (f" of theme {wanted!r}" if wanted else "")
        echo_summary("lessons", reports_summary(found, list(catalogue.read), set(catalogue.documents)), output, silent)
    sys.exit(1 if failed else 0)


FIGURE_FORMATS = ("csv", "json")


def figures_to_rows(documents: list[Document]) -> list[dict]:
    """One dict per figure: the report it stands in, then the figure's fields."""
    rows = []
    for doc in documents:
        for figure in doc.figures:
            rows.append({"doc_id": doc.doc_id, "title": doc.title} | figure.to_dict())
    return rows


@click.command("figures")
@_paths_option
@format_option(FIGURE_FORMATS, "csv", "csv: one row per figure (labels joined by ' | '); json: a list of figures.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the list to this file (default: stdout).")
@excel_option
def figures_command(
    paths: tuple[Path, ...], sample: bool, silent: bool, jobs: int, password: str | None, fmt: str | None,
    output: Path | None, excel: bool,
) -> None:
    """List the captioned figures of the reports: label, kind, caption, source line, page and chart labels.

    Examples:

        evalsearch figures --sample

        evalsearch figures reports/ -o figures.json
    """
    from evalsearch.cli import input_paths
    from evalsearch.cli_reading import read_documents

    try:
        fmt = output_format(fmt, output, FIGURE_FORMATS, "csv")
        pdfs = input_paths(paths, sample)
        check_excel(fmt, excel)
    except UsageError as exc:
        fail_usage(exc)
    ensure_writable(output)
    documents, failed = read_documents(pdfs, "figures", silent, jobs, password)
    rows = figures_to_rows(documents)
    if fmt == "csv":
        text = rows_to_csv(rows, FIGURE_COLUMNS, excel=excel)
    else:
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    _emit(text, output)
    if documents:
        summary = reports_summary(count_label(len(rows), "figure", "figures"), [d.doc_id for d in documents],
                                  {row["doc_id"] for row in rows})
        echo_summary("figures", summary, output, silent)
    sys.exit(1 if failed else 0)
