"""`phm submit` on a real single-node Slurm (issue 18): 4 shards as a job array and the merge
after them must give the results folder one `phm run` gives, byte for byte, and a failed shard
must fail the merge naming the shard and its log. The daemons start as root in a temporary
folder and are stopped by PID. If the scheduler cannot start, the test says why (a warning in
the summary, and on stderr) and runs the same batch scripts locally instead: never a silent pass.
Run: python3 -m pytest -q -s Tests/slurm
"""

import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from slurm_cluster import SlurmCluster, SlurmUnavailable

ROOT = Path(__file__).resolve().parents[2]
PHM = Path(os.environ.get("PHM", ROOT / ".build" / "debug" / "phm"))
SCENARIO = "Scenarios/upstream-shift.yaml"
DRAWS, SHARDS = 100, 4
IDENTICAL = ["draws.csv", "summary.json", "summary.csv", "yearly.csv", "parameters.csv"]


def phm(*args, env=None):
    result = subprocess.run([str(PHM), *map(str, args)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"phm {' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def merged_folder(results):
    folders = [p for p in (results / "upstream-shift").iterdir() if p.is_dir() and p.name != "jobs"]
    assert len(folders) == 1, folders
    return folders[0]


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    phm("run", SCENARIO, "--draws", DRAWS, "--threads", 1, "--out", out)
    return merged_folder(out)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    # Unix sockets need a short path: keep the daemons' folder directly under /tmp.
    folder = Path(tempfile_dir())
    cluster = SlurmCluster(folder)
    try:
        cluster.start()
    except SlurmUnavailable as reason:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
        message = f"Slurm could not start, so the shard scripts ran locally instead: {reason}"
        print("\n" + message, file=sys.stderr)
        warnings.warn(message)
        yield None
        return
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def tempfile_dir():
    import tempfile
    return tempfile.mkdtemp(prefix="phm-slurm-", dir="/tmp")


def submit(cluster, tmp, *extra):
    results, job = tmp / "results", tmp / "job"
    args = ["submit", SCENARIO, "--draws", DRAWS, "--shards", SHARDS, "--out", results, "--job-dir", job, *extra]
    if cluster is None:
        run_locally(phm(*args, "--dry-run"), job)
        return results, job, None
    out = phm(*args, env=cluster.env)
    ids = [re.search(rf"^{what}: job (\d+)", out, re.M).group(1) for what in ("shards", "merge")]
    states = cluster.wait_for(ids, 240)
    return results, job, states


def run_locally(dry_run, job):
    """The scripts `phm submit --dry-run` prints, run with bash: each array task, then the merge."""
    scripts = dict(re.findall(r"^# (\S+\.sbatch)\n(.*?)(?=^# \S+\.sbatch\n|^sbatch )", dry_run, re.M | re.S))
    (job / "logs").mkdir(parents=True, exist_ok=True)
    shard_script, merge_script = sorted(scripts, key=lambda p: "merge" in p)
    for task in range(1, SHARDS + 1):
        with open(job / "logs" / f"shard-{task}.log", "w") as log:
            subprocess.run(["bash", "-c", scripts[shard_script]], env=dict(os.environ, SLURM_ARRAY_TASK_ID=str(task)),
                           stdout=log, stderr=subprocess.STDOUT)
    with open(job / "logs" / "merge.log", "w") as log:
        return subprocess.run(["bash", "-c", scripts[merge_script]], stdout=log, stderr=subprocess.STDOUT).returncode


def test_four_shards_and_merge_equal_one_run(cluster, single, tmp_path):
    results, job, states = submit(cluster, tmp_path)
    if states is not None:
        assert len(states) == SHARDS + 1 and set(states.values()) == {"COMPLETED"}, f"{states}\n{cluster.log_tail()}"
    merged = merged_folder(results)
    for file in IDENTICAL:
        assert (merged / file).read_bytes() == (single / file).read_bytes(), f"{file} differs from one run"
    assert "report.html" in (job / "logs" / "merge.log").read_text()


def test_a_failed_shard_fails_the_merge_naming_it(cluster, tmp_path):
    # A phm that fails on the second array task only.
    failing = tmp_path / "phm-failing"
    failing.write_text(f'#!/bin/bash\nif [ "${{SLURM_ARRAY_TASK_ID:-}}" = 2 ]; then echo "simulated failure" >&2; exit 3; fi\nexec {PHM} "$@"\n')
    failing.chmod(0o755)
    results, job, states = submit(cluster, tmp_path, "--phm", failing)
    if states is not None:
        assert sorted(states.values()).count("FAILED") == 2, f"shard 2 and the merge fail: {states}"
    log = (job / "logs" / "merge.log").read_text()
    assert f"shard 2 of {SHARDS} failed or did not finish; see its log {job}/logs/shard-2.log" in log
    assert "simulated failure" in (job / "logs" / "shard-2.log").read_text()
    scenario_results = results / "upstream-shift"
    assert not scenario_results.exists() or not [p for p in scenario_results.iterdir() if p.name != "jobs"], "no merged folder"


def test_kept_scripts_are_the_ones_phm_submit_writes(tmp_path):
    """deploy/slurm/ holds the bodies `phm submit` writes below its `export` line, verbatim."""
    dry_run = phm("submit", SCENARIO, "--shards", SHARDS, "--dry-run", "--job-dir", tmp_path / "job")
    for kept, generated in [("phm-shards.sbatch", "shards.sbatch"), ("phm-merge.sbatch", "merge.sbatch")]:
        script = re.search(rf"^# \S+/{generated}\n(.*?)(?=^# \S+\.sbatch\n|^sbatch )", dry_run, re.M | re.S).group(1)
        body = script.split("\n\n", 2)[2].rstrip("\n")
        assert body in (ROOT / "deploy" / "slurm" / kept).read_text(), f"deploy/slurm/{kept} differs from phm submit's"
    # and the dependency is on the whole array, after every task has ended
    assert re.search(r"^sbatch --parsable --dependency=afterany:<array job id> \S+merge.sbatch$", dry_run, re.M)


def test_kubernetes_indexed_job_runs_one_shard_per_index():
    import yaml
    shards = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "phm-shards.yaml").read_text())
    spec = shards["spec"]
    env = {e["name"]: e["value"] for e in spec["template"]["spec"]["containers"][0]["env"]}
    assert spec["completionMode"] == "Indexed"
    assert spec["completions"] == spec["parallelism"] == int(env["PHM_SHARDS"])
    command = spec["template"]["spec"]["containers"][0]["args"][0]
    assert 'shard=$((JOB_COMPLETION_INDEX + 1))' in command and '--shard "$shard/$PHM_SHARDS"' in command
    merge = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "phm-merge.yaml").read_text())
    merge_body = merge["spec"]["template"]["spec"]["containers"][0]["args"][0]
    kept = (ROOT / "deploy" / "slurm" / "phm-merge.sbatch").read_text()
    assert "failed or did not finish; see its log" in merge_body and 'merge "$PHM_JOB_DIR/shards"' in merge_body
    assert merge_body.split("failed=0")[1].split("phm merge")[0].strip() in kept.replace('"$PHM" merge', "phm merge")
