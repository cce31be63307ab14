import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioLoading

extension Workbench {
    struct Voi: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voi",
            abstract: "Value of information: EVPI over thresholds and the EVPPI of each uncertain parameter and group.",
            discussion: """
                EVPPI by the regression method of Strong, Oakley & Brennan (2014): each option's incremental net benefit against base is regressed on the parameter (a cubic P-spline, penalty by GCV; an additive spline model for a group; groups come from --group and the scenario's `voi: {groups: {NAME: [PATH, …]}}`), with a standard error from the regression's posterior.
                With --epsilon the same is done for the decision by equally distributed equivalent health at that inequality aversion (MODEL.md §4). Writes Results/<scenario>/<time>-<hash>/ with voi.json, evppi.csv, parameters.csv and draws.csv (the draws used), report.md, report.html, its charts (chart-*.svg) and manifest.json (written last).
                See docs/VALUE-OF-INFORMATION.md.

                Examples:
                  phm voi Scenarios/ics-core20plus5.yaml --draws 5000
                  phm voi Scenarios/pphmi-fund.yaml --group effects=interventions.a.effects.qaly_per_participant,interventions.b.uptake.base
                  phm voi Scenarios/ics-core20plus5.yaml --epsilon 5 --json
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup var simulation: SimulationOptions

        @Option(name: .customLong("group"), help: ArgumentHelp("A group of parameters valued together, NAME=PATH,PATH… (repeatable).", valueName: "name=paths"))
        var groups: [String] = []

        @Option(help: "Also value information for the decision by EDE health at this inequality aversion ε ≥ 0.")
        var epsilon: Double?

        @Option(help: "Folder under which results are written.")
        var out: String = "Results"

        @Flag(help: "Print voi.json to standard output instead of the tables.")
        var json = false

        func validate() throws {
            if let epsilon, !(epsilon.isFinite && epsilon >= 0) {
                throw ValidationError("--epsilon must be a finite number ≥ 0 (got \(epsilon))")
            }
        }

        func run() async throws {
            let scenario = try ScenarioInput.load(file)
            let settings = try simulation.settings(for: scenario)
            // Checked before simulating, so a mistyped path costs no wait.
            let given = try Self.parse(groups, paths: scenario.allParameters.filter(\.distribution.isUncertain).map(\.path))
            // The scenario's `voi: {groups}` first; a --group of the same name replaces it.
            let named = scenario.informationGroups.filter { group in !given.contains { $0.name == group.name } } + given
            let started = Date()
            let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
            let table = try await runner.runInTerminal()
            let parameters = runner.parameterDraws()
            let summary = try await InformationSummary(scenario: scenario, table: table, settings: settings, parameters: parameters,
                                                       groups: named, epsilon: epsilon)
            let manifest = RunManifest(file: file, scenario: scenario, settings: settings, options: table.optionNames, started: started)
            var report = InformationFiles.document(summary)
            report.sections.append(RunReport.about(manifest, replay: CommandLine.arguments.map { $0.hasSuffix("/phm") ? "phm" : $0 },
                                                   contents: "This folder also holds voi.json, evppi.csv, parameters.csv and draws.csv (the draws the estimates came from) and manifest.json."))
            let folder = try WritePhase.write(root: out, scenario: scenario.name, hash: manifest.scenarioHash, date: started) { folder in
                try InformationFiles.write(summary, table: table, parameters: parameters, manifest: manifest, report: report, to: folder)
            }
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(summary))
            } else {
                print(InformationFiles.text(summary))
                print()
                OutputPaths.announce(folder.destination, out: out, scenario: scenario.name, report: true)
            }
        }

        /// `NAME=PATH,PATH…` into groups; every path must be an uncertain parameter of the run.
        static func parse(_ arguments: [String], paths: [String]) throws -> [InformationSummary.Group] {
            var groups: [InformationSummary.Group] = []
            for argument in arguments {
                let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw ValidationError("--group \(argument): expected NAME=PATH,PATH… (e.g. effects=needs.copd.utility_loss,needs.copd.prevalence.base)")
                }
                let members = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !members.isEmpty else { throw ValidationError("--group \(parts[0]): name at least one parameter path after =") }
                for path in members where !paths.contains(path) {
                    let hint = NameSuggestion.closest(to: path, among: paths).map { " (did you mean \($0)?)" } ?? ""
                    throw ValidationError("--group \(parts[0]): \(path) is not an uncertain parameter of this scenario\(hint); `phm voi` without --group lists them")
                }
                guard !groups.contains(where: { $0.name == parts[0] }) else { throw ValidationError("--group \(parts[0]): named twice") }
                groups.append(InformationSummary.Group(name: parts[0], paths: members))
            }
            return groups
        }
    }
}
