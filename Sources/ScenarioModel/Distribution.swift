import Foundation

/// A probability distribution written in a scenario file (MODEL.md §1, "Values").
///
/// A `Distribution` is a definition, not a value: the sampler turns it into one number per
/// Monte Carlo draw, and deterministic mode replaces it by its ``mean``. Moment-parameterised
/// families (normal, lognormal, gamma, beta) take the mean and standard deviation on the natural
/// scale, because that is how evidence is reported in the health-economic literature.
public enum Distribution: Hashable, Sendable {
    /// A number written without `dist:`; it never varies between draws.
    case fixed(Double)
    case normal(mean: Double, sd: Double)
    /// Lognormal with the given mean and standard deviation of the variable itself (not of its log).
    case lognormal(mean: Double, sd: Double)
    /// Lognormal whose 10th and 90th percentiles are `p10` and `p90` (an 80% interval).
    case lognormalInterval(p10: Double, p90: Double)
    case gamma(mean: Double, sd: Double)
    /// Beta on (0, 1) with the given mean and standard deviation (method of moments).
    case beta(mean: Double, sd: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    /// Beta-PERT on [low, high] with shape parameter 4 (mean `(low + 4·mode + high)/6`).
    case pert(low: Double, mode: Double, high: Double)

    /// z such that Φ(z) = 0.9; converts a p10/p90 interval into a log-scale standard deviation.
    public static let z90 = 1.2815515655446004

    /// The value deterministic mode uses (MODEL.md: "Deterministic mode uses the mean").
    public var mean: Double {
        switch self {
        case .fixed(let value): return value
        case .normal(let mean, _), .lognormal(let mean, _), .gamma(let mean, _), .beta(let mean, _):
            return mean
        case .lognormalInterval(let p10, let p90):
            let (mu, sigma) = Self.logScale(p10: p10, p90: p90)
            return Foundation.exp(mu + sigma * sigma / 2)
        case .uniform(let low, let high): return (low + high) / 2
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .pert(let low, let mode, let high): return (low + 4 * mode + high) / 6
        }
    }

    /// Whether the value changes between draws.
    public var isUncertain: Bool {
        if case .fixed = self { return false }
        return true
    }

    /// The family name as written after `dist:` (`fixed` for a plain number).
    public var familyName: String {
        switch self {
        case .fixed: return "fixed"
        case .normal: return "normal"
        case .lognormal, .lognormalInterval: return "lognormal"
        case .gamma: return "gamma"
        case .beta: return "beta"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .pert: return "pert"
        }
    }

    /// Log-scale location and scale of a lognormal given its 10th and 90th percentiles.
    public static func logScale(p10: Double, p90: Double) -> (mu: Double, sigma: Double) {
        let lo = Foundation.log(p10), hi = Foundation.log(p90)
        return ((lo + hi) / 2, (hi - lo) / (2 * z90))
    }

    /// Log-scale location and scale of a lognormal with natural-scale mean `m` and sd `s`:
    /// σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
    public static func logScale(mean m: Double, sd s: Double) -> (mu: Double, sigma: Double) {
        let variance = Foundation.log(1 + (s * s) / (m * m))
        return (Foundation.log(m) - variance / 2, variance.squareRoot())
    }

    /// What is wrong with the parameters, phrased for a person editing the file, or `nil`.
    ///
    /// Checks the conditions under which the family exists: sd > 0, positive means for the
    /// positive families, a beta whose variance is below mean·(1 − mean), ordered bounds.
    public var parameterProblem: String? {
        func finite(_ values: Double...) -> Bool { values.allSatisfy(\.isFinite) }
        switch self {
        case .fixed(let v):
            return v.isFinite ? nil : "expected a finite number"
        case .normal(let mean, let sd):
            if !finite(mean, sd) { return "mean and sd must be finite numbers" }
            return sd > 0 ? nil : "normal needs sd > 0 (got \(sd))"
        case .lognormal(let mean, let sd), .gamma(let mean, let sd):
            if !finite(mean, sd) { return "mean and sd must be finite numbers" }
            if mean <= 0 { return "\(familyName) needs mean > 0 (got \(mean))" }
            return sd > 0 ? nil : "\(familyName) needs sd > 0 (got \(sd))"
        case .lognormalInterval(let p10, let p90):
            if !finite(p10, p90) { return "p10 and p90 must be finite numbers" }
            if p10 <= 0 { return "lognormal needs p10 > 0 (got \(p10))" }
            return p90 > p10 ? nil : "lognormal needs p10 < p90 (got p10 \(p10), p90 \(p90))"
        case .beta(let mean, let sd):
            if !finite(mean, sd) { return "mean and sd must be finite numbers" }
            if !(mean > 0 && mean < 1) { return "beta needs a mean strictly between 0 and 1 (got \(mean))" }
            if sd <= 0 { return "beta needs sd > 0 (got \(sd))" }
            let limit = (mean * (1 - mean)).squareRoot()
            return sd < limit
                ? nil
                : "beta with mean \(mean) needs sd < \(formatShort(limit)) = sqrt(mean·(1−mean)) (got \(sd))"
        case .uniform(let low, let high):
            if !finite(low, high) { return "low and high must be finite numbers" }
            return low < high ? nil : "uniform needs low < high (got low \(low), high \(high))"
        case .triangular(let low, let mode, let high), .pert(let low, let mode, let high):
            if !finite(low, mode, high) { return "low, mode and high must be finite numbers" }
            if !(low < high) { return "\(familyName) needs low < high (got low \(low), high \(high))" }
            return (low <= mode && mode <= high)
                ? nil
                : "\(familyName) needs low ≤ mode ≤ high (got \(low), \(mode), \(high))"
        }
    }

    /// Lower and upper ends of the support, used to check values that must lie in a range.
    public var support: ClosedRange<Double> {
        switch self {
        case .fixed(let v): return v...v
        case .normal: return -Double.infinity...Double.infinity
        case .lognormal, .lognormalInterval, .gamma: return 0...Double.infinity
        case .beta: return 0...1
        case .uniform(let low, let high), .triangular(let low, _, let high), .pert(let low, _, let high):
            return low...high
        }
    }
}

private func formatShort(_ x: Double) -> String {
    let scaled = (x * 10_000).rounded() / 10_000
    return "\(scaled)"
}
