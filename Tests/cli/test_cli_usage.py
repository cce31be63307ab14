"""Issue 12's edges of the command line: flag clashes and missing flags are refused before any
work (exit 64, nothing written, not even the curve cache), and runtime failures exit with their
sysexits code (73: cannot create) without the usage text. Run: python3 -m pytest Tests/cli -q
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))
FUND = ROOT / "Scenarios" / "pphmi-fund.yaml"


def phm(*args, cwd=ROOT):
    return subprocess.run([str(PHM), *map(str, args)], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built():
    if not PHM.exists():
        pytest.fail(f"{PHM} is missing: run `swift build` first (make test does)")
    return PHM


def written(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("flags, message", [
    (["--objective", "atkinson", "--gap", "3"], "--gap is read only by --objective gap-limit"),
    (["--objective", "maximin", "--epsilon", "2"], "--epsilon is read only by --objective atkinson"),
    (["--objective", "total-health", "--weights", "Q1=2"], "--weights is read only by --objective weighted"),
    (["--objective", "best"], "'best' is invalid for '--objective"),
    (["--total=-5"], "--total must be `keep` or an amount in £ ≥ 0 (got -5)"),
    (["--max", "warm_homes"], "--max: expected LINE=AMOUNT"),
    (["--min", "warm_homes=lots"], "--min: expected an amount in £ ≥ 0 or a share such as 50%"),
])
def test_flag_mistakes_are_usage_errors(built, tmp_path, flags, message):
    result = phm("optimise", FUND, *flags, "--out", tmp_path / "out")
    assert result.returncode == 64, result.stderr
    assert message in result.stderr
    assert written(tmp_path / "out") == []


def test_gap_limit_without_a_gap_stops_before_the_curves(built, tmp_path):
    """pphmi-fund has no optimise.gap: the missing flag is found before any curve is simulated."""
    result = phm("frontier", FUND, "--objective", "gap-limit", "--out", tmp_path / "out")
    assert result.returncode == 64
    assert "--objective gap-limit needs the largest gap allowed: --gap D or optimise.gap" in result.stderr
    assert written(tmp_path / "out") == [], "no curve cache: nothing was simulated"


def test_save_option_clash_stops_before_the_curves(built, tmp_path):
    copy = tmp_path / "fund.yaml"
    copy.write_text(FUND.read_text())
    result = phm("optimise", copy, "--save-option", "even-split", "--out", tmp_path / "out")
    assert result.returncode == 64
    assert "already has an option `even-split`" in result.stderr
    assert written(tmp_path / "out") == []
    assert copy.read_text() == FUND.read_text()


def test_write_mps_that_cannot_be_created_exits_73(built, tmp_path):
    result = phm("optimise", FUND, "--deterministic", "--write-mps", tmp_path / "missing" / "lp.mps",
                 "--out", tmp_path / "out")
    assert result.returncode == 73, result.stderr
    assert result.stderr.startswith("phm: --write-mps: cannot write the MPS file")
    assert "Usage:" not in result.stderr


def test_new_does_not_overwrite_and_exits_73(built, tmp_path):
    assert phm("new", "my-ics", cwd=tmp_path).returncode == 0
    first = (tmp_path / "my-ics.yaml").read_text()
    again = phm("new", "my-ics", cwd=tmp_path)
    assert again.returncode == 73
    assert again.stderr == "phm: my-ics.yaml already exists; choose another name or --output\n"
    assert (tmp_path / "my-ics.yaml").read_text() == first


def test_curve_cache_that_cannot_be_created_exits_73(built, tmp_path):
    """A file where the results root should be: the curves are simulated, then cannot be kept."""
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    result = phm("optimise", FUND, "--deterministic", "--out", blocker)
    assert result.returncode == 73, result.stderr
    assert result.stderr.startswith("phm: cannot write the curve cache ")
    assert blocker.read_text() == "not a folder"
