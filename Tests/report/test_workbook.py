"""The Excel workbooks phm writes: read back with openpyxl, every figure checked against the CSV
and JSON files of the same results folder; and opened in LibreOffice (headless, converted to
CSV), whose figures must equal payments.json."""
import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from test_report import ROOT, read_csv, results_folder

POUNDS = "£#,##0;[Red]-£#,##0"
PERCENT = "0.0%"


@pytest.fixture(scope="module")
def payments_run(tmp_path_factory):
    return results_folder(["payments", str(ROOT / "Scenarios/frailty-cohort.yaml"), "--draws", "24", "--seed", "3"],
                          tmp_path_factory.mktemp("payments-xlsx"))


def sheet_rows(sheet):
    """Header and rows of a sheet as lists of cell values."""
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def test_payments_workbook_equals_the_csv_files(payments_run):
    book = openpyxl.load_workbook(payments_run / "payments.xlsx")
    assert book.sheetnames == ["Summary", "Payments by year", "P&L by party", "Caps triggered", "Draws", "Notes"]
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A2", f"{sheet.title}: the header row stays in view"

    header, rows = sheet_rows(book["Payments by year"])
    yearly = read_csv(payments_run / "payments_yearly.csv")
    assert len(rows) == len(yearly)
    columns = ["payment_mean", "payment_p5", "payment_p95", "payment_worst", "budget_line_mean", "provider_cost_mean", "outturn_mean"]
    for row, expected in zip(rows, yearly):
        assert row[:3] == [expected["contract"], expected["model"], expected["year"]]
        assert row[3:] == pytest.approx([float(expected[c]) for c in columns], rel=1e-14)
    sheet = book["Payments by year"]
    assert sheet["D2"].number_format == POUNDS and sheet.column_dimensions["D"].width == pytest.approx(16, abs=1)

    header, rows = sheet_rows(book["P&L by party"])
    parties = read_csv(payments_run / "payments.csv")
    assert len(rows) == len(parties)
    columns = ["income_mean", "cost_mean", "margin_mean", "margin_p5", "margin_p95", "margin_worst", "p_loss",
               "expected_overspend", "p95_overspend", "outturn_variance_share",
               "prevention_margin_change_mean", "prevention_margin_change_p5", "prevention_margin_change_p95",
               "change_from_current_mean", "change_from_current_p5", "change_from_current_p95", "margin_present_value_mean"]
    for row, expected in zip(rows, parties):
        assert row[:4] == [expected["contract"], expected["model"], expected["party"], expected["role"]]
        for value, column in zip(row[4:], columns):
            if expected[column] == "":
                assert value is None, column
            else:
                assert value == pytest.approx(float(expected[column]), rel=1e-14, abs=1e-9), column
    sheet = book["P&L by party"]
    assert sheet["G2"].number_format == POUNDS and sheet["K2"].number_format == PERCENT

    header, rows = sheet_rows(book["Caps triggered"])
    triggers = read_csv(payments_run / "payments_triggers.csv")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [(t["contract"], t["model"], t["trigger"], t["kind"]) for t in triggers]
    assert [v for r in rows for v in r[4:6]] == pytest.approx(
        [float(t[k]) for t in triggers for k in ("share_of_draws", "share_of_years")], rel=1e-14)
    assert book["Caps triggered"]["E2"].number_format == PERCENT

    header, rows = sheet_rows(book["Draws"])
    draws = read_csv(payments_run / "payments_draws.csv")
    assert len(rows) == len(draws) == 24 * 5
    assert [(r[0], r[1], r[2]) for r in rows] == [(d["contract"], d["model"], int(d["draw"])) for d in draws]
    assert [v for r in rows for v in r[3:]] == pytest.approx(
        [float(d[k]) for d in draws for k in ["payment"] + [f"margin_{p}" for p in range(5)]], rel=1e-14)
    # the draws average to the summaries of payments.json
    report = json.loads((payments_run / "payments.json").read_text())
    for model in report["contracts"][0]["models"]:
        mine = [r for r in rows if r[1] == model["model"]]
        assert sum(r[3] for r in mine) / len(mine) == pytest.approx(model["payment"]["mean"], rel=1e-12)
        for p, party in enumerate(model["parties"]):
            assert sum(r[4 + p] for r in mine) / len(mine) == pytest.approx(party["margin"]["mean"], rel=1e-12, abs=1e-6)

    manifest = json.loads((payments_run / "manifest.json").read_text())
    notes = {r[0]: r[1] for r in book["Notes"].iter_rows(values_only=True)}
    assert notes["scenario hash"] == manifest["scenario_hash"] and notes["seed"] == manifest["seed"] == 3
    assert notes["draws"] == 24 and "worst" in notes and "share of outturn variance" in notes
    summary = [r[0] for r in book["Summary"].iter_rows(values_only=True)][1:]
    assert any(s.startswith("commissioner under cohort-budget: pays £") for s in summary)
    assert any(s.startswith("Moving from activity to cohort-budget: commissioner ") for s in summary)


def libreoffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.fail("LibreOffice is needed to open the workbook: run `make test-setup` (installs libreoffice-calc-nogui)")
    return path


def test_payments_workbook_opens_in_libreoffice_with_the_figures_of_payments_json(payments_run, tmp_path):
    # Every sheet to CSV, cell values as stored (not as shown), UTF-8: LibreOffice's CSV filter
    # options 44,34,76,1,,0,false,true,false,false,false,-1.
    out = tmp_path / "csv"
    result = subprocess.run(
        [libreoffice(), "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(out), str(payments_run / "payments.xlsx")],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    report = json.loads((payments_run / "payments.json").read_text())
    with open(out / "payments-Payments by year.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = [(c["name"], m["model"], y) for c in report["contracts"] for m in c["models"] for y in m["cash_by_year"]]
    assert len(rows) == len(expected)
    for row, (contract, model, year) in zip(rows, expected):
        assert (row["contract"], row["model"], row["financial year"]) == (contract, model, year["year"])
        for column, key in [("payment mean", "mean"), ("payment P5", "p5"), ("payment P95", "p95"), ("payment worst", "worst")]:
            assert float(row[column]) == pytest.approx(year[key], rel=1e-13), column
    with open(out / "payments-P&L by party.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = [(m["model"], p) for c in report["contracts"] for m in c["models"] for p in m["parties"]]
    assert len(rows) == len(expected)
    for row, (model, party) in zip(rows, expected):
        assert (row["model"], row["party"]) == (model, party["name"])
        assert float(row["margin"]) == pytest.approx(party["margin"]["mean"], rel=1e-13, abs=1e-6)
        assert float(row["margin worst"]) == pytest.approx(party["margin"]["worst"], rel=1e-13, abs=1e-6)
        assert float(row["expected overspend"]) == pytest.approx(party["expected_overspend"], rel=1e-13, abs=1e-6)


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    return results_folder(["run", str(ROOT / "Scenarios/pphmi-fund.yaml"), "--draws", "16", "--seed", "4"],
                          tmp_path_factory.mktemp("run-xlsx"))


def number_or_none(text):
    return None if text == "" else float(text)


def assert_board_sheet_equals_board_csv(sheet, board_csv):
    header, rows = sheet_rows(sheet)
    expected = list(csv.DictReader(board_csv.splitlines()))
    assert len(rows) == len(expected)
    keys = [k for k in expected[0] if k != "option"]
    words = {"frontier_status", "icer_comparator", "warning"}
    for row, want in zip(rows, expected):
        assert row[0] == want["option"]
        cells = dict(zip(keys, row[1:]))
        assert [cells[k] for k in keys if k not in words] == pytest.approx(
            [number_or_none(want[k]) for k in keys if k not in words], rel=1e-14, abs=1e-12)
        assert [cells[k] or "" for k in keys if k in words] == [want[k] for k in keys if k in words]
    # row 2 is base, with no increments: the first option is row 3
    assert sheet["F3"].number_format == POUNDS and sheet["T3"].number_format == PERCENT and sheet.freeze_panes == "A2"


def test_run_workbook_equals_summary_draws_and_the_board_csv(run_folder):
    book = openpyxl.load_workbook(run_folder / "results.xlsx")
    assert book.sheetnames == ["Summary", "Board table", "Summary table", "Draws", "Notes"]
    board_csv = subprocess.run([str(ROOT / ".build/debug/phm"), "compare", str(run_folder), "--format", "csv"],
                               capture_output=True, text=True, check=True).stdout
    assert_board_sheet_equals_board_csv(book["Board table"], board_csv)
    header, rows = sheet_rows(book["Summary table"])
    summary = read_csv(run_folder / "summary.csv")
    assert [tuple(r[:4]) for r in rows] == [(s["option"], s["metric"], s["group"], s["statistic"]) for s in summary]
    words = {"frontier_status", "icer_comparator", "warning"}  # metrics whose value is a word
    assert [r[4] for r in rows if r[1] in words] == [s["value"] for s in summary if s["metric"] in words]
    assert [r[4] for r in rows if r[1] not in words] == pytest.approx(
        [float(s["value"]) for s in summary if s["metric"] not in words], rel=1e-14, abs=1e-12)
    header, rows = sheet_rows(book["Draws"])
    draws = read_csv(run_folder / "draws.csv")
    assert header == list(draws[0].keys())
    assert [r[1] for r in rows] == [d["option"] for d in draws]
    numeric = [k for k in header if k != "option"]
    assert [v for r in rows for v in (r[0], *r[2:])] == pytest.approx([float(d[k]) for d in draws for k in numeric], rel=1e-14)
    manifest = json.loads((run_folder / "manifest.json").read_text())
    notes = {r[0]: r[1] for r in book["Notes"].iter_rows(values_only=True)}
    assert notes["scenario hash"] == manifest["scenario_hash"] and notes["seed"] == 4 and notes["draws"] == 16
    sentences = [r[0] for r in book["Summary"].iter_rows(values_only=True)]
    assert any("QALYs" in s or "£" in s for s in sentences[1:])


def test_compare_writes_a_new_workbook_and_never_overwrites_one(run_folder, tmp_path):
    phm = str(ROOT / ".build/debug/phm")
    out = tmp_path / "board.xlsx"
    done = subprocess.run([phm, "compare", str(run_folder), "--format", "xlsx", "--output", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    board_csv = subprocess.run([phm, "compare", str(run_folder), "--format", "csv"], capture_output=True, text=True, check=True).stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Board table", "Summary table", "Notes"]
    assert_board_sheet_equals_board_csv(book["Board table"], board_csv)
    before = out.read_bytes()
    again = subprocess.run([phm, "compare", str(run_folder), "--format", "xlsx", "--output", str(out)], capture_output=True, text=True)
    assert again.returncode == 73 and "already exists" in again.stderr
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["board.xlsx"]
    usage = subprocess.run([phm, "compare", str(run_folder), "--format", "xlsx"], capture_output=True, text=True)
    assert usage.returncode == 64 and "--output" in usage.stderr


def test_compare_timeline_workbook_equals_the_timeline_csv(tmp_path):
    """--timeline --format xlsx: one Timeline sheet, the long form of the CSV at full precision."""
    phm = str(ROOT / ".build/debug/phm")
    args = [phm, "compare", str(ROOT / "Scenarios/pphmi-fund.yaml"), "--draws", "12", "--seed", "5", "--timeline"]
    out = tmp_path / "timeline.xlsx"
    subprocess.run(args + ["--format", "xlsx", "--output", str(out)], capture_output=True, text=True, check=True)
    rows = list(csv.reader(io.StringIO(subprocess.run(args + ["--format", "csv"], capture_output=True, text=True, check=True).stdout)))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Timeline"]
    header, cells = sheet_rows(book["Timeline"])
    assert list(header) == ["year", "option", "metric", "mean", "low (2.5%)", "high (97.5%)"]
    assert len(cells) == len(rows) - 1
    for sheet_row, csv_row in zip(cells, rows[1:]):
        assert list(sheet_row[:3]) == csv_row[:3]
        assert [float(x) for x in sheet_row[3:]] == pytest.approx([float(x) for x in csv_row[3:]], rel=1e-12, abs=1e-9)
