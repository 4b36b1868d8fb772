"""The options, the usage-error exit and the output check that several commands share, declared once.

A module of its own (not ``cli``), because the command modules import it
while ``cli`` is still being built.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from evalsearch.errors import EvalsearchError, OutputError, UsageError
from evalsearch.wording import one_of

sample_option = click.option("--sample", is_flag=True, help="Add the bundled sample corpus (four reports) to PATHS.")
silent_option = click.option("-s", "--silent", is_flag=True, help="Print no progress, only errors.")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Files read at once, each in its own process (default: the number of CPU cores).",
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
password_option = click.option("--password", default=None,
                               help="Password for encrypted PDFs (tried on every encrypted file of the run).")
index_dir_option = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), envvar="EVALSEARCH_INDEX",
    help="Index folder (default: 'index' in the user data dir; also read from $EVALSEARCH_INDEX).",
)
excel_option = click.option("--excel", is_flag=True,
                            help="CSV for Danish Excel: byte-order mark, ';' separators, ',' decimals.")


#: file endings that name a format by another name
_ENDINGS = {"txt": "text", "markdown": "md", "htm": "html"}
#: endings of formats that some evalsearch command or an office program writes: a command that
#: does not write the one named refuses it rather than put CSV into "figurer.pdf" (".txt" names
#: no format but plain text, which CSV and Markdown are)
_FILE_ENDING = {"text": "txt"}
_FORMAT_ENDINGS = {"csv", "json", "xlsx", "md", "html", "pdf", "docx", "doc", "odt", "xls", "ods", "rtf",
                   "pptx", "tsv", "xml"}


def format_option(choices: Sequence[str], default: str, help: str):
    """--format; left out, it is the one the -o file's name ends in, else ``default`` (``output_format``)."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=None,
                        help=f"{help}  [default: the ending of -o, else {default}]")


def output_format(fmt: str | None, output: Path | None, choices: Sequence[str], default: str) -> str:
    """The format asked for, or the one ``output``'s ending names ("maal.xlsx" → "xlsx"), or ``default``.

    >>> output_format(None, Path("maal.xlsx"), ("csv", "json", "xlsx"), "csv")
    'xlsx'
    >>> output_format("csv", Path("maal.txt"), ("csv", "json", "xlsx"), "csv")
    'csv'
    >>> output_format(None, Path("figurer.2023"), ("csv", "json"), "csv")
    'csv'

    Raises:
        UsageError: ``output`` ends in a format that is not one of ``choices`` ("figurer.pdf"),
            and no format is given; or in another format than the one given (``--format csv
            -o maal.xlsx`` would write CSV under a name that Excel opens as a workbook).
    """
    ending = output.suffix.lower().lstrip(".") if output is not None else ""
    ending = _ENDINGS.get(ending, ending)
    if fmt is not None:
        if ending != fmt and (ending in _FORMAT_ENDINGS or ending in choices):
            raise UsageError(f"-o {output.name} names {ending}, but --format {fmt} writes {fmt}; give a file name "
                             f"ending in .{_FILE_ENDING.get(fmt, fmt)}, or leave --format out")
        return fmt
    if ending in _FORMAT_ENDINGS and ending not in choices:
        context = click.get_current_context(silent=True)
        command = context.info_name if context is not None else "this command"
        excel = " (for Excel: -o FILE.csv --excel)" if ending in ("xlsx", "xls", "ods") and "csv" in choices else ""
        raise UsageError(f"-o {output.name}: {command} writes {one_of(list(choices))}, not {ending}; give a file "
                         f"name ending in {one_of([f'.{_FILE_ENDING.get(c, c)}' for c in choices])}{excel}")
    return ending if ending in choices else default


def check_excel(fmt: str, excel: bool) -> None:
    """Refuse --excel for a format other than CSV, naming the fix.

    Raises:
        UsageError: ``excel`` with a format that is not CSV.
    """
    if excel and fmt != "csv":
        raise UsageError(f"--excel applies to CSV only, and this run writes {fmt}; give --format csv "
                         "(or -o FILE.csv)")


def fail_output(exc: EvalsearchError) -> None:
    """Report an output that cannot be written and exit with code 1."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def echo_summary(command: str, summary: str, output: Path | None, silent: bool) -> None:
    """The last line of a command that writes records: what it found, and where it wrote them."""
    if not silent:
        click.echo(f"{command}: {summary}" + (f" written to {output}" if output is not None else ""), err=True)


def ensure_writable(output: Path | None, folder: bool = False) -> None:
    """End the command (exit code 1) before any PDF is read if ``output`` cannot be written."""
    from evalsearch.corpus.files import prepare_output

    if output is None:
        return
    try:
        prepare_output(output, folder)
    except OutputError as exc:
        fail_output(exc)


def fail_usage(exc: EvalsearchError) -> None:
    """Report a usage error (bad option value, no input) and exit with code 2."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
