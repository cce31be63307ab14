"""Every bad file is refused by `phm validate` with one positioned message and exit 65 or 66,
and the root error does not bring follow-on errors (issue 14). Each test breaks the default
scenario in one way, as a person would, and checks the exact first line.
Run: python3 -m pytest Tests/cli/test_bad_files.py -q
"""

import re

import pytest

from test_cli import ROOT, phm

SCENARIO = ROOT / "Scenarios/ics-core20plus5.yaml"
TEXT = SCENARIO.read_text()


def line_of(text, needle, start=0):
    return text[:text.index(needle, start)].count("\n") + 1


def validate(tmp_path, content, name="bad.yaml"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = phm("validate", path, check=False)
    return result, [line.replace(str(tmp_path) + "/", "") for line in result.stderr.splitlines()]


def test_a_duplicated_key_names_both_lines_and_its_path(tmp_path):
    text = TEXT.replace("    exit_rate: 0.0 ", "    prevalence: 0.1\n    exit_rate: 0.0 ", 1)
    first = line_of(text, "    prevalence:")
    second = line_of(text, "    prevalence: 0.1")
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{second}:5: needs.hypertension.prevalence: key `prevalence` appears twice (first at line {first})"]


def test_a_duplicated_top_level_key_echoes_nothing_of_the_file(tmp_path):
    text = TEXT.replace("horizon: 10 ", "horizon: 10\nhorizon: 11 ", 1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    line = line_of(text, "horizon: 11")
    assert lines == [f"bad.yaml:{line}:1: horizon: key `horizon` appears twice (first at line {line - 1})"]


def test_a_tab_in_the_indentation_is_named(tmp_path):
    text = TEXT.replace("\n    exit_rate: 0.0 ", "\n\texit_rate: 0.0 ", 1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(text, chr(9) + 'exit_rate')}:1: a tab in the indentation; YAML indents with spaces only (replace the tab with spaces)"]


def test_bytes_that_are_not_utf8_give_line_and_column(tmp_path):
    data = TEXT.encode()
    at = data.index(b"threshold")
    result, lines = validate(tmp_path, data[:at + 4] + b"\xc3\x28" + data[at + 4:])
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(TEXT, 'threshold')}:5: byte 0xC3 is not UTF-8 text; save the file as UTF-8"]


def test_a_control_character_is_positioned(tmp_path):
    text = TEXT.replace("name: ics-core20plus5", "name: ics-core\x0720plus5", 1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(text, 'name: ics')}:15: control character U+0007 is not allowed in YAML; delete it"]


def test_deep_nesting_says_so_without_libyaml_internals(tmp_path):
    result, lines = validate(tmp_path, TEXT + "\nextra: " + "[" * 1500 + "]" * 1500 + "\n")
    assert result.returncode == 65 and len(lines) == 1
    assert "nested too deeply" in lines[0] and "yaml_" not in result.stderr
    assert re.match(r"bad\.yaml:\d+:\d+: ", lines[0])


def test_one_wrong_lag_gives_one_error(tmp_path):
    text = re.sub(r"lag: \d+", "lag: -1", TEXT, count=1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(text, 'lag: -1')}:10: interventions.hypertension_case_finding.lag: expected a whole number from 0 to 100, found -1"]


def test_one_empty_dimension_gives_one_error(tmp_path):
    text = TEXT.replace("  imd: [Q1, Q2, Q3, Q4, Q5]  ", "  imd: []  ", 1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(text, 'imd: []')}:8: dimensions.imd: expected at least one level"]


@pytest.mark.parametrize("table", ["/dev/null", "/tmp"])
def test_a_device_or_folder_as_table_is_not_a_csv_file(tmp_path, table):
    start = TEXT.index("\ncohorts:")
    end = start + re.search(r"\n[a-z_]+:", TEXT[start + 1:]).start() + 1
    text = TEXT[:start] + f"\ncohorts: {{table: {table}}}" + TEXT[end:]
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(text, 'cohorts: {table')}:18: cohorts.table: cannot read the cohort table {table}: not a CSV file (a folder or a device)"]


def test_a_table_path_is_shown_as_written(tmp_path):
    start = TEXT.index("\ncohorts:")
    end = start + re.search(r"\n[a-z_]+:", TEXT[start + 1:]).start() + 1
    (tmp_path / "sub").mkdir()
    text = TEXT[:start] + "\ncohorts: {table: ../missing.csv}" + TEXT[end:]
    result, lines = validate(tmp_path, text, name="sub/bad.yaml")
    assert result.returncode == 65
    assert lines[0].endswith("cohorts.table: cannot read the cohort table sub/../missing.csv: no such file (tables are found relative to the scenario)")


