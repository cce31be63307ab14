import LinearAlgebra
import ScenarioModel

/// The Gaussian copula that correlates parameters (MODEL.md §1, "Correlations").
///
/// Each correlated parameter i draws a standard normal `zᵢ` from its own stream; the
/// correlated scores are `x = L·z`, where `L·Lᵀ = R` is the Cholesky factor of the correlation
/// matrix R, so `x` is multivariate normal with correlation R; each value is then
/// `Fᵢ⁻¹(Φ(xᵢ))`, which has marginal `Fᵢ` and, because ranks survive monotone maps, the
/// Spearman correlation of the bivariate normal, `(6/π)·asin(ρ/2)`, with its partners
/// (Kruskal, JASA 53, 1958, 814–861; Nelsen, *An Introduction to Copulas*, 2nd ed., 2006, ch. 5).
///
/// Parameters are split into blocks connected by correlations, each with its own factor. R is
/// block diagonal in that grouping and the Cholesky factor of a block-diagonal matrix is the
/// block-diagonal of the blocks' factors, so the result equals that of one factor of the whole
/// matrix while costing `Σ mᵦ²` rather than `m²` per draw.
struct GaussianCopula: Sendable {
    /// Correlated parameters that are connected through correlations.
    struct Block: Sendable {
        /// Parameter indices in increasing order; the factor's row r belongs to `members[r]`.
        let members: [Int]
        /// L, lower triangle by rows: row r occupies `r(r+1)/2 ..< r(r+1)/2 + r + 1`.
        let factor: [Double]
    }

    let blocks: [Block]

    /// Whether parameter i takes part in some correlation.
    let isCorrelated: [Bool]

    /// Builds the blocks from correlations already checked for paths, range and repeats.
    ///
    /// - Parameters:
    ///   - pairs: parameter indices and rho of each correlation, with the correlation itself
    ///     for error messages.
    ///   - parameters: all parameters, for paths in errors.
    /// - Throws: ``ParameterSamplerError/inconsistentCorrelations(path:conflicting:)``.
    init(pairs: [(first: Int, second: Int, correlation: Scenario.Correlation)], parameters: [Parameter])
        throws(ParameterSamplerError)
    {
        var components = DisjointSets(count: parameters.count)
        var isCorrelated = Array(repeating: false, count: parameters.count)
        for pair in pairs {
            components.merge(pair.first, pair.second)
            isCorrelated[pair.first] = true
            isCorrelated[pair.second] = true
        }
        var membersByRoot: [Int: [Int]] = [:]
        var roots: [Int] = []
        for i in parameters.indices where isCorrelated[i] {
            let root = components.root(of: i)
            if membersByRoot[root] == nil { roots.append(root) }
            membersByRoot[root, default: []].append(i)
        }
        var blocks: [Block] = []
        for root in roots {
            let members = membersByRoot[root]!
            let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element, $0.offset) })
            let blockPairs = pairs.filter { position[$0.first] != nil }
            var matrix = Matrix.identity(members.count)
            for pair in blockPairs {
                let (r, c) = (position[pair.first]!, position[pair.second]!)
                matrix[r, c] = pair.correlation.rho
                matrix[c, r] = pair.correlation.rho
            }
            let factor: Cholesky
            do {
                factor = try Cholesky(matrix)
            } catch .notPositiveDefinite(let order) {
                let failing = order - 1
                let conflicting = blockPairs.filter { pair in
                    let (r, c) = (position[pair.first]!, position[pair.second]!)
                    return max(r, c) == failing
                }
                throw .inconsistentCorrelations(path: parameters[members[failing]].path,
                                                conflicting: conflicting.map(\.correlation))
            } catch {
                // Unit diagonal and entries in (−1, 1): square and finite by construction.
                preconditionFailure("correlation matrix rejected unexpectedly: \(error)")
            }
            var packed: [Double] = []
            packed.reserveCapacity(members.count * (members.count + 1) / 2)
            for r in 0..<members.count {
                for c in 0...r { packed.append(factor.lower[r, c]) }
            }
            blocks.append(Block(members: members, factor: packed))
        }
        self.blocks = blocks
        self.isCorrelated = isCorrelated
    }

    /// Replaces the standard normals `values[i]` of correlated parameters with their
    /// correlated values `Fᵢ⁻¹(Φ((L·z)ᵢ))`.
    ///
    /// Works in place: rows are processed from the last to the first, and row r reads only
    /// `z` of members `0...r`, which are still untouched when it runs.
    ///
    /// - Complexity: O(Σ mᵦ²) multiply–adds plus one quantile per correlated parameter.
    func correlate(_ values: inout [Double], marginals: [Marginal]) {
        for block in blocks {
            let members = block.members
            for r in stride(from: members.count - 1, through: 0, by: -1) {
                let rowStart = r * (r + 1) / 2
                var score = 0.0
                for c in 0...r { score += block.factor[rowStart + c] * values[members[c]] }
                values[members[r]] = marginals[members[r]].value(normalScore: score)
            }
        }
    }
}
