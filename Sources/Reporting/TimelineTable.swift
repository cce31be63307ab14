import DrawStatistics
import RunAnalysis

/// "What do we gain, and when?" as a table: each option's cumulative health, extra cost and net
/// monetary benefit against base by the end of each financial year, with 95% intervals, and the
/// year from which it pays back. Renders a ``Timeline`` (computed in RunAnalysis) as text and
/// Markdown here, and as CSV, JSON and a workbook sheet in `TimelineTable+Files.swift`.
public struct TimelineTable: Sendable {
    public let timeline: Timeline

    public init(_ timeline: Timeline) {
        self.timeline = timeline
    }

    /// The health column's title, saying which health figure it is (``HealthHeadline``).
    var healthTitle: String { timeline.headline.columnTitle }

    var costScale: Formatting.MoneyScale {
        .init(largest: timeline.options.flatMap { $0.cost.flatMap { [$0.mean, $0.low, $0.high] } })
    }

    var benefitScale: Formatting.MoneyScale {
        .init(largest: timeline.options.flatMap { $0.netBenefit.flatMap { [$0.mean, $0.low, $0.high] } })
    }

    var header: [String] {
        ["year", "\(healthTitle) (95% interval)", "Δcost, \(costScale.unit) (95% interval)",
         "NMB @£\(Formatting.grouped(timeline.threshold))/QALY, \(benefitScale.unit) (95% interval)"]
    }

    /// The formatted rows of one option (text and Markdown use the same strings). QALYs take the
    /// decimals of the largest magnitude in the option's column, so a column reads alike.
    func cells(_ option: Timeline.OptionYears) -> [[String]] {
        let largest = option.health.reduce(0) { max($0, abs($1.mean), ($1.high - $1.low) / 2) }
        let decimals = Formatting.decimals(forMagnitude: largest)
        let cost = costScale, benefit = benefitScale
        return timeline.years.indices.map { t in
            let h = option.health[t], c = option.cost[t], b = option.netBenefit[t]
            return [timeline.years[t], Formatting.interval(h.mean, h.low, h.high, decimals: decimals),
                    cost.interval(c.mean, c.low, c.high), benefit.interval(b.mean, b.low, b.high)]
        }
    }

    /// The first line: what the numbers are.
    public var heading: String {
        let health = timeline.headline.isNet
            ? "health net of the health the extra spending displaces elsewhere at £\(Formatting.grouped(timeline.opportunityCostPerQALY ?? 0)) per QALY"
            : "QALYs with no opportunity cost charged"
        let draws = "\(timeline.draws) draw\(timeline.draws == 1 ? "" : "s")"
        return "\(timeline.scenario), cumulative against base by the end of each financial year: means over \(draws) with 95% intervals, discounted; \(health)."
    }

    /// Definitions and the caveat about QALYs after the horizon.
    public var notes: [String] {
        var notes = ["NMB: net monetary benefit, QALYs gained × £\(Formatting.grouped(timeline.threshold)) (the decision threshold) − Δcost, with QALYs before any opportunity cost. Each interval runs from the 2.5th to the 97.5th percentile of the draws' cumulative values."]
        if timeline.hasValueAfterHorizon, let last = timeline.years.last {
            notes.append("The QALYs that survivors carry past \(last) (qalys_after_horizon) count in the board table's totals but in no year here.")
        }
        return notes
    }

    /// "A pays back from 2028/29: …", or "A does not pay back within the 10 years to 2035/36".
    public var sentences: [String] {
        let nmb = "its cumulative net monetary benefit at £\(Formatting.grouped(timeline.threshold))/QALY"
        return timeline.options.map { option in
            guard let year = option.paybackYear else {
                return "\(option.option) does not pay back within the \(timeline.years.count) years to \(timeline.years.last ?? ""): \(nmb) is not positive at the end."
            }
            return "\(option.option) pays back from \(timeline.years[year]): \(nmb) is positive from then on."
        }
    }

    public var text: String {
        var lines = [heading]
        for option in timeline.options {
            var grid = TextGrid(header: header, alignments: [.left, .right, .right, .right])
            for row in cells(option) { grid.append(row) }
            lines += ["", option.option, grid.text]
        }
        return (lines + [""] + notes + [""] + sentences).joined(separator: "\n")
    }

    /// The timeline as report sections, one table per option (also `--format md`).
    public var sections: [ReportSection] {
        timeline.options.map { option in
            ReportSection("Timeline: \(option.option)", [.table(ReportTable(header: header, rows: cells(option), numericColumns: [1, 2, 3]))])
        } + [ReportSection("When each option pays back", [.paragraph(heading)] + notes.map(ReportBlock.note) + [.bullets(sentences)])]
    }
}
