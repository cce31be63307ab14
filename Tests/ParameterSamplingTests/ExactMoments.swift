import Foundation

/// Exact mean, variance and fourth central moment of a distribution, from textbook formulas
/// written independently of the code under test (Johnson, Kotz & Balakrishnan, *Continuous
/// Univariate Distributions*).
struct ExactMoments {
    let mean: Double
    let variance: Double
    let fourthCentral: Double

    /// From raw moments E[X], E[X²], E[X³], E[X⁴] of `(X − shift)` (shift keeps the
    /// subtraction well conditioned): μ₂ = m₂ − m₁², μ₄ = m₄ − 4m₁m₃ + 6m₁²m₂ − 3m₁⁴.
    init(raw m: [Double], shift: Double = 0) {
        mean = shift + m[0]
        variance = m[1] - m[0] * m[0]
        fourthCentral = m[3] - 4 * m[0] * m[2] + 6 * m[0] * m[0] * m[1] - 3 * Foundation.pow(m[0], 4)
    }

    init(mean: Double, variance: Double, fourthCentral: Double) {
        self.mean = mean
        self.variance = variance
        self.fourthCentral = fourthCentral
    }

    static func normal(mean: Double, sd: Double) -> ExactMoments {
        ExactMoments(mean: mean, variance: sd * sd, fourthCentral: 3 * Foundation.pow(sd, 4))
    }

    /// E[Xᵏ] = exp(kμ + k²σ²/2).
    static func lognormal(mu: Double, sigma: Double) -> ExactMoments {
        ExactMoments(raw: (1...4).map { k in
            let k = Double(k)
            return Foundation.exp(k * mu + k * k * sigma * sigma / 2)
        })
    }

    /// E[Xᵏ] = θᵏ·k(k+1)⋯(k+n−1) for shape k, scale θ.
    static func gamma(shape: Double, scale: Double) -> ExactMoments {
        var raw: [Double] = []
        var product = 1.0
        for n in 0..<4 {
            product *= (shape + Double(n)) * scale
            raw.append(product)
        }
        return ExactMoments(raw: raw)
    }

    /// Central moments of low + width·B, B ~ Beta(α, β), with E[Bᵏ] = Π (α+r)/(α+β+r).
    static func beta(alpha: Double, beta: Double, low: Double = 0, width: Double = 1) -> ExactMoments {
        var raw: [Double] = []
        var product = 1.0
        for r in 0..<4 {
            product *= (alpha + Double(r)) / (alpha + beta + Double(r))
            raw.append(product)
        }
        let unit = ExactMoments(raw: raw)
        return ExactMoments(mean: low + width * unit.mean, variance: width * width * unit.variance,
                            fourthCentral: Foundation.pow(width, 4) * unit.fourthCentral)
    }

    static func uniform(low: Double, high: Double) -> ExactMoments {
        let w = high - low
        return ExactMoments(mean: (low + high) / 2, variance: w * w / 12, fourthCentral: Foundation.pow(w, 4) / 80)
    }

    /// Integrates (x − a)ᵏ against the piecewise-linear density with 3-point Gauss–Legendre
    /// on each piece, exact for the polynomials of degree ≤ 5 that arise.
    static func triangular(low a: Double, mode c: Double, high b: Double) -> ExactMoments {
        let nodes = [-Foundation.sqrt(0.6), 0, Foundation.sqrt(0.6)]
        let weights = [5.0 / 9, 8.0 / 9, 5.0 / 9]
        func density(_ x: Double) -> Double {
            x <= c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c))
        }
        func integral(_ k: Int, from lo: Double, to hi: Double) -> Double {
            guard hi > lo else { return 0 }
            let half = (hi - lo) / 2, mid = (hi + lo) / 2
            return zip(nodes, weights).reduce(0) { sum, node in
                let x = mid + half * node.0
                return sum + node.1 * half * Foundation.pow(x - a, Double(k)) * density(x)
            }
        }
        let raw = (1...4).map { integral($0, from: a, to: c) + integral($0, from: c, to: b) }
        return ExactMoments(raw: raw, shift: a)
    }
}
