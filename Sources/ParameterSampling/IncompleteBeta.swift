import Numerics

/// The regularized incomplete beta function Iₓ(a, b) = B(x; a, b)/B(a, b) and its inverse in
/// x: the CDF and quantile of the beta distribution (and so of PERT).
///
/// Evaluation uses the continued fraction (Abramowitz & Stegun 26.5.8)
/// `Iₓ(a,b) = xᵃ(1−x)ᵇ/(a·B(a,b)) · 1/(1+ d₁/(1+ d₂/(1+ ⋯)))` with
/// `d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1))` and `d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m))`,
/// by the modified Lentz method. It converges quickly for `x < (a+1)/(a+b+2)`; above that the
/// symmetry `Iₓ(a,b) = 1 − I₁₋ₓ(b,a)` is used instead. Whichever tail is computed directly
/// is accurate to a few ulps relative; the other is its complement.
enum IncompleteBeta {
    private static let epsilon = 1e-16
    private static let maxIterations = 100_000
    private static let tiny = 1e-300

    /// (Iₓ(a, b), 1 − Iₓ(a, b)) for `a, b > 0`, given `logBeta = ln B(a, b)`.
    static func regularized(a: Double, b: Double, x: Double, logBeta: Double) -> (lower: Double, upper: Double) {
        guard x > 0 else { return (0, 1) }
        guard x < 1 else { return (1, 0) }
        let logPrefactor = a * Double.log(x) + b * Double.log(onePlus: -x) - logBeta
        if x < (a + 1) / (a + b + 2) {
            let lower = min(1, Double.exp(logPrefactor) * continuedFraction(a: a, b: b, x: x) / a)
            return (lower, 1 - lower)
        }
        let upper = min(1, Double.exp(logPrefactor) * continuedFraction(a: b, b: a, x: 1 - x) / b)
        return (1 - upper, upper)
    }

    /// The continued fraction of A&S 26.5.8, without its prefactor.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if d.magnitude < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for i in 1...maxIterations {
            let m = Double(i)
            // Two levels per m: the even partial numerator d₂ₘ, then the odd one d₂ₘ₊₁.
            fraction *= lentzFactor(m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)), c: &c, d: &d)
            let factor = lentzFactor(-(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)), c: &c, d: &d)
            fraction *= factor
            if (factor - 1).magnitude < epsilon { break }
        }
        return fraction
    }

    /// One level of the modified Lentz method for a fraction `1 + n₁/(1 + n₂/(1 + ⋯))`:
    /// updates the ratios `c` and `d` for partial numerator `numerator` and returns the factor
    /// by which the fraction's value changes (Lentz 1976; Thompson & Barnett 1986).
    private static func lentzFactor(_ numerator: Double, c: inout Double, d: inout Double) -> Double {
        d = 1 + numerator * d
        if d.magnitude < tiny { d = tiny }
        c = 1 + numerator / c
        if c.magnitude < tiny { c = tiny }
        d = 1 / d
        return d * c
    }

    /// The x with Iₓ(a, b) = p, given both `p` and `q = 1 − p`.
    ///
    /// For p > ½ it solves the mirror problem `I₁₋ₓ(b, a) = q` so the smaller tail is matched.
    /// Starting guess: for a, b ≥ 1 the normal approximation of Abramowitz & Stegun 26.5.22,
    /// `x ≈ a / (a + b·e^{2w})` with `w = y√(h+λ)/h − (1/(2b−1) − 1/(2a−1))(λ + 5/6 − 2/(3h))`,
    /// `λ = (y² − 3)/6`, `h = 2/(1/(2a−1) + 1/(2b−1))` and `y = Φ⁻¹(1 − p)`; otherwise the
    /// leading term of the series at the nearer end, `Iₓ ≈ xᵃ/(a·B)` or `1 − (1−x)ᵇ/(b·B)`, with
    /// `B` approximated so that the two pieces meet. Refinement: Halley's method with derivative
    /// `f = xᵃ⁻¹(1−x)ᵇ⁻¹/B(a,b)` and `f′/f = (a−1)/x − (b−1)/(1−x)`, safeguarded by bisection
    /// on [0, 1]. Relative accuracy is about 1e-14.
    static func inverse(a: Double, b: Double, lower p: Double, upper q: Double, logBeta: Double) -> Double {
        if p <= 0 { return 0 }
        if q <= 0 { return 1 }
        if p > q { return 1 - inverse(a: b, b: a, lower: q, upper: p, logBeta: logBeta) }
        var x = initialGuess(a: a, b: b, lower: p, upper: q)
        var bracket = RootBracket(low: 0, high: 1)
        for _ in 0..<RootBracket.maxIterations {
            let error = regularized(a: a, b: b, x: x, logBeta: logBeta).lower - p
            if error == 0 { return x }
            bracket.narrow(at: x, error: error)
            let density = Double.exp((a - 1) * Double.log(x) + (b - 1) * Double.log(onePlus: -x) - logBeta)
            let curvature = (a - 1) / x - (b - 1) / (1 - x)
            let next = bracket.next(after: x, error: error, slope: density, curvature: curvature)
            if next.converged { return next.point }
            x = next.point
        }
        return x
    }

    private static func initialGuess(a: Double, b: Double, lower p: Double, upper q: Double) -> Double {
        var guess: Double
        if a >= 1 && b >= 1 {
            let y = -StandardNormal.quantile(lower: p, upper: q)
            let lambda = (y * y - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = y * (h + lambda).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * h))
            guess = a / (a + b * Double.exp(2 * w))
        } else {
            let lowerEnd = Double.exp(a * Double.log(a / (a + b))) / a
            let upperEnd = Double.exp(b * Double.log(b / (a + b))) / b
            let total = lowerEnd + upperEnd
            guess = p < lowerEnd / total
                ? Double.pow(a * total * p, 1 / a)
                : 1 - Double.pow(b * total * q, 1 / b)
        }
        // Keep the start strictly inside (0, 1) so the logarithms above are finite.
        if !(guess > 0 && guess < 1) { guess = 0.5 }
        return guess
    }
}
