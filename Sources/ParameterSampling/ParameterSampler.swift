import ScenarioModel

/// Draws every parameter of a scenario for one Monte Carlo draw (MODEL.md §3).
///
/// Parameter i in draw d takes its value from the stream keyed by `(seed, d, path)`
/// (``RandomStream``), so a value depends only on the seed, the draw and the parameter itself:
/// not on thread count, shard, the order of parameters or which other parameters exist.
/// (Correlated parameters also depend on their partners' streams, through the copula.)
/// An uncorrelated parameter is drawn by its family's direct method; a correlated one through
/// the ``GaussianCopula`` from the standard normal at the start of its stream.
///
/// A `ParameterSampler` is an immutable value: build it once per run and call
/// ``values(draw:)`` from as many threads as you like.
public struct ParameterSampler: Sendable {
    /// The parameters, in the order of ``values(draw:)`` and ``means``.
    public let parameters: [Parameter]
    /// The run's seed.
    public let seed: UInt64
    /// Deterministic-mode values, each parameter's ``Distribution/mean`` ("Deterministic mode
    /// uses the mean", MODEL.md §1).
    public let means: [Double]
    private let marginals: [Marginal]
    private let streamKeys: [UInt64]
    private let copula: GaussianCopula

    /// Prepares sampling of `parameters` with `correlations` under `seed`.
    ///
    /// - Throws: ``ParameterSamplerError``: a repeated path, an invalid distribution, a
    ///   correlation naming an unknown or fixed parameter (or one parameter twice), a `rho` not
    ///   strictly between −1 and 1, a pair correlated twice, or correlations that cannot hold
    ///   together (naming the parameter where the correlation matrix stops being positive
    ///   definite and its correlations with earlier parameters).
    /// - Complexity: O(n) plus the Cholesky factorisation of each group of correlated
    ///   parameters, O(m³).
    public init(parameters: [Parameter], correlations: [Scenario.Correlation], seed: UInt64)
        throws(ParameterSamplerError)
    {
        var indexByPath: [String: Int] = [:]
        var pathByKey: [UInt64: String] = [:]
        var streamKeys: [UInt64] = []
        streamKeys.reserveCapacity(parameters.count)
        for (i, parameter) in parameters.enumerated() {
            guard indexByPath.updateValue(i, forKey: parameter.path) == nil else {
                throw .duplicatePath(parameter.path)
            }
            if let problem = parameter.distribution.parameterProblem {
                throw .invalidDistribution(path: parameter.path, problem: problem)
            }
            let key = RandomStream.key(forPath: parameter.path)
            if let other = pathByKey.updateValue(parameter.path, forKey: key) {
                throw .streamKeyCollision(first: other, second: parameter.path)
            }
            streamKeys.append(key)
        }
        let pairs = try Self.resolve(correlations, indexByPath: indexByPath, parameters: parameters)
        self.parameters = parameters
        self.seed = seed
        self.means = parameters.map(\.distribution.mean)
        self.marginals = parameters.map { Marginal($0.distribution) }
        self.streamKeys = streamKeys
        self.copula = try GaussianCopula(pairs: pairs, parameters: parameters)
    }

    /// The `p`-quantile of parameter `index`'s marginal distribution (its value for a fixed
    /// parameter): the ends of one-way sensitivity analysis (2.5% and 97.5% by default).
    ///
    /// - Precondition: `0 <= p <= 1`.
    public func quantile(parameter index: Int, _ p: Double) -> Double {
        marginals[index].quantile(lower: p, upper: 1 - p)
    }

    /// One value per parameter, in the order of ``parameters``, for Monte Carlo draw `draw`.
    ///
    /// Fixed parameters return their value; uncertain ones are drawn from their streams.
    /// Safe to call concurrently; allocates only the returned array.
    ///
    /// - Precondition: `0 <= draw <= UInt32.max`.
    /// - Complexity: O(n) samples plus O(Σ m²) for the copula blocks.
    public func values(draw: Int) -> [Double] {
        var values = [Double](repeating: 0, count: marginals.count)
        for i in marginals.indices {
            var stream = RandomStream(seed: seed, draw: draw, key: streamKeys[i])
            values[i] = copula.isCorrelated[i] ? stream.normal() : marginals[i].sample(using: &stream)
        }
        copula.correlate(&values, marginals: marginals)
        return values
    }

    /// Index pairs of the correlations, after checking each one.
    private static func resolve(
        _ correlations: [Scenario.Correlation], indexByPath: [String: Int], parameters: [Parameter]
    ) throws(ParameterSamplerError) -> [(first: Int, second: Int, correlation: Scenario.Correlation)] {
        var seen: [Set<Int>: Scenario.Correlation] = [:]
        var pairs: [(first: Int, second: Int, correlation: Scenario.Correlation)] = []
        for correlation in correlations {
            if correlation.first == correlation.second { throw .selfCorrelation(correlation) }
            var indices: [Int] = []
            for path in [correlation.first, correlation.second] {
                guard let i = indexByPath[path] else { throw .unknownPath(path, in: correlation) }
                guard parameters[i].distribution.isUncertain else { throw .fixedParameter(path, in: correlation) }
                indices.append(i)
            }
            guard correlation.rho.isFinite, abs(correlation.rho) < 1 else { throw .rhoOutOfRange(correlation) }
            if let earlier = seen.updateValue(correlation, forKey: Set(indices)) {
                throw .repeatedPair(correlation, earlier: earlier)
            }
            pairs.append((indices[0], indices[1], correlation))
        }
        return pairs
    }
}
