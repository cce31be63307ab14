import Foundation
import ScenarioModel

extension FinancialYear {
    /// The calendar year in which the current financial year began: this year from April,
    /// last year in January to March (UTC). The default of a scenario's `start_year`; an example
    /// scenario sets it so that its outputs do not change with the date.
    public static func current(now: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: now)
        return parts.month! >= 4 ? parts.year! : parts.year! - 1
    }
}

extension ScenarioSchema {
    /// Years a scenario may start in.
    public static let startYears = 1900...2200
}
