import ParameterSampling

/// The expected value of partial perfect information (EVPPI) of one parameter or a group, by the
/// non-parametric regression method of Strong, Oakley & Brennan (2014): regress each option's
/// incremental net benefit against base on the parameters of interest, then
///
///     EVPPI = mean_d max(0, ĝ₁(θ_d), …, ĝ_K(θ_d)) − max(0, mean_d ĝ₁, …, mean_d ĝ_K),
///
/// where `ĝ_o` is the fitted regression (a cubic P-spline with its penalty chosen by GCV for one
/// parameter, an additive P-spline model for a group; ``SparseDesign``). The fitted values
/// estimate `E[INB_o | θ]`; their maximum, averaged, is the value of deciding after learning θ.
///
/// The standard error follows Strong et al. (2014, §"Estimating the standard error"): the
/// estimate is recomputed for draws of the regression coefficients from their posterior, and the
/// standard deviation of those values is reported. It measures the regression's uncertainty
/// given the sample; it does not include the Monte Carlo error of the sample itself.
///
/// Reference: Strong M, Oakley JE, Brennan A (2014) Estimating multiparameter partial expected value
/// of perfect information from a probabilistic sensitivity analysis sample: a nonparametric
/// regression approach. Med Decis Making 34(3):311–326.
public struct PartialValue: Equatable, Sendable {
    /// The EVPPI, in the unit of the net benefits given (£ for the population over the horizon).
    public let value: Double
    /// Its standard error, same unit.
    public let standardError: Double
}

/// Expected value of information from per-draw incremental values (MODEL.md §4, "Economics").
public enum InformationEstimate {
    /// Intervals of the cubic P-spline of each parameter (23 basis functions, as mgcv's default of
    /// 10 for `s()` would underfit the long samples used here, and more adds little but time).
    public static let segments = 20
    /// Posterior draws for the standard error.
    public static let standardErrorDraws = 200

    /// EVPI from incremental net benefits against base, `incremental[option][draw]` (base left
    /// out): `mean_d max(0, INB_od) − max(0, mean_d INB_od)`. 0 with no options besides base.
    public static func perfect(_ incremental: [[Double]]) -> Double {
        guard let first = incremental.first, !first.isEmpty else { return 0 }
        return max(0, expectedMaximum(incremental) - max(0, incremental.map(mean).max()!))
    }

    /// EVPPI of the inputs `inputs[parameter][draw]` (one for a single parameter, several for a
    /// group) from incremental net benefits `incremental[option][draw]`.
    ///
    /// - Parameter key: names the random stream of the standard error's posterior draws, so an
    ///   estimate is the same in every run with the same `seed`.
    /// - Precondition: every array has the same number of draws, at least 2.
    /// - Complexity: O(draws × (4·inputs)² + 49·p³) per option for `p` coefficients, plus
    ///   O(``standardErrorDraws`` × options × (draws × 4·inputs + p²)) for the error.
    public static func partial(incremental: [[Double]], inputs: [[Double]], seed: UInt64, key: String) -> PartialValue {
        guard !incremental.isEmpty, !inputs.isEmpty else { return PartialValue(value: 0, standardError: 0) }
        let design = SparseDesign(inputs: inputs, segments: segments)
        let gram = design.gram
        let fits = incremental.map { PenalisedFit($0, design: design, gram: gram) }
        let value = estimate(fits.map(\.fitted))
        let streamKey = RandomStream.key(forPath: "voi.evppi.\(key)")
        var draws: [Double] = []
        for s in 0..<standardErrorDraws {
            var stream = RandomStream(seed: seed, draw: s, key: streamKey)
            draws.append(estimate(fits.map { fit in
                fit.posteriorFitted(design: design, normals: (0..<design.columns).map { _ in stream.normal() })
            }))
        }
        let m = mean(draws)
        let variance = draws.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(draws.count - 1)
        return PartialValue(value: value, standardError: variance.squareRoot())
    }

    /// The regression estimate from fitted conditional means `fitted[option][draw]`.
    static func estimate(_ fitted: [[Double]]) -> Double {
        expectedMaximum(fitted) - max(0, fitted.map(mean).max()!)
    }

    /// `mean_d max(0, x_1d, …, x_Kd)`: the value of choosing the best option (or base) in each draw.
    static func expectedMaximum(_ values: [[Double]]) -> Double {
        let D = values[0].count
        var total = 0.0
        for d in 0..<D {
            var best = 0.0
            for option in values where option[d] > best { best = option[d] }
            total += best
        }
        return total / Double(D)
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
}
