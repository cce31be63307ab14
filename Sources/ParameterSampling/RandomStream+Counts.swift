import Numerics

/// Count noise: Poisson and binomial variates (MODEL.md §3, `count_noise: poisson`).
extension RandomStream {
    /// A Poisson variate with mean `mean`.
    ///
    /// For means below 10, inversion by sequential search: one uniform u, the smallest k with
    /// `F(k) ≥ u`, using `p(k) = p(k−1)·λ/k` from `p(0) = e^−λ` (Devroye 1986, §X.3; about
    /// λ + 1 steps). From 10 up, Hörmann's transformed rejection with squeeze, PTRS:
    /// W. Hörmann, "The transformed rejection method for generating Poisson random variables",
    /// Insurance: Mathematics and Economics 12 (1993) 39–45. It needs about 2.3 uniforms per
    /// variate whatever the mean, and its final test compares with the exact log-probability
    /// `−λ + k ln λ − ln k!`.
    ///
    /// - Precondition: `mean` is finite and non-negative (and the count fits in an `Int`).
    public mutating func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "Poisson mean must be finite and non-negative (got \(mean))")
        if mean == 0 { return 0 }
        if mean < 10 { return poissonByInversion(mean: mean) }
        let rootMean = mean.squareRoot()
        let logMean = Double.log(mean)
        let b = 0.931 + 2.53 * rootMean
        let a = -0.059 + 0.02483 * b
        let logInverseAlpha = Double.log(1.1239 + 1.1328 / (b - 3.4))
        let squeeze = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - u.magnitude
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= squeeze { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let logAcceptance = Double.log(v) + logInverseAlpha - Double.log(a / (us * us) + b)
            if logAcceptance <= -mean + k * logMean - Double.logGamma(k + 1) { return Int(k) }
        }
    }

    private mutating func poissonByInversion(mean: Double) -> Int {
        let u = uniform()
        var k = 0
        var probability = Double.exp(-mean)
        var cumulative = probability
        // `probability > 0` ends the search if rounding keeps the sum just below u.
        while u > cumulative && probability > 0 {
            k += 1
            probability *= mean / Double(k)
            cumulative += probability
        }
        return k
    }

    /// A binomial variate: successes in `count` trials with success probability `probability`.
    ///
    /// With `p = min(probability, 1 − probability)` (and the count of failures returned when
    /// the trials were flipped): for `count·p < 10`, inversion by sequential search with
    /// `P(k) = P(k−1)·((n+1)/k − 1)·p/(1−p)` from `P(0) = (1−p)ⁿ`; otherwise Hörmann's BTRS:
    /// W. Hörmann, "The generation of binomial random variates", Journal of Statistical
    /// Computation and Simulation 46 (1993) 101–110, with the exact log-probability ratio
    /// `ln(m!(n−m)!/(k!(n−k)!)) + (k − m) ln(p/(1−p))` against the mode m in the final test.
    ///
    /// - Precondition: `count >= 0` and `0 <= probability <= 1`.
    public mutating func binomial(count n: Int, probability: Double) -> Int {
        precondition(n >= 0, "binomial count must be non-negative (got \(n))")
        precondition(probability >= 0 && probability <= 1, "binomial probability must be in [0, 1] (got \(probability))")
        if probability > 0.5 { return n - binomial(count: n, probability: 1 - probability) }
        if n == 0 || probability == 0 { return 0 }
        let p = probability
        let nd = Double(n)
        if nd * p < 10 { return binomialByInversion(count: n, probability: p) }
        let q = 1 - p
        let sd = (nd * p * q).squareRoot()
        let b = 1.15 + 2.53 * sd
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = nd * p + 0.5
        let squeeze = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * sd
        let logOdds = Double.log(p / q)
        let mode = ((nd + 1) * p).rounded(.down)
        let logModeTerm = Double.logGamma(mode + 1) + Double.logGamma(nd - mode + 1)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - u.magnitude
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > nd { continue }
            if us >= 0.07 && v <= squeeze { return Int(k) }
            let logAcceptance = Double.log(v * alpha / (a / (us * us) + b))
            let logRatio = logModeTerm - Double.logGamma(k + 1) - Double.logGamma(nd - k + 1) + (k - mode) * logOdds
            if logAcceptance <= logRatio { return Int(k) }
        }
    }

    private mutating func binomialByInversion(count n: Int, probability p: Double) -> Int {
        let odds = p / (1 - p)
        let scaledCount = Double(n + 1) * odds
        var u = uniform()
        var probabilityOfK = Double.exp(Double(n) * Double.log(onePlus: -p))
        var k = 0
        while u > probabilityOfK && k < n {
            u -= probabilityOfK
            k += 1
            probabilityOfK *= scaledCount / Double(k) - odds
        }
        return k
    }
}
