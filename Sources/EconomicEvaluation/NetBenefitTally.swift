/// The sums over draws behind every decision statistic, at several thresholds, from one pass over
/// the draws (MODEL.md §4): at each threshold `λ`, with `NMB_od = ΔQ_od · λ − ΔC_od` against base,
///
/// - each option's share of the draws in which it has the highest `NMB` (`1/k` each when `k` tie),
/// - for each option but base, the draws with `NMB_o > 0` (a draw with `NMB_o = 0` counts ½),
/// - each option's `Σ_d NMB_od`,
/// - `Σ_d max_o NMB_od`.
///
/// Each sum is a left fold in draw order, carried from one piece of draws to the next, with each
/// draw's `NMB` computed exactly as ``CostEffectivenessAnalysis/netMonetaryBenefitColumn(option:threshold:)``
/// does: the same bits as folding whole arrays, whatever the number of thresholds.
struct NetBenefitTally {
    let thresholds: [Double]
    let optionCount: Int
    let drawCount: Int
    /// Sums, threshold-major: `[t · optionCount + o]` (``perfect``: `[t]`).
    private var bestValueShares: [Double], costEffective: [Double], totals: [Double], perfect: [Double]

    /// - Precondition: every threshold has passed ``CostEffectivenessAnalysis/check(threshold:)``.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    /// - Complexity: O(thresholds × options × draws), one pass over the columns.
    init(_ analysis: CostEffectivenessAnalysis, thresholds: [Double]) throws(EconomicEvaluationError) {
        let O = analysis.optionNames.count, T = thresholds.count
        self.thresholds = thresholds
        optionCount = O
        drawCount = analysis.drawCount
        var shares = Array(repeating: 0.0, count: T * O), costEffective = shares, totals = shares
        var perfect = Array(repeating: 0.0, count: T)
        let pieces = DrawPieces(qalys: analysis.qalys, costs: analysis.costs, draws: drawCount)
        let n = DrawPieces.draws
        // ΔQ and ΔC of every option in the piece, option-major: [o · n + i].
        var deltaQ = Array(repeating: 0.0, count: O * n), deltaC = deltaQ
        var benefit = Array(repeating: 0.0, count: O)
        while try pieces.next() {
            let count = pieces.range.count
            let q0 = pieces.qalys(0), c0 = pieces.costs(0)
            for o in 0..<O {
                let q = pieces.qalys(o), c = pieces.costs(o)
                for i in 0..<count {
                    deltaQ[o * n + i] = q[i] - q0[i]
                    deltaC[o * n + i] = c[i] - c0[i]
                }
            }
            for (t, threshold) in thresholds.enumerated() {
                for i in 0..<count {
                    var best = -Double.infinity
                    for o in 0..<O {
                        benefit[o] = deltaQ[o * n + i] * threshold - deltaC[o * n + i]
                        best = max(best, benefit[o])
                    }
                    var winners = 0
                    for o in 0..<O where benefit[o] == best { winners += 1 }
                    for o in 0..<O {
                        if benefit[o] == best { shares[t * O + o] += 1 / Double(winners) }
                        if o > 0 { costEffective[t * O + o] += benefit[o] > 0 ? 1 : (benefit[o] == 0 ? 0.5 : 0) }
                        totals[t * O + o] += benefit[o]
                    }
                    perfect[t] += best
                }
            }
        }
        bestValueShares = shares
        self.costEffective = costEffective
        self.totals = totals
        self.perfect = perfect
    }

    /// Probability that each option is the best value at threshold `t` (an index of ``thresholds``).
    func probabilityBestValue(_ t: Int) -> [Double] {
        (0..<optionCount).map { bestValueShares[t * optionCount + $0] / Double(drawCount) }
    }

    /// Probability that each option is cost-effective against base at threshold `t`; nil for base.
    func probabilityCostEffectiveVersusBase(_ t: Int) -> [Double?] {
        [nil] + (1..<optionCount).map { costEffective[t * optionCount + $0] / Double(drawCount) }
    }

    /// Mean net monetary benefit against base of each option at threshold `t`, `E[NMB_o]`.
    func expectedNetMonetaryBenefits(_ t: Int) -> [Double] {
        (0..<optionCount).map { totals[t * optionCount + $0] / Double(drawCount) }
    }

    /// `E_d[max_o NMB_od]` at threshold `t`.
    func expectedBest(_ t: Int) -> Double {
        perfect[t] / Double(drawCount)
    }
}
