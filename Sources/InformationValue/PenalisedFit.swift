import Foundation
import LinearAlgebra

/// A penalised least-squares fit `β = (XᵀX + λP)⁻¹ Xᵀy` with the smoothing parameter `λ` chosen
/// by generalised cross-validation, `GCV(λ) = n·RSS / (n − edf)²`, `edf = tr((XᵀX + λP)⁻¹XᵀX)`
/// (Craven P, Wahba G (1979) Numer Math 31:377–403; Wood SN (2017) Generalized Additive Models,
/// 2nd edn, §4.2.3 and §6.2), as mgcv's `gam` does for the regression EVPPI of Strong et al. (2014).
///
/// `λ` is searched on a grid of 49 values, `10⁻⁸…10⁸` times `tr(XᵀX)/tr(P)` (so the grid does not
/// depend on the units of the inputs), 3 per decade. Every solve goes through LAPACK's Cholesky.
struct PenalisedFit: Sendable {
    /// Fitted values `X·β` (the mean of `y` added back).
    let fitted: [Double]
    /// Coefficients `β` of the centred response.
    let coefficients: [Double]
    /// The factor of `XᵀX + λP`, for posterior draws of `β`.
    let factor: Cholesky
    /// Residual variance `RSS / (n − edf)`.
    let residualVariance: Double
    /// Effective degrees of freedom of the fit.
    let effectiveDegreesOfFreedom: Double
    /// Mean of `y`, which the fit is centred on.
    let mean: Double

    static let grid: [Double] = (0...48).map { Double(-8) + Double($0) / 3 }

    /// Fits `y` on `design`.
    ///
    /// - Precondition: `y.count == design.rows`.
    init(_ y: [Double], design: SparseDesign, gram: [Double]) {
        let n = design.rows, p = design.columns
        let mean = y.reduce(0, +) / Double(n)
        let centred = y.map { $0 - mean }
        let right = design.transposeTimes(centred)
        let traceGram = (0..<p).reduce(0.0) { $0 + gram[$1 * p + $1] }
        let tracePenalty = (0..<p).reduce(0.0) { $0 + design.penalty[$1 * p + $1] }
        let scale = tracePenalty > 0 ? traceGram / tracePenalty : 0
        // A ridge of 1e-10·tr(XᵀX)/p keeps XᵀX + λP positive definite when a basis function has no data.
        let ridge = 1e-10 * traceGram / Double(p)
        var best: (score: Double, beta: [Double], factor: Cholesky, rss: Double, edf: Double)?
        for exponent in scale > 0 ? Self.grid : [0] {
            let lambda = scale * pow(10, exponent)
            var system = gram
            for i in 0..<(p * p) { system[i] += lambda * design.penalty[i] }
            for i in 0..<p { system[i * p + i] += ridge }
            guard let factor = try? Cholesky(Matrix(rows: p, columns: p, elements: system)) else { continue }
            let beta = factor.solve(right)
            let fitted = design.times(beta)
            let rss = zip(centred, fitted).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let hat = factor.solve(Matrix(rows: p, columns: p, elements: gram))
            let edf = (0..<p).reduce(0.0) { $0 + hat[$1, $1] } + 1  // + 1 for the mean taken out
            let score = Double(n) * rss / max(Double(n) - edf, 1) / max(Double(n) - edf, 1)
            if best == nil || score < best!.score { best = (score, beta, factor, rss, edf) }
        }
        // The ridge alone always factorises (XᵀX is positive semi-definite), so `best` is set.
        let chosen = best!
        self.mean = mean
        self.coefficients = chosen.beta
        self.factor = chosen.factor
        self.fitted = design.times(chosen.beta).map { $0 + mean }
        self.effectiveDegreesOfFreedom = chosen.edf
        self.residualVariance = chosen.rss / max(Double(n) - chosen.edf, 1)
    }

    /// Fitted values under coefficients `β + σ·L⁻ᵀz`, a draw from the Bayesian posterior
    /// `N(β, σ²(XᵀX + λP)⁻¹)` (Wood 2017 §6.10) when `z` is standard normal.
    func posteriorFitted(design: SparseDesign, normals z: [Double]) -> [Double] {
        let shift = factor.solveTransposedFactor(z)
        let sigma = residualVariance.squareRoot()
        return design.times(zip(coefficients, shift).map { $0 + sigma * $1 }).map { $0 + mean }
    }
}
