/// Σ p[0..<n] in four interleaved partial sums, combined as (s0 + s1) + (s2 + s3).
///
/// A single running sum is a chain of dependent additions that the compiler may not reorder
/// (floating point is not associative), so it runs at one addition per latency period; four
/// independent chains run four times as fast and can be vectorised. The order is fixed by `n`
/// alone, so results stay the same bits whatever the thread count.
@inline(__always)
func laneSum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i + 4 <= n {
        s0 += p[i]
        s1 += p[i + 1]
        s2 += p[i + 2]
        s3 += p[i + 3]
        i += 4
    }
    while i < n {
        s0 += p[i]
        i += 1
    }
    return (s0 + s1) + (s2 + s3)
}
