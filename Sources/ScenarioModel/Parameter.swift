/// One number of a scenario together with the key path it was written at.
///
/// The path is the parameter's identity: the random stream of draw `d` is keyed by
/// `(seed, d, path)` (MODEL.md §3), correlations and option `set`s name it, and reports use it.
/// Paths are dotted key paths as they appear in the file, e.g.
/// `needs.hypertension.prevalence.multiply.imd.Q1`.
public struct Parameter: Hashable, Sendable {
    public let path: String
    public let distribution: Distribution

    public init(path: String, distribution: Distribution) {
        self.path = path
        self.distribution = distribution
    }

    /// A fixed number, e.g. a default that the file did not write.
    public static func fixed(_ value: Double, at path: String) -> Parameter {
        Parameter(path: path, distribution: .fixed(value))
    }
}
