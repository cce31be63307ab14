/// A quantity computed in every Monte Carlo draw, as its mean and 95% interval over draws
/// (MODEL.md §4). This is what every table, chart and `summary.json` shows for an uncertain
/// number; it encodes as `{"mean", "low", "high"}`.
///
/// The interval runs from the 2.5th to the 97.5th percentile, each by ``Percentile/type7(_:_:)``.
public struct Interval: Codable, Hashable, Sendable {
    /// Mean over draws.
    public let mean: Double
    /// 2.5th percentile over draws.
    public let low: Double
    /// 97.5th percentile over draws.
    public let high: Double

    /// The quantiles that bound the 95% interval (written out, not computed as `(1 − 0.95)/2`,
    /// which is not exactly 0.025 in binary and would move the last bits of every interval).
    public static let lowQuantile = 0.025, highQuantile = 0.975

    public init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// Summarises per-draw values: their mean (summed in draw order) and 95% interval.
    ///
    /// - Precondition: `values` is not empty (callers check their draw count on construction).
    /// - Complexity: O(n log n) for the sort.
    public init<C: Collection<Double>>(_ values: C) {
        precondition(!values.isEmpty, "an interval over draws needs at least one draw")
        let sorted = values.sorted()
        self.init(mean: values.reduce(0, +) / Double(values.count),
                  low: Percentile.type7(sorted, Self.lowQuantile),
                  high: Percentile.type7(sorted, Self.highQuantile))
    }
}

extension Interval {
    /// Summarises a column of per-draw values: the same bits as ``init(_:)`` on its values.
    /// - Throws: ``DrawColumnError`` when a column file cannot be read.
    public init(_ column: DrawColumn) throws {
        self.init(try column.array())
    }
}
