import RunAnalysis

/// The words every table uses for the run's health headline, so that the board table, the brief,
/// the workbook (and the timeline and frontier reports, which call these) title it the same way.
extension HealthHeadline {
    /// "QALYs gained, net of opportunity cost" or "QALYs gained".
    public var columnTitle: String { isNet ? "QALYs gained, net of opportunity cost" : "QALYs gained" }

    /// The column of the figure before opportunity cost, shown beside a net headline.
    public static let grossColumnTitle = "QALYs gained, gross"
}
