"""Rows → CSV, JSON or an Excel workbook: the bulk exports of evalsearch.

Every export is a list of dicts plus the order of its columns, so any record
list (goal rows, lessons, figures) goes through the same writers. CSV is UTF-8
with a header row; ``excel=True`` makes it what Danish Excel opens directly:
a byte-order mark, ";" between fields and "," as decimal sign. JSON is a list
of objects with the keys in column order. The workbook has a bold, frozen
header row with filters and columns sized to their content; in the columns
named as holding numbers, a cell that is a number as a whole ("240", "1.000",
"3,9", "80 %") is a number Excel can sum, as CSV opened in Excel gives too,
and any other text stays text ("3 + (15)"). Files are written
through a temporary file and a rename (``files.write_output``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

from evalsearch.corpus.files import write_output
from evalsearch.errors import UsageError

ExportFormat = Literal["csv", "json", "xlsx"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "xlsx")
LIST_SEPARATOR = " | "
XLSX_MAX_WIDTH = 60
XLSX_MIN_WIDTH = 8
XLSX_MAX_CELL = 32767
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: a number as a whole, written the Danish way: "240", "1.000" (thousands), "3,9", "80 %"
_DANISH_NUMBER = re.compile(r"(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<part>\d+))?(?:\s?(?P<pct>%))?")


def _plain(value, decimal_comma: bool = False) -> str:
    """One value as CSV text: None → "", lists joined by " | ", floats with the chosen decimal sign."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.10f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_plain(v, decimal_comma) for v in value)
    return str(value)


def rows_to_csv(rows: Iterable[Mapping], columns: Sequence[str], *, excel: bool = False) -> str:
    """CSV text with a header row.

    Args:
        rows: the records; keys not in ``columns`` are left out, missing keys are empty.
        columns: the column names, in order.
        excel: BOM, ";" separators, "," decimals and CRLF line ends, for Danish Excel.
    RETURNS (str): the CSV text.

    >>> rows_to_csv([{"id": "A1", "pct": 96.5}], ["id", "pct"])
    'id,pct\\nA1,96.5\\n'
    >>> rows_to_csv([{"id": "A1", "pct": 96.5}], ["id", "pct"], excel=True)
    '\\ufeffid;pct\\r\\nA1;96,5\\r\\n'
    """
    buf = io.StringIO()
    if excel:
        buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_plain(row.get(c), decimal_comma=excel) for c in columns])
    return buf.getvalue()


def rows_to_json(rows: Iterable[Mapping], columns: Sequence[str]) -> str:
    """A JSON list of objects, keys in column order, non-ASCII letters kept as they are.

    >>> rows_to_json([{"b": 2, "a": "æ"}], ["a", "b"])
    '[\\n {\\n  "a": "æ",\\n  "b": 2\\n }\\n]\\n'
    """
    data = [{c: row.get(c) for c in columns} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _xlsx_value(value):
    if isinstance(value, (list, tuple)):
        value = _plain(value)
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)[:XLSX_MAX_CELL]
    return value


def danish_number(text: str) -> tuple[int | float, str] | None:
    """The number a cell's whole text writes, and its Excel number format; None for other text.

    >>> danish_number("1.000"), danish_number("3,9"), danish_number("80 %"), danish_number("3 + (15)")
    ((1000, '0'), (3.9, '0.0'), (0.8, '0%'), None)
    """
    match = _DANISH_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    whole, part, percent = match["whole"].replace(".", ""), match["part"], bool(match["pct"])
    decimals = "." + "0" * len(part) if part else ""
    if percent:
        return float(f"{whole}.{part or 0}") / 100, f"0{decimals}%"
    return (float(f"{whole}.{part}"), f"0{decimals}") if part else (int(whole), "0")


def rows_to_xlsx(rows: Iterable[Mapping], columns: Sequence[str], sheet: str = "rows",
                 numbers: Sequence[str] = ()) -> bytes:
    """An Excel workbook (one sheet) with a bold frozen header row, filters and fitted column widths.

    Args:
        rows: the records.
        columns: the column names, in order.
        sheet: the sheet's name (at most 31 characters).
        numbers: the columns whose cells are numbers where the whole text is one (``danish_number``).
    RETURNS (bytes): the .xlsx file.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31] or "rows"
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in columns]
    count = 0
    for count, row in enumerate(rows, start=1):
        for i, name in enumerate(columns):
            value = _xlsx_value(row.get(name))
            number = danish_number(value) if name in numbers and isinstance(value, str) else None
            cell = ws.cell(row=count + 1, column=i + 1, value=number[0] if number else value)
            if number:
                cell.number_format = number[1]
            elif isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
                if len(value) > XLSX_MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[i] = max(widths[i], len(_plain(value)))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(XLSX_MIN_WIDTH, min(XLSX_MAX_WIDTH, width + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(columns)))}{count + 1}"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def render_rows(
    rows: Iterable[Mapping], columns: Sequence[str], fmt: ExportFormat, *, excel: bool = False, sheet: str = "rows",
    numbers: Sequence[str] = (),
) -> str | bytes:
    """Rows in one of the export formats: text for CSV and JSON, bytes for xlsx (``numbers``: see
    ``rows_to_xlsx``)."""
    if fmt == "csv":
        return rows_to_csv(rows, columns, excel=excel)
    if fmt == "json":
        return rows_to_json(rows, columns)
    if fmt == "xlsx":
        return rows_to_xlsx(rows, columns, sheet=sheet, numbers=numbers)
    raise UsageError(f"unknown export format {fmt!r}; valid formats: {', '.join(FORMATS)}")


def export_rows(
    path: str | Path,
    rows: Iterable[Mapping],
    columns: Sequence[str],
    fmt: ExportFormat,
    *,
    excel: bool = False,
    sheet: str = "rows",
    numbers: Sequence[str] = (),
) -> None:
    """Write rows to a file in one of the export formats, atomically (temporary file + rename).

    RAISES OutputError: the file cannot be written.
    """
    write_output(path, render_rows(rows, columns, fmt, excel=excel, sheet=sheet, numbers=numbers))
