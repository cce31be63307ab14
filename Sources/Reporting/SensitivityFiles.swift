import Charts
import Foundation
import RunAnalysis

/// What `phm sensitivity` prints and writes: the tornado table, `sensitivity.csv` (columns
/// `parameter, low_value, high_value, option, outcome, at_low, at_high, swing`),
/// `sensitivity.json`, and a report with a tornado chart per option and outcome.
public enum SensitivityFiles {
    /// Writes sensitivity.json, sensitivity.csv and the report, then commits the folder.
    public static func write(_ summary: SensitivitySummary, manifest: RunManifest, report: ReportDocument, to folder: ResultsFolder) throws {
        try ReportFiles.write(report, to: folder)
        try folder.write(try RunFiles.json(summary), to: "sensitivity.json")
        try folder.write(csv(summary), to: "sensitivity.csv")
        if let map = summary.decisionMap { try folder.write(DecisionMapFiles.csv(map), to: "decision-map.csv") }
        try folder.commit(manifest: manifest)
    }

    static func csv(_ summary: SensitivitySummary) -> String {
        var csv = CSVText(header: ["parameter", "low_value", "high_value", "option", "outcome", "at_low", "at_high", "swing"])
        for row in summary.rows {
            csv.append([.text(row.parameter), .number(row.lowValue), .number(row.highValue), .text(row.option), .text(row.outcome),
                        .number(row.atLow), .number(row.atHigh), .number(row.swing)])
        }
        return csv.text
    }

    /// "incremental NMB against base at £20,000 per QALY (£)" and the like.
    static func label(_ outcome: String, _ summary: SensitivitySummary) -> String {
        switch outcome {
        case "incremental_nmb": return "incremental net monetary benefit against base at £\(Formatting.grouped(summary.threshold)) per QALY"
        case "gap_change": return "change in the health gap against base"
        default: return "change in EDE health at ε = \(Formatting.grouped(summary.epsilon, decimals: 2)) against base"
        }
    }

    static func format(_ value: Double, _ outcome: String) -> String {
        outcome == "incremental_nmb" ? Formatting.money(value, signed: true) : Formatting.signed(value, decimals: max(Formatting.decimals(forMagnitude: value), 2))
    }

    /// The terminal text: per option, the incremental NMB tornado as a table (top `limit` swings), then flips.
    public static func text(_ summary: SensitivitySummary, limit: Int = 15) -> String {
        let quantiles = "\(Formatting.grouped(summary.lowQuantile * 100, decimals: 1))% and \(Formatting.grouped(summary.highQuantile * 100, decimals: 1))%"
        var lines = ["\(summary.scenario): one-way sensitivity, each uncertain parameter at its \(quantiles) quantiles, all others at their means (no count noise)"]
        for central in summary.central where central.outcome == "incremental_nmb" {
            let rows = summary.rows.filter { $0.option == central.option && $0.outcome == "incremental_nmb" }.prefix(limit)
            var grid = TextGrid(header: ["parameter", "low", "high", "NMB at low", "NMB at high", "swing"], alignments: [.left, .right, .right, .right, .right, .right])
            for row in rows {
                grid.append([row.parameter, Formatting.grouped(row.lowValue, decimals: Formatting.decimals(forMagnitude: row.lowValue)),
                             Formatting.grouped(row.highValue, decimals: Formatting.decimals(forMagnitude: row.highValue)),
                             format(row.atLow, row.outcome), format(row.atHigh, row.outcome), Formatting.money(row.swing)])
            }
            lines += ["", "\(central.option): \(label("incremental_nmb", summary)), \(format(central.value, central.outcome)) with every parameter at its mean; largest swings first:", "", grid.text]
        }
        lines.append("")
        if summary.flips.isEmpty {
            lines.append("No single parameter between its \(quantiles) quantiles changes the option with the highest net monetary benefit.")
        }
        for flip in summary.flips {
            lines.append("\(flip.parameter): the best value changes from \(flip.atLow) to \(flip.atHigh) at about \(Formatting.grouped(flip.threshold, decimals: Formatting.decimals(forMagnitude: flip.threshold))).")
        }
        if let map = summary.decisionMap { lines += ["", DecisionMapFiles.text(map)] }
        return lines.joined(separator: "\n")
    }

    /// The report: the flips in words, then a tornado chart per option and outcome, and the table.
    public static func document(_ summary: SensitivitySummary) -> ReportDocument {
        var document = ReportDocument(
            title: "\(summary.scenario): which uncertain numbers matter?",
            subtitle: "One-way sensitivity: each parameter at its \(Formatting.grouped(summary.lowQuantile * 100, decimals: 1))% and \(Formatting.grouped(summary.highQuantile * 100, decimals: 1))% quantiles, every other at its mean; \(summary.horizon) years, £\(Formatting.grouped(summary.threshold)) per QALY.")
        var answer: [ReportBlock] = summary.flips.isEmpty
            ? [.paragraph("No single parameter, moved across its range, changes which option has the highest net monetary benefit.")]
            : [.bullets(summary.flips.map { "**\($0.parameter)** changes the best value from \($0.atLow) to \($0.atHigh) at about \(Formatting.grouped($0.threshold, decimals: Formatting.decimals(forMagnitude: $0.threshold)))." })]
        for central in summary.central {
            answer.append(.chart(tornado(summary, option: central.option, outcome: central.outcome, central: central.value)))
        }
        document.sections = [ReportSection("What moves the answer", answer)]
        if let map = summary.decisionMap {
            document.sections.append(ReportSection("Two parameters at once", [.chart(DecisionMapFiles.chart(map))]))
        }
        let rows = summary.rows.map { [$0.parameter, $0.option, $0.outcome, format($0.atLow, $0.outcome), format($0.atHigh, $0.outcome), format($0.swing, $0.outcome)] }
        document.sections.append(ReportSection("Appendix: every parameter", [
            .table(ReportTable(header: ["parameter", "option", "outcome", "at low", "at high", "swing"], rows: rows, numericColumns: [3, 4, 5])),
            .note("Deterministic runs (no count noise). A flip's value assumes net benefit is linear in the parameter between its low and high runs."),
        ]))
        return document
    }

    /// Bars from the all-means value: left/right to the outcome at the low and at the high quantile.
    static func tornado(_ summary: SensitivitySummary, option: String, outcome: String, central: Double, limit: Int = 15) -> ReportChart {
        let rows = Array(summary.rows.filter { $0.option == option && $0.outcome == outcome }.prefix(limit))
        let id = "tornado-\(option)-\(outcome)"
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: "\(option): \(label(outcome, summary))", height: HorizontalBarChart.height(rows: rows.count, series: 2)),
            categories: rows.map(\.parameter),
            valueAxis: Axis("change from the all-means value", unit: outcome == "incremental_nmb" ? "£" : "health per person",
                            format: outcome == "incremental_nmb" ? TickFormat(prefix: "£") : TickFormat(), includesZero: true),
            series: [
                BarChart.Series(name: "parameter at its low quantile", colour: Palette.colour(0), bars: rows.map { BarChart.Bar($0.atLow - central) }),
                BarChart.Series(name: "parameter at its high quantile", colour: Palette.colour(1), bars: rows.map { BarChart.Bar($0.atHigh - central) }),
            ],
            description: "Tornado: how far each parameter alone moves the outcome from its value with every parameter at its mean, largest swing first.")
        return ReportChart(name: id, caption: "\(option): \(label(outcome, summary)); \(format(central, outcome)) with every parameter at its mean. Bars: the change with one parameter at its low or high quantile, largest swing first.", svg: chart.svg(id: id))
    }
}
