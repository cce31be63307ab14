"""`phm optimise --write-mps` on every example scenario and every objective: HiGHS, reading the
exported MPS, must find the optimum that phm (Clp) reports as `objective` in `--json`, to 1e-7
relative. Also checks the JSON fields other tools rely on and that the allocation spends the total.

Uses the debug build of phm (`swift build --build-tests`, run first by `make test`), with
`--deterministic` so each response curve point is one run at the means.
"""

import csv
import json
import pathlib
import subprocess

import pytest

from highs_objective import objective as highs_objective, relative_difference

ROOT = pathlib.Path(__file__).resolve().parents[2]
PHM = ROOT / ".build" / "debug" / "phm"
SCENARIOS = sorted((ROOT / "Scenarios").glob("*.yaml"))
OBJECTIVES = ["total-health", "weighted", "maximin", "atkinson", "gap-limit"]
TOLERANCE = 1e-7


def phm(*args):
    result = subprocess.run([str(PHM), *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"phm {' '.join(map(str, args))} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def test_the_examples_are_there():
    assert PHM.exists(), "build phm first: swift build --build-tests"
    assert len(SCENARIOS) >= 4


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
def test_highs_agrees_with_every_objective(scenario, tmp_path):
    out = tmp_path / "results"
    phm("frontier", scenario, "--deterministic", "--points", "2", "--out", out)
    (frontier_csv,) = out.glob("*/*/frontier.csv")
    rows = list(csv.DictReader(frontier_csv.open()))
    gap = (float(rows[0]["gap_limit"]) + float(rows[-1]["gap_limit"])) / 2
    first_group = None
    for name in OBJECTIVES:
        mps = tmp_path / f"{name}.mps"
        extra = []
        if name == "gap-limit":
            extra = ["--gap", repr(gap)]
        if name == "weighted":
            extra = ["--weights", f"{first_group}=3"]
        report = json.loads(phm("optimise", scenario, "--deterministic", "--objective", name, *extra,
                                "--write-mps", mps, "--json", "--out", out))
        first_group = first_group or report["predicted"]["groups"][0]["name"]
        assert report["status"] == "optimal"
        assert report["objective_name"] == name
        assert report["curves_from_cache"], "the frontier run simulated the same curves: they come from the cache"
        value = highs_objective(mps)
        assert relative_difference(value, report["objective"]) <= TOLERANCE, (
            f"{scenario.stem} {name}: HiGHS {value!r}, phm {report['objective']!r}")
        allocation = report["allocation"]
        assert {"line", "current", "optimal"} <= set(allocation[0])
        spent = sum(row["optimal"] for row in allocation)
        assert abs(spent - report["total"]) <= 1.0, f"{scenario.stem} {name}: spends {spent}, total {report['total']}"
        assert all(row["lower"] - 1 <= row["optimal"] <= row["upper"] + 1 for row in allocation)
        groups = [g["name"] for g in report["predicted"]["groups"]]
        assert groups == [g["name"] for g in report["simulated"]["groups"]]
        if name == "gap-limit":
            health = [g["health"] for g in report["predicted"]["groups"]]
            assert health[-1] - health[0] <= gap + 1e-7


def test_saved_option_reproduces_the_simulated_allocation(tmp_path):
    """`--save-option NAME --save-to COPY` writes an option with `budgets:` that validates, and
    `phm run` of that option finds the net health the re-simulation reported."""
    scenario = ROOT / "Scenarios" / "pphmi-fund.yaml"
    copy = tmp_path / "pphmi-fund.yaml"
    out = tmp_path / "results"
    report = json.loads(phm("optimise", scenario, "--deterministic", "--json", "--out", out,
                            "--save-option", "lp-split", "--save-to", copy))
    text = copy.read_text()
    assert "  lp-split:\n" in text and "    budgets:\n" in text
    assert text.startswith(scenario.read_text().split("options:")[0])  # everything before options kept
    phm("validate", copy)
    run = json.loads(phm("run", copy, "--deterministic", "--options", "lp-split", "--json", "--out", out))
    (option,) = [o for o in run["options"] if o["name"] == "lp-split"]
    simulated = report["simulated"]["total_net_gain"]["mean"]
    assert abs(option["incremental"]["net_health"]["mean"] - simulated) <= 1e-9 * max(1.0, abs(simulated))


def test_save_option_in_place_keeps_the_file_and_its_indentation(tmp_path):
    """Saving into the scenario itself (a relative path, options indented by four spaces) adds the
    option at the end of the options block, indented like the others, and the file still loads."""
    text = (ROOT / "Scenarios" / "pphmi-fund.yaml").read_text()
    head, rest = text.split("\noptions:\n", 1)
    block, tail = rest.split("\ncorrelations:", 1)
    def doubled(line):  # every indentation level twice as wide
        return " " * (2 * (len(line) - len(line.lstrip(" ")))) + line.lstrip(" ")
    indented = "\n".join(doubled(line) for line in block.split("\n"))
    (tmp_path / "fund.yaml").write_text(head + "\noptions:\n" + indented + "\ncorrelations:" + tail)
    result = subprocess.run([str(PHM), "optimise", "fund.yaml", "--deterministic", "--out", "results",
                             "--save-option", "lp-split"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    saved = (tmp_path / "fund.yaml").read_text()
    assert "\n    lp-split:\n        description: " in saved
    assert saved.index("lp-split") < saved.index("\ncorrelations:")
    validate = subprocess.run([str(PHM), "validate", "fund.yaml"], cwd=tmp_path, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stderr
