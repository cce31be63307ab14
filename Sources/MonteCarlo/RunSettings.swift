/// How a Monte Carlo run is carried out (MODEL.md §3). Command-line flags override the
/// scenario's `monte_carlo` section.
public struct RunSettings: Sendable, Hashable {
    /// Draws of the whole run (the study's N), whether or not this process simulates them all.
    public var draws: Int
    /// The draws this process simulates: all of them, or one shard's `a..<b` (`phm run --shard`).
    /// Shards start and end on block boundaries (multiples of ``MonteCarloRunner/blockSize``, or
    /// the last draw) so that joined shards give one run's bits (``BlockTreeSum``).
    public var drawRange: Range<Int>
    public var seed: UInt64
    /// Number of concurrent workers; results are identical for any value.
    public var threads: Int
    /// Every distribution replaced by its mean and no count noise; one draw.
    public var deterministic: Bool
    /// Indices into `Scenario.allOptions` to simulate (base, index 0, is always included).
    public var options: [Int]
    /// Every option sees the same values in a draw (default). `false` gives each option its
    /// own streams: only useful to show how much common random numbers narrow intervals.
    public var commonRandomNumbers: Bool
    /// In deterministic mode, the parameter values of each draw (one full vector per draw, in
    /// sampler order) instead of the means: the runs of a deterministic sensitivity analysis.
    public var scriptedValues: [[Double]]?

    public init(draws: Int, seed: UInt64, threads: Int, deterministic: Bool = false, options: [Int], commonRandomNumbers: Bool = true,
                drawRange: Range<Int>? = nil) {
        self.draws = deterministic ? 1 : draws
        self.drawRange = deterministic ? 0..<1 : drawRange ?? 0..<draws
        self.seed = seed
        self.threads = max(1, threads)
        self.deterministic = deterministic
        self.options = options.contains(0) ? options : [0] + options
        self.commonRandomNumbers = commonRandomNumbers
    }

    /// Deterministic runs (no count noise), one per row of `values`: draw `d` uses `values[d]`.
    public static func scripted(_ values: [[Double]], seed: UInt64, threads: Int, options: [Int]) -> RunSettings {
        var settings = RunSettings(draws: 1, seed: seed, threads: threads, deterministic: true, options: options)
        settings.draws = values.count
        settings.drawRange = 0..<values.count
        settings.scriptedValues = values
        return settings
    }
}
