/// What `phm voi` reports (MODEL.md §4, "Economics"; docs/VALUE-OF-INFORMATION.md), as plain
/// values that encode to its JSON: EVPI at the threshold and over the threshold grid, the EVPPI
/// of every uncertain parameter and named group ranked from largest, and the same for the
/// decision made by equally distributed equivalent health at an inequality aversion ε.
///
/// `population` is £ for the whole population over the horizon (the unit of `draws.csv`);
/// `per_person` divides it by the year-0 population; `se` is the standard error of `population`.
public struct InformationSummary: Codable, Sendable {
    public struct Value: Codable, Sendable, Equatable {
        public let perPerson: Double
        public let population: Double
    }

    public struct Partial: Codable, Sendable {
        /// A parameter's key path, or `group:NAME`.
        public let parameter: String
        public let perPerson: Double
        public let population: Double
        /// Standard error of `population` (posterior draws of the regression, Strong et al. 2014).
        public let se: Double
    }

    /// The same analysis for the decision by EDE health at `epsilon`, valued at the threshold.
    public struct Equity: Codable, Sendable {
        public let epsilon: Double
        public let evpi: Value
        public let evppi: [Partial]
    }

    /// EVPI per person and for the population at each threshold of the grid.
    public struct Curve: Codable, Sendable {
        public let thresholds: [Double]
        public let perPerson: [Double]
        public let population: [Double]
    }

    public let scenario: String
    public let draws: Int
    public let seed: UInt64
    public let horizon: Int
    /// £ per QALY at which EVPI and EVPPI are given.
    public let threshold: Double
    /// Year-0 population that `per_person` divides by.
    public let personCount: Double
    public let options: [String]
    public let evpi: Value
    /// Largest first.
    public let evppi: [Partial]
    public let evpiCurve: Curve
    public let equity: Equity?
}
