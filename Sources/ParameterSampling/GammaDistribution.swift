import Numerics

/// Gamma(shape k, scale θ), with the constants its sampler and CDF need computed once.
///
/// Moment parameters (MODEL.md §1) convert as `k = mean²/sd²`, `θ = sd²/mean`.
struct GammaDistribution: Hashable, Sendable {
    let shape: Double
    let scale: Double
    /// ln Γ(k), for the CDF and its inverse.
    let logGammaShape: Double
    /// Marsaglia–Tsang constants `d = k′ − ⅓`, `c = 1/√(9d)` for `k′ = k` (k ≥ 1) or
    /// `k′ = k + 1` (k < 1, boosted afterwards).
    private let d: Double
    private let c: Double

    init(shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
        logGammaShape = Double.logGamma(shape)
        d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
    }

    init(mean: Double, sd: Double) {
        let ratio = mean / sd
        self.init(shape: ratio * ratio, scale: sd * sd / mean)
    }

    /// A Gamma(k, θ) variate.
    func sample(using stream: inout RandomStream) -> Double {
        let variate = boostedVariate(using: &stream)
        if shape >= 1 { return scale * variate }
        return scale * variate * Double.pow(stream.uniform(), 1 / shape)
    }

    /// ln of a Gamma(k, 1) variate: finite even when the variate itself underflows (k ≪ 1),
    /// which the beta sampler needs.
    func logStandardSample(using stream: inout RandomStream) -> Double {
        let logVariate = Double.log(boostedVariate(using: &stream))
        if shape >= 1 { return logVariate }
        return logVariate + Double.log(stream.uniform()) / shape
    }

    /// A Gamma(k′, 1) variate by Marsaglia & Tsang, "A simple method for generating gamma
    /// variables", ACM TOMS 26 (2000) 363–372: with x standard normal and `v = (1 + c·x)³`,
    /// accept `d·v` if `v > 0` and `ln u < x²/2 + d − d·v + d·ln v`, after the cheap squeeze
    /// `u < 1 − 0.0331·x⁴`. Acceptance is above 95% for every k′ ≥ 1. For k < 1 the caller
    /// multiplies by `U^(1/k)` (the boost in the same paper: if X ~ Gamma(k+1) and U is uniform,
    /// X·U^(1/k) ~ Gamma(k)).
    private func boostedVariate(using stream: inout RandomStream) -> Double {
        while true {
            let x = stream.normal()
            let root = 1 + c * x
            guard root > 0 else { continue }
            let v = root * root * root
            let u = stream.uniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if Double.log(u) < 0.5 * x2 + d * (1 - v + Double.log(v)) { return d * v }
        }
    }

    /// P(X ≤ x) = P(k, x/θ), the regularized lower incomplete gamma function.
    func cdf(_ x: Double) -> Double {
        IncompleteGamma.regularized(a: shape, x: x / scale, logGammaA: logGammaShape).lower
    }

    /// The x with P(X ≤ x) = p, given `p` and `q = 1 − p`.
    func quantile(lower p: Double, upper q: Double) -> Double {
        scale * IncompleteGamma.inverse(a: shape, lower: p, upper: q, logGammaA: logGammaShape)
    }
}
