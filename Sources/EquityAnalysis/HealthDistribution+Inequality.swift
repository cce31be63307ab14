/// Gap-based and rank-based inequality measures of MODEL.md §4 ("Equity").
///
/// All are 0 when every group has the same health. A positive value means the least deprived
/// (the last groups) are healthier than the most deprived.
extension HealthDistribution {
    /// Absolute gap between the least and the most deprived group, `h_last − h_first`.
    public var gap: Double {
        health[health.count - 1] - health[0]
    }

    /// Relative gap `h_last / h_first` (1 means no gap).
    ///
    /// - Throws: ``EquityError/nonPositiveDenominator(measure:value:)`` when `h_first ≤ 0`.
    public var relativeGap: Double {
        get throws(EquityError) {
            guard health[0] > 0 else {
                throw .nonPositiveDenominator(measure: "relative gap (health of group \(groups[0]))", value: health[0])
            }
            return health[health.count - 1] / health[0]
        }
    }

    /// Slope index of inequality: the weighted least-squares slope of `h_g` on the ridit `x_g`
    /// with weights `p_g`,
    ///
    ///     SII = Σ p_g (x_g − x̄)(h_g − μ) / Σ p_g (x_g − x̄)²,   x̄ = Σ p_g x_g (= 1/2),
    ///
    /// the modelled health difference between the least deprived end of the ranking (x = 1) and
    /// the most deprived end (x = 0). Positive when the least deprived are healthier (MODEL.md §4).
    /// With one group there is no gradient to estimate and the SII is 0.
    ///
    /// Reference: Mackenbach JP, Kunst AE (1997) Measuring the magnitude of socio-economic
    /// inequalities in health. Soc Sci Med 44(6):757–771. Complexity: O(groups).
    public var slopeIndex: Double {
        let x = ridits
        let xBar = zip(shares, x).reduce(0) { $0 + $1.0 * $1.1 }
        let mu = mean
        var covariance = 0.0
        var variance = 0.0
        for g in health.indices {
            covariance += shares[g] * (x[g] - xBar) * (health[g] - mu)
            variance += shares[g] * (x[g] - xBar) * (x[g] - xBar)
        }
        return variance > 0 ? covariance / variance : 0
    }

    /// Relative index of inequality `RII = SII / μ` (MODEL.md §4).
    ///
    /// - Throws: ``EquityError/nonPositiveDenominator(measure:value:)`` when the mean `μ ≤ 0`.
    public var relativeIndex: Double {
        get throws(EquityError) {
            let mu = mean
            guard mu > 0 else {
                throw .nonPositiveDenominator(measure: "relative index of inequality (mean health)", value: mu)
            }
            return slopeIndex / mu
        }
    }

    /// Concentration index for grouped data, `C = 2 · Σ p_g h_g x_g / μ − 1` (MODEL.md §4), with
    /// groups ranked by deprivation through the ridits `x_g`. Lies in (−1, 1) for positive health;
    /// positive when health is concentrated among the least deprived.
    ///
    /// Reference: Kakwani N, Wagstaff A, van Doorslaer E (1997) Socioeconomic inequalities in
    /// health: measurement, computation, and statistical inference. J Econometrics 77(1):87–103.
    ///
    /// - Throws: ``EquityError/nonPositiveDenominator(measure:value:)`` when the mean `μ ≤ 0`.
    public var concentrationIndex: Double {
        get throws(EquityError) {
            let mu = mean
            guard mu > 0 else { throw .nonPositiveDenominator(measure: "concentration index (mean health)", value: mu) }
            let x = ridits
            var weighted = 0.0
            for g in health.indices {
                weighted += shares[g] * health[g] * x[g]
            }
            return 2 * weighted / mu - 1
        }
    }
}
