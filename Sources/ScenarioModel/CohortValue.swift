/// A value that differs between cohorts (MODEL.md §1): `base × Π multiply[dim][level(c)]`,
/// overridden by `by_cohort` for named cohorts.
///
/// Every part is a ``Parameter``, so a distribution on `base` moves every cohort together and
/// a distribution on one factor moves every cohort at that level together.
public struct CohortValue: Hashable, Sendable {
    /// A multiplicative factor applied to every cohort at `level` of `dimension`.
    public struct Factor: Hashable, Sendable {
        public let dimension: Int
        public let level: Int
        public let value: Parameter

        public init(dimension: Int, level: Int, value: Parameter) {
            self.dimension = dimension
            self.level = level
            self.value = value
        }
    }

    public let base: Parameter
    public let factors: [Factor]
    /// Overrides by cohort index (position in ``Scenario/cohorts``).
    public let overrides: [Int: Parameter]

    public init(base: Parameter, factors: [Factor] = [], overrides: [Int: Parameter] = [:]) {
        self.base = base
        self.factors = factors
        self.overrides = overrides
    }

    /// A value that is the same for every cohort.
    public static func uniform(_ parameter: Parameter) -> CohortValue {
        CohortValue(base: parameter)
    }

    /// Every parameter this value reads, base first.
    public var parameters: [Parameter] {
        [base] + factors.map(\.value) + overrides.keys.sorted().compactMap { overrides[$0] }
    }

    /// The value for `cohort`, given a way to evaluate each parameter (its mean, or a draw).
    public func value(for cohort: Cohort, index: Int, evaluate: (Parameter) -> Double) -> Double {
        if let override = overrides[index] { return evaluate(override) }
        var result = evaluate(base)
        for factor in factors where cohort.levels[factor.dimension] == factor.level {
            result *= evaluate(factor.value)
        }
        return result
    }
}
