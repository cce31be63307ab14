import Allocation
import DrawStatistics

/// An optimised allocation in plain words, for `phm optimise`'s text and report: what moves and
/// from where to where (£ a year), what it buys (QALYs, deaths, the gap in days), for whom, and
/// money left unused called "not spent" (never "saved"). Only the simulated figures are quoted:
/// the linear programme's own prediction belongs in the technical appendix.
public struct OptimiseWords: Sendable {
    public let report: OptimiseReport

    public init(_ report: OptimiseReport) {
        self.report = report
    }

    /// "warm_homes (£2.00m → £20.62m a year)".
    static func move(_ row: OptimiseReport.LineRow) -> String {
        "\(row.line) (\(Formatting.millions(row.current)) → \(Formatting.millions(row.optimal)) a year)"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// What moves, from where to where.
    public var moves: String {
        let moved = report.allocation.filter { abs($0.change) >= 0.5 }
        let up = moved.filter { $0.change > 0 }, down = moved.filter { $0.change < 0 }
        let added = up.reduce(0) { $0 + $1.change }, taken = down.reduce(0) { $0 - $1.change }
        switch (up.isEmpty, down.isEmpty) {
        case (true, true): return "Nothing moves: today's allocation is already the best for \(report.objectiveName)."
        case (true, false): return "It takes \(Formatting.millions(taken)) a year out of \(Self.list(down.map(Self.move)))."
        case (false, true): return "It puts \(Formatting.millions(added)) a year into \(Self.list(up.map(Self.move)))."
        case (false, false):
            return "It moves \(Formatting.millions(taken)) a year out of \(Self.list(down.map(Self.move))) and puts \(Formatting.millions(added)) a year into \(Self.list(up.map(Self.move)))."
        }
    }

    /// Money of the total left unused (with `--at-most`), a year.
    public var notSpentPerYear: Double {
        report.atMost ? max(0, report.total - report.allocation.reduce(0) { $0 + $1.optimal }) : 0
    }

    /// What it buys against today's allocation, as simulated.
    public var buys: String {
        let s = report.simulated
        let health = s.totalNetGain
        let interval = s.draws > 1 && !s.deterministic
            ? " (95% interval \(Formatting.signed(health.low)) to \(Formatting.signed(health.high)))" : ""
        var parts = ["\(Formatting.signed(health.mean)) QALYs of total net health\(interval)"]
        if let deaths = s.deathsChange {
            let count = Formatting.grouped(abs(deaths.mean))
            parts.append(abs(deaths.mean) < 0.5 ? "no change in deaths" : deaths.mean < 0 ? "\(count) fewer deaths" : "\(count) more deaths")
        }
        if let gap = s.gapChange, let today = s.todaysGap, today != 0 {
            let days = gap.mean * FrontierReading.daysPerYear
            let share = Formatting.grouped(100 * abs(gap.mean) / abs(today), decimals: Formatting.decimals(forMagnitude: 100 * abs(gap.mean) / abs(today)))
            let first = s.groups.first?.name ?? "", last = s.groups.last?.name ?? ""
            parts.append("a gap between \(first) and \(last) \(days <= 0 ? "narrower" : "wider") by \(Formatting.grouped(abs(days), decimals: 1)) days per person (\(share)% of today's)")
        }
        let cost = s.costChange.mean
        let money = cost < 0 ? "; \(Formatting.money(-cost)) of the money is not spent (discounted, over the horizon)"
            : cost > 0 ? "; it spends \(Formatting.money(cost)) more (discounted, over the horizon)" : ""
        let draws = s.deterministic ? "every value at its mean" : "\(Formatting.grouped(Double(s.draws))) draws"
        return "Simulated with \(draws), against today's allocation it buys \(Self.list(parts))\(money)."
    }

    /// For whom: the group with the largest share of the gain, and any group that loses.
    public var forWhom: String? {
        let groups = report.simulated.groups
        let total = groups.reduce(0) { $0 + $1.netGain.mean }
        guard total > 0, let top = groups.max(by: { $0.netGain.mean < $1.netGain.mean }) else { return nil }
        var text = "For whom: \(top.name) gets \(Formatting.grouped(100 * top.netGain.mean / total))% of the gain (\(Formatting.signed(top.netGain.mean)) QALYs)"
        let losers = groups.filter { $0.netGain.mean < 0 }
        text += losers.isEmpty ? "; no group loses on average." : "; \(Self.list(losers.map { "\($0.name) loses \(Formatting.grouped(-$0.netGain.mean)) QALYs" })) on average."
        return text
    }

    /// Every plain sentence, in reading order.
    public var sentences: [String] { [moves] + outcomes }

    /// What it buys, for whom and what is not spent (the report states the moves its own way).
    public var outcomes: [String] {
        var lines = [buys]
        if let forWhom { lines.append(forWhom) }
        if notSpentPerYear >= 0.5 { lines.append("\(Formatting.millions(notSpentPerYear)) a year of the \(Formatting.millions(report.total)) is not spent.") }
        return lines
    }
}
