import RunAnalysis

/// One sentence a non-specialist can read about an option against base, e.g. "upstream-2pc
/// gains 1,240 QALYs over 10 years, most of them in the two most deprived fifths (Q1–Q2), and
/// narrows the gap between Q1 and Q5 by 0.4 QALYs per person; it costs £2.1m more and is the
/// best value at £20,000 per QALY with probability 0.83." Means over draws,
/// read from the summary.
enum OptionSentence {
    static func text(_ option: OptionSummary, in summary: RunSummary) -> String {
        guard let increment = option.incremental else { return "\(option.name) is the comparator." }
        let gain = increment.netHealth.mean
        let isNet = summary.healthHeadline.subtractsDisplacedHealth(increment)
        let amount = Formatting.grouped(abs(gain), decimals: Formatting.decimals(forMagnitude: gain) > 0 && abs(gain) < 100 ? Formatting.decimals(forMagnitude: gain) : 0)
        var sentence = "\(option.name) \(gain >= 0 ? "gains" : "loses") \(amount) QALYs\(isNet ? " (net of the health its cost displaces)" : "") over \(summary.horizon) years"
        if let whom = distribution(option.groups.map(\.netGain.mean), groups: summary.groups, total: gain) {
            sentence += ", " + whom
        }
        if summary.groups.count > 1, let gap = option.equity.gapChange?.mean, let base = summary.options.first?.equity.gap.mean {
            let first = summary.groups.first ?? "", last = summary.groups.last ?? ""
            if abs(gap) < 1e-9 {
                sentence += ", and leaves the gap between \(first) and \(last) unchanged"
            } else {
                let narrows = (base >= 0) == (gap < 0)
                sentence += ", and \(narrows ? "narrows" : "widens") the gap between \(first) and \(last) by \(GapWords(summary).sentence(gap))"
            }
        }
        let cost = increment.cost.mean
        // An option that only moves money spends less than base when a line it funds cannot use
        // it all (coverage is full): that money is left unspent, not saved by a decision.
        let costText = abs(cost) < 0.5 ? "it costs the same"
            : (cost > 0 ? "it costs \(Formatting.money(cost)) more"
               : (option.budgetNeutral == true ? "it leaves \(Formatting.money(-cost)) of the budget not spent" : "it saves \(Formatting.money(-cost))"))
        let threshold = "£\(Formatting.grouped(summary.threshold)) per QALY"
        guard summary.draws > 1 else {
            // One draw (deterministic mode): no probabilities to report, only whether it is best.
            let best = option.economics.probabilityBestValue == 1
            return sentence + "; \(costText) and \(best ? "is" : "is not") the best value of all options at \(threshold)."
        }
        let versusBase = option.economics.probabilityCostEffectiveVersusBase.map { Formatting.grouped($0, decimals: 2) } ?? "–"
        sentence += "; \(costText), is cost-effective against base at \(threshold) with probability \(versusBase) and the best value of all \(summary.options.count) options with probability \(Formatting.grouped(option.economics.probabilityBestValue, decimals: 2))"
        if let winWin = option.equity.impactPlane?.winWin {
            sentence += "; more health with less inequality in \(Formatting.grouped(winWin * 100))% of draws"
        }
        return sentence + "."
    }

    /// Where the gains (or losses) fall: "most of them in the two most deprived fifths (Q1–Q2)",
    /// then any groups that move the other way ("while Q5 loses health", or with `otherWay`, e.g.
    /// ("has fewer deaths", "have fewer deaths") for deaths). Nil when there is nothing to say (one group).
    static func distribution(_ changes: [Double], groups: [String], total: Double,
                             otherWay: (one: String, many: String)? = nil) -> String? {
        let G = changes.count
        guard G > 1, total != 0 else { return nil }
        let sameSign = changes.map { total > 0 ? max($0, 0) : max(-$0, 0) }
        let sum = sameSign.reduce(0, +)
        guard sum > 0 else { return nil }
        let noun = G == 5 ? "fifth" : (G == 10 ? "tenth" : "group")
        func band(_ range: Range<Int>, most: Bool) -> String {
            let count = range.count
            let names = count == 1 ? groups[range.lowerBound] : "\(groups[range.lowerBound])–\(groups[range.upperBound - 1])"
            let counted = count == 1 ? "the \(most ? "most" : "least") deprived \(noun)" : "the \(Self.numberWord(count)) \(most ? "most" : "least") deprived \(noun)s"
            return "\(counted) (\(names))"
        }
        var text = "spread across the groups"
        for k in 1...max(1, G / 2) {
            if sameSign[0..<k].reduce(0, +) > 0.5 * sum { text = "most of them in " + band(0..<k, most: true); break }
            if sameSign[(G - k)..<G].reduce(0, +) > 0.5 * sum { text = "most of them in " + band((G - k)..<G, most: false); break }
        }
        let opposite = changes.indices.filter { total > 0 ? changes[$0] < 0 : changes[$0] > 0 }
        if !opposite.isEmpty {
            let verbs = otherWay ?? (total > 0 ? ("loses health", "lose health") : ("gains health", "gain health"))
            text += ", while \(runs(opposite, groups: groups)) \(opposite.count == 1 ? verbs.one : verbs.many)"
        }
        return text
    }

    /// Group indices as names with consecutive runs joined: [1, 2, 3, 4] → "Q2–Q5", [0, 2] → "Q1 and Q3".
    static func runs(_ indices: [Int], groups: [String]) -> String {
        var parts: [String] = [], start = indices[0], previous = indices[0]
        for index in indices.dropFirst() + [Int.max] {
            if index == previous + 1 { previous = index; continue }
            parts.append(start == previous ? groups[start] : (previous == start + 1 ? "\(groups[start]) and \(groups[previous])" : "\(groups[start])–\(groups[previous])"))
            start = index
            previous = index
        }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    static func numberWord(_ n: Int) -> String {
        ["zero", "one", "two", "three", "four", "five"].indices.contains(n) ? ["zero", "one", "two", "three", "four", "five"][n] : "\(n)"
    }
}
