"""What a stored record was made with: the extractor's code, its data, its settings.

A record is reused only while the file (by sha256) *and* this fingerprint are
unchanged, so a new version of evalsearch, an edited data file (themes,
abbreviations) or a changed setting makes every record outdated, and the next
run extracts again instead of serving results of the old code.
"""

from __future__ import annotations

import hashlib
import json
from fnmatch import fnmatch
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from evalsearch import __version__
from evalsearch.extract.settings import ExtractSettings

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Parts of the package that cannot change what a record holds (patterns over the path in the package).
NOT_EXTRACTION = ("cli*.py", "__main__.py", "console.py", "corpus/*", "index/*", "data/sample/*")
SOURCE_SUFFIXES = (".py", ".toml", ".txt", ".json", ".csv")
LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "spacy", "spacy-lookups-data")
# Settings that change whether a file opens, not what its record holds.
NOT_RECORD_SETTINGS = ("password",)


def code_fingerprint() -> str:
    """A digest of evalsearch's extraction code and data files and of the PDF libraries' versions.

    Read afresh on every call (a few milliseconds), so that a long-lived
    process never stamps records with the fingerprint of code since replaced.
    """
    digest = hashlib.sha256(__version__.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR).as_posix()
        if path.suffix not in SOURCE_SUFFIXES or not path.is_file() or "__pycache__" in rel:
            continue
        if any(fnmatch(rel, skip) for skip in NOT_EXTRACTION):
            continue
        digest.update(rel.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extractor_fingerprint(settings: ExtractSettings) -> str:
    """The fingerprint of records extracted with ``settings`` by this installation.

    Args:
        settings (ExtractSettings): the extraction settings of the run.
    RETURNS (str): 16 hex digits; equal fingerprints mean equal records for equal files.
    """
    values = {k: v for k, v in asdict(settings).items() if k not in NOT_RECORD_SETTINGS}
    text = code_fingerprint() + json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


#: the index code that cuts records into passages: a change to it makes the passages of an index outdated
PASSAGE_CODE = ("index/passages.py", "index/records.py")


def index_fingerprint(settings: ExtractSettings) -> str:
    """What the passages of an index are made with: the records (``extractor_fingerprint``) and
    the code that cuts them into passages. An index update reads a file again when it differs.

    RETURNS (str): 16 hex digits.
    """
    digest = hashlib.sha256(extractor_fingerprint(settings).encode())
    for rel in PASSAGE_CODE:
        digest.update((PACKAGE_DIR / rel).read_bytes())
    return digest.hexdigest()[:16]
