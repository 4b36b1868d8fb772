"""The output streams: every character of a report can be written, whatever the locale's code page."""

from __future__ import annotations

import io
import sys

import pytest

from evalsearch.console import steady_streams


class _Stream(io.TextIOWrapper):
    def __init__(self, encoding: str, tty: bool):
        super().__init__(io.BytesIO(), encoding=encoding)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def streams(monkeypatch):
    def make(encoding: str, tty: bool) -> tuple[_Stream, _Stream]:
        out, err = _Stream(encoding, tty), _Stream(encoding, tty)
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        monkeypatch.delenv("PYTHONIOENCODING", raising=False)
        steady_streams()
        return out, err
    return make


def _written(stream: _Stream, text: str) -> bytes:
    stream.write(text)
    stream.flush()
    return stream.buffer.getvalue()


def test_output_to_a_file_is_utf8_in_any_code_page(streams):
    """`evalsearch tables reports > maal.csv` on a Danish Windows ended in a traceback at "✓"."""
    out, err = streams("cp1252", tty=False)
    assert _written(out, "A1,✓ opfyldt,på") == "A1,✓ opfyldt,på".encode("utf-8")
    assert _written(err, "error: tøm.pdf: ✓") == "error: tøm.pdf: ✓".encode("utf-8")


def test_a_terminal_keeps_its_code_page_and_shows_what_it_lacks_as_a_mark(streams):
    out, err = streams("cp1252", tty=True)
    assert _written(out, "✓ på") == "? på".encode("cp1252")
    assert _written(err, "✓") == b"\\u2713"


def test_a_file_name_that_is_no_utf8_is_written_back_in_its_own_bytes(streams):
    out, _ = streams("utf-8", tty=False)
    assert _written(out, "r\udce5pport.pdf") == b"r\xe5pport.pdf"


def test_a_report_read_alone_names_its_page_while_it_is_read(tmp_path, monkeypatch):
    """A 300-page report read alone printed nothing for half a minute when stderr was a log."""
    from click.testing import CliRunner

    import evalsearch.console as console
    from evalsearch.cli import cli
    from paths import CORPUS

    monkeypatch.setattr(console, "PAGE_NOTE_SECONDS", 0.0)
    monkeypatch.setattr(console, "PAGE_NOTE_MIN_PAGES", 4)
    report = CORPUS / "cabi-evaluering-handicappuljer-2023.pdf"  # 4 pages
    result = CliRunner().invoke(cli, ["extract", str(report), "--corpus", str(tmp_path / "c"), "-o", str(tmp_path / "o")],
                                catch_exceptions=False)
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if ": page " in line]
    assert notes == [f"extract: {report.name}: page {n} of 4" for n in (1, 2, 3)]
    silent = CliRunner().invoke(cli, ["extract", str(report), "--corpus", str(tmp_path / "d"), "-s"],
                                catch_exceptions=False)
    assert silent.exit_code == 0 and ": page " not in silent.stderr
