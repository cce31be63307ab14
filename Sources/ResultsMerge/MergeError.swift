/// Why shards cannot be merged into one run, in words a user can act on. Every case but
/// ``noShards`` and ``unreadable`` is a problem with the data (exit 65).
public enum MergeError: Error, Equatable, CustomStringConvertible {
    /// A folder given holds no shard (nor any folder below it).
    case noShards(path: String)
    /// A shard's manifest or draws file cannot be read.
    case unreadable(path: String, reason: String)
    /// A folder is a results folder but not a shard (`kind` is not `shard`).
    case notAShard(path: String)
    case differentScenario(first: String, firstHash: String, other: String, otherHash: String)
    case differentSeed(first: String, firstSeed: UInt64, other: String, otherSeed: UInt64)
    /// Another setting that every shard of a run shares differs (options, count noise, draws…).
    case differentSetting(name: String, first: String, firstValue: String, other: String, otherValue: String)
    /// Some draws of `0..<draws` are in no shard (ranges `a...b`, inclusive).
    case missingDraws([ClosedRange<Int>], draws: Int)
    /// Some draws are in more than one shard.
    case overlappingDraws([(range: ClosedRange<Int>, shards: [String])])
    /// The scenario file given for the merge is not the one the shards ran.
    case scenarioChanged(file: String, hash: String, shardHash: String)

    public var exitCode: Int32 {
        switch self {
        case .noShards, .unreadable: return 66
        default: return 65
        }
    }

    public var description: String {
        switch self {
        case .noShards(let path):
            return "\(path): no shard folders here; give the folders `phm run --shard` wrote (or a folder above them)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the shard (\(reason))"
        case .notAShard(let path):
            return "\(path): not a shard (its manifest.json has no `kind: shard`); `phm merge` joins folders written by `phm run --shard` or `--draw-range`"
        case .differentScenario(let first, let firstHash, let other, let otherHash):
            return "shards come from different scenarios: \(first) has scenario fingerprint \(firstHash), \(other) has \(otherHash); merge only shards of one scenario file"
        case .differentSeed(let first, let firstSeed, let other, let otherSeed):
            return "shards were run with different seeds: \(first) has seed \(firstSeed), \(other) has seed \(otherSeed); every shard of a run must use the same --seed"
        case .differentSetting(let name, let first, let firstValue, let other, let otherValue):
            return "shards differ in \(name): \(first) has \(firstValue), \(other) has \(otherValue); every shard of a run must share it"
        case .missingDraws(let gaps, let draws):
            let list = Self.list(gaps.map(Self.draws))
            return "\(list) \(gaps.count == 1 && gaps[0].count == 1 ? "is" : "are") missing (the run has draws 0–\(draws - 1)); run the shard\(gaps.count == 1 ? "" : "s") that cover\(gaps.count == 1 ? "s" : "") \(gaps.count == 1 ? "it" : "them") and merge again"
        case .overlappingDraws(let overlaps):
            let parts = overlaps.map { "\(Self.draws($0.range)) are in both \(Self.list($0.shards))" }
            return "\(parts.joined(separator: "; ")); each draw must be in exactly one shard (drop the doubled folder)"
        case .scenarioChanged(let file, let hash, let shardHash):
            return "\(file) is not the scenario the shards ran: its fingerprint is \(hash), the shards' is \(shardHash); give the scenario file they ran with --scenario"
        }
    }

    /// "draws 200–299", or "draw 7".
    static func draws(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "draw \(range.lowerBound)" : "draws \(range.lowerBound)–\(range.upperBound)"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    public static func == (lhs: MergeError, rhs: MergeError) -> Bool { lhs.description == rhs.description }
}
