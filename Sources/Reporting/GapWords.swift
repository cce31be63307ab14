import RunAnalysis

/// The health gap between the most and least deprived groups in units a board reads. When group
/// health is a healthy life expectancy (`equity.baseline_health`, in years), a change is stated
/// in days (or months) of healthy life per person and as a share of today's gap: "2.0 days of
/// healthy life per person, 0.02% of today's 11.9-year gap". Otherwise health is the discounted
/// QALYs per person over the horizon, and the change is stated in those.
struct GapWords {
    /// Whether health is a life expectancy in years.
    let isExpectancy: Bool
    /// Today's gap (base), in the units of health.
    let today: Double?
    let horizon: Int

    static let daysPerYear = 365.25

    init(isExpectancy: Bool, today: Double?, horizon: Int) {
        self.isExpectancy = isExpectancy
        self.today = today
        self.horizon = horizon
    }

    init(_ summary: RunSummary) {
        self.init(isExpectancy: summary.healthIsExpectancy ?? false, today: summary.options.first?.equity.gap.mean, horizon: summary.horizon)
    }

    /// Heading of a table column of gap changes: "Δgap (days)" or "Δgap (QALYs per person)".
    var columnHeading: String { isExpectancy ? "Δgap (days)" : "Δgap (QALYs per person)" }

    /// A change in the gap in the column's unit, signed: "−2.0" (days) or "−0.00412".
    func cell(_ change: Double) -> String {
        let value = isExpectancy ? change * Self.daysPerYear : change
        return Formatting.signed(value, decimals: min(Formatting.decimals(forMagnitude: value), isExpectancy ? 2 : 6))
    }

    /// "2.0 days of healthy life per person, 0.02% of today's 11.9-year gap" (size only, no sign).
    func sentence(_ change: Double) -> String {
        let size = abs(change)
        var text: String
        if isExpectancy {
            let days = size * Self.daysPerYear
            text = days >= 90
                ? "\(Formatting.grouped(days / (Self.daysPerYear / 12), decimals: 1)) months of healthy life per person"
                : "\(Formatting.grouped(days, decimals: min(Formatting.decimals(forMagnitude: days), 2))) days of healthy life per person"
        } else {
            text = "\(Formatting.grouped(size, decimals: Formatting.decimals(forMagnitude: size))) QALYs per person over \(horizon) years"
        }
        if let share = self.share(change) { text += ", " + share }
        return text
    }

    /// "0.02% of today's 11.9-year gap", or nil when there is no gap today.
    func share(_ change: Double) -> String? {
        guard let today, abs(today) > 1e-12 else { return nil }
        let percent = abs(change / today) * 100
        let shown = Formatting.grouped(percent, decimals: max(0, min(Formatting.decimals(forMagnitude: percent) - 1, 4)))
        return isExpectancy
            ? "\(shown)% of today's \(Formatting.grouped(abs(today), decimals: 1))-year gap"
            : "\(shown)% of today's gap of \(Formatting.grouped(abs(today), decimals: Formatting.decimals(forMagnitude: today))) QALYs per person"
    }

    /// What the gap column means, for a table's notes.
    func note(first: String, last: String) -> String {
        guard let today else { return "" }
        return isExpectancy
            ? "Δgap: change in the gap in healthy life expectancy between \(first) and \(last), in days per person (today's gap: \(Formatting.grouped(abs(today), decimals: 1)) years; negative = narrower)."
            : "Δgap: change in the gap in discounted QALYs per person over \(horizon) years between \(first) and \(last) (today's gap: \(Formatting.grouped(abs(today), decimals: Formatting.decimals(forMagnitude: today))); negative = narrower)."
    }
}
