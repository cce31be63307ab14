"""The board's harm warning on Tests/report/scenarios/harm-warning.yaml, where moving money out of
emergency care gains QALYs overall but raises deaths, mostly in the most deprived group (Q1): the
warning comes first in `phm run`'s table, in every format of `phm compare` and in the report, and
its numbers are the draws' own (recounted here from draws.csv).

Run from the repository root after `swift build`: python3 -m pytest Tests/report/test_harm_warning.py -q
"""

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build/debug/phm"))
SCENARIO = ROOT / "Tests/report/scenarios/harm-warning.yaml"
WARNING = "Warning: wellbeing-shift gains health overall but"


def phm(*args):
    return subprocess.run([str(PHM), *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=True).stdout


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("harm")
    stdout = phm("run", SCENARIO, "--out", out)
    folder = Path(stdout.strip().splitlines()[-1][len("report: "):]).parent
    return stdout, folder


def test_summary_probabilities_recount_from_the_draws(run):
    _, folder = run
    summary = json.loads((folder / "summary.json").read_text())
    option = summary["options"][1]
    harms = option["harms"]
    with open(folder / "draws.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    base = {r["draw"]: r for r in rows if r["option"] == "base"}
    shift = [r for r in rows if r["option"] == "wellbeing-shift"]
    q1 = [float(r["deaths_Q1"]) - float(base[r["draw"]]["deaths_Q1"]) for r in shift]
    total = [float(r["deaths"]) - float(base[r["draw"]]["deaths"]) for r in shift]
    assert harms["groups"][0]["probability_more"] == pytest.approx(sum(d > 1e-6 for d in q1) / len(q1))
    assert harms["probability_more_deaths"] == pytest.approx(sum(d > 1e-6 for d in total) / len(total))
    assert harms["deaths"]["mean"] == pytest.approx(sum(total) / len(total), rel=1e-9)
    assert harms["deaths"]["mean"] == pytest.approx(option["incremental"]["deaths"]["mean"], rel=1e-9)
    # By hand (the scenario's header): 15 more deaths a year in Q1 and 5 in Q2 over 5 years,
    # a little fewer as the deaths thin the population; 400 unmet admissions a year.
    assert 60 < harms["groups"][0]["change"]["mean"] <= 75
    assert 80 < harms["deaths"]["mean"] <= 100
    assert 1900 < harms["services"][0]["change"]["mean"] <= 2000
    assert option["incremental"]["qalys"]["mean"] > 0 and harms["warns"] is True


def test_warning_leads_the_run_table(run):
    stdout, _ = run
    lines = stdout.splitlines()
    assert lines[2].startswith(WARNING), "the warning is the first thing under the run's heading, before the table"
    assert "most of them in the most deprived group (Q1)" in lines[2]
    assert "emergency_admission" in lines[2]
    assert lines.index(lines[2]) < next(i for i, line in enumerate(lines) if line.startswith("option "))


def test_warning_in_every_compare_format(run, tmp_path):
    _, folder = run
    text = phm("compare", folder)
    assert text.splitlines()[2].startswith(WARNING)
    sentences = [line for line in text.splitlines() if "wellbeing-shift gains " in line and "QALYs over" in line]
    assert len(sentences) == 1 and sentences[0].startswith(WARNING), "the option's sentence starts with its warning"

    markdown = phm("compare", folder, "--format", "md")
    assert "**" + WARNING in markdown, "bold in Markdown"
    bullet = next(line for line in markdown.splitlines() if line.startswith("- **" + WARNING))
    assert "wellbeing-shift gains" in bullet.split("**")[2], "the option's sentence follows its warning"

    rows = list(csv.DictReader(io.StringIO(phm("compare", folder, "--format", "csv"))))
    assert rows[0]["warning"] == "" and rows[1]["warning"].startswith(WARNING)
    assert float(rows[1]["deaths_change_most_deprived"]) > 0

    board = json.loads(phm("compare", folder, "--format", "json"))
    assert board["rows"][1]["warning"].startswith(WARNING)
    assert board["sentences"][0].startswith(WARNING)

    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "board.xlsx"
    phm("compare", folder, "--format", "xlsx", "--output", book)
    sheets = openpyxl.load_workbook(book)
    answer = [row[0] for row in sheets["Summary"].iter_rows(values_only=True)]
    assert any(str(cell).startswith(WARNING) for cell in answer)
    header = [cell.value for cell in sheets["Board table"][1]]
    assert sheets["Board table"].cell(row=3, column=header.index("warning") + 1).value.startswith(WARNING)


def test_warning_first_and_bold_in_the_report(run):
    _, folder = run
    html = (folder / "report.html").read_text()
    answer = html[html.index("The answer"):]
    first = re.search(r"<li>(.*?)</li>", answer, re.S).group(1)
    assert first.startswith("<strong>" + WARNING), "bold, and first in the option's text"
    assert "deaths" in html.lower()
    markdown = (folder / "report.md").read_text()
    assert "- **" + WARNING in markdown


def test_compare_brief_in_every_format_leads_with_the_warning(run, tmp_path):
    _, folder = run
    text = phm("compare", SCENARIO, "--brief")
    assert text.splitlines()[3].startswith(WARNING), "the answer starts with the warning"
    assert "pays back" in text, "a scenario file has the yearly detail"
    markdown = phm("compare", folder, "--brief", "--format", "md")
    assert "- **" + WARNING in markdown and "![" not in markdown, "bold, and no links to chart files that stdout cannot carry"
    rows = list(csv.DictReader(io.StringIO(phm("compare", folder, "--brief", "--format", "csv"))))
    assert rows[1]["warning"].startswith(WARNING) and "frontier_status" not in rows[1]
    summary = json.loads((folder / "summary.json").read_text())
    assert float(rows[1]["deaths_change"]) == summary["options"][1]["incremental"]["deaths"]["mean"]
    brief = json.loads(phm("compare", folder, "--brief", "--format", "json"))
    assert brief["sentences"][0].startswith(WARNING) and brief["warnings"] == [rows[1]["warning"]]
    assert brief.get("payback") is None, "a results folder read back has no yearly detail"
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "brief.xlsx"
    phm("compare", folder, "--brief", "--format", "xlsx", "--output", book)
    answer = [row[0] for row in openpyxl.load_workbook(book)["Summary"].iter_rows(values_only=True)]
    assert answer[:2] == ["Answer", brief["heading"]] and str(answer[2]).startswith(WARNING)


def test_summary_csv_carries_the_harm_numbers(run):
    _, folder = run
    harms = json.loads((folder / "summary.json").read_text())["options"][1]["harms"]
    with open(folder / "summary.csv", newline="") as f:
        rows = {(r["option"], r["metric"], r["group"], r["statistic"]): r["value"] for r in csv.DictReader(f)}
    option = "wellbeing-shift"
    assert float(rows[(option, "probability_more_deaths", "Q1", "value")]) == harms["groups"][0]["probability_more"]
    assert float(rows[(option, "probability_more_unmet", "emergency_admission", "value")]) == harms["services"][0]["probability_more"]
    assert float(rows[(option, "incremental_unmet", "all", "mean")]) == harms["unmet"]["mean"]
    assert rows[(option, "harm_warning", "all", "value")] == "1.0"
