import Allocation

/// The frontier in plain words, shared by `phm frontier`'s text and its report: how far the gap
/// can close in days per person, what that costs in total health and per day of gap closed, and
/// the degenerate cases of ``FrontierReading`` said plainly.
public struct FrontierWords: Sendable {
    public let reading: FrontierReading
    let points: [EquityFrontier.Point]
    public let first: String, last: String
    /// "of quality-adjusted life expectancy" with `baseline_health`, else "of QALYs per person".
    let measure: String

    public init(_ frontier: EquityFrontier, groups: [String], baselineHealth: Bool) {
        reading = FrontierReading(frontier)
        points = frontier.points
        first = groups.first ?? ""
        last = groups.last ?? ""
        measure = baselineHealth ? "of quality-adjusted life expectancy" : "of health (quality-adjusted days: QALYs per person × 365.25)"
    }

    static func days(_ years: Double) -> String {
        let days = years * FrontierReading.daysPerYear
        return Formatting.grouped(days, decimals: Formatting.decimals(forMagnitude: days))
    }

    static func percent(_ share: Double) -> String {
        let value = 100 * share
        return Formatting.grouped(value, decimals: Formatting.decimals(forMagnitude: value)) + "%"
    }

    static func qalys(_ value: Double) -> String {
        Formatting.grouped(value, decimals: Formatting.decimals(forMagnitude: value))
    }

    static func range(_ range: ClosedRange<Double>) -> String {
        range.upperBound - range.lowerBound <= 1e-6 * max(1, abs(range.upperBound))
            ? qalys(range.upperBound) : "\(qalys(range.lowerBound)) to \(qalys(range.upperBound))"
    }

    /// The answer, one paragraph per point; `**bold**` marks what a board must not miss.
    public var paragraphs: [String] {
        let r = reading
        let gapToday = "The allocation with the most total health leaves a gap of \(Formatting.grouped(r.openGap, decimals: 2)) years (\(Self.days(r.openGap)) days) \(measure) between \(first) and \(last)."
        if r.cases.contains(.onePoint) {
            return [gapToday, "**No trade-off:** that allocation already has the smallest gap these constraints allow, so closing the gap further would need other lines, wider bounds or more money."]
        }
        var paragraphs = [
            gapToday + " Moving money between lines can close it by at most **\(Self.days(r.openGap - r.closedGap)) days per person** (\(Self.percent(r.shareClosed)) of the gap), at a cost of **\(Self.qalys(r.healthForgone)) QALYs** of total net health.",
        ]
        if let perDay = r.pricePerDay, let perPercent = r.pricePerPercent, !r.cases.contains(.flat) {
            paragraphs.append("The price of equity: **\(Self.range(perDay)) QALYs of total net health per day of the gap closed** (the difference between \(first) and \(last) narrowing by one day per person), or \(Self.range(perPercent)) QALYs per 1% of the gap.")
        }
        if let steep = points.firstIndex(where: \.steep), steep > 0 {
            let before = points[steep - 1], at = points[steep], open = points[0].gap
            paragraphs.append("The price **rises steeply** between \(Self.days(open - before.gap)) and \(Self.days(open - at.gap)) days closed: from \(Self.qalys(before.shadowPrice / FrontierReading.daysPerYear)) to \(Self.qalys(at.shadowPrice / FrontierReading.daysPerYear)) QALYs per day.")
        }
        paragraphs.append("Who moves: \(first)'s health changes by \(Formatting.signed(r.worstOffChange * FrontierReading.daysPerYear, decimals: 1)) days per person and \(last)'s by \(Formatting.signed(r.bestOffChange * FrontierReading.daysPerYear, decimals: 1)) days, from the first point to the last.")
        for c in r.cases {
            switch c {
            case .onePoint: break
            case .flat:
                paragraphs.append("**Closing the gap costs no total health here:** every point of the frontier has the same total net health, so within these constraints the narrower gap comes free.")
            case .levellingDown:
                let how = r.worstOffChange < -FrontierReading.tolerance * max(1, abs(r.openGap))
                    ? "\(last) loses more health than \(first), who loses too"
                    : "\(last) loses health; \(first) gains nothing"
                paragraphs.append("**Levelling down:** the gap narrows only because \(how). A narrower gap bought this way makes nobody better off.")
            case .atkinsonRises:
                paragraphs.append("**Inequality over all groups rises** (Atkinson ε = 1 from \(String(format: "%.6f", r.openAtkinson)) to \(String(format: "%.6f", r.closedAtkinson))) while the gap between \(first) and \(last) narrows: the groups in between lose ground, so the gap alone overstates the gain in equity.")
            }
        }
        return paragraphs
    }

    /// The technical appendix: what the LP's numbers are.
    public var technical: [String] {
        [
            "The frontier is a linear programme: maximise total net health subject to a limit δ on the gap h(\(last)) − h(\(first)); each point is one δ. The price of equity is the gap constraint's shadow price, in QALYs per unit of gap (a year); per day it is that ÷ 365.25, per 1% of the gap that × gap ÷ 100.",
            OptimiseReport.additivityNote,
        ]
    }
}
