/// Whether the LP's prediction and the re-simulation of an allocation agree, and which lines move.
extension OptimiseReport {
    /// How far the LP's predicted change in total net health is from the re-simulated one.
    public enum Agreement: Equatable, Sendable {
        /// Within ``closeShare`` of each other, or the prediction inside the simulated 95% interval.
        case agree
        /// Neither of the above, but within ``roughShare``.
        case roughly
        /// More than ``roughShare`` apart with the prediction outside the interval: the response
        /// curves' sum is not to be trusted for this allocation.
        case disagree

        /// Prediction and simulation within 10% of the larger agree: the sampling noise of a
        /// few hundred draws is of that order (docs/MODEL-NOTES.md).
        public static let closeShare = 0.10
        /// Up to 25% apart they agree roughly: the lines interact, but the allocation still
        /// points the right way.
        public static let roughShare = 0.25
    }

    /// Compares the predicted and simulated totals (the thresholds are in docs/MODEL-NOTES.md).
    public var agreement: Agreement {
        let predicted = self.predicted.totalNetGain, simulated = self.simulated.totalNetGain
        let difference = abs(simulated.mean - predicted) / max(abs(predicted), abs(simulated.mean), 1e-9)
        let inside = hasIntervals && simulated.low <= predicted && predicted <= simulated.high
        if difference <= Agreement.closeShare || inside { return .agree }
        return difference <= Agreement.roughShare ? .roughly : .disagree
    }

    /// Whether the simulation has an interval to show (more than one draw, not at the means).
    public var hasIntervals: Bool { simulated.draws > 1 && !simulated.deterministic }

    /// A change in a line's budget smaller than this share of the total is the solver's
    /// rounding, not a move.
    public static let smallestMove = 1e-6

    /// Lines whose budget changes by more than ``smallestMove`` of the total, largest change first.
    public var moves: [LineRow] {
        allocation.filter { abs($0.change) > Self.smallestMove * max(total, 1) }.sorted { abs($0.change) > abs($1.change) }
    }
}