def test_missing_and_empty_files_exit_66(tmp_path):
    result = phm("validate", tmp_path / "nope.yaml", check=False)
    assert result.returncode == 66 and result.stderr.count("\n") == 1
    result, lines = validate(tmp_path, "")
    assert result.returncode == 66 and lines == ["bad.yaml: the file is empty; expected a scenario (see `phm new`)"]


def test_help_lists_the_exit_codes(tmp_path):
    text = " ".join(phm("--help").stdout.split())  # the help wraps lines at the terminal width
    for code in ["0 ok", "64 usage", "65 invalid", "66 missing", "70 internal", "73 cannot create", "74 read or write failed", "130 interrupted"]:
        assert code in text, code


ZERO_POPULATION = re.sub(r"population: \d+,", "population: 0,", TEXT)


@pytest.mark.parametrize("old, new, expected", [
    ("utility: 0.893, growth: 0.001", "utility: 0.893, growth: -2",
     "cohorts.0.growth: the value -2 is a yearly growth rate and must be greater than −1 (−100%)"),
    ("utility: 0.893,", "utility: 2,", "cohorts.0.utility: the value 2 is a share and must be within [0, 1]"),
    ("utility_loss: {dist: beta, mean: 0.02, sd: 0.006}", "utility_loss: -1",
     "needs.hypertension.utility_loss: the value -1 must not be negative"),
    ("excess_deaths:\n      base: 0.0008\n", "excess_deaths:\n      base: 2\n",
     "needs.hypertension.excess_deaths: resolves to 2.6 for cohort Q1/0-17 (and 19 more cohorts); the value is a rate per person-year and must be within [0, 1]"),
    ("access: {practice_nurse: 0.5}", "access: {practice_nurse: 1.4}",
     "interventions.hypertension_case_finding.effects.access.practice_nurse: the value 1.4 is a share and must be within [0, 1]"),
    ("threshold: 20000 ", "threshold: 1e308 ", "threshold: expected a number in [0, 10000000], found 1e+308"),
    ("name: ics-core20plus5", "name: " + "a" * 255, "name: the name has 255 characters; at most 64 (it names the results folder)"),
    ("utility_loss: {dist: beta, mean: 0.02, sd: 0.006}", "utility_loss: {dist: gamma, mean: 1e-300, sd: 1e300}",
     "needs.hypertension.utility_loss: 1e+300 is beyond the largest value phm accepts (±10¹², see docs/MODEL-NOTES.md \"Value limits\")"),
    ("utility_loss: {dist: beta, mean: 0.02, sd: 0.006}", "utility_loss: {dist: gamma, mean: 0.02, sd: 0.1}",
     "needs.hypertension.utility_loss: gamma with mean 0.02 and sd 0.1 has shape (mean/sd)² = 0.04; draws stay finite for shape ≥ 0.05, i.e. sd ≤ 0.0894"),
    ("baseline_health: {Q1: 63.20,", "baseline_health: {Q1: 0,",
     "equity.baseline_health.Q1: expected a number in [1, 1000], found 0"),
    ("    set:\n", "    set:\n      cohorts.Q1/0-17.population: 5\n",
     "options.upstream-2pc.set.cohorts.Q1/0-17.population: `set` cannot change a cohort row (population, utility and growth describe the population, not an option; docs/MODEL-NOTES.md); set a need, service or intervention value"),
    ('    set:\n      # assumption', '    set:\n      "services.practice_nurse.access.base": 1.4\n      # assumption',
     "options.upstream-2pc.set.services.practice_nurse.access.base: the value 1.4 is a share and must be within [0, 1]"),
])
def test_what_run_would_fail_on_is_refused_by_validate(tmp_path, old, new, expected):
    """Each value that once passed validate and then broke `phm run` (exit 1, negative deaths,
    "nan" in summary.json) is refused at its position with one message."""
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    result, lines = validate(tmp_path, text)
    assert result.returncode == 65
    assert len(lines) == 1, lines
    assert re.match(r"bad\.yaml:\d+:\d+: ", lines[0]), lines[0]
    assert lines[0].split(": ", 1)[1] == expected


def test_an_all_zero_population_is_refused(tmp_path):
    result, lines = validate(tmp_path, ZERO_POPULATION)
    assert result.returncode == 65
    assert lines == [f"bad.yaml:{line_of(ZERO_POPULATION, '  - {imd: Q1')}:3: cohorts: every cohort has population 0; at least one cohort needs people"]
