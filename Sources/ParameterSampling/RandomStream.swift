/// A reproducible stream of random numbers for one uncertain quantity in one Monte Carlo draw.
///
/// MODEL.md §3: "A draw `d` takes every uncertain value from a random stream keyed by
/// `(seed, d, parameter path)`, so results do not depend on thread count, shard or the order of
/// keys." The stream is a window onto the counter-based generator ``Philox4x32``:
///
/// - Philox key = the run's 64-bit `seed` (low word, high word);
/// - counter = `(block index, draw, stream key low word, stream key high word)`,
///
/// where the stream key is a 64-bit hash of the parameter path (``key(forPath:)``) or a
/// ``substream(_:)`` of it. Word `w` of the stream is word `w mod 4` of block `w / 4`, so
/// every value depends only on `(seed, draw, key, position in the stream)`: never on which
/// thread draws it, what was drawn before in other streams, or in which order streams are used.
///
/// A stream is a small value (a few dozen bytes) that costs nothing to create; make one where it is
/// needed rather than sharing one between tasks.
public struct RandomStream: Sendable {
    /// The run's seed.
    public let seed: UInt64
    /// The Monte Carlo draw.
    public let draw: Int
    /// The stream key: a path hash or a substream of one.
    public let key: UInt64
    private let generator: Philox4x32
    private var nextBlock: UInt32 = 0
    private var buffer: Philox4x32.Block = (0, 0, 0, 0)
    /// Words of `buffer` already handed out (4 = none left).
    private var used = 4

    /// The stream of parameter key `key` in draw `draw` of a run with seed `seed`.
    ///
    /// - Precondition: `0 <= draw <= UInt32.max` (about 4.3 billion draws).
    public init(seed: UInt64, draw: Int, key: UInt64) {
        precondition(draw >= 0 && draw <= Int(UInt32.max), "draw \(draw) outside 0...\(UInt32.max)")
        self.seed = seed
        self.draw = draw
        self.key = key
        self.generator = Philox4x32(key0: UInt32(truncatingIfNeeded: seed), key1: UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The stream of the parameter at `path` (hashed by ``key(forPath:)``).
    public init(seed: UInt64, draw: Int, path: String) {
        self.init(seed: seed, draw: draw, key: Self.key(forPath: path))
    }

    /// The next 32 random bits.
    ///
    /// - Precondition: fewer than 2³⁴ words have been taken from this stream.
    public mutating func nextUInt32() -> UInt32 {
        if used == 4 {
            precondition(nextBlock != .max, "random stream exhausted after 2^34 words")
            buffer = generator.block(
                (nextBlock, UInt32(truncatingIfNeeded: draw), UInt32(truncatingIfNeeded: key), UInt32(truncatingIfNeeded: key >> 32)))
            nextBlock += 1
            used = 0
        }
        defer { used += 1 }
        switch used {
        case 0: return buffer.0
        case 1: return buffer.1
        case 2: return buffer.2
        default: return buffer.3
        }
    }

    /// The next 64 random bits: the next two words, the first as the high half.
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// A uniform number in the open interval (0, 1) with 53 random bits.
    ///
    /// The value is `k·2⁻⁵³` for the top 53 bits `k` of ``nextUInt64()``; in the rare case
    /// `k = 0` (probability 2⁻⁵³) the next 64 bits are used instead. The result lies on the grid
    /// `{1, …, 2⁵³ − 1}·2⁻⁵³`: never exactly 0 or 1, so `log(u)` and `Φ⁻¹(u)` are always
    /// finite, and the grid is symmetric (`1 − u` is on it too), so inversion treats both tails
    /// alike.
    public mutating func uniform() -> Double {
        while true {
            let k = nextUInt64() >> 11
            if k != 0 { return Double(k) * 0x1p-53 }
        }
    }

    /// A standard normal number, by inversion: `Φ⁻¹(u)` for the next ``uniform()``.
    ///
    /// Inversion uses exactly one uniform per normal and is monotone in it; since u lies in
    /// [2⁻⁵³, 1 − 2⁻⁵³], the result lies within ±8.21.
    public mutating func normal() -> Double {
        StandardNormal.quantile(uniform())
    }
}
