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
    /// `values[draw][parameter]`, as sampled (the mean in deterministic mode).
    public let values: [[Double]]

    public init(paths: [String], values: [[Double]]) {
        self.paths = paths
        self.values = values
    }

    /// The first `count` parameters only (for timing value of information on a fixed number).
    public func prefix(_ count: Int) -> ParameterDraws {
        ParameterDraws(paths: Array(paths.prefix(count)), values: values.map { Array($0.prefix(count)) })
    }

    /// Draws of one parameter, in draw order.
    public func column(_ index: Int) -> [Double] {
        values.map { $0[index] }
    }
}

extension MonteCarloRunner {
    /// The values the run's draws use for every uncertain parameter (fixed ones are left out).
    ///
    /// These are the values every option sees (common random numbers, MODEL.md §3) before an
    /// option's own `set` replaces some of them. With ``RunSettings/commonRandomNumbers`` off
    /// they are base's values.
    /// - Complexity: O(draws × parameters).
    public func parameterDraws() -> ParameterDraws {
        let sampler = samplers[0]
        let uncertain = sampler.parameters.indices.filter { sampler.parameters[$0].distribution.isUncertain }
        let values = (0..<settings.draws).map { d in
            let all = settings.deterministic ? sampler.means : sampler.values(draw: d)
            return uncertain.map { all[$0] }
        }
        return ParameterDraws(paths: uncertain.map { sampler.parameters[$0].path }, values: values)
    }
}
