"""Row exports (CSV, Danish-Excel CSV, JSON, xlsx) read back, and the `tables` command."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evalsearch.cli import cli
from evalsearch.corpus.export import export_rows, rows_to_csv, rows_to_json, rows_to_xlsx
from evalsearch.extract.tables.records import GOAL_ROW_COLUMNS, goal_row_dicts
from paths import CORPUS_BAD
from pdfgen import PageSpec, text_report, write_pdf

ROWS = [
    {"doc_id": "rapport", "row_id": "A1", "indicator": "Udvikling af samarbejdsmodel", "status": "✓: Der blev udviklet en model",
     "achievement_pct": 96.5, "page": 8},
    {"doc_id": "rapport", "row_id": None, "indicator": 'Jobcenter "Nord"; Øst', "status": "=SUM(A1)",
     "achievement_pct": None, "page": 9, "ignored": "x"},
]
COLUMNS = ("doc_id", "row_id", "indicator", "status", "achievement_pct", "page")


def test_csv_reads_back_with_header_and_empty_nulls():
    text = rows_to_csv(ROWS, COLUMNS)
    back = list(csv.reader(io.StringIO(text)))
    assert back[0] == list(COLUMNS)
    assert back[1] == ["rapport", "A1", "Udvikling af samarbejdsmodel", "✓: Der blev udviklet en model", "96.5", "8"]
    assert back[2] == ["rapport", "", 'Jobcenter "Nord"; Øst', "=SUM(A1)", "", "9"]


def test_excel_csv_has_bom_semicolons_and_decimal_commas():
    data = rows_to_csv(ROWS, COLUMNS, excel=True)
    assert data.startswith("\ufeffdoc_id;row_id;")
    back = list(csv.reader(io.StringIO(data.lstrip("\ufeff")), delimiter=";"))
    assert back[1][4] == "96,5" and back[2][2] == 'Jobcenter "Nord"; Øst'
    assert "\r\n" in data


def test_json_keeps_column_order_and_nulls():
    back = json.loads(rows_to_json(ROWS, COLUMNS))
    assert [list(r) for r in back] == [list(COLUMNS)] * 2
    assert back[1]["row_id"] is None and back[0]["achievement_pct"] == 96.5


def test_xlsx_reads_back_with_header_filter_and_widths(tmp_path):
    path = tmp_path / "rows.xlsx"
    export_rows(path, ROWS, COLUMNS, "xlsx", sheet="goal rows")
    assert [p.name for p in tmp_path.iterdir()] == ["rows.xlsx"]  # no temporary file left behind
    sheet = load_workbook(path).active
    assert sheet.title == "goal rows"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == list(COLUMNS)
    assert values[1] == ["rapport", "A1", "Udvikling af samarbejdsmodel", "✓: Der blev udviklet en model", 96.5, 8]
    assert values[2][3] == "=SUM(A1)" and sheet.cell(row=3, column=4).data_type == "s"  # text, not a formula
    assert sheet.cell(row=1, column=1).font.bold
    assert sheet.auto_filter.ref == "A1:F3" and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width


def test_xlsx_holds_danish_numbers_as_numbers_in_the_columns_named(tmp_path):
    """Targets came out as text ("240"), which Excel neither sums nor sorts as numbers."""
    rows = [{"id": "2018", "target": text, "status": text} for text in ("240", "1.000", "3,9", "80 %", "60%", "3 + (15)")]
    sheet = load_workbook(io.BytesIO(rows_to_xlsx(rows, ["id", "target", "status"], numbers=["target"]))).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [240, 1000, 3.9, 0.8, 0.6, "3 + (15)"]
    assert [c.number_format for c in cells[:5]] == ["0", "0", "0.0", "0%", "0%"]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["2018"] * 6  # not a column of numbers
    assert sheet["C2"].value == "240"


def test_xlsx_without_rows_has_a_header():
    sheet = load_workbook(io.BytesIO(rows_to_xlsx([], COLUMNS))).active
    assert [c.value for c in sheet[1]] == list(COLUMNS)


@pytest.fixture(scope="module")
def goal_pdf(tmp_path_factory):
    pages = []
    for n in range(1, 4):
        spec = PageSpec()
        spec.text(72, 30, "Slutevaluering af projekt Job med mening", size=8).text(280, 805, f"Side {n}", size=8)
        pages.append(spec)
    p1 = pages[0]
    p1.text(72, 70, "2 Aktiviteter", size=14, bold=True)
    p1.text(72, 130, "Tabel 2-1", size=9, bold=True).text(120, 130, "Status på aktivitetsmålene", size=9)
    p1.text(72, 150, "Aktivitet", size=9, bold=True).text(330, 150, "Mål", size=9, bold=True).text(400, 150, "Status", size=9, bold=True)
    p1.text(72, 168, "A1: Afholdt informationsmøder", size=9).text(330, 168, "3", size=9).text(400, 168, "Ja, 4 møder", size=9)
    p1.text(72, 184, "A2: Udarbejdet en pjece", size=9).text(330, 184, "2", size=9).text(400, 184, "1", size=9)
    p1.text(72, 230, "Projektet har gennemført de fleste aktiviteter som planlagt.", size=10)
    return write_pdf(tmp_path_factory.mktemp("cli") / "job-med-mening.pdf", pages)


EXPECTED_CSV = (
    ",".join(GOAL_ROW_COLUMNS) + "\n"
    "job-med-mening,,Tabel 2-1,Status på aktivitetsmålene,aktivitet,1,A1,Afholdt informationsmøder,3,\"Ja, 4 møder\",opfyldt,133.3\n"
    "job-med-mening,,Tabel 2-1,Status på aktivitetsmålene,aktivitet,1,A2,Udarbejdet en pjece,2,1,delvis,50\n"
)


def test_issue_3_tables_command_csv_to_stdout(goal_pdf):
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "-s"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_CSV


def test_a_report_saved_twice_gives_its_goal_rows_once(goal_pdf, tmp_path):
    shutil.copyfile(goal_pdf, tmp_path / "job-med-mening.pdf")
    shutil.copyfile(goal_pdf, tmp_path / "job-med-mening (1).pdf")
    result = CliRunner().invoke(cli, ["tables", str(tmp_path), "-s"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_CSV
    assert "job-med-mening (1).pdf is the same file as job-med-mening.pdf" in result.stderr


def test_issue_3_tables_command_json_kind_filter(goal_pdf):
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "-s", "--format", "json", "--kind", "effekt"])
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "-s", "--format", "json", "--kind", "aktivitet"])
    assert [r["row_id"] for r in json.loads(result.stdout)] == ["A1", "A2"]


def test_the_kind_resultat_takes_in_the_short_and_long_term_goals(extracted, gold):
    """--kind resultat gave 0 rows: the reports' resultatmål are resultat_kort and resultat_lang."""
    wanted = sum(len(table["rows"]) for record in gold.values() for table in record["goal_tables"]
                 if table["kind"].split("_")[0] == "resultat")
    rows = [row for document in extracted.values() for row in goal_row_dicts(document, "resultat")]
    assert wanted and len(rows) == wanted
    assert {row["kind"] for row in rows} >= {"resultat_kort", "resultat_lang"}
    short = [row for document in extracted.values() for row in goal_row_dicts(document, "resultat_kort")]
    assert short and {row["kind"] for row in short} == {"resultat_kort"}


