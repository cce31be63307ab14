import ArgumentParser
import ScenarioLoading
import ScenarioModel

extension AllocationOptions {
    /// Writes `--min`, `--max`, `--max-change` and `--ring-fence` over the `optimise.lines`
    /// limits of the lines they name (the other limits of a line stay as the file sets them).
    func applyLineLimits(to settings: inout Scenario.Optimisation, scenario: Scenario) throws {
        for limit in minimums { settings.lines[try Self.line(named: limit.line, flag: "--min", scenario: scenario), default: .init()].min = limit.amount }
        for limit in maximums { settings.lines[try Self.line(named: limit.line, flag: "--max", scenario: scenario), default: .init()].max = limit.amount }
        for limit in maxChange {
            settings.lines[try Self.line(named: limit.line, flag: "--max-change", scenario: scenario), default: .init()].maxChange = limit.amount
        }
        for name in ringFence {
            settings.lines[try Self.line(named: name, flag: "--ring-fence", scenario: scenario), default: .init()].ringFenced = true
        }
    }

    static func line(named name: String, flag: String, scenario: Scenario) throws -> BudgetLine {
        let names = scenario.budgetLines.map { scenario.name(of: $0) }
        guard let index = names.firstIndex(of: name) else {
            let hint = NameSuggestion.closest(to: name, among: names).map { " (did you mean \($0)?)" } ?? ""
            throw ValidationError("\(flag): unknown budget line `\(name)`\(hint); the lines are \(names.joined(separator: ", "))")
        }
        return scenario.budgetLines[index]
    }
}
