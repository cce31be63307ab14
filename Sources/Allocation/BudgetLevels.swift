import ScenarioModel

/// Where each line's response curve is simulated: the breakpoints of its piecewise-linear
/// segments in the allocation LP (MODEL.md §5; rules in docs/MODEL-NOTES.md, "Allocation").
///
/// A line funded today gets `levels × today's mean yearly budget`; a line at 0 today gets the
/// £ levels `newLineLevels`. The line's bounds (from `optimise.lines`) are added and levels
/// outside them dropped, so the curve covers exactly the budgets the LP may choose (points
/// outside would only bend the concave envelope inside); today's budget is a breakpoint when it
/// is within the bounds (its gain is exactly 0).
public struct BudgetLevels: Hashable, Sendable, Codable {
    /// Per line (services first, then interventions): today's mean yearly budget (£).
    public let current: [Double]
    /// Per line: budget of year `t` per £ of mean yearly budget.
    public let profiles: [[Double]]
    /// Per line: strictly increasing mean yearly budgets to simulate (£).
    public let levels: [[Double]]

    /// Two mean yearly budgets within this many £ are the same budget: the LP's solution, the
    /// scaling of a yearly profile and the shares of a total leave rounding far below £1, and no
    /// budget line is planned to the penny. Used wherever allocations, levels or bounds are
    /// compared (levels, refinement, binding bounds, moved lines).
    public static let samePounds: Double = 1

    /// - Parameters:
    ///   - bounds: £ bounds per line that must be breakpoints too (from ``AllocationBounds``).
    public init(scenario: Scenario, settings: Scenario.Optimisation, bounds: [ClosedRange<Double>]) {
        var current: [Double] = [], profiles: [[Double]] = [], levels: [[Double]] = []
        let proposed = scenario.optionBudgets
        for (l, line) in scenario.budgetLines.enumerated() {
            let yearly = scenario.currentBudget(line)
            let mean = yearly.reduce(0, +) / Double(yearly.count)
            current.append(mean)
            profiles.append(mean > 0 ? yearly.map { $0 / mean } : Array(repeating: 1, count: yearly.count))
            let base = mean > 0 ? settings.levels.map { $0 * mean } : settings.newLineLevels
            let range = bounds[l]
            var points = Set(base.filter { range.contains($0) })
            if range.contains(mean) { points.insert(mean) }
            // each option's budget for the line, so the curve passes through what the file proposes
            for budget in proposed[line] ?? [] where range.contains(budget) { points.insert(budget) }
            points.insert(range.lowerBound)
            points.insert(range.upperBound)
            levels.append(Self.distinct(points.sorted()))
        }
        self.current = current
        self.profiles = profiles
        self.levels = levels
    }

    /// Drops levels within £1 of the previous one (rounding of shares), keeping the first.
    private static func distinct(_ sorted: [Double]) -> [Double] {
        var result: [Double] = []
        for value in sorted where result.last.map({ value - $0 > samePounds }) ?? true { result.append(value) }
        return result
    }
}
