import Foundation

/// Equally distributed equivalent (EDE) health and the Atkinson and Kolm indices (MODEL.md §4).
///
/// The EDE is the level of health that, shared equally by everybody, gives the same social welfare
/// as the actual distribution; inequality aversion makes it fall below the mean. These are the
/// social welfare functions of distributional cost-effectiveness analysis: Asaria M, Griffin S,
/// Cookson R (2016) Distributional cost-effectiveness analysis: a tutorial. Med Decis Making
/// 36(1):8–19; Cookson R, Griffin S, Norheim OF, Culyer AJ (eds) (2020) Distributional
/// Cost-Effectiveness Analysis. Oxford University Press.
extension HealthDistribution {
    /// Atkinson EDE for inequality aversion `ε ≥ 0`:
    ///
    ///     EDE = (Σ p_g h_g^(1−ε))^(1/(1−ε))   (ε ≠ 1),    EDE = Π h_g^p_g   (ε = 1, geometric mean),
    ///
    /// the mean at ε = 0 and, as ε → ∞, the worst-off group's health (`ε = .infinity` returns it).
    ///
    /// Computed as `ln EDE = ln m + ln(Σ p_g e^(t_g)) / (1−ε)` with `t_g = (1−ε)(ln h_g − ln m)`,
    /// where `m` is the lowest health for ε > 1 and the highest for ε < 1, so that every `t_g ≤ 0`:
    /// nothing overflows for large ε, and `ln Σ p e^t = log1p(Σ p expm1(t))` (the shares sum to 1)
    /// keeps full precision as ε → 1. Reference: Atkinson AB (1970) On the measurement of
    /// inequality. J Econ Theory 2(3):244–263. Complexity: O(groups).
    ///
    /// - Throws: ``EquityError/invalidAtkinsonAversion(_:)`` unless `ε ≥ 0`;
    ///   ``EquityError/nonPositiveHealth(group:value:)`` naming the first group with `h_g ≤ 0`
    ///   (checked for every ε, so a distribution is either measurable or not).
    public func atkinsonEDE(epsilon: Double) throws(EquityError) -> Double {
        guard epsilon >= 0 else { throw .invalidAtkinsonAversion(epsilon) }
        for (group, value) in zip(groups, health) where value <= 0 {
            throw .nonPositiveHealth(group: group, value: value)
        }
        return Self.atkinsonEDE(health: health[...], logHealth: health.map { Foundation.log($0) }[...],
                                shares: shares, epsilon: epsilon)
    }

    /// The Atkinson EDE from health, its logarithm and the shares, for callers that have checked
    /// `h > 0` and `ε ≥ 0` and reuse the logarithms across many ε (the aversion-switch search,
    /// which passes slices of one array holding many draws).
    static func atkinsonEDE(health: ArraySlice<Double>, logHealth logs: ArraySlice<Double>, shares: [Double], epsilon: Double) -> Double {
        if epsilon == 0 { return zip(shares, health).reduce(0) { $0 + $1.0 * $1.1 } }
        if epsilon == .infinity { return health.reduce(.infinity, min) }
        if epsilon == 1 {
            return Foundation.exp(zip(shares, logs).reduce(0) { $0 + $1.0 * $1.1 })
        }
        let pivot = epsilon > 1 ? logs.reduce(.infinity, min) : logs.reduce(-.infinity, max)
        let power = 1 - epsilon
        var sum = 0.0
        for (share, log) in zip(shares, logs) {
            sum += share * Foundation.expm1(power * (log - pivot))
        }
        return Foundation.exp(pivot + Foundation.log1p(sum) / power)
    }

    /// Atkinson index `A = 1 − EDE/μ` (MODEL.md §4): the share of mean health society would give
    /// up to remove inequality; 0 under equality, in [0, 1) otherwise.
    ///
    /// - Throws: as ``atkinsonEDE(epsilon:)``.
    public func atkinsonIndex(epsilon: Double) throws(EquityError) -> Double {
        1 - (try atkinsonEDE(epsilon: epsilon)) / mean
    }

    /// Kolm EDE for absolute inequality aversion `α > 0`:
    ///
    ///     EDE = μ − ln(Σ p_g e^(−α(h_g − μ))) / α,
    ///
    /// which tends to the mean as α → 0 and to the worst-off group's health as α → ∞
    /// (`α = .infinity` returns it). Health may be zero or negative.
    ///
    /// Computed with the lowest health `m` as pivot, `EDE = m − ln(Σ p_g e^(−α(h_g − m))) / α`
    /// (algebraically the same), so every exponent is ≤ 0 and large α cannot overflow; the sum uses
    /// log1p/expm1 so small α keeps full precision. Reference: Kolm S-C (1976) Unequal
    /// inequalities I. J Econ Theory 12(3):416–442. Complexity: O(groups).
    ///
    /// - Throws: ``EquityError/invalidKolmAversion(_:)`` unless `α > 0`.
    public func kolmEDE(alpha: Double) throws(EquityError) -> Double {
        guard alpha > 0 else { throw .invalidKolmAversion(alpha) }
        return Self.kolmEDE(health: health[...], shares: shares, alpha: alpha)
    }

    /// The Kolm EDE for a caller that has checked `α > 0` (the aversion-switch search).
    static func kolmEDE(health: ArraySlice<Double>, shares: [Double], alpha: Double) -> Double {
        let lowest = health.reduce(.infinity, min)
        if alpha == .infinity { return lowest }
        var sum = 0.0
        for (share, value) in zip(shares, health) {
            sum += share * Foundation.expm1(-alpha * (value - lowest))
        }
        return lowest - Foundation.log1p(sum) / alpha
    }

    /// Kolm index `K = μ − EDE` (MODEL.md §4): the absolute amount of health per person society
    /// would give up to remove inequality, in the units of `health`; 0 under equality.
    ///
    /// - Throws: as ``kolmEDE(alpha:)``.
    public func kolmIndex(alpha: Double) throws(EquityError) -> Double {
        mean - (try kolmEDE(alpha: alpha))
    }
}
