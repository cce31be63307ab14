/// The two batch scripts of a sharded run on Slurm (docs/SCALE.md): a job array with one task
/// per shard (`phm run --shard $SLURM_ARRAY_TASK_ID/K`) and a merge job that runs after every
/// task has ended. The scripts' bodies read only `PHM_*` variables, so the copies kept in
/// `deploy/slurm/` for `sbatch` by hand are these bodies exactly; `phm submit` puts the values
/// in an `export` line above them.
///
/// The merge depends on the array with `afterany`, not `afterok`: with `afterok` a failed shard
/// leaves the merge pending forever (DependencyNeverSatisfied) and nothing says which shard
/// failed; with `afterany` the merge runs, finds the shard's missing `.ok` mark, and fails
/// naming the shard and its log.
public struct SlurmJob: Sendable, Equatable {
    /// Absolute path of the `phm` executable the nodes run.
    public var phm: String
    /// Directory the jobs run in (relative scenario paths resolve against it).
    public var workingDirectory: String
    public var scenarioFile: String
    public var scenarioName: String
    public var draws: Int
    public var seed: UInt64
    public var shards: Int
    /// Extra `phm run` flags, e.g. `--options a,b` (already split into words).
    public var runFlags: [String]
    /// Where the job keeps its scripts, shard folders (`shards/`), logs and marks (`status/`).
    public var jobDirectory: String
    /// Folder under which the merged results folder is written.
    public var resultsRoot: String

    public init(phm: String, workingDirectory: String, scenarioFile: String, scenarioName: String, draws: Int, seed: UInt64, shards: Int,
                runFlags: [String], jobDirectory: String, resultsRoot: String) {
        self.phm = phm
        self.workingDirectory = workingDirectory
        self.scenarioFile = scenarioFile
        self.scenarioName = scenarioName
        self.draws = draws
        self.seed = seed
        self.shards = shards
        self.runFlags = runFlags
        self.jobDirectory = jobDirectory
        self.resultsRoot = resultsRoot
    }

    public var logDirectory: String { jobDirectory + "/logs" }
    public var statusDirectory: String { jobDirectory + "/status" }
    public var shardLogPattern: String { logDirectory + "/shard-%a.log" }
    public var mergeLog: String { logDirectory + "/merge.log" }

    /// The variables both scripts read.
    public var environment: [(String, String)] {
        [("PHM", phm), ("PHM_WORKDIR", workingDirectory), ("PHM_SCENARIO", scenarioFile), ("PHM_DRAWS", "\(draws)"),
         ("PHM_SEED", "\(seed)"), ("PHM_SHARDS", "\(shards)"), ("PHM_RUN_FLAGS", runFlags.joined(separator: " ")),
         ("PHM_JOB_DIR", jobDirectory), ("PHM_OUT", resultsRoot)]
    }

    public var shardScript: String {
        Self.header(["--job-name=phm-\(scenarioName)-shards", "--array=1-\(shards)", "--output=\(shardLogPattern)", "--cpus-per-task=1"])
            + exports + Self.shardBody
    }

    public var mergeScript: String {
        Self.header(["--job-name=phm-\(scenarioName)-merge", "--output=\(mergeLog)"]) + exports + Self.mergeBody
    }

    private var exports: String {
        "export " + environment.map { "\($0)=\(Self.quoted($1))" }.joined(separator: " \\\n  ") + "\n\n"
    }

    static func header(_ options: [String]) -> String {
        "#!/bin/bash\n" + options.map { "#SBATCH \($0)\n" }.joined() + "\n"
    }

    /// Single-quoted for the shell.
    public static func quoted(_ word: String) -> String {
        "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// One array task: shard `$SLURM_ARRAY_TASK_ID` of `$PHM_SHARDS`, then its `.ok` mark.
    public static let shardBody = """
        # One shard of a phm run (docs/SCALE.md): task I of the array simulates shard I/PHM_SHARDS.
        set -euo pipefail
        cd "$PHM_WORKDIR"
        mkdir -p "$PHM_JOB_DIR/shards" "$PHM_JOB_DIR/status"
        # PHM_RUN_FLAGS is split into words on purpose (e.g. --options a,b).
        # shellcheck disable=SC2086
        "$PHM" run "$PHM_SCENARIO" --draws "$PHM_DRAWS" --seed "$PHM_SEED" $PHM_RUN_FLAGS \\
          --shard "$SLURM_ARRAY_TASK_ID/$PHM_SHARDS" --threads "${SLURM_CPUS_PER_TASK:-1}" --out "$PHM_JOB_DIR/shards"
        touch "$PHM_JOB_DIR/status/shard-$SLURM_ARRAY_TASK_ID.ok"

        """

    /// The merge: every shard must have its mark, else the failed shards and their logs are named.
    public static let mergeBody = """
        # Merge of a sharded phm run (docs/SCALE.md); runs after every array task has ended.
        set -euo pipefail
        cd "$PHM_WORKDIR"
        failed=0
        for i in $(seq 1 "$PHM_SHARDS"); do
          if [ ! -e "$PHM_JOB_DIR/status/shard-$i.ok" ]; then
            echo "phm merge: shard $i of $PHM_SHARDS failed or did not finish; see its log $PHM_JOB_DIR/logs/shard-$i.log" >&2
            failed=1
          fi
        done
        if [ "$failed" -ne 0 ]; then exit 1; fi
        "$PHM" merge "$PHM_JOB_DIR/shards" --scenario "$PHM_SCENARIO" --out "$PHM_OUT"

        """
}
