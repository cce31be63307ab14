import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel

/// What `phm run` and `phm merge` both write and print for a finished run: the results folder
/// (files, report), then the board table, or summary.json with `--json`.
enum RunOutput {
    static func write(run: ScenarioRun, out: String, json: Bool, kind: String? = nil, shards: [String]? = nil) throws {
        let (scenario, table, summary) = (run.scenario, run.table, run.summary)
        let hash = ScenarioFingerprint.hash(path: run.file, scenario: scenario)
        let manifest = RunManifest.make(file: run.file, scenario: scenario, hash: hash, settings: run.settings, options: table.optionNames,
                                        started: run.started, kind: kind, shards: shards)
        var report = RunReport.document(summary: summary, detail: try RunDetail(scenario: scenario, table: table))
        report.sections.append(RunReport.about(manifest))
        let folder = try Failure.writingResults(under: out) {
            let folder = try ResultsFolder(root: URL(fileURLWithPath: out), scenario: scenario.name, hash: hash, date: run.started)
            try RunFiles.write(summary: summary, table: table, manifest: manifest, report: report, to: folder)
            return folder
        }
        if json {
            FileHandle.standardOutput.write(try RunFiles.json(summary))
        } else {
            print(BoardTable.text(summary))
            print()
            print(BoardTable.epsilonText(summary))
            print()
            OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
        }
    }
}

extension RunManifest {
    /// The manifest of a simulation of `file` with `settings`, started at `started`.
    static func make(file: String, scenario: Scenario, hash: String, settings: RunSettings, options: [String], started: Date,
                     kind: String? = nil, drawRange: DrawRange? = nil, shards: [String]? = nil) -> RunManifest {
        RunManifest(
            toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
            scenarioHash: hash, seed: settings.seed, draws: settings.draws, deterministic: settings.deterministic,
            threads: settings.threads, options: options, countNoise: scenario.monteCarlo.countNoise.rawValue,
            startedUTC: ISO8601DateFormatter().string(from: started), wallSeconds: Date().timeIntervalSince(started),
            command: CommandLine.arguments, kind: kind, drawRange: drawRange, shards: shards)
    }
}
