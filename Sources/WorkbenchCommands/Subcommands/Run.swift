import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading
import ScenarioModel

extension Workbench {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate every option over Monte Carlo draws and print the board table.",
            discussion: """
                Writes Results/<scenario>/<UTC time>-<hash>-<id>/ (summary.json, summary.csv, draws.csv, parameters.csv, yearly.csv, results.xlsx, report.md, report.html, the charts as chart-*.svg, and manifest.json last, listing every file) atomically, in a new folder for every run: Ctrl-C stops the run and leaves no partial folder (exit 130). Same seed, same results, whatever --threads. The last line printed is the path of report.html.

                Examples:
                  phm run Scenarios/ics-core20plus5.yaml
                  phm run Scenarios/upstream-shift.yaml --draws 5000 --seed 7 --options upstream-2pc
                  phm run Scenarios/pphmi-fund.yaml --deterministic --json > summary.json
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Flag(help: "Print summary.json to standard output instead of the tables.")
        var json = false

        func run() async throws {
            let run = try await ScenarioRun.simulate(file: file, simulation: simulation)
            let (scenario, settings, table, summary) = (run.scenario, run.settings, run.table, run.summary)
            let hash = ScenarioFingerprint.hash(path: file, scenario: scenario)
            let manifest = RunManifest(
                toolVersion: WorkbenchVersion.current, scenario: scenario.name, scenarioFile: file,
                scenarioHash: hash, seed: settings.seed, draws: settings.draws, deterministic: settings.deterministic,
                threads: settings.threads, options: table.optionNames, countNoise: scenario.monteCarlo.countNoise.rawValue,
                startedUTC: ISO8601DateFormatter().string(from: run.started), wallSeconds: Date().timeIntervalSince(run.started),
                command: CommandLine.arguments)
            // The report is built inside the write phase, so Ctrl-C while it is built is handled too.
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: hash, date: run.started) { folder in
                var report = RunReport.document(summary: summary, detail: try RunDetail(scenario: scenario, table: table))
                report.sections.append(RunReport.about(manifest))
                try RunFiles.write(summary: summary, table: table, parameters: run.parameters, manifest: manifest, report: report, to: folder)
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
}
