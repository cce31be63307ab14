import DrawStatistics

extension DistributionalEvaluation {
    /// Calls `body` with each option's final health distribution in the draws `draws` (all by
    /// default), in draw order; `draw` counts from the first draw of the run.
    ///
    /// - Precondition: `option` indexes ``optionNames``; `draws` lies within `0..<drawCount`.
    /// - Throws: `DrawColumnError` when a column file cannot be read, or what `body` throws.
    /// - Complexity: O(draws × groups) time, O(groups) memory beyond a piece of the columns.
    public func forEachDistribution(
        option: Int, draws: Range<Int>? = nil, _ body: (_ draw: Int, _ health: HealthDistribution) throws -> Void
    ) throws {
        try forEachPiece(option: option, draws: draws ?? 0..<drawCount) { piece in
            for i in 0..<piece.count {
                try body(piece.start + i, distribution(finalHealth(piece, draw: i).health))
            }
        }
    }

    /// As ``forEachDistribution(option:draws:_:)``, with base's distribution in the same draw and
    /// the change in total net health `Σ_g G_g` (the draw's value of ``healthChanges``), for
    /// measures taken against base.
    public func forEachDistributionWithBase(
        option: Int, draws: Range<Int>? = nil,
        _ body: (_ draw: Int, _ health: HealthDistribution, _ base: HealthDistribution, _ healthChange: Double) throws -> Void
    ) throws {
        try forEachPiece(option: option, draws: draws ?? 0..<drawCount) { piece in
            for i in 0..<piece.count {
                let (health, change) = finalHealth(piece, draw: i)
                try body(piece.start + i, distribution(health), distribution(finalHealth(piece.baseAgainstItself, draw: i).health), change)
            }
        }
    }

    func distribution(_ health: [Double]) -> HealthDistribution {
        HealthDistribution(checkedGroups: groups, populations: populations, health: health, shares: shares,
                           totalPopulation: totalPopulation)
    }

    /// One draw's final health `h_g = b_g + G_g / N_g` and `Σ_g G_g`, in exactly the order of
    /// operations of the type's formula (results must not move by a bit).
    func finalHealth(_ piece: Piece, draw i: Int) -> (health: [Double], change: Double) {
        let incrementalCost = piece.cost[i] - piece.baseCost[i]
        var health: [Double] = []
        health.reserveCapacity(groups.count)
        var change = 0.0
        for g in groups.indices {
            let displaced = opportunityCost?.displacedHealth(incrementalCost: incrementalCost, group: g) ?? 0
            let netGain = piece.qalys[g][i] - piece.baseQalys[g][i] - displaced
            let baseline = baselineHealth?[g] ?? piece.baseQalys[g][i] / populations[g]
            health.append(baseline + netGain / populations[g])
            change += netGain
        }
        return (health, change)
    }

    /// Consecutive draws of one option's and base's columns (valid during the call it is given to).
    struct Piece {
        /// First draw of the piece in the run, and number of draws.
        var start: Int
        var count: Int
        /// `qalys[group][i]` and `cost[i]` of the option; the same for base.
        var qalys: [UnsafeBufferPointer<Double>]
        var cost: UnsafeBufferPointer<Double>
        var baseQalys: [UnsafeBufferPointer<Double>]
        var baseCost: UnsafeBufferPointer<Double>

        /// Base seen as the option, to compute base's own distribution the way every option's is.
        var baseAgainstItself: Piece {
            Piece(start: start, count: count, qalys: baseQalys, cost: baseCost, baseQalys: baseQalys, baseCost: baseCost)
        }

        /// Throws for the first non-finite value of draw `i` of the option (groups, then cost).
        func check(draw i: Int, option: String, groups: [String]) throws(EquityError) {
            for g in groups.indices where !qalys[g][i].isFinite {
                throw .nonFiniteValue(what: "QALYs of option \(option), draw \(start + i), group \(groups[g])", value: qalys[g][i])
            }
            guard cost[i].isFinite else {
                throw .nonFiniteValue(what: "cost of option \(option), draw \(start + i)", value: cost[i])
            }
        }
    }

    /// Reads `draws` of one option's and base's columns a piece at a time (``ColumnPieces``).
    func forEachPiece(option o: Int, draws: Range<Int>, _ body: (Piece) throws -> Void) throws {
        precondition(optionNames.indices.contains(o) && draws.lowerBound >= 0 && draws.upperBound <= drawCount)
        let G = groups.count
        let pieces = ColumnPieces(qalys[o] + qalys[0] + [costs[o], costs[0]], draws: draws)
        while try pieces.next() {
            try body(Piece(start: pieces.range.lowerBound, count: pieces.range.count,
                           qalys: (0..<G).map { pieces[$0] }, cost: pieces[2 * G],
                           baseQalys: (0..<G).map { pieces[G + $0] }, baseCost: pieces[2 * G + 1]))
        }
    }
}