def test_the_summary_names_the_reports_without_goal_rows(goal_pdf, tmp_path):
    """An export that holds fewer reports than were read says which, so a gap is not taken for a fault."""
    shutil.copyfile(goal_pdf, tmp_path / "job-med-mening.pdf")
    text_report(tmp_path / "notat.pdf", ["Et notat uden måltabeller."])
    result = CliRunner().invoke(cli, ["tables", str(tmp_path), "--jobs", "1"], catch_exceptions=False)
    assert result.stdout == EXPECTED_CSV
    assert result.stderr.splitlines()[-1] == "tables: 2 goal rows from 1 of 2 reports (none in notat)"
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "--kind", "effekt"], catch_exceptions=False)
    assert result.stderr.splitlines()[-1] == "tables: 0 goal rows of kind effekt from 0 of 1 report (none in job-med-mening)"


def test_issue_3_tables_command_xlsx_file(goal_pdf, tmp_path):
    out = tmp_path / "maal.xlsx"
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "--format", "xlsx", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "tables: 2 goal rows from 1 report written to " + str(out) in result.stderr
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == list(GOAL_ROW_COLUMNS)
    # a target or status that is a number as a whole can be summed; other text stays text
    assert rows[1][6:] == ["A1", "Afholdt informationsmøder", 3, "Ja, 4 møder", "opfyldt", 133.3]
    assert rows[2][8:10] == [2, 1]


def test_issue_3_tables_command_excel_csv_file(goal_pdf, tmp_path):
    out = tmp_path / "maal.csv"
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "-s", "--excel", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and b";Tabel 2-1;" in data and b";133,3\r\n" in data


@pytest.mark.parametrize("name, given, written", [
    ("maal.xlsx", [], "xlsx"), ("MAAL.JSON", [], "json"), ("maal.txt", [], "csv"),
    ("maal.txt", ["--format", "json"], "json"),  # .txt names plain text, which JSON is (another ending is refused)
])
def test_the_format_left_out_is_the_one_the_output_name_ends_in(goal_pdf, tmp_path, name, given, written):
    """`-o maal.xlsx` wrote CSV text into the workbook's name, which Excel refuses to open."""
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), "-s", "-o", str(out), *given], catch_exceptions=False)
    assert result.exit_code == 0
    data = out.read_bytes()
    kind = "xlsx" if data.startswith(b"PK") else "json" if data.startswith(b"[") else "csv"
    assert kind == written


