import Foundation
import MonteCarlo
import RunAnalysis

/// The files of a `phm run` results folder (see Results/README.md).
public enum RunFiles {
    /// Writes manifest.json, summary.json, summary.csv, draws.csv and yearly.csv, and the report
    /// (report.md, report.html, chart-*.svg) when one is given, then commits the folder (renames
    /// it into place).
    public static func write(summary: RunSummary, table: DrawTable, manifest: RunManifest, report: ReportDocument? = nil, to folder: ResultsFolder) throws {
        if let report { try ReportFiles.write(report, to: folder) }
        try folder.write(try json(manifest), to: "manifest.json")
        try folder.write(try json(summary), to: "summary.json")
        try folder.write(SummaryCSV.text(summary), to: "summary.csv")
        try folder.write(drawsCSV(table), to: "draws.csv")
        try folder.write(yearlyCSV(table), to: "yearly.csv")
        try folder.commit()
    }

    /// JSON with snake_case keys, sorted, non-finite numbers as null.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// One row per draw and option: QALYs, cost, deaths, and QALYs by equity group (draws
    /// numbered in the whole run, so a shard's rows keep their numbers).
    public static func drawsCSV(_ table: DrawTable) -> String {
        var csv = CSVText(header: ["draw", "option", "qalys", "cost", "deaths"] + table.groupNames.map { "qalys_\($0)" })
        let D = table.draws, G = table.groupCount
        for o in 0..<table.optionCount {
            for d in 0..<D {
                let row = o * D + d
                csv.append([.integer(table.firstDraw + d), .text(table.optionNames[o]), .number(table.qalys[row]), .number(table.cost[row]), .number(table.deaths[row])]
                    + (0..<G).map { .number(table.groupQalys[row * G + $0]) })
            }
        }
        return csv.text
    }

    /// Means over draws per option and year: one row per service (demand, activity, unmet,
    /// capacity = budget ÷ unit cost) and one row with service `*` for the year's QALYs and cost
    /// (undiscounted).
    static func yearlyCSV(_ table: DrawTable) -> String {
        var csv = CSVText(header: ["option", "year", "service", "demand", "activity", "unmet", "qalys", "cost", "capacity"])
        let T = table.horizon
        for o in 0..<table.optionCount {
            let series = table.yearly[o]
            for t in 0..<T {
                csv.append([.text(table.optionNames[o]), .integer(t), "*", "", "", "", .number(series.qalys[t]), .number(series.cost[t]), ""])
                for (s, name) in table.serviceNames.enumerated() {
                    csv.append([.text(table.optionNames[o]), .integer(t), .text(name), .number(series.demand[s * T + t]),
                                .number(series.activity[s * T + t]), .number(series.unmet[s * T + t]), "", "", .number(series.capacity[s * T + t])])
                }
            }
        }
        return csv.text
    }
}
