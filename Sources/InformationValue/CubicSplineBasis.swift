/// Cubic B-splines on equally spaced knots over `[low, high]`: the basis of a P-spline
/// (Eilers PHC, Marx BD (1996) Flexible smoothing with B-splines and penalties. Stat Sci
/// 11(2):89–121).
///
/// With `segments` intervals of width `h`, there are `segments + 3` basis functions and each `x`
/// touches four of them, so a design matrix row has four non-zero entries. On uniform knots the
/// four values have a closed form in `t`, the position of `x` within its interval:
/// `(1−t)³/6`, `(3t³ − 6t² + 4)/6`, `(−3t³ + 3t² + 3t + 1)/6`, `t³/6` (they sum to 1).
struct CubicSplineBasis: Sendable {
    let low: Double
    let high: Double
    let segments: Int

    /// Number of basis functions.
    var count: Int { segments + 3 }

    /// The first basis index that `x` touches and the four values from it on; `x` outside
    /// `[low, high]` is evaluated in the first or last interval (cubic extrapolation).
    func evaluate(_ x: Double) -> (first: Int, values: (Double, Double, Double, Double)) {
        let u = (x - low) / (high - low) * Double(segments)
        let j = min(max(Int(u.rounded(.down)), 0), segments - 1)
        let t = u - Double(j)
        let t2 = t * t, t3 = t2 * t, s = 1 - t
        return (j, (s * s * s / 6, (3 * t3 - 6 * t2 + 4) / 6, (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6))
    }

    /// The second-order difference penalty `DᵀD` (`count`×`count`, row-major): `Σ (β_{i} − 2β_{i+1} + β_{i+2})²`,
    /// which leaves straight lines unpenalised, so a heavily smoothed fit tends to linear regression.
    var differencePenalty: [Double] {
        let n = count
        var penalty = [Double](repeating: 0, count: n * n)
        for i in 0..<(n - 2) {
            let row: [(Int, Double)] = [(i, 1), (i + 1, -2), (i + 2, 1)]
            for (a, va) in row { for (b, vb) in row { penalty[a * n + b] += va * vb } }
        }
        return penalty
    }
}
