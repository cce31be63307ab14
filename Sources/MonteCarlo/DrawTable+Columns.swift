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

extension DrawMetric {
    /// Whether the metric has values per option (all but the year-0 group populations, which
    /// every option shares).
    public var perOption: Bool { self != .groupPopulation }

    /// Index in ``allCases``.
    var position: Int { Self.allCases.firstIndex(of: self)! }
}

extension DrawTable {
    /// Values per draw (and option) of a metric: 1, the group count, the service count or the horizon.
    public static func width(of metric: DrawMetric, groups: Int, services: Int, horizon: Int) -> Int {
        switch metric {
        case .qalys, .cost, .deaths, .lifeYears, .qalysAfterHorizon: return 1
        case .groupQalys, .groupDeaths, .groupUnmet, .groupLifeYears, .groupPopulation: return groups
        case .yearlyDeaths, .yearlyLifeYears, .yearlyQalys, .yearlyCost: return horizon
        case .serviceActivity, .serviceUnmet: return services
        }
    }

    public func width(of metric: DrawMetric) -> Int {
        Self.width(of: metric, groups: groupCount, services: serviceCount, horizon: horizon)
    }

    /// The array a metric is kept in when the table is in memory.
    static func path(of metric: DrawMetric) -> WritableKeyPath<DrawTable, [Double]> & Sendable {
        switch metric {
        case .qalys: return \.qalys
        case .cost: return \.cost
        case .deaths: return \.deaths
        case .lifeYears: return \.lifeYears
        case .qalysAfterHorizon: return \.qalysAfterHorizon
        case .groupQalys: return \.groupQalys
        case .groupDeaths: return \.groupDeaths
        case .groupUnmet: return \.groupUnmet
        case .groupLifeYears: return \.groupLifeYears
        case .yearlyDeaths: return \.drawYearlyDeaths
        case .yearlyLifeYears: return \.drawYearlyLifeYears
        case .yearlyQalys: return \.drawYearlyQalys
        case .yearlyCost: return \.drawYearlyCost
        case .groupPopulation: return \.groupPopulation
        case .serviceActivity: return \.serviceActivity
        case .serviceUnmet: return \.serviceUnmet
        }
    }

    /// Where analyses keep what they derive per draw: beside the column files for a table kept
    /// in files, in memory otherwise (so a large run's analyses never fall back to memory).
    public var scratch: ScratchSpace { ScratchSpace(directory: columnFolder) }

    /// The file of a metric in a column folder.
    static func columnFile(of metric: DrawMetric, in folder: String) -> String {
        "\(folder)/\(metric.rawValue).f64"
    }

    /// One per-draw quantity of option `option` (ignored for `groupPopulation`, the same for
    /// every option) at `index` (the group, year or service for metrics that have one), in draw
    /// order: what every analysis reads, a piece at a time, so a run too large to hold in memory
    /// is analysed from its column files (issue 18).
    public func column(_ metric: DrawMetric, option: Int = 0, index: Int = 0) -> DrawColumn {
        let width = width(of: metric)
        precondition(index >= 0 && index < max(width, 1) && option >= 0 && option < optionCount)
        let row = (metric.perOption ? option : 0) * width + index
        if let columnFolder {
            return DrawColumn(file: Self.columnFile(of: metric, in: columnFolder), offset: row * draws, count: draws)
        }
        let values = self[keyPath: Self.path(of: metric)]
        let start = metric.perOption ? option * draws : 0
        return DrawColumn((0..<draws).map { values[(start + $0) * width + index] })
    }
}
