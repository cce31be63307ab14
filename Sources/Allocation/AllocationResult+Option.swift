import ScenarioModel

extension AllocationResult {
    /// Lines whose optimal budget differs from today's by more than £1 a year.
    public var changedLines: [Int] {
        lines.indices.filter { abs(lines[$0].optimal - lines[$0].current) > BudgetLevels.samePounds }
    }

    /// The allocation as a scenario option: `budgets:` for every line it changes, each year's
    /// budget the line's profile scaled to the optimal mean (the mechanism `--save-option` writes
    /// and the re-simulation runs).
    public func option(named name: String, description: String, scenario: Scenario, curves: ResponseCurves) -> ScenarioOption {
        let all = scenario.budgetLines
        var budgets: [BudgetLine: [Double]] = [:]
        for l in changedLines {
            budgets[all[l]] = curves.lines[l].yearlyBudget(lines[l].optimal).map { $0.rounded() }
        }
        return ScenarioOption(name: name, description: description, shifts: [], overrides: [], budgets: budgets)
    }
}
