import Charts
import Foundation
import MonteCarlo
import RunAnalysis

/// What `phm voi` prints and writes: the ranked EVPPI table, `evppi.csv` (the columns of its
/// JSON), and a report with the bar chart and the EVPI curve. The folder also holds the
/// `parameters.csv` and `draws.csv` the estimates came from, so anyone can recompute them.
public enum InformationFiles {
    /// Writes voi.json, evppi.csv, parameters.csv, draws.csv and the report, then
    /// commits the folder (manifest.json last).
    public static func write(_ summary: InformationSummary, table: DrawTable, parameters: ParameterDraws,
                             manifest: RunManifest, report: ReportDocument, to folder: ResultsFolder) throws {
        try ReportFiles.write(report, to: folder)
        try folder.write(try RunFiles.json(summary), to: "voi.json")
        try folder.write(evppiCSV(summary), to: "evppi.csv")
        try RunFiles.writeParametersCSV(parameters, to: folder)
        try RunFiles.writeDrawsCSV(table, to: folder)
        try folder.commit(manifest: manifest)
    }

    /// `decision, epsilon, parameter, per_person, population, se`: one row per estimate, `net_benefit`
    /// rows first, then `equity` rows (EDE at ε) when asked for.
    static func evppiCSV(_ summary: InformationSummary) -> String {
        var csv = CSVText(header: ["decision", "epsilon", "parameter", "per_person", "population", "se"])
        for row in summary.evppi {
            csv.append(["net_benefit", "", .text(row.parameter), .number(row.perPerson), .number(row.population), .number(row.se)])
        }
        if let equity = summary.equity {
            for row in equity.evppi {
                csv.append(["equity", .number(equity.epsilon), .text(row.parameter), .number(row.perPerson), .number(row.population), .number(row.se)])
            }
        }
        return csv.text
    }

    /// The terminal table: EVPI, then EVPPI ranked, per person and for the population, with SE.
    public static func text(_ summary: InformationSummary) -> String {
        let at = "£\(Formatting.grouped(summary.threshold)) per QALY"
        var lines = [
            "\(summary.scenario): \(summary.draws) draws, seed \(summary.seed), \(summary.horizon) years; value of information at \(at)",
            "",
            "EVPI (all uncertainty resolved): \(Formatting.moneyPrecise(summary.evpi.perPerson)) per person, \(Formatting.money(summary.evpi.population)) for the population of \(Formatting.grouped(summary.personCount)) over \(summary.horizon) years.",
            "", table(summary.evppi, people: summary.personCount),
        ]
        if let equity = summary.equity {
            lines += ["", "Decision by equally distributed equivalent health at ε = \(Formatting.grouped(equity.epsilon, decimals: 2)) (valued at \(at)):",
                      "EVPI: \(Formatting.moneyPrecise(equity.evpi.perPerson)) per person, \(Formatting.money(equity.evpi.population)) for the population.",
                      "", table(equity.evppi, people: summary.personCount)]
        }
        lines += ["", "EVPPI: the most it is worth paying to learn a parameter (or group) exactly before choosing; regression estimate (Strong, Oakley & Brennan 2014) with its standard error. A group is `group:NAME`."]
        return lines.joined(separator: "\n")
    }

    private static func table(_ rows: [InformationSummary.Partial], people: Double) -> String {
        var grid = TextGrid(header: ["parameter", "EVPPI per person", "EVPPI population", "SE (population)"],
                            alignments: [.left, .right, .right, .right])
        for row in rows {
            grid.append([row.parameter, Formatting.moneyPrecise(row.perPerson), Formatting.money(row.population), Formatting.money(row.se)])
        }
        return grid.text
    }

