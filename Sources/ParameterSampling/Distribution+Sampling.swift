import ScenarioModel

/// Sampling, CDF and quantile of a distribution written in a scenario file.
///
/// These convenience forms convert the moment parameters on every call; ``ParameterSampler``
/// converts once per parameter. The distribution's parameters must be valid
/// (``Distribution/parameterProblem`` is `nil`); otherwise the results are NaN.
extension Distribution {
    /// One value drawn from `stream`: by inversion (`F⁻¹(u)`) for normal, lognormal, uniform
    /// and triangular; by Marsaglia–Tsang for gamma; as `X/(X+Y)` of two gammas for beta and
    /// (scaled) PERT. A `fixed` value draws nothing.
    public func sample(using stream: inout RandomStream) -> Double {
        Marginal(self).sample(using: &stream)
    }

    /// P(X ≤ x), the cumulative distribution function.
    public func cdf(_ x: Double) -> Double {
        Marginal(self).cdf(x)
    }

    /// The quantile: the x with P(X ≤ x) = u, for u in [0, 1]; the ends of the support at 0
    /// and 1. The Gaussian copula evaluates a correlated parameter as `quantile(Φ(z))`.
    public func quantile(_ u: Double) -> Double {
        Marginal(self).quantile(lower: u, upper: 1 - u)
    }
}
