import DrawStatistics
import RunAnalysis
import Spreadsheet

extension TimelineTable {
    /// The metrics of the long form, named with their units: the health metric says whether it
    /// is net of opportunity cost (``HealthHeadline``).
    var metrics: [(name: String, values: (Timeline.OptionYears) -> [Interval])] {
        [(timeline.headline.isNet ? "net_qalys_gained" : "qalys_gained", { $0.health }),
         ("cost_change_gbp", { $0.cost }),
         ("net_monetary_benefit_gbp", { $0.netBenefit })]
    }

    /// The long form: one row per year, option and metric, years in order.
    var longRows: [(year: String, option: String, metric: String, value: Interval)] {
        timeline.years.enumerated().flatMap { t, year in
            timeline.options.flatMap { option in metrics.map { (year, option.option, $0.name, $0.values(option)[t]) } }
        }
    }

    /// Long form, full precision: `year, option, metric, mean, low, high` (year as its
    /// financial-year label, `2026/27`).
    public var csv: String {
        var csv = CSVText(header: ["year", "option", "metric", "mean", "low", "high"])
        for row in longRows {
            csv.append([.text(row.year), .text(row.option), .text(row.metric), .number(row.value.mean), .number(row.value.low), .number(row.value.high)])
        }
        return csv.text
    }

    /// The timeline as a workbook sheet, in the long form of ``csv``.
    public var sheet: SheetTable {
        var sheet = SheetTable(name: "Timeline", columns: [
            .init("year"), .init("option"), .init("metric", width: 26),
            .init("mean", .decimal(2), width: 16), .init("low (2.5%)", .decimal(2), width: 16), .init("high (97.5%)", .decimal(2), width: 16),
        ])
        sheet.rows = longRows.map { [.text($0.year), .text($0.option), .text($0.metric), .number($0.value.mean), .number($0.value.low), .number($0.value.high)] }
        return sheet
    }

    /// `--format json`: what each number is, then per option its years.
    public var document: Document {
        Document(
            scenario: timeline.scenario, draws: timeline.draws, description: heading, notes: notes, healthHeadline: timeline.headline, threshold: timeline.threshold,
            opportunityCostPerQaly: timeline.opportunityCostPerQALY, years: timeline.years,
            options: timeline.options.map { option in
                Document.Option(
                    option: option.option, paysBackFrom: option.paybackYear.map { timeline.years[$0] },
                    years: timeline.years.indices.map {
                        Document.Year(year: timeline.years[$0], health: option.health[$0], costChange: option.cost[$0], netMonetaryBenefit: option.netBenefit[$0])
                    })
            })
    }

    /// The JSON of `phm compare --timeline --format json` (keys in snake case).
    public struct Document: Encodable, Sendable {
        public struct Year: Encodable, Sendable {
            /// Financial year, `2026/27`.
            let year: String
            /// Cumulative discounted QALYs gained by the end of the year (net when the headline is).
            let health: Interval
            /// Cumulative discounted extra cost, £.
            let costChange: Interval
            /// Cumulative net monetary benefit at the threshold, £.
            let netMonetaryBenefit: Interval
        }

        public struct Option: Encodable, Sendable {
            let option: String
            /// The financial year from which the net monetary benefit stays positive, or null.
            let paysBackFrom: String?
            let years: [Year]
        }

        let scenario: String
        let draws: Int
        let description: String
        let notes: [String]
        let healthHeadline: HealthHeadline
        let threshold: Double
        let opportunityCostPerQaly: Double?
        let years: [String]
        let options: [Option]
    }
}
