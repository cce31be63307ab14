import DrawStatistics

/// One option against base: incremental QALYs and cost over draws, and the ICER of their means.
public struct Increment: Equatable, Sendable {
    /// Index of the option in ``CostEffectivenessAnalysis/optionNames``.
    public let option: Int
    /// Incremental discounted QALYs, `ΔQ`.
    public let qalys: Interval
    /// Incremental discounted cost, `ΔC` (£).
    public let costs: Interval
    /// `E[ΔC] / E[ΔQ]`, or which kind of dominance makes a ratio meaningless.
    public let ratio: IncrementalRatio
}
