import Numerics
import ScenarioModel

/// A ``Distribution`` turned into the parameters its sampler, CDF and quantile work with,
/// computed once (log-scale parameters, gamma and beta shapes, ln Γ and ln B).
///
/// Conversions (MODEL.md §1, "Values"):
/// - lognormal from mean m and sd s: `σ² = ln(1 + s²/m²)`, `μ = ln m − σ²/2`; from an 80%
///   interval: `μ = (ln p10 + ln p90)/2`, `σ = (ln p90 − ln p10)/(2·z₀.₉)`;
/// - gamma: `k = m²/s²`, `θ = s²/m`; beta: see ``BetaDistribution``;
/// - PERT on [a, b] with mode c: `low + (b − a)·Beta(α, β)` with `α = 1 + 4(c − a)/(b − a)`,
///   `β = 1 + 4(b − c)/(b − a)` (Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed., 2008), whose mean
///   is `(a + 4c + b)/6`.
///
/// The distribution's parameters must be valid (``Distribution/parameterProblem`` is `nil`);
/// otherwise results are NaN.
enum Marginal: Hashable, Sendable {
    case fixed(Double)
    case normal(mean: Double, sd: Double)
    case lognormal(mu: Double, sigma: Double)
    case gamma(GammaDistribution)
    /// `low + width·B` for B ~ Beta: the beta family itself (low 0, width 1) and PERT.
    case scaledBeta(BetaDistribution, low: Double, width: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)

    init(_ distribution: Distribution) {
        switch distribution {
        case .fixed(let value):
            self = .fixed(value)
        case .normal(let mean, let sd):
            self = .normal(mean: mean, sd: sd)
        case .lognormal(let mean, let sd):
            let (mu, sigma) = Distribution.logScale(mean: mean, sd: sd)
            self = .lognormal(mu: mu, sigma: sigma)
        case .lognormalInterval(let p10, let p90):
            let (mu, sigma) = Distribution.logScale(p10: p10, p90: p90)
            self = .lognormal(mu: mu, sigma: sigma)
        case .gamma(let mean, let sd):
            self = .gamma(GammaDistribution(mean: mean, sd: sd))
        case .beta(let mean, let sd):
            self = .scaledBeta(BetaDistribution(mean: mean, sd: sd), low: 0, width: 1)
        case .uniform(let low, let high):
            self = .uniform(low: low, high: high)
        case .triangular(let low, let mode, let high):
            self = .triangular(low: low, mode: mode, high: high)
        case .pert(let low, let mode, let high):
            let width = high - low
            let beta = BetaDistribution(alpha: 1 + 4 * (mode - low) / width, beta: 1 + 4 * (high - mode) / width)
            self = .scaledBeta(beta, low: low, width: width)
        }
    }

    /// One variate, by the family's direct method: inversion for normal, lognormal, uniform and
    /// triangular; Marsaglia–Tsang for gamma; two gammas for beta and PERT. A fixed value draws
    /// nothing from the stream.
    func sample(using stream: inout RandomStream) -> Double {
        switch self {
        case .fixed(let value): return value
        case .normal(let mean, let sd): return mean + sd * stream.normal()
        case .lognormal(let mu, let sigma): return Double.exp(mu + sigma * stream.normal())
        case .gamma(let gamma): return gamma.sample(using: &stream)
        case .scaledBeta(let beta, let low, let width): return low + width * beta.sample(using: &stream)
        case .uniform, .triangular:
            let u = stream.uniform()
            return quantile(lower: u, upper: 1 - u)
        }
    }

    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double {
        switch self {
        case .fixed(let value):
            return x >= value ? 1 : 0
        case .normal(let mean, let sd):
            return StandardNormal.cdf((x - mean) / sd)
        case .lognormal(let mu, let sigma):
            return x > 0 ? StandardNormal.cdf((Double.log(x) - mu) / sigma) : 0
        case .gamma(let gamma):
            return gamma.cdf(x)
        case .scaledBeta(let beta, let low, let width):
            return beta.cdf((x - low) / width)
        case .uniform(let low, let high):
            return min(1, max(0, (x - low) / (high - low)))
        case .triangular(let a, let c, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        }
    }

    /// The x with P(X ≤ x) = p, given `p` and `q = 1 − p` so that either tail can be matched
    /// precisely. At p = 0 and p = 1 it returns the ends of the support.
    func quantile(lower p: Double, upper q: Double) -> Double {
        switch self {
        case .fixed(let value):
            return value
        case .normal(let mean, let sd):
            return mean + sd * StandardNormal.quantile(lower: p, upper: q)
        case .lognormal(let mu, let sigma):
            return Double.exp(mu + sigma * StandardNormal.quantile(lower: p, upper: q))
        case .gamma(let gamma):
            return gamma.quantile(lower: p, upper: q)
        case .scaledBeta(let beta, let low, let width):
            return low + width * beta.quantile(lower: p, upper: q)
        case .uniform(let low, let high):
            return p <= q ? low + (high - low) * p : high - (high - low) * q
        case .triangular(let a, let c, let b):
            // Inverse of the two quadratic pieces of the CDF; the mode splits them at
            // F(c) = (c − a)/(b − a).
            if p * (b - a) <= c - a { return a + (p * (b - a) * (c - a)).squareRoot() }
            return b - (q * (b - a) * (b - c)).squareRoot()
        }
    }

    /// The value whose standard normal score is `z`: `F⁻¹(Φ(z))`, the last step of the
    /// Gaussian copula. Normal and lognormal use z directly (`mean + sd·z`, `e^(μ+σz)`), which
    /// is the same number without the round trip through a probability.
    func value(normalScore z: Double) -> Double {
        switch self {
        case .normal(let mean, let sd): return mean + sd * z
        case .lognormal(let mu, let sigma): return Double.exp(mu + sigma * z)
        default: return quantile(lower: StandardNormal.cdf(z), upper: StandardNormal.cdf(-z))
        }
    }
}
