import ParameterSampling

/// The sampled value of every uncertain parameter in every draw of a run: the matrix that
/// regression-based value of information (EVPPI) and users' own analyses (BCEA's `evppi`, the
/// voi package, mgcv) need, written as `parameters.csv`.
///
/// The values are not captured while simulating: parameter `i` of draw `d` depends only on
/// `(seed, d, path)` (MODEL.md §3), so sampling again after the run gives the same bits without
/// slowing the engine or storing anything per draw in it.
public struct ParameterDraws: Sendable {
    /// Key paths of the uncertain parameters (as written in the file and in `set`), in sampler order.
    public let paths: [String]
    /// Number of draws.
    public let count: Int
    /// The values of one draw, as sampled (the mean in deterministic mode).
    private let row: @Sendable (Int) -> [Double]

    /// A matrix sampled again row by row when read, so a run of millions of draws writes
    /// parameters.csv without holding it (issue 18).
    init(paths: [String], count: Int, row: @escaping @Sendable (Int) -> [Double]) {
        self.paths = paths
        self.count = count
        self.row = row
    }

    /// The values of draw `draw`, in ``paths`` order.
    public func values(draw: Int) -> [Double] { row(draw) }

    /// `values[draw][parameter]` (O(draws × parameters) memory: for value of information, which
    /// fits its regressions in memory anyway).
    public var values: [[Double]] { (0..<count).map(row) }

    /// The first `count` parameters only (for timing value of information on a fixed number).
    public func prefix(_ count: Int) -> ParameterDraws {
        let row = self.row
        return ParameterDraws(paths: Array(paths.prefix(count)), count: self.count) { Array(row($0).prefix(count)) }
    }

    /// Draws of one parameter, in draw order.
    public func column(_ index: Int) -> [Double] {
        (0..<count).map { row($0)[index] }
    }
}

extension MonteCarloRunner {
    /// The values the run's draws use for every uncertain parameter (fixed ones are left out).
    ///
    /// These are the values every option sees (common random numbers, MODEL.md §3) before an
    /// option's own `set` replaces some of them. With ``RunSettings/commonRandomNumbers`` off
    /// they are base's values. Nothing is stored: each row is sampled when it is read.
    public func parameterDraws() -> ParameterDraws {
        let sampler = samplers[0]
        let uncertain = sampler.parameters.indices.filter { sampler.parameters[$0].distribution.isUncertain }
        let deterministic = settings.deterministic
        return ParameterDraws(paths: uncertain.map { sampler.parameters[$0].path }, count: settings.draws) { d in
            let all = deterministic ? sampler.means : sampler.values(draw: d)
            return uncertain.map { all[$0] }
        }
    }
}
