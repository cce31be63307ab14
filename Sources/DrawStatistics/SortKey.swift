/// A double as an unsigned integer that orders as `<` orders doubles, so that order statistics
/// can be found 16 bits at a time (``OrderStatistics``): a positive value with its sign bit set,
/// a negative one with every bit flipped (a larger magnitude then gives a smaller key).
///
/// −0 and +0 share +0's key, because `<` holds them equal: which of them an order statistic is
/// depends on draw order, which ``OrderStatistics`` settles separately. Every other key belongs to
/// one value. NaNs get keys beyond the infinities (`<` gives them no order at all; callers check
/// that results are finite).
enum SortKey {
    /// The key of both zeros.
    static let zero: UInt64 = 1 << 63

    @inline(__always)
    static func of(_ value: Double) -> UInt64 {
        if value == 0 { return zero }
        let bits = value.bitPattern
        return bits & zero == 0 ? bits | zero : ~bits
    }

    /// The value of a key (+0 for ``zero``).
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & zero != 0 ? key & ~zero : ~key)
    }
}
