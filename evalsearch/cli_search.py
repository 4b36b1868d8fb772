"""The `index` and `search` commands: a thin layer over ``evalsearch.index``.

`index` extracts the PDFs that are new or changed (by sha256) and updates the
passage index; documents whose file is gone leave it. `search` ranks the
passages; without an index in the default place, the first search builds one
over the bundled sample corpus. Registered on the group in ``cli``.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from evalsearch.cli_options import (
    fail_usage, index_dir_option, jobs_option, password_option, paths_argument, sample_option, silent_option,
)
from evalsearch.console import Progress
from evalsearch.errors import EvalsearchError, UsageError
from evalsearch.index.filters import YEAR_SPAN
from evalsearch.index.passages import KIND_ORDER
from evalsearch.wording import count_label

if TYPE_CHECKING:
    from evalsearch.index.writer import IndexedSource

DEFAULT_SEARCH_LIMIT = 10  # index.search.DEFAULT_LIMIT, which is not imported here: that module loads Whoosh
#: seconds a search waits for another run that is building the default index (the sample takes under a minute)
BUILD_WAIT = 300.0

def _default_index_dir() -> Path:
    from evalsearch.index.writer import default_index_dir

    return default_index_dir()


def build_index(pdfs: list[Path], index_dir: Path, jobs: int | None, silent: bool, corpus_dir: Path | None = None,
                password: str | None = None, drop: Iterable[str] = ()) -> int:
    """Extract new and changed PDFs into the index, and take the documents ``drop`` out of it;
    RETURNS (int): how many files failed.

    Documents come through the corpus (``corpus_documents``): a file already
    extracted, by ``extract`` or by an earlier (even interrupted) ``index``, is
    taken from the record store instead of being read again.
    """
    from evalsearch.cli_reading import report_outcome
    from evalsearch.corpus.batch import BatchOptions
    from evalsearch.corpus.fingerprint import index_fingerprint
    from evalsearch.corpus.incremental import corpus_documents
    from evalsearch.extract.settings import ExtractSettings
    from evalsearch.index.lock import is_updating
    from evalsearch.index.plan import plan_update
    from evalsearch.index.writer import DEFAULT_LOCK_TIMEOUT, update_index
    from evalsearch.naming import doc_id_for

    settings = ExtractSettings.resolve({"password": password})
    made_with = index_fingerprint(settings)
    plan = plan_update(index_dir, pdfs, made_with)
    removals = list(plan.removed) + list(drop)
    added: set[str] = set()
    if plan.unchanged and not silent:
        they_were = "it was" if len(plan.unchanged) == 1 else "they were"
        click.echo(f"index: {len(plan.unchanged)} of {count_label(len(pdfs), 'file', 'files')} unchanged since "
                   f"{they_were} indexed", err=True)
    if plan.outdated and not silent:
        click.echo(f"index: {len(plan.outdated)} of {count_label(len(pdfs), 'file', 'files')} indexed by another "
                   "version of evalsearch, or with other settings; reading them again", err=True)
    if plan.moved and not silent:
        click.echo(f"index: {len(plan.moved)} of them moved since; the index now reads them from where they are",
                   err=True)
    if is_updating(index_dir) and not silent:  # else the wait for its lock would pass in silence
        click.echo(f"index: waiting for another run that updates {index_dir} (up to {DEFAULT_LOCK_TIMEOUT:g} s)",
                   err=True)
    with Progress(len(plan.changed), "index", silent=silent) as progress:

        def documents():
            for outcome in corpus_documents(plan.changed, settings, corpus_dir, BatchOptions(jobs=jobs)):
                document = report_outcome(outcome, progress)
                if document is None:
                    removals.append(outcome.doc_id or doc_id_for(outcome.path))
                    continue
                if outcome.reused:  # taken from the corpus: still one file of this run's progress
                    progress.advance(outcome.path.name, document.source.pages)
                added.add(document.doc_id)
                yield document

        report = update_index(index_dir, documents(), removals, moved=plan.moved, made_with=made_with)
    if not silent:
        gone = f", {report.removed} removed" if report.removed else ""
        failed = f", {count_label(progress.failed, 'file', 'files')} failed (named above)" if progress.failed else ""
        click.echo(f"index: {count_label(report.added, 'document', 'documents')} indexed "
                   f"({count_label(report.passages, 'passage', 'passages')}){gone}{failed}; "
                   f"{count_label(report.documents, 'document', 'documents')} in {index_dir}", err=True)
        _report_copies(index_dir, added)
    return progress.failed


def _report_copies(index_dir: Path, added: set[str]) -> None:
    """Say which files just indexed are copies of another indexed file: search shows their hits once."""
    from evalsearch.index.writer import read_copies, read_sources

    sources = read_sources(index_dir)

    def name(doc_id: str) -> str:
        return Path(sources[doc_id].path).name if doc_id in sources else doc_id

    for copy, kept in read_copies(index_dir).items():
        if copy in added or kept in added:
            click.echo(f"index: {name(copy)} is the same file as {name(kept)} (same sha256); "
                       f"search shows its passages once, as {kept!r}", err=True)


@click.command("index")
@paths_argument
@sample_option
@index_dir_option
@jobs_option
@silent_option
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Corpus folder whose stored records are used instead of reading unchanged files again "
              "(default: 'corpus' in the user data dir, as for extract).")
@password_option
def index_command(paths: tuple[Path, ...], sample: bool, index_dir: Path | None, jobs: int | None, silent: bool,
                  corpus_dir: Path | None, password: str | None) -> None:
    """Build or update the search index over evaluation PDFs.

    PATHS are PDF files or directories (every PDF below them). Only new and
    changed files (by sha256) are read, and those indexed by another version
    of evalsearch or with other settings; a document whose file is gone leaves
    the index. A file that cannot be read is reported and the run goes on.

    Without PATHS, the index is updated from the files it was built from
    (after an upgrade of evalsearch, that rebuilds it). The sample reports
    that the first search put in the default index leave it when PATHS are
    indexed there (add --sample to keep them).

    Examples:

        evalsearch index reports/

        evalsearch index --sample --index my-index/

        evalsearch index
    """
    from evalsearch.cli import input_paths

    target = index_dir or _default_index_dir()
    try:
        pdfs = _indexed_files(target, silent) if not paths and not sample else input_paths(paths, sample)
    except UsageError as exc:
        fail_usage(exc)
    drop = _first_search_sample(target, pdfs, silent) if index_dir is None and paths and not sample else []
    try:
        failed = build_index(pdfs, target, jobs, silent, corpus_dir, password, drop)
    except EvalsearchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted: the index is as it was; the files read so far are kept in the corpus, "
                   "so the same command run again goes on from there", err=True)
        sys.exit(130)
    sys.exit(1 if failed else 0)


def _indexed_files(index_dir: Path, silent: bool) -> list[Path]:
    """The files an existing index was built from (those still there; the others leave it).

    Raises:
        UsageError: there is no index, or none of its files is there any more.
    """
    from evalsearch.index.writer import index_exists, read_sources

    if not index_exists(index_dir):
        raise UsageError(f"no search index in {index_dir} to update; give PDF files or directories, "
                         "or --sample for the bundled sample corpus")
    try:
        sources = read_sources(index_dir)
    except EvalsearchError as exc:
        raise UsageError(str(exc)) from exc
    paths = sorted({Path(s.path) for s in sources.values()})
    there = [path for path in paths if path.exists()]
    if paths and not there:  # every file gone at once: a moved folder or an unmounted drive, not deleted reports
        if len(paths) == 1:
            raise UsageError(f"the file {index_dir} was built from is not where it was ({paths[0]}), so nothing "
                             "was removed; if it has moved, index it where it is now: evalsearch index PATH")
        raise UsageError(f"none of the {len(paths)} files {index_dir} was built from is where it was "
                         f"(such as {paths[0]}), so nothing was removed; if they have moved, index them "
                         "where they are now: evalsearch index PATH")
    if not silent:
        click.echo(f"index: updating {index_dir} from the {count_label(len(paths), 'file', 'files')} it was built from",
                   err=True)
    return there


def _first_search_sample(index_dir: Path, pdfs: list[Path], silent: bool) -> list[str]:
    """The sample reports to take out of a default index that holds nothing else when the user
    indexes reports of their own: the first search put them there, not the user."""
    from evalsearch.naming import doc_id_for

    drop = sorted(set(_sample_sources(index_dir)) - {doc_id_for(pdf) for pdf in pdfs})
    if drop and not silent:
        click.echo(f"index: the {count_label(len(drop), 'sample report', 'sample reports')} that the first search "
                   "indexed leave the index now that it holds your reports (add --sample to keep them)", err=True)
    return drop


def _made_here(sources: Mapping[str, IndexedSource]) -> bool:
    """True if every document of an index was made by this version of evalsearch (``made_with``)."""
    from evalsearch.corpus.fingerprint import index_fingerprint
    from evalsearch.extract.settings import ExtractSettings

    made_with = index_fingerprint(ExtractSettings())
    return all(source.made_with == made_with for source in sources.values())


def _sample_sources(index_dir: Path) -> dict[str, IndexedSource]:
    """The documents of an index that holds the bundled sample corpus and nothing else (as the
    first search builds it); {} for any other index."""
    from evalsearch.corpus.files import sample_corpus_dir
    from evalsearch.index.writer import read_sources

    try:
        sources = read_sources(index_dir)
    except EvalsearchError:
        return {}
    sample = sample_corpus_dir()
    return sources if all(Path(s.path).resolve().parent == sample for s in sources.values()) else {}


class YearType(click.ParamType):
    """A year (2016) or a span of years ("2015-2018"), which the index's filters resolve."""

    name = "year"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if text.isdigit() and len(text) == 4:
            return int(text)
        if YEAR_SPAN.fullmatch(text):
            return text
        self.fail(f"{value!r} is not a year (2016) or a span of years (2015-2018)", param, ctx)


