"""The evalsearch command line: a thin layer over the library.

Every ``EvalsearchError`` becomes a one-line message on stderr and a non-zero
exit code; no traceback reaches the user. Exit codes: 0 success, 1 some or
all inputs failed, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from evalsearch import __version__
from evalsearch.console import Progress
from evalsearch.corpus.batch import extract_paths
from evalsearch.corpus.files import find_pdfs, sample_corpus_dir, write_atomic
from evalsearch.errors import EvalsearchError, UsageError
from evalsearch.extract.render import document_to_text
from evalsearch.extract.settings import ExtractSettings

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def fail_usage(exc: EvalsearchError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="evalsearch")
def cli() -> None:
    """Structured records and Danish full-text search over evaluation reports (PDF).

    Example:

        evalsearch extract reports/ -o out/ --format json
    """


def input_paths(paths: tuple[Path, ...], sample: bool) -> list[Path]:
    """The PDFs named on the command line, or the bundled sample corpus with --sample."""
    if sample:
        paths = paths + (sample_corpus_dir(),)
    if not paths:
        raise UsageError("give at least one PDF file or directory, or --sample for the bundled sample corpus")
    pdfs = find_pdfs(paths)
    if not pdfs:
        raise UsageError(f"no PDF files found in {', '.join(map(str, paths))}")
    return pdfs


sample_option = click.option("--sample", is_flag=True, help="Add the bundled sample corpus (four reports) to PATHS.")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@sample_option
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Directory for one <doc_id>.json/.txt per PDF (default: print to stdout).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the record format of the gold SCHEMA; text: clean reading-order text.")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("-s", "--silent", is_flag=True, help="Print no progress, only errors.")
def extract(
    paths: tuple[Path, ...], sample: bool, output_dir: Path | None, fmt: str, password: str | None, silent: bool
) -> None:
    """Read evaluation PDFs into structured records.

    PATHS are PDF files or directories (every PDF below them). A file that
    cannot be read is reported on stderr with the reason, and the run goes on.

    Examples:

        evalsearch extract report.pdf --format text | less

        evalsearch extract reports/ -o out/ --format json

        evalsearch extract --sample --format text
    """
    try:
        pdfs = input_paths(paths, sample)
        settings = ExtractSettings.resolve({"password": password})
    except UsageError as exc:
        fail_usage(exc)
    failed = 0
    stdout_docs: list[str] = []
    with Progress(len(pdfs), "extract", silent=silent or output_dir is None and fmt == "text") as progress:
        for outcome in extract_paths(pdfs, settings):
            if outcome.error is not None:
                failed += 1
                progress.error(str(outcome.error) if outcome.error.path else f"{outcome.path.name}: {outcome.error}")
                progress.advance(outcome.path.name)
                continue
            doc = outcome.document
            assert doc is not None
            for item in doc.errors:
                where = f", page {item.page}" if item.page else ""
                progress.warning(f"{outcome.path.name}{where}: {item.message}")
            rendered = (
                json.dumps(doc.to_dict(), ensure_ascii=False, indent=1) if fmt == "json" else document_to_text(doc)
            )
            if output_dir is not None:
                write_atomic(output_dir / f"{doc.doc_id}.{'json' if fmt == 'json' else 'txt'}", rendered)
            else:
                stdout_docs.append(rendered)
            progress.advance(outcome.path.name, doc.source.pages)
        if not silent:
            click.echo(progress.summary(), err=True)
    for rendered in stdout_docs:
        click.echo(rendered)
    sys.exit(1 if failed else 0)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
