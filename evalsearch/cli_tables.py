"""The `tables` command: every goal row of the reports' goal tables as CSV, JSON or Excel.

A thin layer over reading the PDFs (``cli_reading``: files read before come
from the corpus), the goal-row
records (``extract.tables.records.goal_row_dicts``) and the row exports
(``corpus.export``). A file that cannot be read is reported like `extract`
does and the others go on (exit code 1 when any failed, 2 for a usage error).
Registered on the group in ``cli``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from evalsearch.cli_options import (
    check_excel, echo_summary, ensure_writable, excel_option, fail_output, fail_usage, format_option, jobs_option,
    output_format, password_option, paths_argument, sample_option, silent_option,
)
from evalsearch.corpus.export import FORMATS, export_rows, render_rows
from evalsearch.errors import OutputError, UsageError
from evalsearch.wording import count_label, reports_summary

#: the columns whose numbers the workbook holds as numbers ("240", "80 %"), so that they can be summed
NUMBER_COLUMNS = ("target", "status")
GOAL_KINDS = ("aktivitet", "resultat", "resultat_kort", "resultat_lang", "effekt", "oversigt")


def check_output(fmt: str, output: Path | None, excel: bool) -> None:
    """Reject option combinations that cannot work, naming the fix."""
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx writes a workbook file: give -o FILE.xlsx")
    check_excel(fmt, excel)


@click.command("tables")
@paths_argument
@sample_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: stdout; required for xlsx).")
@format_option(FORMATS, "csv",
               "csv: UTF-8 with a header row; json: a list of objects; xlsx: an Excel workbook with filters, "
               "numbers in target and status held as numbers.")
@click.option("--kind", type=click.Choice(GOAL_KINDS), default=None,
              help="Only the goal tables of this kind (resultat takes in resultat_kort and resultat_lang).")
@excel_option
@silent_option
@jobs_option
@password_option
def tables_command(
    paths: tuple[Path, ...],
    sample: bool,
    output: Path | None,
    fmt: str | None,
    kind: str | None,
    excel: bool,
    silent: bool,
    jobs: int | None,
    password: str | None,
) -> None:
    """Export the goal tables: one row per goal with its target, status and whether it was met.

    Columns: doc_id, project, table_label, caption, kind, page, row_id,
    indicator, target, status, assessment (opfyldt, delvis, ikke_opfyldt,
    ukendt) and achievement_pct (status as a percentage of target, where both
    are numbers). CSV and JSON go to stdout unless -o is given.

    Examples:

        evalsearch tables --sample

        evalsearch tables reports/ -o maal.xlsx

        evalsearch tables reports/ --excel -o maal.csv --kind effekt
    """
    from evalsearch.cli import input_paths
    from evalsearch.cli_reading import read_documents
    from evalsearch.extract.tables.records import GOAL_ROW_COLUMNS, goal_row_dicts

    try:
        fmt = output_format(fmt, output, FORMATS, "csv")
        pdfs = input_paths(paths, sample)
        check_output(fmt, output, excel)
    except UsageError as exc:
        fail_usage(exc)
    ensure_writable(output)
    documents, failed = read_documents(pdfs, "tables", silent, jobs, password)
    rows = [row for document in documents for row in goal_row_dicts(document, kind)]
    if output is not None:
        try:
            export_rows(output, rows, GOAL_ROW_COLUMNS, fmt, excel=excel, sheet="goal rows",  # type: ignore[arg-type]
                        numbers=NUMBER_COLUMNS)
        except OutputError as exc:
            fail_output(exc)
    else:
        text = render_rows(rows, GOAL_ROW_COLUMNS, fmt, excel=excel)  # type: ignore[arg-type]
        click.echo(text, nl=False)
    if documents:
        found = count_label(len(rows), "goal row", "goal rows") + (f" of kind {kind}" if kind else "")
        summary = reports_summary(found, [d.doc_id for d in documents], {row["doc_id"] for row in rows})
        echo_summary("tables", summary, output, silent)
    sys.exit(1 if failed else 0)
