import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import ResultsMerge
import RunAnalysis
import ScenarioLoading
import ScenarioModel

extension Workbench {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate every option over Monte Carlo draws and print the board table.",
            discussion: """
                Writes Results/<scenario>/<UTC time>-<hash>-<id>/ (summary.json, summary.csv, draws.csv, parameters.csv, yearly.csv, results.xlsx, report.md, report.html, brief.html (the two-page board brief), the charts as chart-*.svg, and manifest.json last, listing every file) atomically, in a new folder for every run: Ctrl-C stops the run and leaves no partial folder (exit 130). Same seed, same results, whatever --threads. The last line printed is the path of report.html.

                With --shard I/K or --draw-range A..B only those draws of the --draws N are simulated, and a shard folder (manifest.json, draws.csv, draws.bin; no summary, no report) is written for `phm merge`, which joins the shards into the folder one run of N draws writes, byte for byte (docs/SCALE.md).

                Examples:
                  phm run Scenarios/ics-core20plus5.yaml
                  phm run Scenarios/upstream-shift.yaml --draws 5000 --seed 7 --options upstream-2pc
                  phm run Scenarios/pphmi-fund.yaml --deterministic --json > summary.json
                  phm run Scenarios/ics-core20plus5.yaml --draws 100000 --shard 3/8 --out shards
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Flag(help: "Print summary.json to standard output instead of the tables.")
        var json = false

        @Option(help: "Simulate only shard I of K of the --draws (e.g. 2/4) and write a shard folder for `phm merge`.")
        var shard: String?

        @Option(help: "Simulate only draws A to B−1 (A..B, on multiples of 16) and write a shard folder for `phm merge`.")
        var drawRange: String?

        func validate() throws {
            if shard != nil || drawRange != nil {
                if shard != nil && drawRange != nil { throw ValidationError("give --shard or --draw-range, not both") }
                if json { throw ValidationError("a shard has no summary to print: drop --json (`phm merge` writes summary.json)") }
                if simulation.draw.stream.deterministic { throw ValidationError("--deterministic runs one draw: it cannot be split into shards") }
            }
            if let shard, ShardOption.parse(shard) == nil {
                throw ValidationError("--shard: expected I/K such as 2/4 (shard I of K, from 1), got `\(shard)`")
            }
        }

        func run() async throws {
            if shard != nil || drawRange != nil { return try await runShard() }
            let run = try await ScenarioRun.simulate(file: file, simulation: simulation, out: out)
            try RunOutput.write(run: run, out: out, json: json)
        }

        /// One shard: its draws only, written as a shard folder.
        private func runShard() async throws {
            let scenario = try ScenarioInput.load(file)
            var settings = try simulation.settings(for: scenario)
            do {
                if let shard, let (index, count) = ShardOption.parse(shard) {
                    settings.drawRange = try DrawShard.range(shard: index, of: count, draws: settings.draws)
                } else if let drawRange {
                    settings.drawRange = try DrawShard.range(parsing: drawRange, draws: settings.draws)
                }
            } catch {
                throw ValidationError(error.description)
            }
            let started = Date()
            let table = try await MonteCarloRunner(scenario: scenario, settings: settings).runInTerminal()
            let hash = ScenarioFingerprint.hash(path: file, scenario: scenario)
            let manifest = RunManifest(file: file, scenario: scenario, settings: settings, options: table.optionNames,
                                       started: started, kind: "shard", drawRange: .init(settings.drawRange))
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: hash, date: started,
                                              label: ShardFiles.label(settings.drawRange)) { folder in
                try ShardFiles.write(table: table, manifest: manifest, to: folder)
            }
            let range = settings.drawRange
            print("shard: draws \(range.lowerBound)–\(range.upperBound - 1) of \(settings.draws); join every shard with `phm merge`")
            OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: false)
        }
    }
}

/// `--shard I/K`.
enum ShardOption {
    static func parse(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        return (index, count)
    }
}
