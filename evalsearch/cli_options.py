"""The options and the usage-error exit that several commands share, declared once.

A module of its own (not ``cli``), because the command modules import it
while ``cli`` is still being built.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from evalsearch.errors import EvalsearchError

sample_option = click.option("--sample", is_flag=True, help="Add the bundled sample corpus (four reports) to PATHS.")
silent_option = click.option("-s", "--silent", is_flag=True, help="Print no progress, only errors.")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Files read at once, each in its own process (default: the number of CPU cores).",
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def fail_output(exc: EvalsearchError) -> None:
    """Report an output that cannot be written and exit with code 1."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def fail_usage(exc: EvalsearchError) -> None:
    """Report a usage error (bad option value, no input) and exit with code 2."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
