import DrawStatistics
import Foundation
import RunAnalysis

extension BoardComparison {
    /// Column headings of the board table, shared by every format. The health column says which
    /// headline it is (``HealthHeadline``); with net health, gross QALYs stand beside it.
    var header: [String] {
        let at = "@£\(Formatting.grouped(threshold))/QALY"
        let headline: HealthHeadline = netOfOpportunityCost ? .netOfOpportunityCost : .gross
        let health = ["\(headline.columnTitle) (95% interval)"] + (headline.isNet ? [HealthHeadline.grossColumnTitle] : [])
        return ["option"] + health + ["Δcost", "NMB \(at)", "Δdeaths (95% interval)", "Δdeaths \(groups.first ?? "")", "Δunmet demand",
                "Δunmet demand \(groups.first ?? "")",
                "efficiency frontier (ICER vs)", gapWords.columnHeading, "ΔSII", "P(win–win)", "P(CE vs base) \(at)", "P(best value) \(at)"]
            + Self.stances.map { $0.epsilon == "inf" ? "maximin" : "ε=\($0.epsilon)" }
    }

    /// The formatted cells of each row (text, Markdown and the report use the same strings).
    var cells: [[String]] {
        rows.map { row in
            var cells: [String] = [row.option]
            cells.append(row.healthGain.map { Formatting.interval($0.mean, $0.low, $0.high, decimals: Self.decimals($0)) } ?? "–")
            if netOfOpportunityCost { cells.append(row.grossHealthGain.map { Formatting.signed($0.mean, decimals: Self.decimals($0)) } ?? "–") }
            cells.append(row.cost.map { Formatting.money($0.mean, signed: true) } ?? "–")
            cells.append(row.nmb.map { Formatting.money($0.mean, signed: true) } ?? "–")
            cells.append(row.deaths.map { Formatting.interval($0.mean, $0.low, $0.high, decimals: 1) } ?? "–")
            cells.append(row.deathsMostDeprived.map { Formatting.signed($0.mean, decimals: 1) } ?? "–")
            cells.append(row.unmet.map { Formatting.signed($0.mean) } ?? "–")
            cells.append(row.unmetMostDeprived.map { Formatting.signed($0.mean) } ?? "–")
            cells.append(Self.frontierCell(row))
            cells.append(row.gapChange.map { gapWords.cell($0.mean) } ?? "–")
            cells.append(row.siiChange.map { Formatting.signed($0.mean, decimals: Self.decimals($0)) } ?? "–")
            cells.append(row.probabilityWinWin.map { Formatting.grouped($0, decimals: 2) } ?? "–")
            cells.append(row.probabilityCostEffectiveVersusBase.map { Formatting.grouped($0, decimals: 2) } ?? "–")
            cells.append(Formatting.grouped(row.probabilityBestValue, decimals: 2))
            for stance in Self.stances { cells.append(row.ranks[stance.epsilon].map { String($0) } ?? "–") }
            return cells
        }
    }

    /// "frontier, £12,500/QALY vs B", "frontier (cheapest)", "dominated", "extendedly dominated".
    static func frontierCell(_ row: Row) -> String {
        switch row.frontierStatus {
        case "frontier":
            guard let icer = row.icer, let comparator = row.icerComparator else { return "frontier (cheapest)" }
            return "frontier, £\(Formatting.grouped(icer))/QALY vs \(comparator)"
        case "extendedly_dominated": return "extendedly dominated"
        default: return row.frontierStatus
        }
    }

    static func decimals(_ interval: Interval) -> Int {
        Formatting.decimals(forMagnitude: max(abs(interval.mean), abs(interval.high - interval.low) / 2))
    }

    /// The first line: what was compared.
    public var heading: String {
        "\(scenario): \(draws) draw\(draws == 1 ? "" : "s"), seed \(seed), \(horizon) years; QALYs and costs discounted, against base"
    }

    /// What the columns mean, ending with the rates behind the money and health figures.
    public var notes: [String] {
        let first = groups.first ?? "", last = groups.last ?? ""
        return [
            "QALYs gained: change in total QALYs with 95% interval\(netOfOpportunityCost ? ", net of the health the extra spending displaces elsewhere; gross: before that is taken off" : ""). NMB: net monetary benefit at the threshold. Efficiency frontier: dominated = another option gives more QALYs for less; extendedly dominated = a mix of two others does better; the ICER is against the next cheaper option on the frontier.",
            "Δdeaths: change in deaths over the \(horizon) years (undiscounted), in total and in \(first); Δunmet demand: change in demand that the services' budgets do not meet, summed over services and years (units of activity), in total and in \(first); the report's appendix has it service by service. A warning leads an option's sentence when its health gain comes with more deaths or more unmet demand (in total, for a group or for a service) in more than half the draws.",
            gapWords.note(first: first, last: last) + " ΔSII: change in the slope index of inequality (negative = flatter). P(win–win): share of draws with more health and less inequality. P(CE vs base): share of draws in which the option's NMB against base is positive at £\(Formatting.grouped(threshold)) per QALY (pairwise). P(best value): share of draws in which it has the highest NMB of all \(rows.count) options at that threshold.",
            "ε=0 … maximin: rank (1 = best) by social welfare (equally distributed equivalent health): ε = 0 counts every QALY the same; larger ε gives more weight to the worse off; maximin looks only at the worst-off group.",
            rates,
        ]
    }

