import DrawStatistics

/// The sums over draws behind every decision statistic, at several thresholds, from one pass over
/// the draws (MODEL.md §4): at each threshold `λ`, with `NMB_od = ΔQ_od · λ − ΔC_od` against base,
///
/// - each option's share of the draws in which it has the highest `NMB` (`1/k` each when `k` tie),
/// - each option's count of draws with `NMB_o > 0` against base (a draw with `NMB_o = 0` counts ½;
///   base's own count, ½ in every draw, is never reported),
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
    /// Sums, option-major: `[o · thresholds.count + t]` (``perfect``: `[t]`).
    private let bestValueShares: [Double], costEffective: [Double], totals: [Double], perfect: [Double]

    /// - Precondition: every threshold has passed ``CostEffectivenessAnalysis/check(threshold:)``.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    /// - Complexity: O(thresholds × options × draws), one pass over the columns.
    init(_ analysis: CostEffectivenessAnalysis, thresholds: [Double]) throws(EconomicEvaluationError) {
        let O = analysis.optionNames.count
        self.thresholds = thresholds
        optionCount = O
        drawCount = analysis.drawCount
        let sums = Sums(options: O, thresholds: thresholds)
        let pieces = ColumnPieces(qalys: analysis.qalys, costs: analysis.costs, draws: drawCount)
        while try pieces.nextPiece() {
            let qalys = (0..<O).map { pieces[$0] }, costs = (0..<O).map { pieces[O + $0] }
            for i in 0..<pieces.range.count {
                sums.add(deltaQ: { qalys[$0][i] - qalys[0][i] }, deltaC: { costs[$0][i] - costs[0][i] })
            }
        }
        bestValueShares = Array(sums.shares)
        costEffective = Array(sums.costEffective)
        totals = Array(sums.totals)
        perfect = Array(sums.perfect)
    }

    /// Probability that each option is the best value at threshold `t` (an index of ``thresholds``).
    func probabilityBestValue(_ t: Int) -> [Double] {
        (0..<optionCount).map { bestValueShares[$0 * thresholds.count + t] / Double(drawCount) }
    }

    /// Probability that each option is cost-effective against base at threshold `t`; nil for base.
    func probabilityCostEffectiveVersusBase(_ t: Int) -> [Double?] {
        [nil] + (1..<optionCount).map { costEffective[$0 * thresholds.count + t] / Double(drawCount) }
    }

    /// Mean net monetary benefit against base of each option at threshold `t`, `E[NMB_o]`.
    func expectedNetMonetaryBenefits(_ t: Int) -> [Double] {
        (0..<optionCount).map { totals[$0 * thresholds.count + t] / Double(drawCount) }
    }

    /// `E_d[max_o NMB_od]` at threshold `t`.
    func expectedBest(_ t: Int) -> Double {
        perfect[t] / Double(drawCount)
    }
}

/// The running sums of a ``NetBenefitTally`` and the work space of one draw, in buffers it owns.
///
/// A draw's thresholds are independent of each other, so the loops run over thresholds innermost
/// (they vectorise) and use selects rather than branches (ties and signs follow the data, so a
/// branch would be mispredicted half the time; adding 0 to a sum ≥ 0 leaves its bits alone). Each
/// sum still receives the draws in order.
private final class Sums {
    let options: Int, count: Int
    /// Option-major `[o · count + t]`.
    let shares: UnsafeMutableBufferPointer<Double>, costEffective: UnsafeMutableBufferPointer<Double>
    let totals: UnsafeMutableBufferPointer<Double>, benefit: UnsafeMutableBufferPointer<Double>
    /// By threshold.
    let perfect: UnsafeMutableBufferPointer<Double>, best: UnsafeMutableBufferPointer<Double>
    let winners: UnsafeMutableBufferPointer<Double>, thresholds: UnsafeMutableBufferPointer<Double>

    init(options: Int, thresholds values: [Double]) {
        self.options = options
        count = values.count
        func buffer(_ n: Int) -> UnsafeMutableBufferPointer<Double> {
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
            buffer.initialize(repeating: 0)
            return buffer
        }
        shares = buffer(options * count)
        costEffective = buffer(options * count)
        totals = buffer(options * count)
        benefit = buffer(options * count)
        perfect = buffer(count)
        best = buffer(count)
        winners = buffer(count)
        thresholds = buffer(count)
        _ = thresholds.update(fromContentsOf: values)
    }

    deinit {
        for buffer in [shares, costEffective, totals, benefit, perfect, best, winners, thresholds] {
            buffer.deallocate()
        }
    }

    /// Adds one draw, given each option's `ΔQ` and `ΔC` against base.
    @inline(__always)
    func add(deltaQ: (Int) -> Double, deltaC: (Int) -> Double) {
        let T = count
        for t in 0..<T { best[t] = -Double.infinity }
        for o in 0..<options {
            let q = deltaQ(o), c = deltaC(o)
            for t in 0..<T {
                let b = q * thresholds[t] - c
                benefit[o * T + t] = b
                best[t] = max(best[t], b)
            }
        }
        for t in 0..<T { winners[t] = 0 }
        for o in 0..<options {
            for t in 0..<T { winners[t] += benefit[o * T + t] == best[t] ? 1 : 0 }
        }
        for t in 0..<T { winners[t] = 1 / winners[t] }  // each winner's share, 1/k
        for o in 0..<options {
            for t in 0..<T {
                let b = benefit[o * T + t]
                shares[o * T + t] += b == best[t] ? winners[t] : 0
                costEffective[o * T + t] += b > 0 ? 1 : (b == 0 ? 0.5 : 0)
                totals[o * T + t] += b
            }
        }
        for t in 0..<T { perfect[t] += best[t] }
    }
}