class QueryCommand(click.Command):
    """A command whose QUERY may start with "-": "-mentorer frivillige" excludes a word, it is no option.

    An argument that starts with a single "-" but with none of the command's
    short options is given to QUERY with a leading space, which the query
    syntax ignores. "--" starts an option as always ("--limt" is reported).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        short = {name for param in self.params for name in (*param.opts, *param.secondary_opts)
                 if not name.startswith("--")} | {n for n in ctx.help_option_names if not n.startswith("--")}

        def is_option(arg: str) -> bool:
            return arg.startswith("--") or arg[:2] in short

        return super().parse_args(ctx, [f" {a}" if a.startswith("-") and not is_option(a) else a for a in args])


@click.command("search", cls=QueryCommand)
@click.argument("query")
@index_dir_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=DEFAULT_SEARCH_LIMIT, show_default=True,
              help="Most hits shown.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: snippets with report, page and section; json: a list of hits.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KIND_ORDER),
              help="Only passages of this kind (repeat for several).")
@click.option("--doc", "doc_ids", multiple=True,
              help="Only passages of this report: its doc_id, its file, or a part of its doc_id or title that "
                   "names one report (repeat for several).")
@click.option("--year", "years", multiple=True, type=YearType(),
              help="Only projects of this pool year, or of the years of a span: 2015-2018 (repeat for several).")
@click.option("--theme", "themes", multiple=True,
              help="Only passages with this theme, or the one theme a part names: 'ledelse' (repeat for several).")
def search_command(query: str, index_dir: Path | None, limit: int, fmt: str, kinds: tuple[str, ...],
                   doc_ids: tuple[str, ...], years: tuple[int | str, ...], themes: tuple[str, ...]) -> None:
    """Search the evaluations in Danish: every passage about QUERY, whatever its wording.

    Words are matched as written, inflected, in compounds and through the
    words they derive from ("ledelsesmæssig opbakning" also finds
    "ledelsesopbakning" and "ledere bakker op"); exact wording ranks first.
    "Quoted words" must stand together; -word excludes, +word requires; AND,
    OR and NOT (or OG, ELLER, IKKE) in capitals join words; in a word, * stands
    for any letters and ? for one ("ledels*", "*opbakning"). A word
    the index does not know is corrected to the nearest one, and the output
    says so. Without an index, the first search builds one over the bundled
    sample corpus.

    Examples:

        evalsearch search "ledelsesmæssig opbakning"

        evalsearch search frivillige --kind lesson --format json

        evalsearch search "frivillige AND pårørende NOT mentorer"

    \b
        evalsearch search samarbejdsaftale --doc tvaergaaende --limit 5

        evalsearch search "*opbakning" --theme ledelse
    """
    from evalsearch.index.lock import is_updating, wait_for_update
    from evalsearch.index.output import DEFAULT_WIDTH, no_match_line, result_notes, result_to_json, result_to_text
    from evalsearch.index.search import SearchSettings, search
    from evalsearch.index.writer import index_exists, is_current

    try:
        settings = SearchSettings.resolve({"limit": limit, "kinds": kinds, "doc_ids": doc_ids, "years": years,
                                           "themes": themes, "facets": fmt == "text"})
    except UsageError as exc:
        fail_usage(exc)
    target = index_dir or _default_index_dir()
    # is_updating first: it is a lock test, while is_current parses sources.json
    if index_dir is None and is_updating(target) and not is_current(target):  # another first search builds it
        click.echo(f"search: waiting for another run that is building the index in {target}", err=True)
        wait_for_update(target, BUILD_WAIT)
    first = index_dir is None and not index_exists(target)
    sample_docs = _sample_sources(target) if index_dir is None and not first else {}
    if first or (sample_docs and not (is_current(target) and _made_here(sample_docs))):
        from evalsearch.corpus.files import find_pdfs, sample_corpus_dir

        why = "no index yet" if first else "the sample index is from another version of evalsearch"
        click.echo(f"search: {why}; building one over the bundled sample corpus in {target}", err=True)
        try:
            build_index(find_pdfs([sample_corpus_dir()]), target, None, silent=False)
        except EvalsearchError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    try:
        result = search(target, query, settings)
    except UsageError as exc:
        fail_usage(exc)
    except EvalsearchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if fmt == "json":
        for note in result_notes(result) + ([no_match_line(result)] if result.unfiltered else []):
            click.echo(f"note: {note}", err=True)
        click.echo(result_to_json(result))
    else:
        terminal = sys.stdout.isatty()
        # a terminal narrower than the snippets would break each of their lines in two
        width = min(DEFAULT_WIDTH, max(40, shutil.get_terminal_size().columns - 1)) if terminal else DEFAULT_WIDTH
        click.echo(result_to_text(result, bold=terminal, width=width))
