import ArgumentParser
import Foundation
import MonteCarlo
import ScenarioLoading
import ScenarioModel
import Reporting
import RunAnalysis

extension Workbench {
    struct Sensitivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One-way sensitivity: each uncertain parameter at its low and high quantile, the rest at their means.",
            discussion: """
                Deterministic runs (no count noise): one with every parameter at its mean, then two per uncertain parameter. Reports, per option against base, the incremental net monetary benefit at the scenario's threshold and the change in the health gap and in EDE health at --epsilon, sorted by swing, and where a parameter changes the option with the highest net benefit. Writes Results/<scenario>/<time>-<hash>/ with sensitivity.csv, sensitivity.json, report.md, report.html, its tornado charts (chart-*.svg) and manifest.json (written last); with --two-way A,B also a decision map over a grid of the two (decision-map.csv and its chart). --seed only names the folder's replay; the runs draw nothing.

                Examples:
                  phm sensitivity Scenarios/pphmi-fund.yaml
                  phm sensitivity Scenarios/ics-core20plus5.yaml --low 10 --high 90 --option upstream-2pc --epsilon 5
                  phm sensitivity Scenarios/pphmi-fund.yaml --two-way interventions.small_grants.cost_per_participant,interventions.phm_analytics.cost_per_participant
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var streams: StreamOptions

        @Option(help: "Low percentile of each parameter (default 2.5).")
        var low = 2.5

        @Option(help: "High percentile of each parameter (default 97.5).")
        var high = 97.5

        @Option(help: "Report only this option against base (default: every option).")
        var option: String?

        @Option(help: "Inequality aversion ε of the EDE outcome (default 1).")
        var epsilon = 1.0

        @Option(name: .customLong("two-way"), help: ArgumentHelp("Also a decision map over a grid of two parameters, A,B (key paths).", valueName: "a,b"))
        var twoWay: String?

        @Option(help: "Grid points per parameter of --two-way (default 11).")
        var steps = 11

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Flag(help: "Print sensitivity.json to standard output instead of the table.")
        var json = false

        func validate() throws {
            guard low >= 0, high <= 100, low < high else {
                throw ValidationError("--low and --high are percentiles with 0 ≤ low < high ≤ 100 (got \(low) and \(high))")
            }
            guard epsilon.isFinite, epsilon >= 0 else { throw ValidationError("--epsilon must be a finite number ≥ 0 (got \(epsilon))") }
            guard (2...101).contains(steps) else { throw ValidationError("--steps must be between 2 and 101 (got \(steps))") }
        }

        func run() async throws {
            let scenario = try ScenarioInput.load(file)
            let names = scenario.allOptions.map(\.name)
            var reported = Array(names.indices.dropFirst())
            if let option {
                guard let index = names.firstIndex(of: option), index > 0 else {
                    throw ValidationError("--option: `\(option)` is not an option besides base; the scenario has \(names.dropFirst().joined(separator: ", "))")
                }
                reported = [index]
            }
            let started = Date()
            let probe = try MonteCarloRunner(scenario: scenario, settings: RunSettings(draws: 1, seed: streams.seed ?? scenario.monteCarlo.seed, threads: 1, options: [0]))
            let pair = try twoWay.map { try Self.pair($0, parameters: probe.sampler.parameters) }  // checked before any run
            let design = SensitivitySummary.design(probe.sampler, low: low / 100, high: high / 100)
            let settings = RunSettings.scripted(design.rows, seed: probe.settings.seed, threads: streams.threadCount, options: Array(names.indices))
            let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
            let table = try await runner.runInTerminal(label: "one-way runs")
            var summary = try SensitivitySummary(scenario: scenario, table: table, sampler: runner.sampler, parameters: design.parameters,
                                                 low: low / 100, high: high / 100, epsilon: epsilon, options: reported)
            if let pair {
                let grid = DecisionMap.design(probe.sampler, first: pair.0, second: pair.1, low: low / 100, high: high / 100, steps: steps)
                let gridRunner = try MonteCarloRunner(scenario: scenario, settings: RunSettings.scripted(
                    grid.rows, seed: settings.seed, threads: settings.threads, options: settings.options))
                let gridTable = try await gridRunner.runInTerminal(label: "two-way grid")
                summary.decisionMap = try DecisionMap(table: gridTable, threshold: scenario.threshold,
                                                      first: probe.sampler.parameters[pair.0].path, second: probe.sampler.parameters[pair.1].path,
                                                      firstValues: grid.firstValues, secondValues: grid.secondValues)
            }
            let manifest = RunManifest(file: file, scenario: scenario, settings: settings, options: table.optionNames, started: started)
            var report = SensitivityFiles.document(summary)
            report.sections.append(RunReport.about(manifest, replay: CommandLine.arguments.map { $0.hasSuffix("/phm") ? "phm" : $0 },
                                                   contents: "This folder also holds sensitivity.csv, sensitivity.json and manifest.json."))
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: manifest.scenarioHash, date: started) { folder in
                try SensitivityFiles.write(summary, manifest: manifest, report: report, to: folder)
            }
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(summary))
            } else {
                print(SensitivityFiles.text(summary))
                print()
                OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
            }
        }

        /// `A,B` into the sampler indices (in `parameters`, the sampler's order) of two different uncertain parameters.
        static func pair(_ text: String, parameters: [Parameter]) throws -> (Int, Int) {
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let uncertain = parameters.filter(\.distribution.isUncertain).map(\.path)
            guard names.count == 2, names[0] != names[1] else {
                throw ValidationError("--two-way: expected two different parameter key paths A,B (got \(text))")
            }
            return try (index(names[0]), index(names[1]))
            func index(_ name: String) throws -> Int {
                guard let i = parameters.firstIndex(where: { $0.path == name }), parameters[i].distribution.isUncertain else {
                    let hint = NameSuggestion.closest(to: name, among: uncertain).map { " (did you mean \($0)?)" } ?? ""
                    throw ValidationError("--two-way: \(name) is not an uncertain parameter of this scenario\(hint)")
                }
                return i
            }
        }
    }
}
