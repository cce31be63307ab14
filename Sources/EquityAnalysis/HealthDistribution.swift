/// Health by equity group: the object every inequality measure of MODEL.md §4 ("Equity") evaluates.
///
/// Groups are the levels of `equity.dimension`, ordered from most to least deprived. Each has a
/// year-0 population `N_g` and a health level `h_g` (for example quality-adjusted life expectancy,
/// or discounted QALYs per person). Population shares are `p_g = N_g / Σ N`.
///
/// The measures live in extensions: gap, relative gap, slope and relative index of inequality and
/// concentration index in `HealthDistribution+Inequality.swift`; the Atkinson and Kolm equally
/// distributed equivalents in `HealthDistribution+Welfare.swift`.
public struct HealthDistribution: Equatable, Sendable {
    /// Group names, most deprived first.
    public let groups: [String]
    /// Year-0 population `N_g` of each group.
    public let populations: [Double]
    /// Health `h_g` of each group.
    public let health: [Double]
    /// Population shares `p_g = N_g / Σ N`, which sum to 1.
    public let shares: [Double]
    /// `Σ N_g`.
    public let totalPopulation: Double

    /// Creates a distribution after checking that it can be measured.
    ///
    /// - Throws: ``EquityError/noGroups``, ``EquityError/lengthMismatch(what:expected:found:)`` when
    ///   the arrays differ in length, ``EquityError/invalidPopulation(group:value:)`` for a
    ///   population that is not finite and > 0, ``EquityError/nonFiniteValue(what:value:)`` for a
    ///   health value that is NaN or infinite.
    public init(groups: [String], populations: [Double], health: [Double]) throws(EquityError) {
        guard !groups.isEmpty else { throw .noGroups }
        guard populations.count == groups.count else {
            throw .lengthMismatch(what: "populations", expected: groups.count, found: populations.count)
        }
        guard health.count == groups.count else {
            throw .lengthMismatch(what: "health", expected: groups.count, found: health.count)
        }
        for (group, population) in zip(groups, populations) where !(population.isFinite && population > 0) {
            throw .invalidPopulation(group: group, value: population)
        }
        for (group, value) in zip(groups, health) where !value.isFinite {
            throw .nonFiniteValue(what: "health of group \(group)", value: value)
        }
        self.init(checkedGroups: groups, populations: populations, health: health)
    }

    /// Creates a distribution from inputs already checked by the caller.
    init(checkedGroups groups: [String], populations: [Double], health: [Double]) {
        let total = populations.reduce(0, +)
        self.init(checkedGroups: groups, populations: populations, health: health,
                  shares: populations.map { $0 / total }, totalPopulation: total)
    }

    /// Creates a distribution whose shares and total the caller computed as above, once for
    /// every draw of a distributional evaluation.
    init(checkedGroups groups: [String], populations: [Double], health: [Double], shares: [Double], totalPopulation: Double) {
        self.groups = groups
        self.populations = populations
        self.health = health
        self.totalPopulation = totalPopulation
        self.shares = shares
    }

    /// Population-weighted mean health `μ = Σ p_g h_g`.
    public var mean: Double {
        zip(shares, health).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Total health `Σ N_g h_g` (for example QALYs summed over the population).
    public var totalHealth: Double {
        zip(populations, health).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Ridit of each group: the mid-point of its band of the cumulative population share,
    /// `x_g = Σ_{i<g} p_i + p_g / 2`, which rises from the most to the least deprived (MODEL.md §4).
    public var ridits: [Double] {
        var below = 0.0
        return shares.map { share in
            defer { below += share }
            return below + share / 2
        }
    }
}
