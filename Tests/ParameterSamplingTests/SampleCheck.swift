import Foundation
import XCTest

/// Statistical checks of a sample against exact moments and an exact CDF, with tolerances
/// derived from sampling theory so that a correct sampler fails rarely and a wrong one is
/// caught. Samples come from fixed seeds, so every run is the same: a failure is reproducible.
enum SampleCheck {
    /// Asserts that the sample mean and variance lie within 4 standard errors of the exact
    /// values: SE(mean) = √(σ²/n), SE(s²) = √((μ₄ − σ⁴(n−3)/(n−1))/n) (Cramér 1946, §27.4).
    /// A correct sampler fails each check with probability about 6e-5.
    static func assertMoments(
        _ samples: [Double], _ exact: ExactMoments, _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let n = Double(samples.count)
        let mean = samples.reduce(0, +) / n
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let seMean = (exact.variance / n).squareRoot()
        let seVariance = ((exact.fourthCentral - exact.variance * exact.variance * (n - 3) / (n - 1)) / n).squareRoot()
        XCTAssertLessThanOrEqual(abs(mean - exact.mean), 4 * seMean,
                                 "\(label): mean \(mean), exact \(exact.mean), SE \(seMean)", file: file, line: line)
        XCTAssertLessThanOrEqual(abs(variance - exact.variance), 4 * seVariance,
                                 "\(label): variance \(variance), exact \(exact.variance), SE \(seVariance)",
                                 file: file, line: line)
    }

    /// Kolmogorov–Smirnov statistic `D = supₓ |Fₙ(x) − F(x)|` of the sample against `cdf`,
    /// to within 1/n (returned as the upper end, so a pass is never optimistic).
    ///
    /// With `uᵢ = F(xᵢ)`, D is the sup distance between the empirical CDF of the u's and the
    /// identity. Instead of sorting (slow in a debug build), count the u's in n buckets of width
    /// 1/n; with `Cⱼ` = number below j/n, on bucket j the distance is at most
    /// `max(Cⱼ₊₁ − j, j + 1 − Cⱼ)/n`, and the largest of these exceeds D by at most 1/n.
    /// The CDF is evaluated on two threads.
    static func kolmogorovSmirnov(_ samples: [Double], cdf: @escaping @Sendable (Double) -> Double) -> Double {
        let n = samples.count
        let halves = ConcurrentResults<[Int]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var counts = [Int](repeating: 0, count: n)
            for i in half == 0 ? 0..<(n / 2) : (n / 2)..<n {
                counts[min(n - 1, Int(cdf(samples[i]) * Double(n)))] += 1
            }
            halves.set(half, counts)
        }
        let (first, second) = (halves.values[0], halves.values[1])
        var counts = first
        for j in 0..<n { counts[j] += second[j] }
        var below = 0, d = 0
        for (j, count) in counts.enumerated() {
            let next = below + count
            d = max(d, next - j, j + 1 - below)
            below = next
        }
        return Double(d) / Double(n)
    }

    /// Asserts the KS test does not reject at the 0.001 level: D < 1.95/√n (the asymptotic
    /// critical value, √(−ln(0.0005)/2) = 1.9495; Smirnov 1948).
    static func assertKolmogorovSmirnov(
        _ samples: [Double], cdf: @escaping @Sendable (Double) -> Double, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let d = kolmogorovSmirnov(samples, cdf: cdf)
        let critical = 1.95 / Double(samples.count).squareRoot()
        XCTAssertLessThan(d, critical, "\(label): KS D = \(d), critical \(critical)", file: file, line: line)
    }

    /// Asserts that `x` is as good an inverse of the increasing function `f` at `target` as a
    /// double can be: `target` lies between `f` at x's neighbours `x⁻` and `x⁺`, give or take
    /// `f`'s own rounding (relative `slack`, plus `absolute`).
    static func assertInverse(
        _ x: Double, of target: Double, under f: (Double) -> Double, slack: Double = 1e-10, absolute: Double = 1e-300,
        _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let below = f(x.nextDown), above = f(x.nextUp)
        let (lo, hi) = (min(below, above), max(below, above))
        XCTAssert(lo - slack * abs(lo) - absolute <= target && target <= hi + slack * abs(hi) + absolute,
                  "\(label): x = \(x), f(x⁻) = \(below), f(x⁺) = \(above), target \(target)", file: file, line: line)
    }

    /// Pearson's chi-square of observed counts against expected ones, and its upper 0.001
    /// critical value for `bins − 1` degrees of freedom by the Wilson–Hilferty approximation
    /// `k(1 − 2/(9k) + 3.0902·√(2/(9k)))³` (slightly conservative for small k).
    static func assertChiSquare(
        observed: [Double], expected: [Double], _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let statistic = zip(observed, expected).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        let k = Double(observed.count - 1)
        let h = 2 / (9 * k)
        let critical = k * Foundation.pow(1 - h + 3.0902 * h.squareRoot(), 3)
        XCTAssertLessThan(statistic, critical, "\(label): chi-square \(statistic) on \(Int(k)) df, critical \(critical)",
                          file: file, line: line)
    }
}
