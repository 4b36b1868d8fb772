"""The options, the usage-error exit and the output check that several commands share, declared once.

A module of its own (not ``cli``), because the command modules import it
while ``cli`` is still being built.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from evalsearch.errors import EvalsearchError, OutputError

sample_option = click.option("--sample", is_flag=True, help="Add the bundled sample corpus (four reports) to PATHS.")
silent_option = click.option("-s", "--silent", is_flag=True, help="Print no progress, only errors.")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Files read at once, each in its own process (default: the number of CPU cores).",
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
password_option = click.option("--password", default=None,
                               help="Password for encrypted PDFs (tried on every encrypted file of the run).")


def fail_output(exc: EvalsearchError) -> None:
    """Report an output that cannot be written and exit with code 1."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


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
