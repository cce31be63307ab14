import DrawStatistics

extension ColumnPieces {
    /// Options' QALYs then costs, read together a piece of draws at a time (issue 18: an
    /// analysis over any number of draws holds a few thousand of each).
    convenience init(qalys: [DrawColumn], costs: [DrawColumn], draws: Int) {
        precondition(qalys.count == costs.count)
        self.init(qalys + costs, draws: 0..<draws)
    }

    /// ``next()`` with a read failure in this module's terms.
    /// - Throws: ``EconomicEvaluationError/unreadableColumn(path:reason:)``.
    func nextPiece() throws(EconomicEvaluationError) -> Bool {
        do {
            return try next()
        } catch {
            throw EconomicEvaluationError(column: error)
        }
    }
}
