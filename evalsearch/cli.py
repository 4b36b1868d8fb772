"""The evalsearch command line: a thin layer over the library.

Every ``EvalsearchError`` becomes a one-line message on stderr and a non-zero
exit code; no traceback reaches the user. Exit codes: 0 success, 1 some or
all inputs failed, 2 usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from evalsearch import __version__
from evalsearch.cli_options import (
    ensure_writable, fail_usage, format_option, index_dir_option, jobs_option, output_format, password_option,
    paths_argument, sample_option, silent_option,
)
from evalsearch.console import Progress, steady_streams
from evalsearch.corpus.files import find_pdfs, sample_corpus_dir, write_output
from evalsearch.corpus.pool import DEFAULT_TIME_LIMIT
from evalsearch.errors import CorpusError, UsageError
from evalsearch.wording import count_label

if TYPE_CHECKING:
    from evalsearch.corpus.batch import Outcome

# The reading pipeline (pdfplumber, the Danish lexicon, spaCy) is imported inside the commands
# that read PDFs, so that `evalsearch search` starts without it.

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def quiet_library_logs() -> None:
    """Keep the PDF libraries' log chatter ("Refusing to execute circular reference ...") off stderr.

    Every problem that matters reaches the user as an error or warning of its file.
    """
    for name in ("pdfminer", "pdfplumber", "pypdfium2", "evalsearch"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="evalsearch")
def cli() -> None:
    """Structured records and Danish full-text search over evaluation reports (PDF).

    Example:

        evalsearch extract reports/ -o out/ --format json
    """
    steady_streams()
    quiet_library_logs()


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


corpus_option = click.option(
    "--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Corpus folder: the manifest and the stored records, so that unchanged files are not read again "
    "(default: 'corpus' in the user data dir).",
)


def batch_options(func):
    """--jobs, --time-limit and --force: how a bulk run over many files goes."""
    func = click.option("--force", is_flag=True, help="Extract every file again, even those unchanged since the last run.")(func)
    func = click.option(
        "--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT, show_default=True,
        help="Seconds one file may take; a file that takes longer is stopped and reported (0: no limit).",
    )(func)
    return jobs_option(func)


@cli.command()
@paths_argument
@sample_option
@click.option("-o", "--output", "output_dir", type=click.Path(path_type=Path),
              help="Directory for one <doc_id>.json/.txt per PDF; for one PDF, also a file name ending in "
                   ".json or .txt (default: print to stdout; in JSON, one record for one named "
                   "file, else a list).")
@format_option(("json", "text"), "json", "json: the record format of the gold SCHEMA; text: clean reading-order text.")
@password_option
@silent_option
@corpus_option
@batch_options
def extract(
    paths: tuple[Path, ...],
    sample: bool,
    output_dir: Path | None,
    fmt: str | None,
    password: str | None,
    silent: bool,
    corpus_dir: Path | None,
    jobs: int | None,
    time_limit: float,
    force: bool,
) -> None:
    """Read evaluation PDFs into structured records.

    PATHS are PDF files or directories (every PDF below them). A file that
    cannot be read is reported on stderr with the reason, and the run goes on.
    Files are read in parallel (--jobs) and every finished file is kept in the
    corpus (--corpus): a file unchanged since the last run is not read again,
    and a run stopped with Ctrl-C goes on where it stopped when run again.

    Examples:

        evalsearch extract report.pdf --format text | less

        evalsearch extract report.pdf -o report.json

        evalsearch extract reports/ -o out/ --format json

        evalsearch extract reports/ --jobs 4 --corpus my-corpus/

        evalsearch extract --sample --format text
    """
    from evalsearch.cli_reading import read_through_corpus
    from evalsearch.corpus.batch import BatchOptions
    from evalsearch.extract.settings import ExtractSettings

    try:
        pdfs = input_paths(paths, sample)
        settings = ExtractSettings.resolve({"password": password})
        options = BatchOptions(jobs=jobs, time_limit=time_limit or None, force=force)
        fmt = output_format(fmt, output_dir if output_dir is not None and not output_dir.is_dir() else None,
                            ("json", "text"), "json")
    except UsageError as exc:
        fail_usage(exc)
    output_file = output_dir is not None and output_dir.suffix.lower() in (".json", ".txt") and not output_dir.is_dir()
    if output_file and len(pdfs) > 1:
        fail_usage(UsageError(f"-o {str(output_dir)!r} names one file, but {len(pdfs)} PDFs are read; "
                              "give a folder for one <doc_id> file each"))
    if output_dir is not None and output_dir.is_file() and not output_file:
        fail_usage(UsageError(f"-o {str(output_dir)!r} is a file; give a folder, or a name ending in .json or .txt"))
    ensure_writable(output_dir, folder=not output_file)
    ext = "json" if fmt == "json" else "txt"
    stdout_docs: dict[int, str] = {}
    quiet = silent or output_dir is None and fmt == "text"
    written: list[bool] = []

    def emit(outcome: Outcome, progress: Progress) -> bool:
        done = emit_outcome(outcome, progress, fmt, output_dir, ext, stdout_docs, output_file)
        written.append(done)
        return done

    failed = read_through_corpus(pdfs, "extract", settings, options, corpus_dir, quiet, "unchanged since the last run",
                                 emit)
    if output_dir is not None and not silent and any(written):
        records = "written to" if output_file else f"{count_label(sum(written), 'record', 'records')} written to"
        click.echo(f"extract: {records} {output_dir}", err=True)
    docs = [stdout_docs[index] for index in sorted(stdout_docs)]
    # one JSON text for the run, to parse as one: a list unless one file was named, so that a script
    # reading a folder gets a list whether the folder holds one PDF or many
    one_file = len(paths) == 1 and not sample and paths[0].is_file()
    if output_dir is None and fmt == "json" and not one_file:
        click.echo("[\n" + ",\n".join(docs) + "\n]" if docs else "[]")
    else:
        for doc in docs:
            click.echo(doc)
    sys.exit(1 if failed else 0)


def emit_outcome(
    outcome: Outcome, progress: Progress, fmt: str, output_dir: Path | None, ext: str, stdout_docs: dict[int, str],
    output_file: bool = False,
) -> bool:
    """Report one file and write (or keep for stdout) its rendering; RETURNS (bool): whether it was read."""
    from evalsearch.cli_reading import report_outcome
    from evalsearch.extract.render import document_to_text

    doc = report_outcome(outcome, progress)
    if doc is None:
        return False
    rendered = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1) if fmt == "json" else document_to_text(doc)
    if output_dir is not None:
        write_output(output_dir if output_file else output_dir / f"{doc.doc_id}.{ext}", rendered)
    else:
        stdout_docs[outcome.index] = rendered
    return True


@cli.command()
@corpus_option
@index_dir_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a summary and the files that need attention; json: every entry.")
@click.option("--forget-missing", "forget", is_flag=True,
              help="Take the entries whose file is gone out of the corpus (their stored records too), then show it.")
def status(corpus_dir: Path | None, index_dir: Path | None, fmt: str, forget: bool) -> None:
    """Show what the corpus holds: documents extracted, failed (with the reason), stale and missing;
    and what the search index holds: documents, passages and files gone since.

    Stale: the file changed since it was extracted. Outdated: extracted by
    another version of evalsearch or with other settings. Missing: the file is
    gone. Running `evalsearch extract` on the same files brings the corpus up
    to date; only the files that need it are read again. `evalsearch index`
    does the same for the index.

    Examples:

        evalsearch status

        evalsearch status --corpus my-corpus/ --index my-index/ --format json

        evalsearch status --forget-missing
    """
    from evalsearch.cli_reading import open_corpus
    from evalsearch.corpus.fingerprint import extractor_fingerprint
    from evalsearch.corpus.status import corpus_status, forget_missing
    from evalsearch.corpus.store import MANIFEST_NAME, default_corpus_dir
    from evalsearch.extract.settings import ExtractSettings
    from evalsearch.index.overview import index_overview
    from evalsearch.index.writer import default_index_dir

    root = corpus_dir if corpus_dir is not None else default_corpus_dir()
    overview = index_overview(index_dir if index_dir is not None else default_index_dir())
    if not (root / MANIFEST_NAME).exists():
        if fmt == "json":
            click.echo(json.dumps({"corpus": str(root), "documents": 0, "entries": [], "index": overview.to_dict()},
                                  ensure_ascii=False, indent=1))
        else:
            click.echo(f"corpus {root}: no documents yet (`evalsearch extract PATH...` adds them)\n\n"
                       f"{overview.to_text()}")
        return
    with open_corpus(root) as corpus:
        try:
            if forget:
                gone = forget_missing(corpus)
                for entry in gone:
                    click.echo(f"status: forgot {entry.doc_id} ({entry.path}: the file is gone)", err=True)
                click.echo(f"status: {count_label(len(gone), 'missing file', 'missing files')} forgotten", err=True)
            report = corpus_status(corpus, extractor_fingerprint(ExtractSettings()))
        except CorpusError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict() | {"index": overview.to_dict()}, ensure_ascii=False, indent=1))
    else:
        click.echo(f"{report.to_text()}\n\n{overview.to_text()}")


# The search index's commands live in their own module (evalsearch/cli_search.py).
from evalsearch.cli_search import index_command, search_command  # noqa: E402

cli.add_command(index_command)
cli.add_command(search_command)

# The lessons catalogue and the figure list live in their own module (evalsearch/cli_lessons.py).
from evalsearch.cli_lessons import figures_command, lessons_command  # noqa: E402

cli.add_command(lessons_command)
cli.add_command(figures_command)


# The goal-table export lives in its own module (evalsearch/cli_tables.py).
from evalsearch.cli_tables import tables_command  # noqa: E402

cli.add_command(tables_command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
