import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioLoading
import Scheduling

extension Workbench {
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario as K shards on Slurm: a job array and a merge job after it.",
            discussion: """
                Writes the two batch scripts (deploy/slurm/ holds the same ones for sbatch by hand) into a job folder, submits the array (task I runs `phm run --shard I/K`) and the merge (`phm merge`, after every task has ended; a failed shard fails it, naming the shard and its log), and prints the job ids and where the results will appear. --dry-run prints the scripts and the sbatch commands instead. Results are the bits one `phm run` of the same draws gives (docs/SCALE.md).

                Examples:
                  phm submit Scenarios/ics-core20plus5.yaml --draws 100000 --shards 20
                  phm submit Scenarios/upstream-shift.yaml --shards 4 --slurm-options "--partition=short --time=0:30:00"
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @Option(help: "Number of shards (array tasks).")
        var shards: Int

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "Extra sbatch options for both jobs, as one string (e.g. \"--partition=short --time=1:00:00\").")
        var slurmOptions: String = ""

        @Option(help: "Folder under which the merged results are written.")
        var out: String = "Results"

        @Option(help: "Job folder for scripts, shard folders and logs (default: <out>/<scenario>/jobs/<UTC time>).")
        var jobDir: String?

        @Option(help: "phm executable the nodes run (default: this one).")
        var phm: String?

        @Flag(help: "Print the scripts and sbatch commands; submit nothing.")
        var dryRun = false

        func validate() throws {
            if shards < 1 { throw ValidationError("--shards must be at least 1 (got \(shards))") }
            if simulation.draw.stream.deterministic { throw ValidationError("--deterministic runs one draw: it cannot be split into shards") }
        }

        func run() async throws {
            let scenario = try ScenarioInput.load(file)
            let settings = try simulation.settings(for: scenario)
            do {
                _ = try DrawShard.range(shard: shards, of: shards, draws: settings.draws)
            } catch {
                throw ValidationError(error.description)
            }
            let cwd = FileManager.default.currentDirectoryPath
            func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : cwd + "/" + path }
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let jobDirectory = absolute(jobDir ?? "\(out)/\(scenario.name)/jobs/\(stamp)")
            let job = SlurmJob(
                phm: phm.map(absolute) ?? Self.executable, workingDirectory: cwd, scenarioFile: absolute(file),
                scenarioName: scenario.name, draws: settings.draws, seed: settings.seed, shards: shards,
                runFlags: simulation.options.map { ["--options", $0] } ?? [], jobDirectory: jobDirectory, resultsRoot: absolute(out))
            let extra = slurmOptions.split(separator: " ").map(String.init)
            let shardPath = jobDirectory + "/shards.sbatch", mergePath = jobDirectory + "/merge.sbatch"
            if dryRun {
                print("# \(shardPath)\n\(job.shardScript)")
                print("# \(mergePath)\n\(job.mergeScript)")
                print("sbatch --parsable \(extra.map { $0 + " " }.joined())\(shardPath)")
                print("sbatch --parsable --dependency=afterany:<array job id> \(extra.map { $0 + " " }.joined())\(mergePath)")
                return
            }
            if let existing = try? FileManager.default.contentsOfDirectory(atPath: jobDirectory), !existing.isEmpty {
                // Old `.ok` marks or shard folders would be taken for this run's.
                throw Failure.exit("submit: the job folder \(jobDirectory) is not empty; give a new --job-dir", status: ExitStatus.cannotCreate)
            }
            for directory in [jobDirectory, job.logDirectory, job.statusDirectory, jobDirectory + "/shards"] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            try job.shardScript.write(toFile: shardPath, atomically: true, encoding: .utf8)
            try job.mergeScript.write(toFile: mergePath, atomically: true, encoding: .utf8)
            let array = try Self.sbatch(["--parsable"] + extra + [shardPath])
            let merge = try Self.sbatch(["--parsable", "--dependency=afterany:\(array)"] + extra + [mergePath])
            print("shards: job \(array) (array 1-\(shards), \(settings.draws) draws, seed \(settings.seed)); logs \(job.logDirectory)/shard-N.log")
            print("merge: job \(merge), after every shard has ended; log \(job.mergeLog)")
            print("job folder: \(jobDirectory)")
            print("results will appear under \(job.resultsRoot)/\(scenario.name)/ (the merge log ends with their path)")
        }

        /// This process's executable, so the nodes run the same phm.
        static var executable: String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }

        /// Runs sbatch and returns the job id it prints with --parsable (`ID` or `ID;cluster`).
        static func sbatch(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sbatch"] + arguments
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            do {
                try process.run()
            } catch {
                throw Failure.exit("submit: cannot run sbatch (\(error.localizedDescription)); is this a Slurm login node? --dry-run prints the scripts", status: ExitStatus.unavailable)
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let id = text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
                let reason = problem.isEmpty ? "exit \(process.terminationStatus)" : problem.trimmingCharacters(in: .whitespacesAndNewlines)
                throw Failure.exit("submit: sbatch \(arguments.joined(separator: " ")) failed: \(reason)", status: ExitStatus.unavailable)
            }
            return id
        }
    }
}
