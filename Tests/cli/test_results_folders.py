"""Results folders are never lost, never replaced and never read half-written (issue 14).

Runs started in the same second or at the same time each leave their own complete folder; a
signal at any moment leaves either a complete folder or nothing a reader accepts; every reader
(`phm compare`) checks the manifest's seal: `complete: true` and each file's size and FNV-1a 64.
Run: python3 -m pytest Tests/cli/test_results_folders.py -q
"""

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from test_cli import PHM, ROOT, phm, results_folder

SCENARIO = ROOT / "Scenarios/ics-core20plus5.yaml"


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def assert_sealed(folder: Path):
    """The manifest lists every other file of the folder with its size and hash (checked here
    independently of phm)."""
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["kind"] == "run"
    listed = {f["name"]: f for f in manifest["files"]}
    on_disk = {p.name for p in folder.iterdir()} - {"manifest.json"}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (folder / name).read_bytes()
        assert entry["bytes"] == len(data) and entry["fnv1a64"] == fnv1a64(data), name
    return manifest


def run_processes(count, out, draws=20):
    processes = [subprocess.Popen([str(PHM), "run", str(SCENARIO), "--draws", str(draws), "--seed", str(seed), "--out", str(out)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for seed in range(1, count + 1)]
    return [(p, *p.communicate(timeout=120)) for p in processes]


def test_four_seeds_in_the_same_second_leave_four_complete_folders(tmp_path):
    out = tmp_path / "out"
    paths = []
    for seed in range(1, 5):
        paths.append(results_folder(phm("run", SCENARIO, "--draws", 8, "--seed", seed, "--out", out).stdout))
    assert len(set(paths)) == 4
    seeds = sorted(assert_sealed(p)["seed"] for p in paths)
    assert seeds == [1, 2, 3, 4]
    assert not list(out.rglob(".partial-*"))
    assert not list(out.rglob(".work-*")), "the work folder of the column files is removed after the run"


def test_simultaneous_runs_each_get_their_own_complete_folder(tmp_path):
    out = tmp_path / "out"
    for trial in range(2):
        finished = run_processes(4, out / str(trial))
        assert [p.returncode for p, _, _ in finished] == [0] * 4, [e for _, _, e in finished]
        paths = [results_folder(stdout) for _, stdout, _ in finished]
        assert len(set(paths)) == 4
        assert sorted(assert_sealed(p)["seed"] for p in paths) == [1, 2, 3, 4]
        for path in paths:
            assert phm("compare", path).returncode == 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_signal_at_any_moment_leaves_nothing_a_reader_accepts_unless_complete(tmp_path, sig):
    """Signals at random moments, most of them in the last fraction of a second (the write
    phase): every folder left is either complete and sealed, or a `.partial-*` that compare
    refuses; SIGINT and SIGTERM leave no partial folder at all and exit 128 + signal with one
    line, whatever the moment (loading, simulating, summarising or writing)."""
    out = tmp_path / "out"
    start = time.monotonic()
    phm("run", SCENARIO, "--draws", 60, "--out", tmp_path / "timing")
    duration = time.monotonic() - start
    rng = random.Random(14)
    for attempt in range(4):
        process = subprocess.Popen([str(PHM), "run", str(SCENARIO), "--draws", "60", "--seed", str(attempt), "--out", str(out)],
                                   cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(duration * rng.uniform(0.3, 1.05))
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
        if sig != signal.SIGKILL and process.returncode != 0:  # never killed silently, at any moment
            assert process.returncode == 128 + sig, stderr
            assert len(stderr.strip().splitlines()) == 1 and stderr.strip().startswith("interrupted"), stderr
    for folder in out.glob("*/.*") if out.exists() else []:
        assert folder.name.startswith(".partial-") or (sig == signal.SIGKILL and folder.name.startswith(".work-")), folder
    if sig == signal.SIGKILL and out.exists():
        # the next run in the same place removes the column files of the killed runs (their
        # processes are gone), and says so
        after = phm("run", SCENARIO, "--draws", 8, "--out", out)
        assert not list(out.rglob(".work-*"))
        killed = [l for l in after.stderr.splitlines() if "work folder of a run that was killed" in l]
        assert all(line.startswith("removed ") for line in killed)
    for folder in list(out.glob("*/*")) + list(out.glob("*/.partial-*")) if out.exists() else []:
        if folder.name.startswith(".partial-"):
            assert sig == signal.SIGKILL, f"{folder} left behind after {sig!r}"
            refused = phm("compare", folder, check=False)
            assert refused.returncode == 65 and "partial" in refused.stderr
        else:
            assert_sealed(folder)


def test_compare_refuses_a_folder_cut_short_or_without_a_manifest(tmp_path):
    folder = results_folder(phm("run", SCENARIO, "--draws", 8, "--out", tmp_path / "out").stdout)
    assert phm("compare", folder).returncode == 0
    draws = folder / "draws.csv"
    draws.write_bytes(draws.read_bytes()[:-10])
    refused = phm("compare", folder, check=False)
    assert refused.returncode == 65
    assert refused.stderr.strip() == f"{folder}: incomplete results folder: draws.csv has {draws.stat().st_size} bytes or a hash that differ from the manifest (changed or cut short after the run); run the scenario again"
    (folder / "manifest.json").unlink()
    refused = phm("compare", folder, check=False)
    assert refused.returncode == 66 and "no manifest.json" in refused.stderr


def test_stale_partial_folders_are_removed_and_named_on_stderr(tmp_path):
    out = tmp_path / "out"
    first = results_folder(phm("run", SCENARIO, "--draws", 8, "--out", out).stdout)
    stale = first.parent / ".partial-20200101T000000.000Z-deadbeef-000000"
    fresh = first.parent / ".partial-20990101T000000.000Z-deadbeef-000000"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "summary.json").write_text("{}")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    result = phm("run", SCENARIO, "--draws", 8, "--out", out)
    assert f"removed {stale}: a partial results folder over an hour old" in result.stderr
    assert not stale.exists() and fresh.exists()


def test_an_unwritable_results_root_exits_73_in_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = phm("run", SCENARIO, "--draws", 8, "--out", blocker, check=False)
    assert result.returncode == 73, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot create the results folder" in lines[0]
    assert "NSCocoaErrorDomain" not in result.stderr and "Error Domain" not in result.stderr
