import DrawStatistics

extension DistributionalEvaluation {
    /// A measure of one draw's final distribution of an option, given base's in the same draw.
    public typealias PairedMeasure = (_ health: HealthDistribution, _ base: HealthDistribution) throws -> Double

    /// Mean and 95% interval over draws of any measure of one option's final distribution, e.g.
    /// `summary(option: 1) { $0.slopeIndex }` or `summary(option: 1) { try $0.atkinsonIndex(epsilon: 1) }`.
    ///
    /// - Precondition: `option` indexes ``optionNames``.
    /// - Throws: the measure's ``EquityError`` wrapped in ``EquityError/inDraw(option:draw:_:)``;
    ///   `DrawColumnError` when a column file cannot be read or written.
    public func summary(
        option: Int, _ measure: @escaping (HealthDistribution) throws -> Double
    ) throws -> Interval {
        try summaries(option: option, measures: [measure])[0]
    }

    /// Several measures of one option's final distribution summarised in one pass over the draws:
    /// each measure's per-draw values go to a column of the scratch space, then to an ``Interval``.
    ///
    /// - Throws: as ``summary(option:_:)``, for the first draw where some measure fails (the
    ///   first failing measure of that draw).
    public func summaries(
        option: Int, measures: [(HealthDistribution) throws -> Double]
    ) throws -> [Interval] {
        try summaries(option: option, count: measures.count, againstBase: false) { (k: Int, health: HealthDistribution, base: HealthDistribution) throws -> Double in
            try measures[k](health)
        }
    }

    /// As ``summaries(option:measures:)`` for measures that compare the option with base in the
    /// same draw, such as `(EDE(option) − EDE(base)) · Σ N_g`.
    public func summaries(option: Int, pairedMeasures measures: [PairedMeasure]) throws -> [Interval] {
        try summaries(option: option, count: measures.count, againstBase: true) { (k: Int, health: HealthDistribution, base: HealthDistribution) throws -> Double in
            try measures[k](health, base)
        }
    }

    /// `count` measures, measure `k` of a draw being `measure(k, health, base)`, summarised in one
    /// pass (the families of measures of the rankings, one per aversion). Without `againstBase`
    /// base's distribution is not built and `base` is the option's own.
    func summaries(
        option: Int, count: Int, againstBase: Bool, _ measure: (Int, HealthDistribution, HealthDistribution) throws -> Double
    ) throws -> [Interval] {
        let sinks = try (0..<count).map { _ in try scratch.sink() }
        func record(_ d: Int, _ health: HealthDistribution, _ base: HealthDistribution) throws {
            for (k, sink) in sinks.enumerated() {
                do {
                    try sink.append(try measure(k, health, base))
                } catch let error as EquityError {
                    throw EquityError.inDraw(option: optionNames[option], draw: d, error)
                }
            }
        }
        if againstBase {
            try forEachDistributionWithBase(option: option) { d, health, base, _ in try record(d, health, base) }
        } else {
            try forEachDistribution(option: option) { d, health in try record(d, health, health) }
        }
        return try sinks.map { try Interval(try $0.finish()) }
    }
}
