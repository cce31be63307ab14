import ScenarioModel

/// The £ range each line's mean yearly budget may take (MODEL.md §5 constraints): `min`/`max`
/// from `optimise.lines` (£ or a share of today's), raised to today's budget for a ring-fenced
/// line and narrowed to today's ± `max_change`. Without `min` or `max` the range is the span of
/// the response-curve levels (0 to 3 × today's by default), because the curves say nothing
/// beyond it.
public enum AllocationBounds {
    /// Bounds per line, services first, then interventions.
    /// - Throws: ``AllocationError/emptyBounds(line:low:high:)`` when a line's limits leave no budget.
    public static func bounds(scenario: Scenario, settings: Scenario.Optimisation) throws(AllocationError) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        for line in scenario.budgetLines {
            let yearly = scenario.currentBudget(line)
            let current = yearly.reduce(0, +) / Double(yearly.count)
            let levels = current > 0 ? settings.levels.map { $0 * current } : settings.newLineLevels
            let limits = settings.lines[line] ?? .init()
            var low = limits.min?.pounds(current: current) ?? levels.min()!
            var high = limits.max?.pounds(current: current) ?? levels.max()!
            if limits.ringFenced { low = max(low, current) }
            if let change = limits.maxChange?.pounds(current: current) {
                low = max(low, current - change)
                high = min(high, current + change)
            }
            low = max(low, 0)
            guard low <= high else { throw .emptyBounds(line: scenario.name(of: line), low: low, high: high) }
            result.append(low...high)
        }
        return result
    }
}
