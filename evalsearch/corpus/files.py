"""Finding input PDFs and writing output files so that none is ever half-written."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from evalsearch.errors import OutputError, UsageError

SAMPLE_PACKAGE_DIR = ("data", "sample")


def data_home() -> Path:
    """Where evalsearch keeps its data by default (the corpus, the index): the user data dir."""
    import platformdirs

    return platformdirs.user_data_path("evalsearch", appauthor=False)


def sample_corpus_dir() -> Path:
    """The bundled sample corpus: four evaluation reports shipped inside the package."""
    return Path(__file__).resolve().parent.parent.joinpath(*SAMPLE_PACKAGE_DIR)


#: a path with these is a pattern ("*.pdf"), when no file has that name
_PATTERN = re.compile(r"[*?[]")


def find_pdfs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand the given files and directories into PDF files, in a stable order.

    A directory stands for every ``*.pdf`` below it (any letter case). A named
    file is taken as given, whatever its extension, so that a misnamed file is
    reported rather than silently skipped. A pattern that names no file as it
    stands ("reports\\*.pdf") is expanded here: the Windows command prompt
    passes it on as typed. A link to a file that is gone is kept, in a folder
    as on the command line, so that the run reports it with the other failures.

    Raises:
        UsageError: a path is neither a file, a folder nor a pattern that matches a file.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates: Iterator[Path] | list[Path] = sorted(
                p for p in path.rglob("*") if (p.is_file() or _is_broken_link(p)) and p.suffix.lower() == ".pdf"
            )
        elif path.exists() or _is_broken_link(path):
            candidates = [path]
        elif str(raw) == "-":
            raise UsageError("'-': a PDF cannot be read from standard input; save it and give its path")
        elif _PATTERN.search(str(raw)):
            candidates = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not candidates:
                raise UsageError(f"no file matches {str(raw)!r}")
        else:
            raise UsageError(f"no such file or directory: {path}")
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found


def _is_broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _file_mode(path: Path) -> int:
    """The permissions a file written at ``path`` gets: those of the file it replaces, else what
    ``open()`` would give (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)  # the only way to read it; set back at once
        os.umask(umask)
        return 0o666 & ~umask


def prepare_output(path: str | Path, folder: bool = False) -> None:
    """Make the folder an output goes to (``path`` itself when ``folder``) before any work is done.

    So a run that could not write its result fails at once, not after reading
    every PDF. RAISES OutputError: the folder cannot be made, or is no folder.
    """
    path = Path(path)
    target = path if folder else path.parent
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in (target, *target.parents) if p.exists()), None)
        why = f"{blocker} is a file" if blocker is not None and not blocker.is_dir() else exc.strerror or str(exc)
        reason = f"the output folder {target} cannot be made ({why})"
        raise (OutputError(reason) if folder else OutputError(f"cannot be written: {reason}", path)) from None


def write_output(path: str | Path, data: str | bytes) -> None:
    """``write_atomic`` for a file the user asked for; RAISES OutputError naming the file and why."""
    path = Path(path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"cannot be written in {path.parent} ({exc.strerror or exc})", path) from None


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    The rename is atomic, so a reader (or an interrupted run) sees either the
    old file or the new one, never a partial write. The file gets the
    permissions of the one it replaces, or the usual ones for a new file
    (a temporary file is private to its owner, which a shared export must not be).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    # named before it is made (mkstemp names it only after): so Ctrl-C at any moment after the file
    # exists lands in the clean-up below, and no temporary file is left behind
    tmp = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as fh:
            os.fchmod(fh.fileno(), _file_mode(path))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