@pytest.mark.parametrize("command, name, message", [
    ("tables", "maal.html", "tables writes csv, json or xlsx, not html; give a file name ending in .csv, .json or .xlsx"),
    ("figures", "figurer.pdf", "figures writes csv or json, not pdf; give a file name ending in .csv or .json"),
    ("lessons", "erfaringer.xlsx", "lessons writes md, html, csv or json, not xlsx; give a file name ending in .md, "
     ".html, .csv or .json (for Excel: -o FILE.csv --excel)"),
    ("extract", "rapport.csv", "extract writes json or text, not csv; give a file name ending in .json or .txt"),
])
def test_an_output_name_ending_in_a_format_the_command_does_not_write_is_refused(goal_pdf, tmp_path, command, name,
                                                                                 message):
    """`figures -o figurer.pdf` wrote CSV into a file named .pdf (and `extract -o rapport.csv` made a folder)."""
    result = CliRunner().invoke(cli, [command, str(goal_pdf), "-s", "-o", str(tmp_path / name)])
    assert (result.exit_code, result.stderr) == (2, f"error: -o {name}: {message}\n")
    assert not (tmp_path / name).exists()
    kept = CliRunner().invoke(cli, [command, str(goal_pdf), "-s", "-o", str(tmp_path / "out.v2")])  # no format's ending
    assert kept.exit_code == 0 and (tmp_path / "out.v2").exists()


@pytest.mark.parametrize("command, fmt, name, fix", [
    ("extract", "text", "rapport.json", ".txt"),
    ("extract", "json", "rapport.txt", ".json"),
    ("tables", "csv", "maal.xlsx", ".csv"),
    ("figures", "json", "figurer.csv", ".json"),
    ("lessons", "html", "erfaringer.md", ".html"),
])
def test_an_output_name_ending_in_another_format_than_the_one_given_is_refused(goal_pdf, tmp_path, command, fmt, name,
                                                                               fix):
    """`extract -o x.json --format text` wrote text into a file named .json, and `tables --format csv -o
    maal.xlsx` CSV into a name that Excel opens as a workbook."""
    result = CliRunner().invoke(cli, [command, str(goal_pdf), "-s", "--format", fmt, "-o", str(tmp_path / name)])
    ending = name.rsplit(".", 1)[1].replace("txt", "text")
    assert (result.exit_code, result.stderr) == (
        2, f"error: -o {name} names {ending}, but --format {fmt} writes {fmt}; give a file name ending in {fix}, "
           "or leave --format out\n")
    assert not (tmp_path / name).exists()
    plain = CliRunner().invoke(cli, [command, str(goal_pdf), "-s", "--format", fmt, "-o", str(tmp_path / f"out{fix}")])
    assert plain.exit_code == 0 and (tmp_path / f"out{fix}").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xlsx"], "error: --format xlsx writes a workbook file: give -o FILE.xlsx\n"),
        (["--excel", "--format", "json"],
         "error: --excel applies to CSV only, and this run writes json; give --format csv (or -o FILE.csv)\n"),
        (["--excel", "-o", "maal.xlsx"],
         "error: --excel applies to CSV only, and this run writes xlsx; give --format csv (or -o FILE.csv)\n"),
    ],
)
def test_issue_3_tables_command_usage_errors(goal_pdf, args, message):
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), *args])
    assert (result.exit_code, result.stderr) == (2, message)


def test_issue_3_tables_command_without_input():
    result = CliRunner().invoke(cli, ["tables"])
    assert result.exit_code == 2
    assert result.stderr == "error: give at least one PDF file or directory, or --sample for the bundled sample corpus\n"


def test_issue_3_tables_command_reports_a_bad_file_and_goes_on(goal_pdf):
    result = CliRunner().invoke(cli, ["tables", str(goal_pdf), str(CORPUS_BAD / "not-a-pdf.pdf"), "-s"])
    assert result.exit_code == 1
    assert result.stderr == "error: not-a-pdf.pdf: not a PDF (no %PDF header)\n"
    assert result.stdout == EXPECTED_CSV


def test_a_second_run_takes_the_documents_from_the_corpus(tmp_path):
    from click.testing import CliRunner

    from evalsearch.cli import cli
    from paths import CORPUS

    pdf = str(CORPUS / "cabi-evaluering-handicappuljer-2023.pdf")
    first = CliRunner().invoke(cli, ["tables", pdf, "--format", "json"], catch_exceptions=False)
    second = CliRunner().invoke(cli, ["tables", pdf, "--format", "json"], catch_exceptions=False)
    assert first.exit_code == second.exit_code == 0
    assert "tables: 1 of 1 file done" in first.stderr
    assert "tables: 1 of 1 file unchanged since it was read, taken from the corpus" in second.stderr
    assert first.stdout == second.stdout