    /// "Decision threshold: £20,000 per QALY (NMB, P(CE), P(best value)). Opportunity-cost rate: …"
    public var rates: String {
        "Decision threshold: £\(Formatting.grouped(threshold)) per QALY gained (for NMB and the probabilities). "
            + (opportunityCostPerQaly.map { "Opportunity-cost rate: £\(Formatting.grouped($0)) of extra spending displaces one QALY elsewhere (for the net QALYs)." }
               ?? "No opportunity-cost rate is set, so QALYs are gross.")
    }

    /// Plain text, aligned; with `colour`, ANSI colours mark the best rank and the direction of each change.
    public func text(colour: Bool) -> String {
        var grid = TextGrid(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for row in cells { grid.append(row) }
        let column = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let nmbColumn = column["NMB @£\(Formatting.grouped(threshold))/QALY"] ?? -1, gapColumn = column[gapWords.columnHeading] ?? -1, siiColumn = column["ΔSII"] ?? -1
        let deathColumns: Set<Int> = [column["Δdeaths (95% interval)"] ?? -1, column["Δdeaths \(groups.first ?? "")"] ?? -1, column["Δunmet demand"] ?? -1,
                                      column["Δunmet demand \(groups.first ?? "")"] ?? -1]
        let firstRank = header.count - Self.stances.count
        let table = grid.text { r, c, padded in
            guard colour else { return padded }
            if r < 0 { return ANSI.bold(padded) }
            let row = rows[r]
            switch c {
            case 0: return ANSI.bold(padded)
            case 1: return ANSI.signed(padded, row.healthGain?.mean ?? 0, goodWhenPositive: true)
            case nmbColumn: return ANSI.signed(padded, row.nmb?.mean ?? 0, goodWhenPositive: true)
            case gapColumn: return ANSI.signed(padded, row.gapChange?.mean ?? 0, goodWhenPositive: false)
            case siiColumn: return ANSI.signed(padded, row.siiChange?.mean ?? 0, goodWhenPositive: false)
            case _ where deathColumns.contains(c): return row.warning != nil ? ANSI.bold(padded) : padded
            case firstRank...: return padded.trimmingCharacters(in: .whitespaces) == "1" ? ANSI.green(ANSI.bold(padded)) : padded
            default: return padded
            }
        }
        var lines = [colour ? ANSI.bold(heading) : heading, ""]
        lines += warnings.flatMap { [colour ? ANSI.bold($0) : $0, ""] }
        lines += [table, ""]
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
        document.sections = [ReportSection("Options", warnings.map { .paragraph(HarmSentence.markdown($0)) } + [.table(reportTable)] + notes.map(ReportBlock.note)),
                             ReportSection("In plain English", [.bullets(boldSentences + switchSentences)])]
        return document.markdown
    }

    /// One row per option, numbers in full precision (empty where not applicable).
    public var csv: String { csv(keeping: nil) }

    /// The CSV with only the named columns (all when nil), in their usual order.
    func csv(keeping kept: Set<String>?) -> String {
        func number(_ value: Double?) -> CSVField { value.map(CSVField.number) ?? "" }
        let named: [[(String, CSVField)]] = rows.map { row in
            [("option", .text(row.option)), ("health_gain", number(row.healthGain?.mean)), ("health_gain_low", number(row.healthGain?.low)),
             ("health_gain_high", number(row.healthGain?.high)), ("health_gain_gross", number(row.grossHealthGain?.mean)),
             ("cost", number(row.cost?.mean)), ("nmb", number(row.nmb?.mean)),
             ("deaths_change", number(row.deaths?.mean)), ("deaths_change_low", number(row.deaths?.low)), ("deaths_change_high", number(row.deaths?.high)),
             ("deaths_change_most_deprived", number(row.deathsMostDeprived?.mean)), ("unmet_change", number(row.unmet?.mean)),
             ("unmet_change_most_deprived", number(row.unmetMostDeprived?.mean)),
             ("warning", row.warning.map(CSVField.text) ?? ""), ("gap_change", number(row.gapChange?.mean)), ("sii_change", number(row.siiChange?.mean)),
             ("frontier_status", .text(row.frontierStatus)), ("icer", number(row.icer)), ("icer_comparator", row.icerComparator.map(CSVField.text) ?? ""),
             ("probability_win_win", number(row.probabilityWinWin)), ("probability_cost_effective_vs_base", number(row.probabilityCostEffectiveVersusBase)),
             ("probability_best_value", .number(row.probabilityBestValue))]
                + Self.stances.map { stance in ("rank_epsilon_\(stance.epsilon)", row.ranks[stance.epsilon].map { CSVField.integer($0) } ?? "") }
        }
        let keep = { (name: String) in kept?.contains(name) ?? true }
        var csv = CSVText(header: (named.first ?? []).map(\.0).filter(keep))
        for row in named { csv.append(row.filter { keep($0.0) }.map(\.1)) }
        return csv.text
    }
}
