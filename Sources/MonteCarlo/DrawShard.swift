/// Which draws a shard of a run simulates (`phm run --shard I/K` or `--draw-range A..B`).
///
/// Shards start and end on the boundaries of the runner's blocks of draws, so that the yearly
/// sums of joined shards are those of one run (``BlockTreeSum``); `--shard` splits the blocks
/// as evenly as it can, and `--draw-range` must be given on block boundaries.
public enum DrawShard {
    /// Why a shard cannot be laid out.
    public enum LayoutError: Error, Equatable, CustomStringConvertible {
        case shardOutOfRange(index: Int, count: Int)
        case tooManyShards(count: Int, blocks: Int, draws: Int)
        case malformedRange(String)
        case rangeOutside(Range<Int>, draws: Int)
        case unaligned(Range<Int>, draws: Int)

        public var description: String {
            let b = MonteCarloRunner.blockSize
            switch self {
            case .shardOutOfRange(let index, let count):
                return "--shard \(index)/\(count): the shard number must be from 1 to \(count)"
            case .tooManyShards(let count, let blocks, let draws):
                return "--shard …/\(count): \(draws) draws make only \(blocks) block\(blocks == 1 ? "" : "s") of \(b) draws, so at most \(blocks) shard\(blocks == 1 ? "" : "s")"
            case .malformedRange(let text):
                return "--draw-range: expected A..B such as 0..1000 (draws A to B−1), got `\(text)`"
            case .rangeOutside(let range, let draws):
                return "--draw-range \(range.lowerBound)..\(range.upperBound) is not within the run's \(draws) draws (0..\(draws))"
            case .unaligned(let range, let draws):
                return "--draw-range \(range.lowerBound)..\(range.upperBound): shards must start on a multiple of \(b) and end on one or at the last draw (\(draws)); for example \(range.lowerBound / b * b)..\(min(draws, (range.upperBound + b - 1) / b * b))"
            }
        }
    }

    /// Draws of shard `index` (1-based) of `count` over `draws` draws: whole blocks, shared out
    /// so that shard sizes differ by at most one block.
    public static func range(shard index: Int, of count: Int, draws: Int) throws(LayoutError) -> Range<Int> {
        let size = MonteCarloRunner.blockSize
        let blocks = (draws + size - 1) / size
        guard count >= 1, (1...count).contains(index) else { throw .shardOutOfRange(index: index, count: count) }
        guard count <= blocks else { throw .tooManyShards(count: count, blocks: blocks, draws: draws) }
        let first = (index - 1) * blocks / count, end = index * blocks / count
        return (first * size)..<min(draws, end * size)
    }

    /// `A..B` (draws A to B−1) checked against the run's draws and the block boundaries.
    public static func range(parsing text: String, draws: Int) throws(LayoutError) -> Range<Int> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty, let a = Int(parts[0]), let b = Int(parts[2]), a >= 0, a < b else {
            throw .malformedRange(text)
        }
        guard b <= draws else { throw .rangeOutside(a..<b, draws: draws) }
        let size = MonteCarloRunner.blockSize
        guard a % size == 0, b % size == 0 || b == draws else { throw .unaligned(a..<b, draws: draws) }
        return a..<b
    }
}
