import DrawStatistics
import Foundation
import RunAnalysis

extension BoardComparison {
    /// Column headings of the board table, shared by every format.
    var header: [String] {
        ["option", netOfOpportunityCost ? "net QALYs gained" : "QALYs gained", "Δcost",
         "NMB @£\(Formatting.grouped(threshold))/QALY", "Δgap", "ΔSII", "P(win–win)", "P(best value)"]
            + Self.stances.map { $0.epsilon == "inf" ? "maximin" : "ε=\($0.epsilon)" }
    }

    /// The formatted cells of each row (text, Markdown and the report use the same strings).
    var cells: [[String]] {
        rows.map { row in
            var cells: [String] = [row.option]
            cells.append(row.healthGain.map { Formatting.interval($0.mean, $0.low, $0.high, decimals: Self.decimals($0)) } ?? "–")
            cells.append(row.cost.map { Formatting.money($0.mean, signed: true) } ?? "–")
            cells.append(row.nmb.map { Formatting.money($0.mean, signed: true) } ?? "–")
            cells.append(row.gapChange.map { Formatting.signed($0.mean, decimals: Self.decimals($0)) } ?? "–")
            cells.append(row.siiChange.map { Formatting.signed($0.mean, decimals: Self.decimals($0)) } ?? "–")
            cells.append(row.probabilityWinWin.map { Formatting.grouped($0, decimals: 2) } ?? "–")
            cells.append(Formatting.grouped(row.probabilityCostEffective, decimals: 2))
            for stance in Self.stances { cells.append(row.ranks[stance.epsilon].map { String($0) } ?? "–") }
            return cells
        }
    }

    static func decimals(_ interval: Interval) -> Int {
        Formatting.decimals(forMagnitude: max(abs(interval.mean), abs(interval.high - interval.low) / 2))
    }

    /// The first line: what was compared.
    public var heading: String {
        "\(scenario): \(draws) draw\(draws == 1 ? "" : "s"), seed \(seed), \(horizon) years; QALYs and costs discounted, against base"
    }

    /// What the columns mean.
    public var notes: [String] {
        let first = groups.first ?? "", last = groups.last ?? ""
        return [
            "Health gain: change in total QALYs with 95% interval\(netOfOpportunityCost ? ", net of the health the extra spending displaces elsewhere" : ""). NMB: net monetary benefit at the threshold.",
            "Δgap, ΔSII: change in the health gap between \(first) and \(last) and in the slope index of inequality (negative = narrower). P(win–win): share of draws with more health and less inequality. P(best value): share of draws in which the option has the highest NMB.",
            "ε=0 … maximin: rank (1 = best) by social welfare (equally distributed equivalent health): ε = 0 counts every QALY the same; larger ε gives more weight to the worse off; maximin looks only at the worst-off group.",
        ]
    }

    /// Plain text, aligned; with `colour`, ANSI colours mark the best rank and the direction of each change.
    public func text(colour: Bool) -> String {
        var grid = TextGrid(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for row in cells { grid.append(row) }
        let table = grid.text { r, c, padded in
            guard colour else { return padded }
            if r < 0 { return ANSI.bold(padded) }
            let row = rows[r]
            switch c {
            case 0: return ANSI.bold(padded)
            case 1: return ANSI.signed(padded, row.healthGain?.mean ?? 0, goodWhenPositive: true)
            case 3: return ANSI.signed(padded, row.nmb?.mean ?? 0, goodWhenPositive: true)
            case 4: return ANSI.signed(padded, row.gapChange?.mean ?? 0, goodWhenPositive: false)
            case 5: return ANSI.signed(padded, row.siiChange?.mean ?? 0, goodWhenPositive: false)
            case 8...: return padded.trimmingCharacters(in: .whitespaces) == "1" ? ANSI.green(ANSI.bold(padded)) : padded
            default: return padded
            }
        }
        var lines = [colour ? ANSI.bold(heading) : heading, "", table, ""]
        lines += notes
        lines.append("")
        lines += sentences
        if !switches.isEmpty { lines += [""] + switchSentences }
        return lines.joined(separator: "\n")
    }

    /// "An inequality aversion above 1.6 favours X over Y."
    public var switchSentences: [String] {
        switches.map { "An inequality aversion above ε = \(Formatting.grouped($0.epsilon, decimals: 2)) favours \($0.to) over \($0.from)." }
    }

    /// The table as a report block (also used for `--format md`).
    public var reportTable: ReportTable {
        ReportTable(header: header, rows: cells, numericColumns: Set(1..<header.count))
    }

    public var markdown: String {
        var document = ReportDocument(title: "Board comparison: \(scenario)", subtitle: heading)
        document.sections = [ReportSection("Options", [.table(reportTable)] + notes.map(ReportBlock.note)),
                             ReportSection("In plain English", [.bullets(sentences + switchSentences)])]
        return document.markdown
    }

    /// One row per option, numbers in full precision (empty where not applicable).
    public var csv: String {
        var csv = CSVText(header: ["option", "health_gain", "health_gain_low", "health_gain_high", "cost", "nmb", "gap_change", "sii_change",
                                   "probability_win_win", "probability_cost_effective"]
                          + Self.stances.map { "rank_epsilon_\($0.epsilon)" })
        func number(_ value: Double?) -> CSVField { value.map(CSVField.number) ?? "" }
        for row in rows {
            var fields: [CSVField] = [.text(row.option), number(row.healthGain?.mean), number(row.healthGain?.low), number(row.healthGain?.high)]
            fields += [number(row.cost?.mean), number(row.nmb?.mean), number(row.gapChange?.mean), number(row.siiChange?.mean)]
            fields += [number(row.probabilityWinWin), .number(row.probabilityCostEffective)]
            for stance in Self.stances { fields.append(row.ranks[stance.epsilon].map { CSVField.integer($0) } ?? "") }
            csv.append(fields)
        }
        return csv.text
    }
}
