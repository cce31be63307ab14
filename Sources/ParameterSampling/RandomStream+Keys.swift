extension RandomStream {
    /// The stream key of a parameter path: FNV-1a 64 over the path's UTF-8 bytes.
    ///
    /// FNV-1a (Fowler, Noll and Vo; IETF draft-eastlake-fnv): start from the offset basis
    /// `0xcbf29ce484222325` and, for each byte `b`, set `h = (h ⊕ b)·0x100000001b3 mod 2⁶⁴`.
    /// It is stable across processes, platforms and Swift versions, unlike `Hasher`, which is
    /// seeded randomly per process. Two paths share a key with probability about 2⁻⁶⁴ per pair;
    /// ``ParameterSampler`` checks its parameters for such a collision.
    public static func key(forPath path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// An independent stream for integer index `index` under this one, e.g. one per
    /// `cohort × year` cell for count noise, without hashing strings again.
    ///
    /// The substream starts at position 0 and has the same seed and draw; its key is
    /// `mix(key + (index + 1)·γ)` with the golden-ratio constant `γ = 0x9e3779b97f4a7c15` and
    /// `mix` the bijective finaliser of SplitMix64 (Steele, Lea and Flood, "Fast splittable
    /// pseudorandom number generators", OOPSLA 2014; shifts and constants of Stafford's Mix13,
    /// as in Vigna's splitmix64.c). Because `γ` is odd and `mix` is a
    /// bijection, different indices of one stream always get different keys; a substream key
    /// meets an unrelated stream's key with probability about 2⁻⁶⁴. It does not depend on how
    /// much of this stream has been used. Substreams nest: `s.substream(c).substream(t)`.
    public func substream(_ index: Int) -> RandomStream {
        var z = key &+ (UInt64(bitPattern: Int64(index)) &+ 1) &* 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return RandomStream(seed: seed, draw: draw, key: z ^ (z >> 31))
    }
}
