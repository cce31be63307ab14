import RunAnalysis
import Spreadsheet

/// `phm compare --brief` in each format: the brief's words and short table, with the same
/// strings as `brief.html` (charts only in HTML, where they are inline; a results folder read
/// back has no yearly detail, so no payback line).
extension BriefDocument {
    /// The CSV columns of the brief: the short table's numbers in full precision and the warning.
    static let csvColumns: Set<String> = [
        "option", "health_gain", "health_gain_low", "health_gain_high", "health_gain_gross", "cost", "nmb",
        "probability_cost_effective_vs_base", "deaths_change", "deaths_change_low", "deaths_change_high",
        "deaths_change_most_deprived", "unmet_change", "gap_change", "warning",
    ]

    /// Plain text: what was compared, the answer in sentences (warnings first), the short table and its notes.
    public static func text(summary: RunSummary, detail: RunDetail?) -> String {
        let board = BoardComparison(summary)
        let short = table(board)
        var grid = TextGrid(header: short.header, alignments: short.header.indices.map { short.numericColumns.contains($0) ? .right : .left })
        for row in short.rows { grid.append(row) }
        var lines = ["\(summary.scenario): board brief", board.heading, ""]
        lines += board.sentences.flatMap { [$0, ""] }
        lines += board.switchSentences.isEmpty ? [] : board.switchSentences + [""]
        lines += [grid.text, ""] + notes(board)
        if let detail, !detail.balances.isEmpty { lines += ["", paybackSentence(detail, summary: summary)] }
        return lines.joined(separator: "\n")
    }

    /// Markdown: the brief without its charts (Markdown on standard output has no files to link to).
    public static func markdown(summary: RunSummary, detail: RunDetail?) -> String {
        var brief = document(summary: summary, detail: detail)
        brief.sections = brief.sections.compactMap { section in
            var kept = section
            kept.blocks = section.blocks.filter { if case .chart = $0 { return false } else { return true } }
            return kept.blocks.isEmpty ? nil : kept
        }
        return brief.markdown
    }

    /// One row per option: the short table's numbers at full precision.
    public static func csv(summary: RunSummary) -> String {
        BoardComparison(summary).csv(keeping: csvColumns)
    }

    /// What `--brief --format json` prints: the sentences, the warnings, the rows at full precision and the notes.
    public struct Brief: Codable, Sendable {
        public let scenario: String
        public let heading: String
        public let sentences: [String]
        public let warnings: [String]
        public let rows: [BoardComparison.Row]
        public let notes: [String]
        public let payback: String?
    }

    public static func json(summary: RunSummary, detail: RunDetail?) -> Brief {
        let board = BoardComparison(summary)
        return Brief(scenario: summary.scenario, heading: board.heading, sentences: board.sentences + board.switchSentences,
                     warnings: board.warnings, rows: board.rows, notes: notes(board),
                     payback: detail.flatMap { $0.balances.isEmpty ? nil : paybackSentence($0, summary: summary) })
    }

    /// The workbook of `--brief --format xlsx`: the answer in words and the board table.
    public static func sheets(summary: RunSummary) -> [SheetTable] {
        let board = BoardComparison(summary)
        return [RunWorkbook.answer(board), RunWorkbook.boardTable(board)]
    }
}
