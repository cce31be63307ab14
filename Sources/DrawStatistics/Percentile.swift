/// The one percentile definition every report uses (MODEL.md §4: "mean and 95% interval over
/// draws"): linear interpolation between order statistics, Hyndman RJ, Fan Y (1996) Sample
/// quantiles in statistical packages. Am Stat 50(4):361–365, definition 7 — R's `quantile`
/// default and NumPy's `percentile` default, so a health economist can check any interval with
/// either.
public enum Percentile {
    /// Percentile `q ∈ [0, 1]` of ascending `sorted` values, Hyndman–Fan type 7: with
    /// `h = (n − 1)·q` and `j = ⌊h⌋`, `Q(q) = x_j + (h − j)(x_{j+1} − x_j)` (0-based).
    ///
    /// - Precondition: `sorted` is not empty and ascending.
    /// - Complexity: O(1).
    public static func type7(_ sorted: [Double], _ q: Double) -> Double {
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }
}
