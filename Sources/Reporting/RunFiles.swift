import DrawStatistics
import Foundation
import MonteCarlo
import RunAnalysis
import Spreadsheet

/// The files of a `phm run` results folder (see Results/README.md).
public enum RunFiles {
    /// Writes summary.json, summary.csv, draws.csv, parameters.csv, yearly.csv and results.xlsx
    /// (the board table, summary and draws for Excel, see ``RunWorkbook``), and the report
    /// (report.md, report.html, chart-*.svg) when one is given, then commits the folder (writes
    /// manifest.json last and renames the folder into place).
    /// - Parameter scratch: where the per-draw changes behind yearly.csv's intervals are kept
    ///   (the run's work folder for a run kept in column files).
    public static func write(summary: RunSummary, table: DrawTable, parameters: ParameterDraws, manifest: RunManifest,
                             report: ReportDocument? = nil, scratch: ScratchSpace? = nil, to folder: ResultsFolder) throws {
        let scratch = scratch ?? table.scratch
        try checkFinite(table)
        if let report { try ReportFiles.write(report, to: folder) }
        try folder.write(try json(summary), to: "summary.json")
        try folder.write(SummaryCSV.text(summary), to: "summary.csv")
        try writeDrawsCSV(table, to: folder)
        try writeParametersCSV(parameters, to: folder)
        try folder.write(yearlyCSV(table, scratch: scratch), to: "yearly.csv")
        try folder.write("results.xlsx") { try Workbook.write(try RunWorkbook.sheets(summary: summary, table: table, manifest: manifest), to: $0.path) }
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
    public static func checkFinite(_ table: DrawTable) throws {
        let G = table.groupCount
        let names = ["qalys", "cost", "deaths", "life_years"] + table.groupNames.map { "qalys of \($0)" }
        let columns: [(metric: DrawMetric, index: Int)] = [(.qalys, 0), (.cost, 0), (.deaths, 0), (.lifeYears, 0)] + (0..<G).map { (.groupQalys, $0) }
        for o in 0..<table.optionCount {
            try table.forEachRow(option: o, columns: columns) { draw, values in
                if let c = values.firstIndex(where: { !$0.isFinite }) {
                    throw NonFiniteValue(quantity: "option \(table.optionNames[o]), draw \(draw), \(names[c])", value: "\(values[c])")
                }
            }
        }
    }

    /// draws.csv: one row per draw and option: QALYs (with the value after the horizon, also
    /// given alone), cost, deaths, life-years, and QALYs, deaths and life-years by equity group
    /// (draws numbered in the whole run, so a shard's rows keep their numbers). Written in pieces
    /// (``writeCSV(_:header:to:rows:)``) from pieces of the columns: the text of millions of draws
    /// is never held whole, nor are their values.
    public static func writeDrawsCSV(_ table: DrawTable, to folder: ResultsFolder) throws {
        try writeCSV("draws.csv", header: ["draw", "option"] + drawColumns(table), to: folder) { row in
            for o in 0..<table.optionCount {
                try forEachDrawRow(table, option: o) { draw, values in
                    try row([.integer(draw), .text(table.optionNames[o])] + values.map(CSVField.number))
                }
            }
        }
    }

    /// Writes a CSV file into `folder` in pieces of about a mebibyte: the same bytes as
    /// ``CSVText``'s text, without ever holding all of it.
    static func writeCSV(_ name: String, header: [String], to folder: ResultsFolder,
                         rows: (_ row: ([CSVField]) throws -> Void) throws -> Void) throws {
        try folder.write(name) { emit in
            try withoutActuallyEscaping(emit) { emit in
                var piece = CSVText.header(header) + "\n"
                try rows { fields in
                    piece += CSVText.line(fields)
                    piece += "\n"
                    if piece.utf8.count >= 1 << 20 {
                        try emit(piece)
                        piece = ""
                    }
                }
                try emit(piece)
            }
        }
    }

    /// The numeric columns of `draws.csv` after `draw` and `option` (also the Draws sheet of
    /// results.xlsx, so the two cannot differ).
    static func drawColumns(_ table: DrawTable) -> [String] {
        ["qalys", "cost", "deaths", "life_years", "qalys_after_horizon"]
            + ["qalys", "deaths", "life_years"].flatMap { metric in table.groupNames.map { "\(metric)_\($0)" } }
    }

    /// The values of ``drawColumns(_:)`` in every draw of option `option` (at most `limit` draws).
    static func forEachDrawRow(_ table: DrawTable, option: Int, limit: Int? = nil, _ body: (_ draw: Int, _ values: [Double]) throws -> Void) throws {
        let G = table.groupCount
        let columns: [(metric: DrawMetric, index: Int)] = [(.qalys, 0), (.cost, 0), (.deaths, 0), (.lifeYears, 0), (.qalysAfterHorizon, 0)]
            + [DrawMetric.groupQalys, .groupDeaths, .groupLifeYears].flatMap { metric in (0..<G).map { (metric, $0) } }
        try table.forEachRow(option: option, columns: columns, limit: limit, body)
    }

    /// One row per draw: `draw`, then one column per uncertain parameter named by its key path, the
    /// values as sampled. Joins `draws.csv` on `draw` (BCEA's `evppi`, the voi package and mgcv
    /// take this matrix as it is).
    public static func writeParametersCSV(_ parameters: ParameterDraws, to folder: ResultsFolder) throws {
        try writeCSV("parameters.csv", header: ["draw"] + parameters.paths, to: folder) { row in
            for d in 0..<parameters.count {
                try row([.integer(d)] + parameters.values(draw: d).map(CSVField.number))
            }
        }
    }

    /// Means over draws per option and year: one row per service (demand, activity, unmet,
    /// capacity = budget ÷ unit cost) and one row with service `*` for the year's QALYs, cost,
    /// deaths and life-years (undiscounted), the last two with their 95% intervals over draws and,
    /// against base, their changes with 95% intervals (empty for base).
    static func yearlyCSV(_ table: DrawTable, scratch: ScratchSpace) throws -> String {
        let lives = ["deaths", "life_years"].flatMap { [$0, "\($0)_low", "\($0)_high"] }
        var csv = CSVText(header: ["option", "year", "service", "demand", "activity", "unmet", "qalys", "cost", "capacity"]
                          + lives + lives.map { "incremental_\($0)" })
        let T = table.horizon
        for o in 0..<table.optionCount {
            let series = table.yearly[o]
            for t in 0..<T {
                let deaths = table.column(.yearlyDeaths, option: o, index: t), lifeYears = table.column(.yearlyLifeYears, option: o, index: t)
                func cells(_ mean: Double, _ values: DrawColumn) throws -> [CSVField] {
                    let interval = try Interval(values)
                    return [.number(mean), .number(interval.low), .number(interval.high)]
                }
                func change(_ metric: DrawMetric, _ values: DrawColumn) throws -> [CSVField] {
                    guard o > 0 else { return ["", "", ""] }
                    let differences = try scratch.difference(values, table.column(metric, option: 0, index: t))
                    return try cells(try Interval(differences).mean, differences)
                }
                csv.append([.text(table.optionNames[o]), .integer(t), "*", "", "", "", .number(series.qalys[t]), .number(series.cost[t]), ""]
                           + (try cells(series.deaths[t], deaths)) + (try cells(series.lifeYears[t], lifeYears))
                           + (try change(.yearlyDeaths, deaths))
                           + (try change(.yearlyLifeYears, lifeYears)))
                for (s, name) in table.serviceNames.enumerated() {
                    csv.append([.text(table.optionNames[o]), .integer(t), .text(name), .number(series.demand[s * T + t]),
                                .number(series.activity[s * T + t]), .number(series.unmet[s * T + t]), "", "", .number(series.capacity[s * T + t])]
                               + Array(repeating: "", count: 12))
                }
            }
        }
        return csv.text
    }
}
