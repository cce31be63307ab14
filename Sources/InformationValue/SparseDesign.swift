/// A regression design matrix whose rows have few non-zero entries (a few B-splines per input),
/// with the block-diagonal roughness penalty of an additive P-spline model (Strong M, Oakley JE,
/// Brennan A (2014) Estimating multiparameter partial expected value of perfect information from a
/// probabilistic sensitivity analysis sample: a nonparametric regression approach. Med Decis Making
/// 34(3):311–326, §"Generalized additive models").
///
/// One input gives a cubic P-spline. Several give `f₁(x₁) + f₂(x₂) + …`: every block of B-splines
/// sums to 1, so the blocks after the first drop their first basis function, which loses nothing
/// (`Σ aᵢBᵢ = a₁ + Σ_{i≥2} (aᵢ − a₁)Bᵢ`) and makes the model identifiable; the second-difference
/// penalty is unchanged by that shift, so each block keeps its own penalty with that coefficient at 0.
struct SparseDesign: Sendable {
    /// Number of observations (rows) and of coefficients (columns).
    let rows: Int
    let columns: Int
    /// Non-zero entries per row.
    let width: Int
    /// Column index and value of entry `k` of row `r`, at `r * width + k`.
    let indices: [Int]
    let values: [Double]
    /// The penalty `P` (`columns`×`columns`, row-major).
    let penalty: [Double]

    /// The additive P-spline design of `inputs` (one array per input, one value per observation).
    /// An input with no spread (every value equal) is left out: it explains nothing.
    ///
    /// - Precondition: every input has the same number of observations, at least one.
    init(inputs: [[Double]], segments: Int) {
        let n = inputs[0].count
        let bases = inputs.compactMap { x -> (basis: CubicSplineBasis, x: [Double])? in
            let low = x.min()!, high = x.max()!
            return high > low ? (CubicSplineBasis(low: low, high: high, segments: segments), x) : nil
        }
        let blockSizes = bases.enumerated().map { $0.offset == 0 ? $0.element.basis.count : $0.element.basis.count - 1 }
        let columns = max(1, blockSizes.reduce(0, +))
        var indices = [Int](), values = [Double]()
        let width = max(1, 4 * bases.count)
        indices.reserveCapacity(n * width)
        values.reserveCapacity(n * width)
        for d in 0..<n {
            if bases.isEmpty { indices.append(0); values.append(1); continue }
            var offset = 0
            for (b, (basis, x)) in bases.enumerated() {
                let (first, v) = basis.evaluate(x[d])
                for (k, value) in [v.0, v.1, v.2, v.3].enumerated() {
                    let column = first + k - (b == 0 ? 0 : 1)
                    // The dropped first function of later blocks: its entry becomes a structural 0.
                    indices.append(offset + max(column, 0))
                    values.append(column < 0 ? 0 : value)
                }
                offset += blockSizes[b]
            }
        }
        var penalty = [Double](repeating: 0, count: columns * columns)
        var offset = 0
        for (b, (basis, _)) in bases.enumerated() {
            let full = basis.differencePenalty, m = basis.count, skip = b == 0 ? 0 : 1
            for i in skip..<m { for j in skip..<m {
                penalty[(offset + i - skip) * columns + offset + j - skip] = full[i * m + j]
            } }
            offset += blockSizes[b]
        }
        self.rows = n
        self.columns = columns
        self.width = width
        self.indices = indices
        self.values = values
        self.penalty = penalty
    }

    /// `Xᵀ·X` (`columns`×`columns`, row-major). O(rows × width²).
    var gram: [Double] {
        var gram = [Double](repeating: 0, count: columns * columns)
        for r in 0..<rows {
            let base = r * width
            for a in 0..<width {
                let va = values[base + a]
                guard va != 0 else { continue }
                let ia = indices[base + a] * columns
                for b in 0..<width { gram[ia + indices[base + b]] += va * values[base + b] }
            }
        }
        return gram
    }

    /// `Xᵀ·y`.
    func transposeTimes(_ y: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            for k in 0..<width { result[indices[r * width + k]] += values[r * width + k] * y[r] }
        }
        return result
    }

    /// `X·β`.
    func times(_ beta: [Double]) -> [Double] {
        (0..<rows).map { r in
            var sum = 0.0
            for k in 0..<width { sum += values[r * width + k] * beta[indices[r * width + k]] }
            return sum
        }
    }
}
