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
        Position(count: sorted.count, q).value { sorted[$0] }
    }
}

extension Percentile {
    /// Where percentile `q` of `count` values falls: which order statistics (0-based ranks in
    /// ascending order) ``type7(_:_:)`` reads and how it weighs them. Split out so that
    /// ``Interval`` and ``Summary`` can select just those order statistics instead of sorting,
    /// with the same arithmetic and so the same bits.
    enum Position {
        /// At or beyond the last value: that value itself (no interpolation, so an infinite
        /// maximum stays infinite).
        case last(Int)
        /// `x_j + fraction·(x_{j+1} − x_j)`.
        case between(Int, fraction: Double)

        init(count: Int, _ q: Double) {
            let position = Double(count - 1) * q
            let below = Int(position.rounded(.down))
            self = below + 1 < count ? .between(below, fraction: position - Double(below)) : .last(count - 1)
        }

        /// The ranks of the order statistics the percentile reads.
        var ranks: [Int] {
            switch self {
            case .last(let rank): [rank]
            case .between(let below, _): [below, below + 1]
            }
        }

        /// The percentile, given the order statistic of each rank in ``ranks``.
        func value(_ orderStatistic: (Int) -> Double) -> Double {
            switch self {
            case .last(let rank):
                return orderStatistic(rank)
            case .between(let below, let fraction):
                let lower = orderStatistic(below)
                return lower + fraction * (orderStatistic(below + 1) - lower)
            }
        }
    }
}
