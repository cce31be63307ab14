"""End-to-end tests of the `phm` command line, as a user runs it.

They run the debug binary that `make test` builds (`swift build --build-tests`), on the example
scenarios with small draw counts, and check what issues 4 and 5 promise at the command line:
the `--json` fields, bit-identical `draws.csv` whatever `--threads`, exit codes and messages for
bad input, Ctrl-C leaving nothing behind, that the printed board table shows the numbers in
`summary.json`, and `phm equity --baseline-only` against an independent NumPy computation of
MODEL.md §4's indices. Run: python3 -m pytest Tests/cli -q
"""

import csv
import io
import json
import math
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))
EXAMPLES = sorted((ROOT / "Scenarios").glob("*.yaml"))


def phm(*args, check=True):
    result = subprocess.run([str(PHM), *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"phm {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def results_folder(stdout):
    for line in stdout.splitlines():
        if line.startswith("results: "):
            return Path(line[len("results: "):].strip())
    raise AssertionError("no `results:` line in\n" + stdout)


def number(cell):
    """'+1,240', '−£0.35m', '£14.6m', '0.83' → float (£m cells in £)."""
    text = cell.replace("−", "-").replace(",", "").replace("+", "").strip()
    scale = 1.0
    if text.endswith("m") and "£" in text:
        scale, text = 1e6, text[:-1]
    return float(text.replace("£", "")) * scale


def shows(cell, value, unit):
    """The cell is `value` rounded to `unit` (half a unit either way, and a little for ties)."""
    return abs(number(cell) - value) <= unit / 2 + 1e-9 * max(1.0, abs(value))


def table_rows(stdout, first_header):
    """The rows of the text table whose header starts with `first_header`, split on 2+ spaces."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first_header))
    rows = []
    for line in lines[start + 2:]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


@pytest.fixture(scope="module")
def built():
    if not PHM.exists():
        pytest.fail(f"{PHM} is missing: run `swift build` first (make test does)")
    return PHM


def test_json_has_the_fields_issue_4_names(built, tmp_path):
    out = phm("run", ROOT / "Scenarios/ics-core20plus5.yaml", "--draws", 32, "--seed", 5, "--json", "--out", tmp_path).stdout
    summary = json.loads(out)
    names = [o["name"] for o in summary["options"]]
    assert names[0] == "base" and len(names) >= 2
    for option in summary["options"]:
        for key in ("qalys", "cost"):
            interval = option[key]
            slack = 1e-9 * abs(interval["mean"])  # a mean of equal values may round past them
            assert interval["low"] - slack <= interval["mean"] <= interval["high"] + slack
        assert option["deaths"]["mean"] > 0
        # life-years: people alive each year summed, fewer than horizon × year-0 population
        # here (deaths leave the population faster than it grows), and more than half of it
        population = sum(g["population"] for g in option["groups"])
        assert set(option["life_years"]) == {"mean", "low", "high"}
        assert 0.5 * 10 * population < option["life_years"]["mean"] < 1.1 * 10 * population
        assert 0 < option["qalys_after_horizon"]["mean"] < option["qalys"]["mean"]
        assert [g["name"] for g in option["groups"]] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
        for group in option["groups"]:
            assert group["population"] > 0 and group["qalys"]["mean"] > 0
            assert {"qalys", "deaths", "life_years"} <= set(group)
            assert set(group["life_years"]) == {"mean", "low", "high"}
            assert ("incremental_life_years" in group) == (option["name"] != "base")
        # the groups add up to the total, draw by draw, so their means add up too
        for key in ("qalys", "deaths", "life_years"):
            assert math.isclose(sum(g[key]["mean"] for g in option["groups"]), option[key]["mean"], rel_tol=1e-9)
        if option["name"] != "base":
            for key in ("qalys", "cost"):
                inc = option["incremental"][key]
                assert inc["low"] <= inc["high"]
            base = summary["options"][0]
            assert math.isclose(option["incremental"]["life_years"]["mean"],
                                option["life_years"]["mean"] - base["life_years"]["mean"], rel_tol=1e-6, abs_tol=1e-6)
            assert math.isclose(sum(g["incremental_deaths"]["mean"] for g in option["groups"]),
                                option["incremental"]["deaths"]["mean"], rel_tol=1e-6, abs_tol=1e-6)
            assert math.isclose(option["incremental"]["qalys"]["mean"], option["qalys"]["mean"] - base["qalys"]["mean"],
                                rel_tol=1e-6, abs_tol=1e-6)
        for key in ("gap", "relative_gap", "sii", "rii", "concentration"):
            assert set(option["equity"][key]) == {"mean", "low", "high"}
        assert set(option["equity"]["atkinson"]) >= {"0.5", "1", "2", "5", "10"}
        assert {"icer", "nmb", "evpi"} <= set(option["economics"])
    assert len(list(tmp_path.rglob("summary.json"))) == 1
    # yearly.csv: each year's deaths and life-years with intervals; the yearly changes against base
    # add up to the whole-horizon change in summary.json (both are means of per-draw sums)
    with open(next(tmp_path.rglob("yearly.csv"))) as handle:
        years = [r for r in csv.DictReader(handle) if r["service"] == "*"]
    for option in summary["options"]:
        rows = [r for r in years if r["option"] == option["name"]]
        assert len(rows) == 10
        for r in rows:
            assert float(r["deaths_low"]) <= float(r["deaths"]) * (1 + 1e-12) <= float(r["deaths_high"]) * (1 + 1e-9)
        assert math.isclose(sum(float(r["life_years"]) for r in rows), option["life_years"]["mean"], rel_tol=1e-9)
        if option["name"] != "base":
            assert math.isclose(sum(float(r["incremental_deaths"]) for r in rows), option["incremental"]["deaths"]["mean"],
                                rel_tol=1e-6, abs_tol=1e-6)


def test_draws_are_bit_identical_for_any_thread_count(built, tmp_path):
    files = []
    for threads, seed in ((1, 11), (2, 11), (2, 12)):
        out = phm("run", ROOT / "Scenarios/upstream-shift.yaml", "--draws", 40, "--seed", seed,
                  "--threads", threads, "--out", tmp_path / f"t{threads}s{seed}").stdout
        files.append((results_folder(out) / "draws.csv").read_bytes())
    assert files[0] == files[1], "same seed, different --threads: draws.csv differs"
    header = files[0].decode().splitlines()[0].split(",")
    assert header[:7] == ["draw", "option", "qalys", "cost", "deaths", "life_years", "qalys_after_horizon"]
    assert "life_years_Q1" in header and "deaths_Q5" in header
    assert files[0] != files[2], "a different seed gave the same draws"


@pytest.mark.parametrize("scenario", EXAMPLES, ids=lambda p: p.stem)
def test_board_table_shows_the_numbers_in_summary_json(built, tmp_path, scenario):
    out = phm("run", scenario, "--draws", 24, "--seed", 3, "--out", tmp_path).stdout
    summary = json.loads((results_folder(out) / "summary.json").read_text())
    options = {o["name"]: o for o in summary["options"]}
    lines = out.splitlines()
    header = re.split(r"\s{2,}", next(line for line in lines if line.startswith("option ")).strip())
    rows = [dict(zip(header, row)) for row in table_rows(out, "option")]
    assert [r["option"] for r in rows] == list(options)
    net = summary["health_headline"] == "net_of_opportunity_cost"
    health = "QALYs gained, net of opportunity cost (95% interval)" if net else "QALYs gained (95% interval)"
    days = summary["health_is_expectancy"]
    gap = "Δgap (days)" if days else "Δgap (QALYs per person)"
    q1 = f"Δdeaths {summary['groups'][0]}"
    for row in rows:
        option = options[row["option"]]
        # each cell is the JSON value rounded for display: within half a unit of its last digit
        assert shows(row["QALYs"], option["qalys"]["mean"], 1)
        assert shows(row["cost"], option["cost"]["mean"], 0.1e6)
        economics = option["economics"]
        assert shows(row["P(best value) @£20k"], economics["probability_best_value"], 0.01)
        status = {"frontier": "frontier", "dominated": "dominated", "extendedly_dominated": "ext. dominated"}
        assert row["frontier"] == status[economics["frontier_status"]]
        if economics["icer"] is None:
            assert row["ICER £/QALY (vs)"] == "–"
        else:
            icer, comparator = row["ICER £/QALY (vs)"].split(" vs ")
            assert shows(icer.lstrip("£"), economics["icer"], 1) and comparator == economics["icer_comparator"]
        if option["name"] == "base":
            assert all(row[k] == "–" for k in [health, "Δdeaths (95% interval)", q1, "Δunmet demand", "NMB @£20k", "P(CE vs base) @£20k", gap])
            assert economics["probability_cost_effective_vs_base"] is None
            continue
        increment = option["incremental"]
        assert shows(row["P(CE vs base) @£20k"], economics["probability_cost_effective_vs_base"], 0.01)
        assert shows(row[health].split(" (")[0], increment["net_health"]["mean"], 1)
        if net:
            assert shows(row["QALYs gained, gross"], increment["qalys"]["mean"], 1)
        assert shows(row["Δcost (95% interval)"].split(" (")[0], increment["cost"]["mean"], 0.01e6)
        assert shows(row["Δdeaths (95% interval)"].split(" (")[0], increment["deaths"]["mean"], 0.1)
        assert shows(row[q1], option["groups"][0]["incremental_deaths"]["mean"], 0.1)
        assert shows(row["Δunmet demand"], option["harms"]["unmet"]["mean"], 1)
        assert shows(row["Δlife-years"], increment["life_years"]["mean"], 1)
        assert shows(row["NMB @£20k"], economics["nmb"]["mean"], 0.01e6)
        shown = row[gap]
        decimals = len(shown.split(".")[1]) if "." in shown else 0
        assert shows(shown, option["equity"]["gap_change"]["mean"] * (365.25 if days else 1), 10 ** -decimals)
        assert shows(row["ΔSII"], option["equity"]["sii_change"]["mean"], 0.0001)
    ranking = table_rows(out, "inequality aversion")
    by_epsilon = {r["epsilon"]: r["order"] for r in summary["rank_by_epsilon"]}
    for row, epsilon in zip(ranking, ["0", "0.5", "1", "2", "5", "10", "inf"]):
        assert row[1] == by_epsilon[epsilon][0]
        assert row[2] == " > ".join(by_epsilon[epsilon])


def indices(health, population, epsilon=1.0, alpha=0.5):
    """MODEL.md §4 written out in NumPy, independently of the Swift code."""
    h, p = np.asarray(health, float), np.asarray(population, float) / np.sum(population)
    mean = p @ h
    ridit = np.cumsum(p) - p / 2
    x_bar = p @ ridit
    slope = (p * (ridit - x_bar)) @ (h - mean) / ((p * (ridit - x_bar)) @ (ridit - x_bar))
    ede = math.exp(p @ np.log(h)) if epsilon == 1 else (p @ h ** (1 - epsilon)) ** (1 / (1 - epsilon))
    kolm_ede = mean - math.log(p @ np.exp(-alpha * (h - mean))) / alpha
    return {
        "gap": h[-1] - h[0], "relative_gap": h[-1] / h[0], "sii": slope, "rii": slope / mean,
        "concentration": 2 * (p * h) @ ridit / mean - 1, "atkinson": 1 - ede / mean, "kolm": mean - kolm_ede,
    }


@pytest.mark.parametrize("name", ["ics-core20plus5", "upstream-shift"])
def test_equity_baseline_only_matches_an_independent_computation(built, name):
    path = ROOT / "Scenarios" / f"{name}.yaml"
    spec = yaml.safe_load(path.read_text())
    groups = spec["dimensions"][spec["equity"]["dimension"]]
    baseline = [spec["equity"]["baseline_health"][g] for g in groups]
    report = json.loads(phm("equity", path, "--baseline-only", "--deterministic", "--json").stdout)
    base = report["options"][0]
    assert [o["name"] for o in report["options"]] == ["base"]
    assert [g["name"] for g in base["groups"]] == groups
    assert [g["health"]["mean"] for g in base["groups"]] == pytest.approx(baseline, rel=1e-12)
    expected = indices(baseline, [g["population"] for g in base["groups"]])
    equity = base["equity"]
    for key in ("gap", "relative_gap", "sii", "rii", "concentration"):
        assert equity[key]["mean"] == pytest.approx(expected[key], rel=1e-9), key
    assert equity["atkinson"]["1"]["mean"] == pytest.approx(expected["atkinson"], rel=1e-9)
    assert equity["kolm"]["0.5"]["mean"] == pytest.approx(expected["kolm"], rel=1e-9)
    assert equity["ede"]["inf"]["mean"] == pytest.approx(min(baseline), rel=1e-12)
    text = phm("equity", path, "--baseline-only", "--deterministic").stdout
    gap_row = next(r for r in table_rows(text, "index") if r[0] == "gap")
    assert shows(gap_row[1], expected["gap"], 0.01)


def test_equity_json_welfare_matches_an_independent_computation(built):
    """Deterministic run (one draw): from each option's group health and populations, NumPy
    computes the Atkinson and Kolm EDE, welfare W = EDE × population keyed by option name, its
    change against base, the rankings, and the best option on each side of every Kolm switch."""
    report = json.loads(phm("equity", ROOT / "Scenarios/pphmi-fund.yaml", "--deterministic", "--json").stdout)
    names = [o["name"] for o in report["options"]]
    assert report["kolm_aversion_switches"], "pphmi-fund has a Kolm switch (community-led overtakes analytics-led)"

    def ede(h, p, epsilon=None, alpha=None):
        if alpha is not None:
            low = h.min()
            return low - math.log(p @ np.exp(-alpha * (h - low))) / alpha
        return math.exp(p @ np.log(h)) if epsilon == 1 else (p @ h ** (1 - epsilon)) ** (1 / (1 - epsilon))

    health = {o["name"]: np.array([g["health"]["mean"] for g in o["groups"]]) for o in report["options"]}
    population = np.array([g["population"] for g in report["options"][0]["groups"]])
    p, total = population / population.sum(), population.sum()
    for key, kind, value in (("rank_by_epsilon", "epsilon", 2), ("rank_by_alpha", "alpha", 0.5)):
        ranking = next(r for r in report[key] if r[kind] == str(value))
        kwargs = {kind: value}
        welfare = {n: ede(health[n], p, **kwargs) * total for n in names}
        assert set(ranking["welfare"]) == set(names)
        for n in names:
            assert ranking["welfare"][n] == pytest.approx(welfare[n], rel=1e-9)
        assert ranking["order"] == sorted(names, key=lambda n: -welfare[n])
    for option in report["options"][1:]:
        equity, n = option["equity"], option["name"]
        assert equity["kolm_ede"]["0.5"]["mean"] == pytest.approx(ede(health[n], p, alpha=0.5), rel=1e-9)
        change = (ede(health[n], p, epsilon=2) - ede(health["base"], p, epsilon=2)) * total
        assert equity["ede_change_times_population"]["2"]["mean"] == pytest.approx(change, rel=1e-6, abs=1e-6)
        change = (ede(health[n], p, alpha=1) - ede(health["base"], p, alpha=1)) * total
        assert equity["kolm_ede_change_times_population"]["1"]["mean"] == pytest.approx(change, rel=1e-6, abs=1e-6)
    assert "ede_change_times_population" not in report["options"][0]["equity"] or report["options"][0]["equity"]["ede_change_times_population"] is None
    for switch in report["kolm_aversion_switches"]:
        best = lambda a: max(names, key=lambda n: ede(health[n], p, alpha=a))
        assert best(switch["alpha"] * 0.999) == switch["from"] and best(switch["alpha"] * 1.001) == switch["to"]
    assert "kolm_ede" in report["definitions"]


def test_a_missing_file_exits_66_naming_it(built, tmp_path):
    result = phm("run", tmp_path / "nowhere.yaml", check=False)
    assert result.returncode == 66
    assert "nowhere.yaml" in result.stderr


def test_a_misspelt_key_exits_65_with_line_key_path_and_suggestion(built, tmp_path):
    text = (ROOT / "Scenarios/upstream-shift.yaml").read_text().replace("threshold:", "treshold:", 1)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("treshold:"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = phm("run", bad, "--out", tmp_path / "out", check=False)
    assert result.returncode == 65
    assert f"bad.yaml:{line}:1: treshold" in result.stderr
    assert "threshold" in result.stderr.split("treshold", 1)[1]
    assert not (tmp_path / "out").exists()


def test_ctrl_c_stops_the_run_and_leaves_no_results(built, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen([str(PHM), "run", "Scenarios/bench/bench.yaml", "--draws", "100000", "--threads", str(max(2, os.cpu_count() or 2)),
                                "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    # every core is simulating: the handler must still run at once (it once waited for the run)
    process.communicate(timeout=15)
    assert process.returncode == 130
    leftovers = [p for p in out.rglob("*")] if out.exists() else []
    assert not [p for p in leftovers if p.is_file()], leftovers


def test_payments_json_has_the_fields_issues_7_and_17_name(built, tmp_path):
    report = json.loads(phm("payments", ROOT / "Scenarios/frailty-cohort.yaml", "--draws", 40, "--json",
                            "--out", tmp_path).stdout)
    assert report["years"] == [f"{2026 + t}/{27 + t}" for t in range(10)]
    contract = next(c for c in report["contracts"] if c["name"] == "frailty-alliance")
    assert (contract["current"], contract["proposed"]) == ("activity", "cohort-budget")
    models = {m["model"]: m for m in contract["models"]}
    assert {"activity", "block", "blended", "capitation", "cohort-budget"} <= set(models)
    for model in models.values():
        assert [y["year"] for y in model["cash_by_year"]] == report["years"]
        for year in model["cash_by_year"]:
            # the worst case of a payment is its 99th percentile: beyond P95
            assert year["p5"] <= year["mean"] * (1 + 1e-12) + 1e-6 <= year["p95"] * (1 + 1e-12) + 2e-6
            assert year["p95"] <= year["worst"] * (1 + 1e-12) + 1e-6
        parties = model["parties"]
        assert [p["role"] for p in parties] == ["commissioner", "provider", "member", "member", "member"]
        # members' incomes and costs add up to the alliance's
        for key in ("income", "cost", "margin"):
            assert sum(p[key]["mean"] for p in parties[2:]) == pytest.approx(parties[1][key]["mean"], rel=1e-9, abs=1e-3)
        # commissioner and provider carry all of outturn's variance between them
        assert parties[0]["outturn_variance_share"] + parties[1]["outturn_variance_share"] == pytest.approx(1, abs=1e-9)
        for party in parties:
            assert 0 <= party["p_loss"] <= 1 and party["expected_overspend"] <= party["p95_overspend"] + 1e-6 or party["p95_overspend"] == 0
        for trigger in model["triggers"]:
            assert 0 <= trigger["share_of_years"] <= trigger["share_of_draws"] <= 1
    # a block payment does not move with demand: the commissioner's payment is the same in every draw
    for year in models["block"]["cash_by_year"]:
        assert year["p5"] == pytest.approx(year["p95"], rel=1e-12)
    # paid per unit, less demand means less income; paid per head, it means less cost
    assert models["activity"]["incentive_alignment"]["mean"] < 0 < models["capitation"]["incentive_alignment"]["mean"]
    assert {t["name"] for t in models["cohort-budget"]["triggers"]} >= {"gain cap binds", "loss cap binds"}


def test_payments_help_lists_every_file_it_writes(built, tmp_path):
    help_text = phm("payments", "--help").stdout
    folder = results_folder(phm("payments", ROOT / "Scenarios/ics-core20plus5.yaml", "--draws", 8, "--out", tmp_path).stdout)
    written = {p.name for p in folder.iterdir()}
    for name in written:
        listed = name if not name.startswith("chart-") else "chart-*.svg"
        assert listed in help_text, name
    assert "--worst" in help_text
    # --worst 0.05: the worst case is the 95th percentile of a payment and the 5th of a margin
    report = json.loads(phm("payments", ROOT / "Scenarios/ics-core20plus5.yaml", "--draws", 8, "--worst", 0.05, "--json",
                            "--out", tmp_path).stdout)
    model = report["contracts"][0]["models"][0]
    assert report["worst_share"] == 0.05
    assert all(y["worst"] == pytest.approx(y["p95"], rel=1e-12) for y in model["cash_by_year"])
    assert all(p["margin"]["worst"] == pytest.approx(p["margin"]["p5"], rel=1e-12) for p in model["parties"])
    assert phm("payments", ROOT / "Scenarios/ics-core20plus5.yaml", "--worst", 0.7, check=False).returncode == 64


def test_compare_timeline_ends_at_the_runs_increments(built, tmp_path):
    """The last year of the cumulative timeline is the whole-horizon increment of summary.json,
    interval included (both are percentiles of the same per-draw values), in every format."""
    args = [ROOT / "Scenarios/upstream-shift.yaml", "--draws", 24, "--seed", 9]
    summary = json.loads(phm("run", *args, "--json", "--out", tmp_path).stdout)
    timeline = json.loads(phm("compare", *args, "--timeline", "--format", "json").stdout)
    assert timeline["health_headline"] == "net_of_opportunity_cost"
    start = yaml.safe_load((ROOT / "Scenarios/upstream-shift.yaml").read_text())["start_year"]
    assert timeline["years"][0] == f"{start}/{(start + 1) % 100:02d}"
    assert len(timeline["years"]) == summary["horizon"]
    rows = list(csv.DictReader(io.StringIO(phm("compare", *args, "--timeline", "--format", "csv").stdout)))
    assert list(rows[0]) == ["year", "option", "metric", "mean", "low", "high"]
    for option, line in zip(summary["options"][1:], timeline["options"]):
        last, increment = line["years"][-1], option["incremental"]
        for key in ("mean", "low", "high"):
            assert last["health"][key] == pytest.approx(increment["net_health"][key], rel=1e-9, abs=1e-6)
            assert last["cost_change"][key] == pytest.approx(increment["cost"][key], rel=1e-9, abs=1e-3)
        csv_last = [r for r in rows if r["year"] == timeline["years"][-1] and r["option"] == option["name"]]
        assert float(csv_last[0]["mean"]) == pytest.approx(last["health"]["mean"], rel=1e-12)
    text = phm("compare", *args, "--timeline").stdout
    assert "year 0" not in text and timeline["years"][-1] in text
    assert "# Timeline: upstream-shift" in phm("compare", *args, "--timeline", "--format", "md").stdout


def test_frontier_without_a_trade_off_is_one_point_and_says_so(built, tmp_path):
    """On upstream-shift without deaths the total-health allocation already has the smallest
    reachable gap (the upstream programmes help the most deprived most), so there is nothing to
    sweep. (With deaths counted, the example has a trade-off to sweep.)"""
    text = (ROOT / "Scenarios/upstream-shift.yaml").read_text()
    text = re.sub(r"(excess_deaths|deaths_per_unmet): [^\n#]*?(\s*(#[^\n]*)?\n)", r"\1: 0\2", text)
    scenario = tmp_path / "upstream-no-deaths.yaml"
    scenario.write_text(text)
    args = ["frontier", scenario, "--deterministic", "--out", tmp_path]
    frontier = json.loads(phm(*args, "--json").stdout)
    assert len(frontier["points"]) == 1
    assert frontier["unconstrained_gap"] == pytest.approx(frontier["smallest_gap"], rel=1e-9)
    assert frontier["reading"]["cases"] == ["one_point"] and frontier["reading"]["days_closed"] == 0
    assert "No trade-off" in phm(*args).stdout


def test_frontier_json_reads_in_days(built, tmp_path):
    """The reading of a frontier with a trade-off, recomputed from its own points."""
    frontier = json.loads(phm("frontier", ROOT / "Scenarios/ics-core20plus5.yaml", "--deterministic", "--points", 3,
                              "--json", "--out", tmp_path).stdout)
    points, reading = frontier["points"], frontier["reading"]
    assert reading["days_closed"] == pytest.approx((points[0]["gap"] - points[-1]["gap"]) * 365.25, rel=1e-12)
    prices = [p["shadow_price"] for p in points if p["shadow_price"] > 0]
    assert reading["price_per_day"] == pytest.approx([min(prices) / 365.25, max(prices) / 365.25], rel=1e-12)
    assert reading["price_per_percent"] == pytest.approx([min(prices) * points[0]["gap"] / 100, max(prices) * points[0]["gap"] / 100], rel=1e-12)
    first, last = points[0]["group_health"], points[-1]["group_health"]
    levelling_down = last[-1] < first[-1] and last[0] <= first[0] + 1e-9
    assert ("levelling_down" in reading["cases"]) == levelling_down
    assert "years of quality-adjusted life expectancy" in frontier["units"]["gap"]


def test_optimise_line_limits_on_the_command_line(built, tmp_path):
    args = ["optimise", ROOT / "Scenarios/upstream-shift.yaml", "--deterministic", "--out", tmp_path]
    result = json.loads(phm(*args, "--json", "--min", "emergency_admission=100%", "--max", "smoking_cessation=3000000",
                            "--ring-fence", "warm_homes", "--max-change", "gp_appointment=1%").stdout)
    lines = {a["line"]: a for a in result["allocation"]}
    assert lines["emergency_admission"]["lower"] == pytest.approx(lines["emergency_admission"]["current"], rel=1e-12)
    assert lines["smoking_cessation"]["upper"] == 3_000_000
    assert lines["warm_homes"]["lower"] == pytest.approx(lines["warm_homes"]["current"], rel=1e-12)
    gp = lines["gp_appointment"]
    assert (gp["lower"], gp["upper"]) == pytest.approx((0.99 * gp["current"], 1.01 * gp["current"]), rel=1e-12)
    for line in lines.values():
        assert line["lower"] - 1e-6 <= line["optimal"] <= line["upper"] + 1e-6
    typo = phm(*args, "--min", "emergency_admision=90%", check=False)
    assert typo.returncode == 64 and "did you mean emergency_admission" in typo.stderr


def test_optimise_refine_reports_rounds_and_never_loses_simulated_health(built, tmp_path):
    args = ["optimise", ROOT / "Scenarios/ics-core20plus5.yaml", "--deterministic", "--out", tmp_path]
    plain = json.loads(phm(*args, "--json").stdout)
    assert "refinement" not in plain
    refined = json.loads(phm(*args, "--json", "--refine", 2).stdout)
    rounds = refined["refinement"]
    assert 2 <= len(rounds) <= 3
    assert [r["round"] for r in rounds] == list(range(len(rounds)))
    assert rounds[0]["accepted"] and rounds[0]["radius"] == 0 and rounds[1]["radius"] == 0.5
    # round 0 is the plain LP's allocation: its prediction and (budgets unrounded) simulation
    assert rounds[0]["predicted_total"] == pytest.approx(plain["predicted"]["total_net_gain"], rel=1e-9)
    assert rounds[0]["simulated_total"] == pytest.approx(plain["simulated"]["total_net_gain"]["mean"], rel=1e-6)
    kept = [r for r in rounds if r["accepted"]][-1]
    assert kept["simulated_total"] >= rounds[0]["simulated_total"]
    # the report shows the kept allocation, re-simulated (budgets rounded to £1 a year)
    assert [a["optimal"] for a in refined["allocation"]] == pytest.approx(kept["allocation"], abs=1)
    assert refined["simulated"]["total_net_gain"]["mean"] == pytest.approx(kept["simulated_total"], rel=1e-6)
    for r in rounds:
        assert sum(r["allocation"]) == pytest.approx(refined["total"], rel=1e-9)
    text = phm(*args, "--refine", 2).stdout
    assert "Refinement by successive linear programming" in text and f"Kept: round {kept['round']}" in text
    summary = json.loads((results_folder(text) / "summary.json").read_text())
    assert summary["refinement"] == rounds
    assert "## Technical appendix: refinement by successive linear programming" in (results_folder(text) / "report.md").read_text()
    assert "Refinement" not in (results_folder(phm(*args).stdout) / "report.md").read_text()
    maximin = json.loads(phm(*args, "--json", "--refine", 1, "--objective", "maximin").stdout)
    assert [r["round"] for r in maximin["refinement"]] == [0, 1]
    bad = phm(*args, "--refine=-1", check=False)
    assert bad.returncode == 64 and "--refine must be 0 (no refinement) or more rounds (got -1)" in bad.stderr


def test_parameters_csv_holds_the_sampled_values_and_joins_draws_csv(built, tmp_path):
    """parameters.csv: `draw`, then one column per uncertain parameter path, values as sampled:
    the same bits for any --threads, the scenario's beta(0.12, 0.015) prevalence has its moments,
    and it joins draws.csv on `draw` with one row per draw."""
    files = []
    for threads in (1, 2):
        out = phm("run", ROOT / "Scenarios/ics-core20plus5.yaml", "--draws", 400, "--seed", 5, "--threads", threads,
                  "--out", tmp_path / f"t{threads}").stdout
        files.append(results_folder(out))
    assert (files[0] / "parameters.csv").read_bytes() == (files[1] / "parameters.csv").read_bytes()
    with open(files[0] / "parameters.csv") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    assert header[0] == "draw" and "needs.hypertension.prevalence.base" in header
    assert [int(r["draw"]) for r in rows] == list(range(400))
    prevalence = np.array([float(r["needs.hypertension.prevalence.base"]) for r in rows])
    # beta with mean 0.12, sd 0.015: the sample mean is within 4 standard errors (0.015/√400)
    assert abs(prevalence.mean() - 0.12) < 4 * 0.015 / 20
    assert 0.015 * 0.85 < prevalence.std(ddof=1) < 0.015 * 1.15
    with open(files[0] / "draws.csv") as f:
        draws = list(csv.DictReader(f))
    assert {int(r["draw"]) for r in draws} == set(range(400))
    assert {"draw", "option", "qalys", "cost"} <= set(draws[0])
    deterministic = results_folder(phm("run", ROOT / "Scenarios/ics-core20plus5.yaml", "--deterministic",
                                       "--out", tmp_path / "det").stdout)
    with open(deterministic / "parameters.csv") as f:
        only = list(csv.DictReader(f))
    assert len(only) == 1 and float(only[0]["needs.hypertension.prevalence.base"]) == pytest.approx(0.12, rel=1e-12)


def test_sensitivity_csv_json_and_tornado(built, tmp_path):
    """`phm sensitivity`: sensitivity.csv has the promised columns, one row per parameter × option ×
    outcome, swing = |at_high − at_low|, sorted by swing within each option and outcome; the JSON
    printed equals the file; the report has a tornado per option and outcome; a bad --option is 64."""
    result = phm("sensitivity", ROOT / "Scenarios/pphmi-fund.yaml", "--option", "analytics-led", "--epsilon", "2",
                 "--out", tmp_path, "--json")
    summary = json.loads(result.stdout)
    folder = next(p.parent for p in tmp_path.rglob("sensitivity.csv"))
    with open(folder / "sensitivity.csv") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["parameter", "low_value", "high_value", "option", "outcome", "at_low", "at_high", "swing"]
        rows = list(reader)
    assert len(rows) == len(summary["rows"]) == 15 * 3
    assert {r["option"] for r in rows} == {"analytics-led"}
    for outcome in ("incremental_nmb", "gap_change", "ede_change"):
        swings = [float(r["swing"]) for r in rows if r["outcome"] == outcome]
        assert swings == sorted(swings, reverse=True)
    for r in rows:
        assert float(r["swing"]) == pytest.approx(abs(float(r["at_high"]) - float(r["at_low"])), rel=1e-12, abs=1e-12)
        assert float(r["low_value"]) < float(r["high_value"])
    charts = {p.name for p in folder.glob("chart-tornado-*.svg")}
    assert charts == {f"chart-tornado-analytics-led-{o}.svg" for o in ("incremental_nmb", "gap_change", "ede_change")}
    bad = phm("sensitivity", ROOT / "Scenarios/pphmi-fund.yaml", "--option", "nope", "--out", tmp_path / "bad", check=False)
    assert bad.returncode == 64 and "not an option" in bad.stderr


def test_sensitivity_two_way_decision_map(built, tmp_path):
    """--two-way A,B: a steps × steps grid from each parameter's low to high quantile (the one-way
    low_value and high_value), each point's best option the largest of 0 (base) and the options'
    incremental NMB; the map appears in the report; an unknown path is a usage error (64)."""
    a, b = "interventions.small_grants.cost_per_participant", "interventions.phm_analytics.cost_per_participant"
    phm("sensitivity", ROOT / "Scenarios/pphmi-fund.yaml", "--two-way", f"{a},{b}", "--steps", 5, "--out", tmp_path)
    folder = next(p.parent for p in tmp_path.rglob("decision-map.csv"))
    with open(folder / "decision-map.csv") as f:
        rows = list(csv.DictReader(f))
    with open(folder / "sensitivity.csv") as f:
        one_way = {r["parameter"]: r for r in csv.DictReader(f)}
    assert len(rows) == 25
    for name in (a, b):
        values = sorted({float(r[name]) for r in rows})
        assert len(values) == 5
        assert values[0] == pytest.approx(float(one_way[name]["low_value"]), rel=1e-12)
        assert values[-1] == pytest.approx(float(one_way[name]["high_value"]), rel=1e-12)
    options = [k[len("incremental_nmb_"):] for k in rows[0] if k.startswith("incremental_nmb_")]
    for r in rows:
        nmb = [0.0] + [float(r["incremental_nmb_" + o]) for o in options]
        assert r["best_option"] == (["base"] + options)[int(np.argmax(nmb))]
    assert len({r["best_option"] for r in rows}) >= 2, "the grid crosses the flip the one-way analysis found"
    assert (folder / "chart-decision-map.svg").exists()
    bad = phm("sensitivity", ROOT / "Scenarios/pphmi-fund.yaml", "--two-way", f"{a},nope", "--out", tmp_path / "bad", check=False)
    assert bad.returncode == 64 and "not an uncertain parameter" in bad.stderr and not (tmp_path / "bad").exists()
