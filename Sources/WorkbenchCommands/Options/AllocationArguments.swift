import ArgumentParser
import ScenarioModel

/// `--objective total-health|weighted|maximin|atkinson|gap-limit`: ArgumentParser lists the
/// values in the help and refuses any other before the command runs.
extension Scenario.Optimisation.Objective: ExpressibleByArgument {}

/// The flags' typed values, parsed by `transform:` before `validate()` and `run()`.
enum AllocationArguments {
    /// `--total keep` (today's total) or an amount in £ ≥ 0.
    static func total(_ text: String) throws -> Scenario.Optimisation.Total {
        if text == "keep" { return .keep }
        guard let pounds = Double(text), pounds >= 0, pounds.isFinite else {
            throw ValidationError("--total must be `keep` or an amount in £ ≥ 0 (got \(text))")
        }
        return .amount(pounds)
    }

    /// `LINE=AMOUNT` of `--min`, `--max` and `--max-change`; the line's name is checked against
    /// the scenario once it is loaded (``AllocationOptions/applyLineLimits(to:scenario:)``).
    struct LineLimit {
        let line: String
        let amount: Scenario.Optimisation.Amount
    }

    static func lineLimit(flag: String) -> @Sendable (String) throws -> LineLimit {
        { text in
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw ValidationError("\(flag): expected LINE=AMOUNT such as emergency_admission=50% or warm_homes=2000000 (got `\(text)`)")
            }
            return LineLimit(line: parts[0], amount: try amount(parts[1], flag: flag))
        }
    }

    /// `2000000` (£) or `50%` (a share of today's budget), never negative.
    static func amount(_ text: String, flag: String) throws -> Scenario.Optimisation.Amount {
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent >= 0, percent.isFinite {
            return .shareOfCurrent(percent / 100)
        }
        if let pounds = Double(text), pounds >= 0, pounds.isFinite { return .pounds(pounds) }
        throw ValidationError("\(flag): expected an amount in £ ≥ 0 or a share such as 50% (got `\(text)`)")
    }

    /// `--weights Q1=2,Q2=1.5`: (group, weight ≥ 0) pairs; the groups are checked once the
    /// scenario is loaded.
    static func weights(_ text: String) throws -> [(group: String, weight: Double)] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value.isFinite else {
                throw ValidationError("--weights: expected GROUP=WEIGHT pairs such as Q1=2,Q2=1.5 (got `\(item)`)")
            }
            return (parts[0], value)
        }
    }
}
