import ScenarioModel

/// The £ range each line's mean yearly budget may take (MODEL.md §5 constraints): `min`/`max`
/// from `optimise.lines` (£ or a share of today's), raised to today's budget for a ring-fenced
/// line and narrowed to today's ± `max_change`. Without `min` or `max` the range is the span of
/// the response-curve levels (0 to 3 × today's by default), because the curves say nothing
/// beyond it, widened to every budget the file's options give the line (so the LP can always
/// reach each option's allocation) — except that a service funded today keeps at least
/// ``Scenario/Optimisation/defaultServiceFloor`` of its budget unless its `min` says otherwise.
/// Closing a service is not a reallocation a board can make in a planning round, and MODEL.md's
/// supply response `(K/K0)^η` sends a closed service's demand (and the health lost to it) to 0,
/// so an LP left free to close services "gains" health that re-simulation shows is not there.
public enum AllocationBounds {
    /// Bounds per line, services first, then interventions.
    /// - Throws: ``AllocationError/emptyBounds(line:low:high:)`` when a line's limits leave no budget.
    public static func bounds(scenario: Scenario, settings: Scenario.Optimisation) throws(AllocationError) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        let proposed = scenario.optionBudgets
        for line in scenario.budgetLines {
            let yearly = scenario.currentBudget(line)
            let current = yearly.reduce(0, +) / Double(yearly.count)
            let levels = current > 0 ? settings.levels.map { $0 * current } : settings.newLineLevels
            guard let lowestLevel = levels.min(), let highestLevel = levels.max() else {
                throw .invalidSetting("optimise.\(current > 0 ? "levels" : "new_line_levels") is empty; give at least two budget levels")
            }
            let limits = settings.lines[line] ?? .init()
            var low = limits.min?.pounds(current: current) ?? lowestLevel
            if limits.min == nil, case .service = line, current > 0 {
                low = max(low, Scenario.Optimisation.defaultServiceFloor * current)
            }
            var high = limits.max?.pounds(current: current) ?? highestLevel
            let options = proposed[line] ?? []
            if limits.min == nil, let lowest = options.min() { low = min(low, lowest) }
            if limits.max == nil, let highest = options.max() { high = max(high, highest) }
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
