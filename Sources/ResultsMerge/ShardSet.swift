/// Shards checked to belong to one run and to hold each of its draws exactly once, in draw
/// order: what ``MergedRun`` joins.
public struct ShardSet: Sendable {
    public let shards: [ShardRecord]

    public var first: ShardRecord { shards[0] }

    /// - Throws: ``MergeError`` naming the first setting that differs between two shards, or
    ///   every missing or doubled range of draws.
    public init(_ records: [ShardRecord]) throws(MergeError) {
        guard let first = records.first else { throw .noShards(path: "(none given)") }
        for other in records.dropFirst() {
            let (a, b) = (first.folder.path, other.folder.path)
            guard other.manifest.scenarioHash == first.manifest.scenarioHash else {
                throw .differentScenario(first: a, firstHash: first.manifest.scenarioHash, other: b, otherHash: other.manifest.scenarioHash)
            }
            guard other.manifest.seed == first.manifest.seed else { throw .differentSeed(first: a, firstSeed: first.manifest.seed, other: b, otherSeed: other.manifest.seed) }
            let settings: [(String, String, String)] = [
                ("the number of draws in the run", "\(first.manifest.draws)", "\(other.manifest.draws)"),
                ("options", first.manifest.options.joined(separator: ","), other.manifest.options.joined(separator: ",")),
                ("count noise (monte_carlo.stochastic)", first.manifest.countNoise, other.manifest.countNoise),
                ("deterministic mode", "\(first.manifest.deterministic)", "\(other.manifest.deterministic)"),
                ("phm version", first.manifest.toolVersion, other.manifest.toolVersion),
            ]
            for (name, x, y) in settings where x != y {
                throw .differentSetting(name: name, first: a, firstValue: x, other: b, otherValue: y)
            }
        }
        let ordered = records.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var gaps: [ClosedRange<Int>] = [], overlaps: [(range: ClosedRange<Int>, shards: [String])] = []
        var next = 0, coveringNext: ShardRecord? = nil
        for shard in ordered {
            let range = shard.range
            if range.lowerBound > next { gaps.append(next...(range.lowerBound - 1)) }
            if range.lowerBound < next, let previous = coveringNext {
                overlaps.append((range.lowerBound...(min(next, range.upperBound) - 1), [previous.folder.path, shard.folder.path]))
            }
            if range.upperBound > next {
                next = range.upperBound
                coveringNext = shard
            }
        }
        if next < first.manifest.draws { gaps.append(next...(first.manifest.draws - 1)) }
        if !gaps.isEmpty { throw .missingDraws(gaps, draws: first.manifest.draws) }
        if !overlaps.isEmpty { throw .overlappingDraws(overlaps) }
        shards = ordered
    }
}
