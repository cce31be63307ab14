import Foundation
import MonteCarlo
import RunAnalysis

/// The files of a `phm run` results folder (see Results/README.md).
public enum RunFiles {
    /// Writes summary.json, summary.csv, draws.csv and yearly.csv, and the report
    /// (report.md, report.html, chart-*.svg) when one is given, then commits the folder (writes
    /// manifest.json last and renames the folder into place).
    public static func write(summary: RunSummary, table: DrawTable, manifest: RunManifest, report: ReportDocument? = nil, to folder: ResultsFolder) throws {
        try checkFinite(table)
        if let report { try ReportFiles.write(report, to: folder) }
        try folder.write(try json(summary), to: "summary.json")
        try folder.write(SummaryCSV.text(summary), to: "summary.csv")
        try folder.write(drawsCSV(table), to: "draws.csv")
        try folder.write(yearlyCSV(table), to: "yearly.csv")
        try folder.commit(manifest: manifest)
    }

    /// JSON with snake_case keys, sorted. A non-finite number is never written (no "inf" or
    /// "nan" in a results file): it throws ``NonFiniteValue`` naming where it is.
    public static func json(_ value: some Encodable) throws(NonFiniteValue) -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do {
            data = try encoder.encode(value)
        } catch let EncodingError.invalidValue(bad, context) {
            throw NonFiniteValue(quantity: NonFiniteValue.path(context.codingPath), value: "\(bad)")
        } catch {
            throw NonFiniteValue(quantity: "\(type(of: value))", value: "\(error)")
        }
        data.append(0x0A)
        return data
    }

    /// The first draw value that is not finite, named by option, draw and quantity.
    static func checkFinite(_ table: DrawTable) throws(NonFiniteValue) {
        let G = table.groupCount
        for o in 0..<table.optionCount {
            for d in 0..<table.draws {
                let row = o * table.draws + d
                let values = [("qalys", table.qalys[row]), ("cost", table.cost[row]), ("deaths", table.deaths[row])]
                    + (0..<G).map { ("qalys of \(table.groupNames[$0])", table.groupQalys[row * G + $0]) }
                if let (name, value) = values.first(where: { !$0.1.isFinite }) {
                    throw NonFiniteValue(quantity: "option \(table.optionNames[o]), draw \(d), \(name)", value: "\(value)")
                }
            }
        }
    }

    /// One row per draw and option: QALYs, cost, deaths, and QALYs by equity group.
    static func drawsCSV(_ table: DrawTable) -> String {
        var csv = CSVText(header: ["draw", "option", "qalys", "cost", "deaths"] + table.groupNames.map { "qalys_\($0)" })
        let D = table.draws, G = table.groupCount
        for o in 0..<table.optionCount {
            for d in 0..<D {
                let row = o * D + d
                csv.append([.integer(d), .text(table.optionNames[o]), .number(table.qalys[row]), .number(table.cost[row]), .number(table.deaths[row])]
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
