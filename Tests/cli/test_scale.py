"""Shards and merge at the command line (issue 18, docs/SCALE.md).

`phm run --shard I/K` on K processes, then `phm merge`, must give the results folder one
`phm run` of the same draws gives: draws.csv, summary.json, summary.csv, yearly.csv and
parameters.csv byte for byte (the manifest and report differ only in timing and command). The merge must refuse shards
that do not make one run, each with its own message. Run: python3 -m pytest -q Tests/cli/test_scale.py
"""

import json
import shutil
from pathlib import Path

import pytest

from test_cli import ROOT, phm, results_folder as folder

IDENTICAL = ["draws.csv", "summary.json", "summary.csv", "yearly.csv", "parameters.csv"]
# 120 draws = 7 full blocks of 16 and one of 8, so 7 shards is the most the run allows and the
# last shard ends off a block boundary.
DRAWS = 120


def scenario_copy(tmp_path, name, stochastic):
    """The example scenario, with `stochastic: poisson` added to monte_carlo when asked."""
    text = (ROOT / "Scenarios" / name).read_text()
    if stochastic:
        line = next(l for l in text.splitlines() if l.startswith("monte_carlo: {"))
        text = text.replace(line, line.replace("{", "{stochastic: poisson, ", 1))
        assert "stochastic: poisson" in text
    path = tmp_path / name
    path.write_text(text)
    return path


def shards(scenario, out, count, *extra):
    return [folder(phm("run", scenario, "--draws", DRAWS, "--shard", f"{i}/{count}", "--threads", 1, "--out", out, *extra).stdout)
            for i in range(1, count + 1)]


@pytest.mark.parametrize("name,stochastic,layouts", [
    ("upstream-shift.yaml", False, [1, 3, 7]),
    ("frailty-cohort.yaml", True, [1, 3, 7]),
    ("upstream-shift.yaml", True, [3]),
])
def test_merged_shards_equal_one_run(tmp_path, name, stochastic, layouts):
    scenario = scenario_copy(tmp_path, name, stochastic)
    single = folder(phm("run", scenario, "--draws", DRAWS, "--threads", 2, "--out", tmp_path / "single").stdout)
    manifest = json.loads((single / "manifest.json").read_text())
    assert manifest["count_noise"] == ("poisson" if stochastic else "none")
    for count in layouts:
        parts = shards(scenario, tmp_path / f"shards-{count}", count)
        ranges = [json.loads((p / "manifest.json").read_text())["draw_range"] for p in parts]
        assert ranges[0]["start"] == 0 and ranges[-1]["end"] == DRAWS
        assert all(a["end"] == b["start"] and a["end"] % 16 == 0 for a, b in zip(ranges, ranges[1:]))
        merged_run = phm("merge", *parts, "--out", tmp_path / f"merged-{count}")
        assert merged_run.stdout.strip().splitlines()[-1].endswith("report.html")
        merged = folder(merged_run.stdout)
        for file in IDENTICAL:
            assert (merged / file).read_bytes() == (single / file).read_bytes(), f"{file} differs with {count} shards"
        assert (merged / "report.html").exists()
        merged_manifest = json.loads((merged / "manifest.json").read_text())
        assert merged_manifest["kind"] == "run" and merged_manifest["complete"] is True
        assert merged_manifest["shards"] == [str(p) for p in parts]


@pytest.fixture(scope="module")
def four_shards(tmp_path_factory):
    """Shards 1–4 of 4 of the starter-sized example, and a shard of another seed and scenario."""
    tmp = tmp_path_factory.mktemp("refusals")
    scenario = scenario_copy(tmp, "upstream-shift.yaml", False)
    parts = shards(scenario, tmp / "shards", 4)
    other_seed = folder(phm("run", scenario, "--draws", DRAWS, "--seed", 7, "--shard", "2/4", "--out", tmp / "seed").stdout)
    other = tmp / "other" / "upstream-shift.yaml"
    other.parent.mkdir()
    other.write_text(scenario.read_text() + "# another scenario file: a different fingerprint\n")
    other_scenario = folder(phm("run", other, "--draws", DRAWS, "--seed", 20251125, "--shard", "2/4", "--out", tmp / "scen").stdout)
    return tmp, parts, other_seed, other_scenario


def refusal(*folders):
    result = phm("merge", *folders, "--out", folders[0].parent / "never", check=False)
    assert result.returncode == 65, result.stderr
    assert not (folders[0].parent / "never").exists(), "nothing written"
    return result.stderr


def test_merge_refuses_a_missing_range(four_shards):
    _, parts, _, _ = four_shards
    start = json.loads((parts[2] / "manifest.json").read_text())["draw_range"]
    message = refusal(parts[0], parts[1], parts[3])
    assert f"draws {start['start']}–{start['end'] - 1} are missing" in message


def test_merge_refuses_an_overlap(four_shards):
    tmp, parts, _, _ = four_shards
    doubled = tmp / "copy-of-shard-2"
    if not doubled.exists():
        shutil.copytree(parts[1], doubled)
    span = json.loads((parts[1] / "manifest.json").read_text())["draw_range"]
    message = refusal(*parts, doubled)
    assert f"draws {span['start']}–{span['end'] - 1} are in both" in message
    assert str(doubled) in message


def test_merge_refuses_a_different_seed(four_shards):
    _, parts, other_seed, _ = four_shards
    message = refusal(parts[0], other_seed, parts[2], parts[3])
    assert "shards were run with different seeds" in message and "seed 7" in message


def test_merge_refuses_a_different_scenario(four_shards):
    _, parts, _, other_scenario = four_shards
    message = refusal(parts[0], other_scenario, parts[2], parts[3])
    assert "shards come from different scenarios" in message


def test_shard_flags_are_checked():
    result = phm("run", "Scenarios/upstream-shift.yaml", "--draws", 100, "--draw-range", "10..50", check=False)
    assert result.returncode == 64 and "must start on a multiple of 16" in result.stderr
    result = phm("run", "Scenarios/upstream-shift.yaml", "--draws", 20, "--shard", "3/3", check=False)
    assert result.returncode == 64 and "at most 2 shards" in result.stderr


def test_merge_refuses_a_shard_whose_files_changed(four_shards):
    """Shards are sealed like every results folder: a draws.bin cut short after the shard was
    written is refused (exit 66) before anything is read from it."""
    tmp, parts, _, _ = four_shards
    broken = tmp / "cut-short"
    if not broken.exists():
        shutil.copytree(parts[3], broken)
        data = (broken / "draws.bin").read_bytes()
        (broken / "draws.bin").write_bytes(data[: len(data) // 2])
    result = phm("merge", parts[0], parts[1], parts[2], broken, "--out", tmp / "never", check=False)
    assert result.returncode == 66, result.stderr
    assert "draws.bin has" in result.stderr and "cut short" in result.stderr
    assert not (tmp / "never").exists()


def test_a_shard_is_not_read_as_a_run(four_shards):
    """A shard folder has no summary: commands that read a run's folder send the user to merge."""
    _, parts, _, _ = four_shards
    result = phm("compare", parts[0], check=False)
    assert result.returncode != 0
    assert "holds a shard" in result.stderr and "phm merge" in result.stderr
