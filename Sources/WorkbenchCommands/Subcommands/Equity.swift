import ArgumentParser
import Foundation
import MonteCarlo
import Reporting
import RunAnalysis
import ScenarioModel

extension Workbench {
    struct Equity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the health distribution by equity group and its inequality indices.",
            discussion: """
                With --baseline-only: today's distribution (the scenario's equity.baseline_health, or without it the base option's discounted QALYs per person) and its gap, slope and relative index of inequality, concentration index, Atkinson, EDE and Kolm indices — useful before any option exists. Without it: every option's indices and their change against base, and the ranking by inequality aversion. Nothing is written; `phm run` keeps the results.

                Examples:
                  phm equity Scenarios/ics-core20plus5.yaml --baseline-only
                  phm equity Scenarios/pphmi-fund.yaml --draws 500
                  phm equity Scenarios/upstream-shift.yaml --baseline-only --json
                """)

        @Argument(help: "Scenario file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @Flag(help: "Only today's distribution (the base option).")
        var baselineOnly = false

        @OptionGroup var simulation: SimulationOptions

        @Flag(help: "Print the equity part of summary.json (groups and indices per option) instead of tables.")
        var json = false

        func run() async throws {
            let scenario = try ScenarioInput.load(file)
            var settings = try simulation.settings(for: scenario)
            if baselineOnly { settings.options = [0] }
            let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
            let table = try await runner.runInTerminal()
            let summary = try RunSummary(scenario: scenario, table: table, settings: settings)
            if json {
                FileHandle.standardOutput.write(try RunFiles.json(EquityReport(summary)))
                return
            }
            let source = scenario.equity.baselineHealth == nil
                ? "discounted QALYs per person over \(scenario.horizon) years in the base option"
                : "equity.baseline_health"
            let dimension = scenario.dimensions[scenario.equity.dimension].name
            print("\(scenario.name): health by \(dimension) (\(source)); \(Self.drawsText(summary))")
            if baselineOnly {
                print()
                print(EquityTable.groupsText(summary, option: summary.options[0], dimension: dimension))
                print()
                print(EquityTable.indicesText(summary.options[0]))
            } else {
                print()
                print(EquityTable.optionsText(summary))
                print(EquityTable.optionsNote)
                print()
                print(BoardTable.epsilonText(summary))
                print()
                print(EquityTable.alphaText(summary))
            }
        }

        static func drawsText(_ summary: RunSummary) -> String {
            summary.deterministic ? "deterministic" : "\(summary.draws) draws, seed \(summary.seed)"
        }
    }
}
