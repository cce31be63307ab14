import DrawStatistics

/// The per-draw quantities of a ``DrawTable``, by the names its files use.
public enum DrawMetric: String, CaseIterable, Sendable {
    case qalys, cost, deaths
    case lifeYears = "life_years"
    case qalysAfterHorizon = "qalys_after_horizon"
    case groupQalys = "group_qalys"
    case groupDeaths = "group_deaths"
    case groupUnmet = "group_unmet"
    case groupLifeYears = "group_life_years"
    case yearlyDeaths = "yearly_deaths"
    case yearlyLifeYears = "yearly_life_years"
    case yearlyQalys = "yearly_qalys"
    case yearlyCost = "yearly_cost"
    case groupPopulation = "group_population"
    case serviceActivity = "service_activity"
    case serviceUnmet = "service_unmet"
}

extension DrawTable {
    /// One per-draw quantity of option `option` (ignored for `groupPopulation`, the same for
    /// every option) at `index` (the group, year or service for metrics that have one), in draw
    /// order: what every analysis reads, a piece at a time, so a run too large to hold in memory
    /// is analysed from its column files (issue 18).
    public func column(_ metric: DrawMetric, option: Int = 0, index: Int = 0) -> DrawColumn {
        let column = Self.columns.first { $0.name == metric.rawValue }!
        let width = column.width(self)
        precondition(index >= 0 && index < max(width, 1) && option >= 0 && option < optionCount)
        let values = self[keyPath: column.path]
        let start = column.perOption ? option * draws : 0
        return DrawColumn((0..<draws).map { values[(start + $0) * width + index] })
    }
}
