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
