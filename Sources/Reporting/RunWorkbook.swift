import MonteCarlo
import RunAnalysis
import Spreadsheet

/// The sheets of results.xlsx in a `phm run` folder and of `phm compare --format xlsx`: the
/// board's answer in words, the board table, the whole summary in long form and each draw's
/// totals (the same numbers as board CSV, summary.csv and draws.csv, at full precision), and
/// notes with how to replay the run.
public enum RunWorkbook {
    /// Draws of each option on the Draws sheet at most. A workbook holds every cell in memory
    /// while it is written (and a sheet stops at 1,048,576 rows), so a run of millions of draws
    /// would need gigabytes for a sheet nobody reads row by row; draws.csv has every draw.
    public static let drawLimit = 10_000

    /// results.xlsx of a run folder.
    public static func sheets(summary: RunSummary, table: DrawTable, manifest: RunManifest) throws -> [SheetTable] {
        let board = BoardComparison(summary)
        var notes = notes(board, manifest: manifest)
        if table.draws > drawLimit {
            notes.rows.append(["Draws sheet", .text("The first \(Formatting.grouped(Double(drawLimit))) of the \(Formatting.grouped(Double(table.draws))) draws of each option; draws.csv has every draw.")])
        }
        return [answer(board), boardTable(board), summaryTable(summary), try draws(table), notes]
    }

    /// `phm compare --format xlsx`: the board's answer and table, the summary, and notes.
    public static func sheets(summary: RunSummary) -> [SheetTable] {
        let board = BoardComparison(summary)
        return [answer(board), boardTable(board), summaryTable(summary), notes(board, manifest: nil)]
    }

    static func answer(_ board: BoardComparison) -> SheetTable {
        let lines = [board.heading] + board.sentences + board.switchSentences + board.notes
        return SheetTable(name: "Summary", columns: [.init("Answer", width: 120)], rows: lines.map { [.text($0)] })
    }

    static func boardTable(_ board: BoardComparison) -> SheetTable {
        let health = (board.netOfOpportunityCost ? HealthHeadline.netOfOpportunityCost : .gross).columnTitle
        var table = SheetTable(name: "Board table", columns: [
            .init("option"), .init(health, .decimal(1), width: 14), .init("low (2.5%)", .decimal(1)), .init("high (97.5%)", .decimal(1)),
            .init(HealthHeadline.grossColumnTitle, .decimal(1), width: 14),
            .init("cost", .pounds, width: 16), .init("net monetary benefit", .pounds, width: 16),
            .init("change in deaths", .decimal(1), width: 14), .init("low (2.5%)", .decimal(1)), .init("high (97.5%)", .decimal(1)),
            .init("change in deaths, \(board.groups.first ?? "")", .decimal(1), width: 14), .init("change in unmet demand", .decimal(0), width: 14),
            .init("change in unmet demand, \(board.groups.first ?? "")", .decimal(0), width: 14),
            .init("warning", width: 60), .init("gap change", .decimal(3)),
            .init("SII change", .decimal(3)), .init("frontier", width: 14), .init("ICER £/QALY", .pounds, width: 14),
            .init("ICER against", width: 14), .init("P(win–win)", .percent), .init("P(CE vs base)", .percent, width: 14), .init("P(best value)", .percent, width: 14),
        ] + BoardComparison.stances.map { SheetTable.Column("rank, \($0.name)", .decimal(0), width: 14) })
        func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .empty }
        for row in board.rows {
            table.rows.append([.text(row.option), number(row.healthGain?.mean), number(row.healthGain?.low), number(row.healthGain?.high),
                               number(row.grossHealthGain?.mean), number(row.cost?.mean), number(row.nmb?.mean),
                               number(row.deaths?.mean), number(row.deaths?.low), number(row.deaths?.high),
                               number(row.deathsMostDeprived?.mean), number(row.unmet?.mean), number(row.unmetMostDeprived?.mean), row.warning.map(Cell.text) ?? .empty,
                               number(row.gapChange?.mean), number(row.siiChange?.mean),
                               .text(row.frontierStatus), number(row.icer), row.icerComparator.map(Cell.text) ?? .empty,
                               number(row.probabilityWinWin), number(row.probabilityCostEffectiveVersusBase), .number(row.probabilityBestValue)]
                              + BoardComparison.stances.map { stance in row.ranks[stance.epsilon].map { .number(Double($0)) } ?? .empty })
        }
        return table
    }

    static func summaryTable(_ summary: RunSummary) -> SheetTable {
        SheetTable(name: "Summary table", columns: SummaryCSV.header.map { SheetTable.Column($0, $0 == "value" ? .decimal(3) : .general) },
                   rows: SummaryCSV.rows(summary).map { [.text($0.option), .text($0.metric), .text($0.group), .text($0.statistic), $0.text.map(Cell.text) ?? .number($0.value)] })
    }

    static func draws(_ table: DrawTable) throws -> SheetTable {
        let numeric = RunFiles.drawColumns(table).map { SheetTable.Column($0, $0 == "cost" ? .pounds : .decimal(1), width: $0 == "cost" ? 16 : nil) }
        var sheet = SheetTable(name: "Draws", columns: [.init("draw", .decimal(0)), .init("option")] + numeric)
        for o in 0..<table.optionCount {
            try RunFiles.forEachDrawRow(table, option: o, limit: drawLimit) { draw, values in
                sheet.rows.append([.number(Double(draw)), .text(table.optionNames[o])] + values.map(Cell.number))
            }
        }
        return sheet
    }

    static func notes(_ board: BoardComparison, manifest: RunManifest?) -> SheetTable {
        var rows: [[Cell]] = [["scenario", .text(board.scenario)], ["draws", .number(Double(board.draws))], ["seed", .number(Double(board.seed))],
                              ["horizon (years)", .number(Double(board.horizon))], ["threshold (£ per QALY)", .formatted(board.threshold, .pounds)]]
        if let manifest {
            rows += [["scenario file", .text(manifest.scenarioFile)], ["scenario hash", .text(manifest.scenarioHash)],
                     ["phm version", .text(manifest.toolVersion)], ["command", .text(manifest.command.joined(separator: " "))]]
        }
        rows += [
            ["health gain", "Change in total QALYs against base over the horizon, discounted; net of the health displaced by extra cost where the scenario sets an opportunity cost."],
            ["cost", "Incremental discounted cost against base (£)."],
            ["net monetary benefit", "Health gain × threshold − cost, against base (£)."],
            ["low, high", "2.5th and 97.5th percentiles over Monte Carlo draws (a 95% interval)."],
            ["gap, SII change", "Change in the gap between the most and least deprived groups and in the slope index of inequality (negative = narrower)."],
            ["rank", "1 = best under each ethical stance (Atkinson inequality aversion ε)."],
        ]
        return SheetTable(name: "Notes", columns: [.init("item", width: 24), .init("value or definition", width: 110)], rows: rows)
    }
}
