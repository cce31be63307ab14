import ArgumentParser
import ScenarioLoading
import ScenarioModel

extension AllocationOptions {
    /// Writes `--min`, `--max`, `--max-change` and `--ring-fence` over the `optimise.lines`
    /// limits of the lines they name (the other limits of a line stay as the file sets them).
    func applyLineLimits(to settings: inout Scenario.Optimisation, scenario: Scenario) throws {
        for (flag, items, apply) in [
            ("--min", minimums, { (limits: inout Scenario.Optimisation.LineLimits, amount: Scenario.Optimisation.Amount) in limits.min = amount }),
            ("--max", maximums, { $0.max = $1 }),
            ("--max-change", maxChange, { $0.maxChange = $1 }),
        ] as [(String, [String], (inout Scenario.Optimisation.LineLimits, Scenario.Optimisation.Amount) -> Void)] {
            for item in items {
                let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else {
                    throw ValidationError("\(flag): expected LINE=AMOUNT such as emergency_admission=50% or warm_homes=2000000 (got `\(item)`)")
                }
                let line = try Self.line(named: parts[0], flag: flag, scenario: scenario)
                apply(&settings.lines[line, default: .init()], try Self.amount(parts[1], flag: flag))
            }
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

    /// `2000000` (£) or `50%` (a share of today's budget), never negative.
    static func amount(_ text: String, flag: String) throws -> Scenario.Optimisation.Amount {
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent >= 0, percent.isFinite {
            return .shareOfCurrent(percent / 100)
        }
        if let pounds = Double(text), pounds >= 0, pounds.isFinite { return .pounds(pounds) }
        throw ValidationError("\(flag): expected an amount in £ ≥ 0 or a share such as 50% (got `\(text)`)")
    }
}
