import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import ResultsMerge
import RunAnalysis
import ScenarioLoading

extension Workbench {
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the shards of a run (`phm run --shard`) into one results folder.",
            discussion: """
                Checks that the shards share scenario, seed, options, count noise and phm version and that their draws tile 0..N with no gap or overlap (else exit 65 naming the missing or doubled draws), then writes Results/<scenario>/<UTC time>-<hash>-<id>/ as `phm run` does for N draws: draws.csv, summary.json, summary.csv, yearly.csv and parameters.csv are byte-identical to one run's, then results.xlsx, report.md, report.html, brief.html, the charts as chart-*.svg and manifest.json last, as `phm run` writes them. The last line printed is the path of report.html.

                Examples:
                  phm merge shards/ics-core20plus5/*
                  phm merge shards --out Results --scenario Scenarios/ics-core20plus5.yaml
                """)

        @Argument(help: "Shard folders, or folders holding them (searched three levels down).", completion: .directory)
        var folders: [String]

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Option(help: "The scenario file the shards ran (default: the path in their manifests).", completion: .file(extensions: ["yaml", "yml"]))
        var scenario: String?

        @Flag(help: "Print summary.json to standard output instead of the tables.")
        var json = false

        func validate() throws {
            if folders.isEmpty { throw ValidationError("give the shard folders to merge (or a folder holding them)") }
        }

        func run() async throws {
            let started = Date()
            do {
                let shards = try ShardSet(try ShardRecord.find(in: folders))
                let file = scenario ?? shards.first.manifest.scenarioFile
                let loaded = try ScenarioInput.load(file)
                let hash = ScenarioFingerprint.hash(path: file, scenario: loaded)
                guard hash == shards.first.manifest.scenarioHash else {
                    throw MergeError.scenarioChanged(file: file, hash: hash, shardHash: shards.first.manifest.scenarioHash)
                }
                let work = try WorkFolder(root: out, scenario: loaded.name)
                let merged = try MergedRun(shards: shards, scenario: loaded, threads: ProcessInfo.processInfo.activeProcessorCount, columnsIn: work.path)
                let summary = try RunSummary(scenario: loaded, table: merged.table, settings: merged.settings)
                // parameters.csv is sampled again from the keyed streams, for every draw 0..<N,
                // as `phm run` does after simulating (ParameterDraws).
                let parameters = try MonteCarloRunner(scenario: loaded, settings: merged.settings).parameterDraws()
                let run = ScenarioRun(file: file, scenario: loaded, settings: merged.settings, table: merged.table, summary: summary,
                                      parameters: parameters, started: started, work: work)
                try RunOutput.write(run: run, out: out, json: json, shards: shards.shards.map(\.folder.path))
            } catch let error as MergeError {
                throw Failure.exit("merge: \(error.description)", status: error.exitCode)
            }
        }
    }
}
