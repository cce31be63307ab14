/// What `phm sensitivity` reports: one-way deterministic sensitivity analysis (docs/MODEL-NOTES.md,
/// "One-way sensitivity"). Every uncertain parameter is moved alone to its low and high quantile,
/// all others at their means, with no count noise; the outcomes are each option's incremental net
/// monetary benefit against base, and its change in the health gap and in EDE health at ε.
public struct SensitivitySummary: Codable, Sendable {
    /// One parameter × option × outcome: the outcome with the parameter at its low and high value.
    public struct Row: Codable, Sendable, Equatable {
        public let parameter: String
        public let lowValue: Double
        public let highValue: Double
        public let option: String
        /// `incremental_nmb` (£), `gap_change` or `ede_change` (health per person).
        public let outcome: String
        public let atLow: Double
        public let atHigh: Double
        /// `|at_high − at_low|`.
        public let swing: Double
    }

    /// Where moving a parameter from its low to its high value changes the option with the highest
    /// net monetary benefit (base included): the value at which the two cross, by linear
    /// interpolation of their net benefits between the two runs.
    public struct Flip: Codable, Sendable, Equatable {
        public let parameter: String
        public let atLow: String
        public let atHigh: String
        public let threshold: Double
    }

    public let scenario: String
    public let horizon: Int
    /// £ per QALY for net monetary benefit.
    public let threshold: Double
    /// The quantiles used, e.g. 0.025 and 0.975.
    public let lowQuantile: Double
    public let highQuantile: Double
    /// Inequality aversion of the `ede_change` outcome.
    public let epsilon: Double
    /// Outcomes with every parameter at its mean, `[option][outcome]` as in ``rows``.
    public let central: [CentralValue]
    /// Largest swing first within each option and outcome.
    public let rows: [Row]
    public let flips: [Flip]
    /// With `--two-way A,B`: the best option over a grid of the two.
    public var decisionMap: DecisionMap?

    public struct CentralValue: Codable, Sendable, Equatable {
        public let option: String
        public let outcome: String
        public let value: Double
    }

    /// Outcome names, in the order of rows and charts.
    public static let outcomes = ["incremental_nmb", "gap_change", "ede_change"]
}
