import Numerics

/// Beta(α, β) on (0, 1), with the constants its sampler and CDF need computed once.
///
/// Moment parameters (MODEL.md §1) convert by the method of moments: with
/// `ν = mean(1 − mean)/sd² − 1`, `α = mean·ν` and `β = (1 − mean)·ν`. PERT is a scaled beta
/// (see ``Marginal``).
struct BetaDistribution: Hashable, Sendable {
    let alpha: Double
    let beta: Double
    /// ln B(α, β) = ln Γ(α) + ln Γ(β) − ln Γ(α + β).
    let logBeta: Double
    private let gammaAlpha: GammaDistribution
    private let gammaBeta: GammaDistribution

    init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
        logBeta = Double.logGamma(alpha) + Double.logGamma(beta) - Double.logGamma(alpha + beta)
        gammaAlpha = GammaDistribution(shape: alpha, scale: 1)
        gammaBeta = GammaDistribution(shape: beta, scale: 1)
    }

    init(mean: Double, sd: Double) {
        let nu = mean * (1 - mean) / (sd * sd) - 1
        self.init(alpha: mean * nu, beta: (1 - mean) * nu)
    }

    /// A Beta(α, β) variate as `X/(X + Y)` for independent X ~ Gamma(α), Y ~ Gamma(β)
    /// (Devroye, *Non-Uniform Random Variate Generation*, 1986, §IX.4), computed as
    /// `1/(1 + e^(ln Y − ln X))` so that shapes well below 1, whose gamma variates can
    /// underflow, still give a valid value.
    func sample(using stream: inout RandomStream) -> Double {
        let logX = gammaAlpha.logStandardSample(using: &stream)
        let logY = gammaBeta.logStandardSample(using: &stream)
        return 1 / (1 + Double.exp(logY - logX))
    }

    /// P(X ≤ x) = Iₓ(α, β).
    func cdf(_ x: Double) -> Double {
        IncompleteBeta.regularized(a: alpha, b: beta, x: x, logBeta: logBeta).lower
    }

    /// The x with Iₓ(α, β) = p, given `p` and `q = 1 − p`.
    func quantile(lower p: Double, upper q: Double) -> Double {
        IncompleteBeta.inverse(a: alpha, b: beta, lower: p, upper: q, logBeta: logBeta)
    }
}
