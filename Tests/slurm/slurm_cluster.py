"""A throwaway single-node Slurm for the end-to-end test: munged, slurmctld and slurmd started
directly as root (no systemd) with their own key, socket, ports, state and logs in a temporary
folder, and stopped by PID. Not a fixture of its own so the test can say why it could not start.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path


class SlurmUnavailable(Exception):
    """The scheduler cannot start here; the message says why."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SlurmCluster:
    DAEMONS = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "sinfo"]

    def __init__(self, folder: Path):
        self.folder = folder
        self.processes = []
        self.conf = folder / "slurm.conf"
        self.env = dict(os.environ, SLURM_CONF=str(self.conf))

    def log_tail(self, lines=15):
        text = []
        for log in sorted((self.folder / "log").glob("*")):
            content = log.read_text(errors="replace").splitlines()[-lines:]
            text.append(f"--- {log.name}\n" + "\n".join(content))
        return "\n".join(text)

    def start(self):
        if os.environ.get("PHM_TEST_NO_SLURM"):
            raise SlurmUnavailable("PHM_TEST_NO_SLURM is set (to try the local fallback)")
        if os.geteuid() != 0:
            raise SlurmUnavailable("the daemons must start as root and this test runs as uid %d" % os.geteuid())
        missing = [d for d in self.DAEMONS if shutil.which(d) is None and not Path("/usr/sbin", d).exists()]
        if missing:
            raise SlurmUnavailable("not installed: " + ", ".join(missing) + " (Debian slurmctld slurmd slurm-client munge)")
        for sub in ["log", "state", "spool"]:
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o755)
        key = self.folder / "munge.key"
        key.write_bytes(os.urandom(128))
        os.chmod(key, 0o600)
        socket_path = self.folder / "munge.socket"
        self.spawn("munged", ["munged", "-F", "--force", f"--socket={socket_path}", f"--key-file={key}",
                              f"--pid-file={self.folder / 'munged.pid'}", f"--seed-file={self.folder / 'munged.seed'}",
                              f"--log-file={self.folder / 'log' / 'munged.log'}"])
        self.wait(lambda: socket_path.exists(), 15, "munged did not create its socket")
        host = socket.gethostname().split(".")[0]
        cpus = os.cpu_count() or 1
        # In a container there is no systemd and often no writable cgroup hierarchy: track
        # processes through /proc and bind no tasks (slurm.conf(5), cgroup.conf(5)).
        self.conf.write_text(f"""ClusterName=phmtest
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
AuthType=auth/munge
AuthInfo=socket={socket_path}
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation={self.folder / 'state'}
SlurmdSpoolDir={self.folder / 'spool'}
SlurmctldPidFile={self.folder / 'slurmctld.pid'}
SlurmdPidFile={self.folder / 'slurmd.pid'}
SlurmctldLogFile={self.folder / 'log' / 'slurmctld.log'}
SlurmdLogFile={self.folder / 'log' / 'slurmd.log'}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName={host} NodeAddr=127.0.0.1 CPUs={cpus} State=UNKNOWN
PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP
""")
        (self.folder / "cgroup.conf").write_text("CgroupPlugin=cgroup/v1\n")
        self.spawn("slurmctld", ["slurmctld", "-D", "-i", "-f", str(self.conf)])
        self.spawn("slurmd", ["slurmd", "-D", "-N", host, "-f", str(self.conf)])
        self.wait(lambda: self.node_state() in ("idle", "mixed", "allocated"), 40, "the node never became idle")

    def node_state(self):
        result = subprocess.run(["sinfo", "-h", "-o", "%T"], env=self.env, capture_output=True, text=True)
        return result.stdout.strip().rstrip("*") if result.returncode == 0 else ""

    def spawn(self, name, args):
        out = open(self.folder / "log" / f"{name}.out", "w")
        process = subprocess.Popen(args, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append((name, process))

    def wait(self, ready, seconds, problem):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for name, process in self.processes:
                if process.poll() is not None:
                    raise SlurmUnavailable(f"{name} exited with {process.returncode}\n{self.log_tail()}")
            if ready():
                return
            time.sleep(0.5)
        raise SlurmUnavailable(f"{problem} within {seconds} s\n{self.log_tail()}")

    def stop(self):
        """Stops every daemon this cluster started, by PID, newest first."""
        for _, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
        self.processes = []

    def job_states(self, job_id):
        """{job id: state} of a job (every task of an array), from scontrol."""
        result = subprocess.run(["scontrol", "-o", "show", "job", str(job_id)], env=self.env, capture_output=True, text=True)
        states = {}
        for line in result.stdout.splitlines():
            fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
            states[fields.get("JobId")] = fields.get("JobState")
        return states

    def wait_for(self, job_ids, seconds):
        """Polls until every job has ended (sbatch --wait would hide a cancelled dependent job)."""
        ended = {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE"}
        deadline = time.time() + seconds
        while time.time() < deadline:
            states = {}
            for job in job_ids:
                states.update(self.job_states(job))
            pending_forever = [j for j, s in states.items() if s == "PENDING" and "DependencyNeverSatisfied" in
                               subprocess.run(["scontrol", "show", "job", j], env=self.env, capture_output=True, text=True).stdout]
            if states and (all(s in ended for s in states.values()) or pending_forever):
                return states
            time.sleep(1)
        raise AssertionError(f"jobs {job_ids} did not end within {seconds} s: {states}\n{self.log_tail()}")
