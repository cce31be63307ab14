/// A money quantity over Monte Carlo draws as finance leads read it (MODEL.md §6): mean, 5th and
/// 95th percentiles (``Percentile/type7(_:_:)``) and variance, which splits the financial risk
/// between commissioner and provider.
///
/// The mean of a constant is reported exactly (a sum of n equal values divided by n can be off by
/// a rounding step, which would show as a spurious variance); the variance has the n − 1 divisor
/// and is 0 for a single draw.
public struct Summary: Codable, Hashable, Sendable {
    /// Mean over draws.
    public let mean: Double
    /// 5th percentile over draws.
    public let p5: Double
    /// 95th percentile over draws.
    public let p95: Double
    /// Sample variance over draws (n − 1 divisor).
    public let variance: Double

    /// Summarises per-draw values.
    ///
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(n): the percentiles' order statistics are selected, not sorted for
    ///   (``OrderStatistics``).
    public init(_ values: [Double]) {
        self = values.withUnsafeBufferPointer { Summary(pieces: $0) }
    }

    /// Summarises a column of per-draw values: the same bits as the array initialiser on its
    /// values, reading a column file in pieces (a few passes) without holding it.
    /// - Throws: ``DrawColumnError`` when a column file cannot be read.
    public init(_ column: DrawColumn) throws {
        try self.init(pieces: column)
    }

    /// The one implementation. The mean is a left fold in draw order over n, or the value itself
    /// when all values are equal; the variance a second left fold, `Σ (x − m)² / (n − 1)`.
    init<Pieces: DrawPieces>(pieces: Pieces) throws(Pieces.Failure) {
        precondition(pieces.count > 0, "a summary over draws needs at least one draw")
        let n = Double(pieces.count)
        let low = Percentile.Position(count: pieces.count, 0.05)
        let high = Percentile.Position(count: pieces.count, 0.95)
        let statistics = try OrderStatistics(ranks: low.ranks + high.ranks, of: pieces)
        let m = statistics.allEqual ? statistics.first : statistics.sum / n
        mean = m
        p5 = low.value(statistics.callAsFunction)
        p95 = high.value(statistics.callAsFunction)
        guard pieces.count > 1 && !statistics.allEqual else {
            variance = 0
            return
        }
        var squares = 0.0
        try pieces.forEachPiece { piece in
            for x in piece { squares = squares + (x - m) * (x - m) }
        }
        variance = squares / (n - 1)
    }
}
