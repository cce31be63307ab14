import DrawStatistics
import EquityAnalysis
import Foundation
import MonteCarlo
import ScenarioModel

/// What a run's charts show beyond ``RunSummary``: each option's draws on the equity–efficiency
/// impact plane, its cumulative discounted costs and gains year by year against base, and
/// yearly demand against capacity for the services that run short (MODEL.md §4).
///
/// Built from the same ``DrawTable`` as the summary, so the charts and the tables agree.
public struct RunDetail: Sendable {
    /// Draws kept per option for the impact and cost-effectiveness planes: enough to show the
    /// cloud's shape, few enough to keep a 10,000-draw report small and the detail's memory
    /// bounded at any draw count. Draws are independent, so the first ones are a random sample.
    public static let planePoints = 1_000

    /// One option's first ``planePoints`` draws on the impact plane, against base.
    public struct ImpactPoints: Sendable {
        public let option: String
        /// Per draw: change in total net health, QALYs (net of opportunity cost when set).
        public let healthChanges: [Double]
        /// Per draw: change in the size of inequality, `|SII(option)| − |SII(base)|` (negative = less).
        public let inequalityChanges: [Double]
    }

    /// One option's first ``planePoints`` draws on the cost-effectiveness plane, against base.
    public struct PlanePoints: Sendable {
        public let option: String
        /// Per draw: incremental discounted QALYs, `ΔQ`.
        public let qalys: [Double]
        /// Per draw: incremental discounted cost, `ΔC` (£).
        public let costs: [Double]
    }

    /// One option's running balance against base, years 0…T−1, means over draws.
    public struct CumulativeBalance: Sendable {
        public let option: String
        /// Cumulative discounted QALYs gained by the end of each year.
        public let qalys: [Double]
        /// Cumulative discounted extra cost (£) by the end of each year.
        public let cost: [Double]
        /// Cumulative net monetary benefit `ΔQ·threshold − ΔC` (£) by the end of each year.
        public let netBenefit: [Double]

        /// The first year from which the cumulative net monetary benefit stays above zero
        /// (prevention has paid back), or nil when it never does within the horizon.
        public var paybackYear: Int? {
            guard let last = netBenefit.last, last > 0 else { return nil }
            return (netBenefit.lastIndex { $0 <= 0 }).map { $0 + 1 } ?? 0
        }
    }

    /// One service's yearly demand and capacity under each option, means over draws.
    public struct ServiceYears: Sendable {
        public let service: String
        /// `demand[option][t]`, `capacity[option][t]`, `unmet[option][t]`, options in run order.
        public let demand: [[Double]]
        public let capacity: [[Double]]
        public let unmet: [[Double]]
    }

    public let optionNames: [String]
    public let horizon: Int
    /// Calendar year in which year 0 begins (the scenario's `start_year`), for the charts' axes.
    public let startYear: Int
    /// Options other than base, in run order.
    public let impactPlanes: [ImpactPoints]
    /// Options other than base, in run order.
    public let balances: [CumulativeBalance]
    /// Options other than base, in run order: the cost-effectiveness plane.
    public let costEffectivenessPlanes: [PlanePoints]
    /// Services with more than 1% of their mean demand unmet in some year under some option.
    public let shortServices: [ServiceYears]

    /// Year `t` on the calendar axis of a chart: `startYear + t` (the financial year that starts
    /// in April of that year).
    public var calendarYears: [Double] { (0..<horizon).map { Double(FinancialYear.calendar(startYear: startYear, year: $0)) } }

    /// Year `t` as a financial year, e.g. `2026/27`.
    public func financialYear(_ t: Int) -> String { FinancialYear.label(startYear: startYear, year: t) }

    /// Share of a year's demand that must go unmet before a service counts as running short.
    public static let shortfallShare = 0.01

    /// - Parameter scratch: where the distributional analysis keeps per-draw results.
    /// - Throws: `EquityError` as ``DistributionalEvaluation/init(scenario:table:scratch:)``;
    ///   `DrawColumnError` when a column file cannot be read or written.
    public init(scenario: Scenario, table: DrawTable, scratch: ScratchSpace? = nil) throws {
        let scratch = scratch ?? table.scratch
        let dcea = try DistributionalEvaluation(scenario: scenario, table: table, scratch: scratch)
        optionNames = table.optionNames
        horizon = table.horizon
        startYear = scenario.startYear
        let kept = 0..<min(table.draws, Self.planePoints)
        let size = ImpactPlane.InequalityMeasure.slopeIndex.size(of:)
        impactPlanes = try (1..<table.optionCount).map { o in
            var healthChanges: [Double] = [], inequalityChanges: [Double] = []
            try dcea.forEachDistributionWithBase(option: o, draws: kept) { _, health, base, healthChange in
                healthChanges.append(healthChange)
                inequalityChanges.append(size(health) - size(base))
            }
            return ImpactPoints(option: table.optionNames[o], healthChanges: healthChanges, inequalityChanges: inequalityChanges)
        }
        func keptChanges(_ metric: DrawMetric, option o: Int) throws -> [Double] {
            var values = [Double](repeating: 0, count: kept.count), base = values
            try values.withUnsafeMutableBufferPointer { try table.column(metric, option: o).read(kept, into: $0) }
            try base.withUnsafeMutableBufferPointer { try table.column(metric, option: 0).read(kept, into: $0) }
            return zip(values, base).map { $0 - $1 }
        }
        costEffectivenessPlanes = try (1..<table.optionCount).map { o in
            PlanePoints(option: table.optionNames[o], qalys: try keptChanges(.qalys, option: o), costs: try keptChanges(.cost, option: o))
        }
        let T = table.horizon
        let healthWeights = (0..<T).map { 1 / pow(1 + scenario.discount.health, Double($0)) }
        let costWeights = (0..<T).map { 1 / pow(1 + scenario.discount.costs, Double($0)) }
        let base = table.yearly[0]
        balances = (1..<table.optionCount).map { o in
            let series = table.yearly[o]
            var q = 0.0, c = 0.0
            var qalys: [Double] = [], cost: [Double] = [], net: [Double] = []
            for t in 0..<T {
                q += (series.qalys[t] - base.qalys[t]) * healthWeights[t]
                c += (series.cost[t] - base.cost[t]) * costWeights[t]
                qalys.append(q)
                cost.append(c)
                net.append(q * scenario.threshold - c)
            }
            return CumulativeBalance(option: table.optionNames[o], qalys: qalys, cost: cost, netBenefit: net)
        }
        shortServices = table.serviceNames.enumerated().compactMap { s, name in
            let range = (s * T)..<((s + 1) * T)
            let runsShort = table.yearly.contains { series in
                range.contains { series.unmet[$0] > Self.shortfallShare * series.demand[$0] && series.unmet[$0] > 0 }
            }
            guard runsShort else { return nil }
            return ServiceYears(service: name, demand: table.yearly.map { Array($0.demand[range]) },
                                capacity: table.yearly.map { Array($0.capacity[range]) },
                                unmet: table.yearly.map { Array($0.unmet[range]) })
        }
    }
}
