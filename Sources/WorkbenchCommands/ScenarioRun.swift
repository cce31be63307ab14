import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel

/// A scenario file simulated and analysed, as `phm run` and `phm compare FILE` both need it:
/// load (diagnostics to standard error), draw with a progress bar, honour Ctrl-C, summarise.
struct ScenarioRun {
    let file: String
    let scenario: Scenario
    let settings: RunSettings
    let table: DrawTable
    let summary: RunSummary
    /// The sampled values of the uncertain parameters, for `parameters.csv`.
    let parameters: ParameterDraws
    let started: Date
    /// Where the run's per-draw columns and derived columns are kept (removed with the run);
    /// analyses of `table` keep what they derive beside its columns (`DrawTable.scratch`).
    let work: WorkFolder

    /// - Parameter out: the results root, under which the work folder goes (the system's
    ///   temporary folder when the command writes no results folder).
    static func simulate(file: String, simulation: SimulationOptions, out: String? = nil) async throws -> ScenarioRun {
        let scenario = try ScenarioInput.load(file)
        let settings = try simulation.settings(for: scenario)
        let started = Date()
        let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
        let work = try WorkFolder(root: out, scenario: scenario.name)
        let table = try await runner.runInTerminal(work: work)
        let summary = try RunSummary(scenario: scenario, table: table, settings: settings)
        return ScenarioRun(file: file, scenario: scenario, settings: settings, table: table, summary: summary,
                           parameters: runner.parameterDraws(), started: started, work: work)
    }
}

/// Whether printed output may name files whose paths change from run to run (results folders
/// carry a timestamp). `phm notebook` sets `PHM_NOTEBOOK=1` for the commands it runs, so their
/// output is the same every time and notebooks can be checked in CI.
enum OutputPaths {
    static var shown: Bool { ProcessInfo.processInfo.environment["PHM_NOTEBOOK"] == nil }

    /// Prints where a command wrote its results folder (and its report, when it has one); in
    /// notebook mode only the stable part of the path.
    static func announce(_ folder: URL, out: String, scenario: String, report: Bool) {
        if shown {
            print("results: \(folder.path)")
            if report { print("report: \(folder.appendingPathComponent("report.html").path)") }
        } else {
            print("results\(report ? " and report.html" : "") written under \(out)/\(scenario)/")
        }
    }
}

extension RunManifest {
    /// The manifest of a command that simulated `scenario` from `file` with `settings`, started at
    /// `started`; a shard's gives its draws, a merged run's the shard folders it joined.
    init(file: String, scenario: Scenario, settings: RunSettings, options: [String], started: Date,
         kind: String = "run", drawRange: DrawRange? = nil, shards: [String]? = nil) {
        self.init(
            toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
            scenarioHash: ScenarioFingerprint.hash(path: file, scenario: scenario), seed: settings.seed, draws: settings.draws,
            deterministic: settings.deterministic, threads: settings.threads, options: options,
            countNoise: scenario.monteCarlo.countNoise.rawValue,
            startedUTC: ISO8601DateFormatter().string(from: started), wallSeconds: Date().timeIntervalSince(started),
            command: CommandLine.arguments, kind: kind, drawRange: drawRange, shards: shards)
    }
}
