import DrawStatistics

/// The harm an option does against base that a health gain can hide: more deaths (in total and
/// in each equity group) and more unmet demand (in total and for each service), each with its
/// 95% interval and the share of draws in which it rises. Computed here from the draws, once,
/// so every report reads the same probabilities from `summary.json`.
///
/// The board is warned (``warns``) when the option's headline health gain (``HealthHeadline``) is
/// positive but, in more than half the draws, more people die in total or in some group, or more
/// demand for some service goes unmet. Unmet demand is the model's own quantity (MODEL.md §2,
/// `U = D − A`, demand above what the budget buys): the warning names the service that runs short,
/// never a cause the model does not show. Unmet demand is kept per service, not per group, so no
/// group is named for it.
public struct Harms: Codable, Sendable {
    public struct GroupDeaths: Codable, Sendable {
        public let name: String
        /// Change in the group's deaths over the horizon (undiscounted).
        public let change: Interval
        /// Share of draws in which the group has more deaths than under base.
        public let probabilityMore: Double
    }

    public struct GroupUnmet: Codable, Sendable {
        public let name: String
        /// Change in the unmet demand of the group's cohorts, over every service and year (units
        /// of activity of any kind).
        public let change: Interval
        /// Share of draws in which more of the group's demand goes unmet than under base.
        public let probabilityMore: Double
    }

    public struct ServiceUnmet: Codable, Sendable {
        public let name: String
        /// Change in the service's unmet demand summed over the horizon, in its units of activity.
        public let change: Interval
        /// Share of draws in which more of the service's demand goes unmet than under base.
        public let probabilityMore: Double
    }

    /// Change in deaths over the horizon, all groups.
    public let deaths: Interval
    public let probabilityMoreDeaths: Double
    /// Change in unmet demand summed over every service and year (units of activity of any kind).
    public let unmet: Interval
    public let probabilityMoreUnmet: Double
    /// Groups in equity order, most deprived first.
    public let groups: [GroupDeaths]
    /// Unmet demand by group, in equity order.
    public let groupUnmet: [GroupUnmet]
    public let services: [ServiceUnmet]
    /// Whether the headline health gain is positive while deaths or unmet demand rise (in total,
    /// for a group or for a service) in more than half the draws.
    public let warns: Bool

    /// A rise smaller than this (a millionth of a death or of a unit of activity) is rounding,
    /// not a rise: options that leave a group untouched differ from base only in the last bits.
    public static let tolerance = 1e-6

    /// Share of draws in which a change is a rise beyond ``tolerance``.
    public static func probabilityOfRise(_ changes: [Double]) -> Double {
        guard !changes.isEmpty else { return 0 }
        return Double(changes.filter { $0 > tolerance }.count) / Double(changes.count)
    }

    /// ``probabilityOfRise(_:)`` of a column, read a piece at a time.
    public static func probabilityOfRise(_ changes: DrawColumn) throws -> Double {
        guard changes.count > 0 else { return 0 }
        var rises = 0
        try changes.forEachChunk { _, piece in rises += piece.filter { $0 > tolerance }.count }
        return Double(rises) / Double(changes.count)
    }

    /// From per-draw changes in memory (tests, small analyses).
    public init(healthGain: Double, groupNames: [String], groupDeathChanges: [[Double]], groupUnmetChanges: [[Double]],
                serviceNames: [String], serviceUnmetChanges: [[Double]]) {
        let draws = groupDeathChanges.first?.count ?? serviceUnmetChanges.first?.count ?? 0
        do {
            try self.init(healthGain: healthGain, groupNames: groupNames, groupDeathChanges: groupDeathChanges.map(DrawColumn.init),
                          groupUnmetChanges: groupUnmetChanges.map(DrawColumn.init), serviceNames: serviceNames,
                          serviceUnmetChanges: serviceUnmetChanges.map(DrawColumn.init), draws: draws, scratch: .memory)
        } catch {
            fatalError("columns in memory cannot fail to read: \(error)")
        }
    }

    /// From per-draw change columns against base (`draws` each); totals over groups and services
    /// are added draw by draw in `scratch`.
    /// - Throws: `DrawColumnError` when a column file cannot be read or written.
    public init(healthGain: Double, groupNames: [String], groupDeathChanges: [DrawColumn], groupUnmetChanges: [DrawColumn],
                serviceNames: [String], serviceUnmetChanges: [DrawColumn], draws: Int, scratch: ScratchSpace) throws {
        let deathChanges = try scratch.total(groupDeathChanges, draws: draws)
        let unmetChanges = try scratch.total(serviceUnmetChanges, draws: draws)
        deaths = try Interval(deathChanges)
        probabilityMoreDeaths = try Self.probabilityOfRise(deathChanges)
        unmet = try Interval(unmetChanges)
        probabilityMoreUnmet = try Self.probabilityOfRise(unmetChanges)
        groups = try zip(groupNames, groupDeathChanges).map {
            GroupDeaths(name: $0, change: try Interval($1), probabilityMore: try Self.probabilityOfRise($1))
        }
        groupUnmet = try zip(groupNames, groupUnmetChanges).map {
            GroupUnmet(name: $0, change: try Interval($1), probabilityMore: try Self.probabilityOfRise($1))
        }
        services = try zip(serviceNames, serviceUnmetChanges).map {
            ServiceUnmet(name: $0, change: try Interval($1), probabilityMore: try Self.probabilityOfRise($1))
        }
        let likely = [probabilityMoreDeaths, probabilityMoreUnmet] + groups.map(\.probabilityMore)
            + groupUnmet.map(\.probabilityMore) + services.map(\.probabilityMore)
        warns = healthGain > 0 && likely.contains { $0 > 0.5 }
    }

    public var moreDeathsLikely: Bool {
        probabilityMoreDeaths > 0.5 || groups.contains { $0.probabilityMore > 0.5 }
    }

    /// The groups whose unmet demand rises in more than half the draws, largest rise first.
    public var groupsShortLikely: [GroupUnmet] {
        groupUnmet.filter { $0.probabilityMore > 0.5 }.sorted { $0.change.mean > $1.change.mean }
    }

    /// The services whose unmet demand rises in more than half the draws, largest rise first.
    public var servicesShortLikely: [ServiceUnmet] {
        services.filter { $0.probabilityMore > 0.5 }.sorted { $0.change.mean > $1.change.mean }
    }
}
