/// Labels of the years a scenario simulates. Year `t` of the horizon is the NHS financial year
/// that starts in April of `startYear + t` and ends in March of the next calendar year, written
/// as finance leads write it: `2026/27` (docs/MODEL-NOTES.md, "Years").
///
/// Reports for boards that count calendar years use ``calendar(startYear:year:)`` with the same
/// `start_year` key, so that one scenario setting places every output on the calendar.
public enum FinancialYear {
    /// `2026/27` for `startYear` 2026 and `t` 0.
    public static func label(startYear: Int, year t: Int) -> String {
        let first = startYear + t
        let next = (first + 1) % 100
        return "\(first)/\(next < 10 ? "0" : "")\(next)"
    }

    /// The calendar year of year `t`: `startYear + t`.
    public static func calendar(startYear: Int, year t: Int) -> Int { startYear + t }
}

extension Scenario {
    /// Label of year `t` of the horizon as a financial year, e.g. `2026/27`.
    public func financialYear(_ t: Int) -> String { FinancialYear.label(startYear: startYear, year: t) }

    /// Labels of every year of the horizon.
    public var financialYears: [String] { (0..<horizon).map(financialYear) }
}