    /// The report: the answer in words, the ranked bar chart, the EVPI curve and the table.
    public static func document(_ summary: InformationSummary) -> ReportDocument {
        let at = "£\(Formatting.grouped(summary.threshold)) per QALY"
        var document = ReportDocument(
            title: "\(summary.scenario): what is it worth knowing before choosing?",
            subtitle: "\(summary.draws) Monte Carlo draws, seed \(summary.seed), \(summary.horizon) years, at \(at).")
        let top = summary.evppi.prefix(3).map { "\($0.parameter) (\(Formatting.moneyPrecise($0.perPerson)) per person)" }
        var blocks: [ReportBlock] = [
            .paragraph("Removing all uncertainty before choosing between \(summary.options.joined(separator: ", ")) would be worth at most **\(Formatting.moneyPrecise(summary.evpi.perPerson)) per person**, \(Formatting.money(summary.evpi.population)) for the population of \(Formatting.grouped(summary.personCount)) over \(summary.horizon) years (EVPI)."),
        ]
        if !top.isEmpty { blocks.append(.paragraph("The parameters most worth researching: \(top.joined(separator: "; ")).")) }
        blocks.append(.chart(chart(summary.evppi, id: "evppi", title: "Value of learning each parameter (EVPPI)")))
        blocks.append(.chart(curve(summary)))
        document.sections = [ReportSection("The answer", blocks)]
        if let equity = summary.equity {
            document.sections.append(ReportSection("If the decision weighs fairness (ε = \(Formatting.grouped(equity.epsilon, decimals: 2)))", [
                .paragraph("Choosing by equally distributed equivalent health at ε = \(Formatting.grouped(equity.epsilon, decimals: 2)), valued at \(at): EVPI \(Formatting.moneyPrecise(equity.evpi.perPerson)) per person, \(Formatting.money(equity.evpi.population)) for the population."),
                .chart(chart(equity.evppi, id: "evppi-equity", title: "Value of learning each parameter, decision by EDE health")),
            ]))
        }
        let rows = summary.evppi.map { [$0.parameter, Formatting.moneyPrecise($0.perPerson), Formatting.money($0.population), Formatting.money($0.se)] }
        document.sections.append(ReportSection("Appendix: method and table", [
            .table(ReportTable(header: ["parameter", "EVPPI per person", "EVPPI population", "SE (population)"], rows: rows, numericColumns: [1, 2, 3])),
            .note("EVPPI by non-parametric regression of each option's incremental net benefit on the parameter (cubic P-spline, penalty chosen by generalised cross-validation; additive splines for a group), Strong, Oakley & Brennan (2014) Med Decis Making 34:311–326. SE: standard deviation over 200 draws from the regression's posterior. See docs/VALUE-OF-INFORMATION.md."),
        ]))
        return document
    }

    private static func chart(_ rows: [InformationSummary.Partial], id: String, title: String) -> ReportChart {
        let shown = Array(rows.prefix(25))
        let chart = HorizontalBarChart(
            frame: ChartFrame(title: title, height: HorizontalBarChart.height(rows: shown.count)),
            categories: shown.map(\.parameter),
            valueAxis: Axis("EVPPI", unit: "£ for the population", format: TickFormat(prefix: "£"), includesZero: true),
            series: [BarChart.Series(name: "EVPPI", colour: Palette.colour(0), bars: shown.map {
                BarChart.Bar($0.population, low: $0.population - 1.96 * $0.se, high: $0.population + 1.96 * $0.se)
            })],
            description: "Expected value of partial perfect information of each parameter, largest first, with ±1.96 standard errors.")
        return ReportChart(name: id, caption: "Expected value of learning each parameter exactly before choosing (£ for the population over the horizon), largest first\(rows.count > shown.count ? " (top \(shown.count) of \(rows.count))" : ""); whiskers ±1.96 standard errors.", svg: chart.svg(id: id))
    }

    private static func curve(_ summary: InformationSummary) -> ReportChart {
        let chart = LineChart(
            frame: ChartFrame(title: "Expected value of perfect information by threshold"),
            xAxis: Axis("willingness to pay", unit: "£ per QALY", format: TickFormat(prefix: "£", suffix: "k", scale: 1e-3), includesZero: true),
            yAxis: Axis("EVPI per person", unit: "£", format: TickFormat(prefix: "£"), includesZero: true),
            series: [LineChart.Series(name: "EVPI per person", colour: Palette.colour(0), xs: summary.evpiCurve.thresholds, ys: summary.evpiCurve.perPerson)],
            references: [.init(.vertical, at: summary.threshold, label: "£\(Formatting.grouped(summary.threshold)) threshold")],
            description: "EVPI per person at each willingness to pay per QALY.")
        return ReportChart(name: "evpi", caption: "EVPI per person by what a QALY is worth; × \(Formatting.grouped(summary.personCount)) people for the population over \(summary.horizon) years.", svg: chart.svg(id: "evpi"))
    }
}
