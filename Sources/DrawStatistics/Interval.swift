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
    /// - Complexity: O(n): the interval's order statistics are selected, not sorted for
    ///   (``OrderStatistics``).
    public init(_ values: [Double]) {
        self = values.withUnsafeBufferPointer { Interval(pieces: $0) }
    }

    /// Summarises per-draw values (a stretch of a longer array): see the array initialiser.
    public init(_ values: ArraySlice<Double>) {
        self = values.withUnsafeBufferPointer { Interval(pieces: $0) }
    }

    /// Summarises per-draw values of any collection, in its order: see the array initialiser.
    public init<C: Collection<Double>>(_ values: C) {
        self.init(Array(values))
    }

    /// Summarises a column of per-draw values: the same bits as the array initialiser on its
    /// values, reading a column file in pieces (a few passes) without holding it.
    /// - Throws: ``DrawColumnError`` when a column file cannot be read.
    public init(_ column: DrawColumn) throws {
        try self.init(pieces: column)
    }

    /// The one implementation: the mean is a left fold in draw order over n, the bounds the type 7
    /// percentiles of the selected order statistics.
    init<Pieces: DrawPieces>(pieces: Pieces) throws(Pieces.Failure) {
        precondition(pieces.count > 0, "an interval over draws needs at least one draw")
        let low = Percentile.Position(count: pieces.count, Self.lowQuantile)
        let high = Percentile.Position(count: pieces.count, Self.highQuantile)
        let statistics = try OrderStatistics(ranks: low.ranks + high.ranks, of: pieces)
        self.init(mean: statistics.sum / Double(pieces.count), low: low.value(statistics.callAsFunction),
                  high: high.value(statistics.callAsFunction))
    }
}
