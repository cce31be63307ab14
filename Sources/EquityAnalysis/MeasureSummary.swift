/// A quantity computed in every Monte Carlo draw, summarised as its mean and 95% interval
/// (MODEL.md §4: "mean and 95% interval over draws").
///
/// The interval runs from the 2.5th to the 97.5th percentile, each by linear interpolation between
/// order statistics (Hyndman RJ, Fan Y (1996) Sample quantiles in statistical packages. Am Stat
/// 50(4):361–365, definition 7; R's and NumPy's default). EconomicEvaluation has the same helper as
/// `DrawSummary`: the two modules depend on nothing, so neither can share it.
public struct MeasureSummary: Equatable, Sendable {
    /// Mean over draws.
    public let mean: Double
    /// 2.5th percentile over draws.
    public let lower: Double
    /// 97.5th percentile over draws.
    public let upper: Double

    /// Summarises per-draw values.
    ///
    /// - Precondition: `values` is not empty (callers check their draw count on construction).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "MeasureSummary needs at least one draw")
        let sorted = values.sorted()
        mean = values.reduce(0, +) / Double(values.count)
        lower = Self.percentile(sorted, 0.025)
        upper = Self.percentile(sorted, 0.975)
    }

    /// Percentile `q ∈ [0, 1]` of ascending `sorted` values, Hyndman–Fan type 7:
    /// with `h = (n − 1)·q` and `j = ⌊h⌋`, `Q(q) = x_j + (h − j)(x_{j+1} − x_j)` (0-based).
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }
}
