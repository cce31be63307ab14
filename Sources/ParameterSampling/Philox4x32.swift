/// The Philox-4x32-10 counter-based random number generator.
///
/// A counter-based generator is a keyed bijection: block `i` of a stream is
/// `philox(key, counter = i)`, so any block can be computed directly, in any order, on any
/// thread. That is what makes Monte Carlo results independent of thread count and scheduling
/// (MODEL.md §3). Philox passes TestU01's BigCrush and is the generator of Random123.
///
/// One round maps the counter `(c₀, c₁, c₂, c₃)` with key `(k₀, k₁)` to
/// `(hi(M₁·c₂) ⊕ c₁ ⊕ k₀, lo(M₁·c₂), hi(M₀·c₀) ⊕ c₃ ⊕ k₁, lo(M₀·c₀))`, where `hi` and `lo` are
/// the high and low 32 bits of the 64-bit product, `M₀ = 0xD2511F53`, `M₁ = 0xCD9E8D57`.
/// Between rounds the key is bumped by the Weyl constants `(0x9E3779B9, 0xBB67AE85)`
/// (golden ratio and √3 − 1, in 32-bit fixed point). Ten rounds are the recommended default.
///
/// Reference: J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random numbers:
/// as easy as 1, 2, 3", Proc. SC11 (2011), doi:10.1145/2063384.2063405; checked against the
/// known-answer vectors of Random123 (see the tests).
public struct Philox4x32: Hashable, Sendable {
    /// Four 32-bit words: a counter going in, random bits coming out.
    public typealias Block = (UInt32, UInt32, UInt32, UInt32)

    /// The two 32-bit key words.
    public let key0: UInt32
    public let key1: UInt32

    private static let multiplier0: UInt64 = 0xD251_1F53
    private static let multiplier1: UInt64 = 0xCD9E_8D57
    private static let weyl0: UInt32 = 0x9E37_79B9
    private static let weyl1: UInt32 = 0xBB67_AE85
    private static let rounds = 10

    /// A generator with key `(key0, key1)`.
    public init(key0: UInt32, key1: UInt32) {
        self.key0 = key0
        self.key1 = key1
    }

    /// The 128 random bits of block `counter`.
    ///
    /// - Complexity: 20 32×32→64-bit multiplications.
    public func block(_ counter: Block) -> Block {
        var (c0, c1, c2, c3) = counter
        var k0 = key0, k1 = key1
        for round in 0..<Self.rounds {
            if round > 0 {
                k0 &+= Self.weyl0
                k1 &+= Self.weyl1
            }
            let p0 = Self.multiplier0 &* UInt64(c0)
            let p1 = Self.multiplier1 &* UInt64(c2)
            (c0, c1, c2, c3) = (
                UInt32(truncatingIfNeeded: p1 >> 32) ^ c1 ^ k0,
                UInt32(truncatingIfNeeded: p1),
                UInt32(truncatingIfNeeded: p0 >> 32) ^ c3 ^ k1,
                UInt32(truncatingIfNeeded: p0)
            )
        }
        return (c0, c1, c2, c3)
    }
}
