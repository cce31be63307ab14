import Foundation
import ScenarioLoading
import ScenarioModel

/// Small scenarios written inline, and helpers to load text and collect its diagnostics.
public enum ScenarioFixtures {
    /// A valid two-cohort scenario whose lines are stable, so tests can assert positions.
    /// Line numbers matter: tests refer to them (line 1 is `name:`).
    public static let minimal = """
        name: tiny
        horizon: 3
        dimensions:
          imd: [Q1, Q2]
        cohorts:
          - {imd: Q1, population: 1000, utility: 0.8}
          - {imd: Q2, population: 2000, utility: 0.9}
        needs:
          copd:
            prevalence: {base: 0.1, multiply: {imd: {Q1: 2.0}}}
            exit_rate: 0.05
            use: {emergency_admission: 0.5}
        services:
          emergency_admission:
            unit_cost: 2000
            budget: 200000
        interventions:
          vaccination:
            cost_per_participant: 20
            budget: 10000
            effects: {demand: {emergency_admission: 0.01}}
        """

    /// Parses `text` as a scenario named `file` (tables resolve against `directory`).
    /// One cohort of 1,000 people, one need, one service running short and one outreach
    /// programme, with an option that shifts £3,000 a year into it: the scenario whose numbers
    /// RunAnalysisTests and ReportingTests work by hand (see HandWorkedTests for the equations).
    public static let handWorkedShift = """
        name: hand
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        equity: {baseline_health: {Q1: 70}}
        cohorts: [{imd: Q1, population: 1000, utility: 0.9}]
        needs:
          copd: {prevalence: 0.1, exit_rate: 0.1, utility_loss: 0.1, use: {admission: 2}}
        services:
          admission: {unit_cost: 100, budget: 15000, base_rate: 0.05, qaly_loss_per_unmet: 0.01}
        interventions:
          outreach: {cost_per_participant: 10, fixed_cost: 100, budget: 600, uptake: 0.2, effects: {demand: {admission: 1.0}, incidence: {copd: 0.5}, qaly_per_participant: 0.01}}
        options:
          upstream: {shift: [{from: admission, to: outreach, amount: 3000}]}
        """

    public static func load(_ text: String, file: String = "test.yaml", directory: URL = URL(fileURLWithPath: NSTemporaryDirectory())) throws -> Scenario {
        try ScenarioLoader.parse(text, file: file, directory: directory)
    }

    /// The diagnostics `text` produces (empty when it is valid).
    public static func diagnostics(_ text: String, file: String = "test.yaml", directory: URL = URL(fileURLWithPath: NSTemporaryDirectory())) -> [Diagnostic] {
        do {
            _ = try load(text, file: file, directory: directory)
            return []
        } catch ScenarioLoadError.invalid(let diagnostics) {
            return diagnostics
        } catch {
            return [Diagnostic(file: file, line: 0, column: 0, path: "", message: "\(error)")]
        }
    }

    /// `minimal` with one line replaced (1-based), or lines appended.
    public static func minimal(replacingLine line: Int, with replacement: String) -> String {
        var lines = minimal.components(separatedBy: "\n")
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    public static func minimal(appending text: String) -> String {
        minimal + "\n" + text
    }
}
