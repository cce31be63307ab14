/// The efficiency frontier of a set of options and the ICERs along it (MODEL.md §4, "ICER").
///
/// Built from mean cost and mean QALYs per option:
/// 1. sort by cost (ties: more QALYs first, then lower index);
/// 2. an option is **dominated** when another costs no more and gives no fewer QALYs, and is better
///    in at least one (an exact duplicate of a lower-indexed option also counts as dominated);
/// 3. among the rest (now rising in both cost and QALYs), an option is **extendedly dominated**
///    when its ICER against the previous option exceeds the next option's ICER against it, so a
///    mix of its neighbours would do better; remove it and repeat until ICERs rise along the
///    frontier (equal ICERs are kept);
/// 4. each frontier option's ICER is against the previous frontier option.
///
/// References: Cantor SB (1994) Cost-effectiveness analysis, extended dominance, and ethics: a
/// quantitative assessment. Med Decis Making 14(3):259–265; Drummond MF et al. (2015) Methods for
/// the Economic Evaluation of Health Care Programmes, 4th edn. Oxford University Press.
public struct EfficiencyFrontier: Equatable, Sendable {
    /// Where an option stands.
    public enum Status: Equatable, Sendable {
        case frontier
        case dominated
        case extendedlyDominated
    }

    /// One option's position.
    public struct Entry: Equatable, Sendable {
        /// Index of the option.
        public let option: Int
        /// Mean cost (£).
        public let cost: Double
        /// Mean QALYs.
        public let qalys: Double
        /// Frontier, dominated or extendedly dominated.
        public let status: Status
        /// For a frontier option after the first: the previous frontier option (the comparator).
        public let comparator: Int?
        /// For a frontier option after the first: `(C − C_prev) / (Q − Q_prev)`, £ per QALY.
        public let icer: Double?
    }

    /// Every option, in option order.
    public let entries: [Entry]

    /// Frontier options from cheapest to most costly.
    public var frontier: [Int] {
        entries.filter { $0.status == .frontier }.sorted { $0.cost < $1.cost }.map(\.option)
    }

    /// Builds the frontier from mean cost and mean QALYs per option (equal-length arrays).
    ///
    /// - Complexity: O(n²) in the number of options.
    public init(costs: [Double], qalys: [Double]) {
        precondition(costs.count == qalys.count, "one cost and one QALY value per option")
        let byCost = costs.indices.sorted {
            (costs[$0], -qalys[$0], $0) < (costs[$1], -qalys[$1], $1)
        }
        var status = Array(repeating: Status.frontier, count: costs.count)
        for (position, i) in byCost.enumerated() {
            // Everything sorted before i costs no more; it dominates i if it also gives no fewer QALYs.
            if byCost[..<position].contains(where: { qalys[$0] >= qalys[i] }) {
                status[i] = .dominated
            }
        }
        var frontier = byCost.filter { status[$0] == .frontier }
        func icer(_ from: Int, _ to: Int) -> Double { (costs[to] - costs[from]) / (qalys[to] - qalys[from]) }
        var k = 1
        while k + 1 < frontier.count {
            if icer(frontier[k - 1], frontier[k]) > icer(frontier[k], frontier[k + 1]) {
                status[frontier[k]] = .extendedlyDominated
                frontier.remove(at: k)
                k = 1
            } else {
                k += 1
            }
        }
        var comparator: [Int: Int] = [:]
        for (previous, next) in zip(frontier, frontier.dropFirst()) {
            comparator[next] = previous
        }
        entries = costs.indices.map { i in
            Entry(option: i, cost: costs[i], qalys: qalys[i], status: status[i],
                  comparator: comparator[i], icer: comparator[i].map { icer($0, i) })
        }
    }
}

extension CostEffectivenessAnalysis {
    /// The efficiency frontier of all options (base included) at their mean cost and QALYs (the
    /// means taken when the analysis was made).
    public var efficiencyFrontier: EfficiencyFrontier {
        EfficiencyFrontier(costs: meanCosts, qalys: meanQALYs)
    }
}
