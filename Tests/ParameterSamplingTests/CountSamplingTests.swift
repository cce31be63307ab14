import Foundation
import XCTest
import ParameterSampling

/// Poisson and binomial count noise: moments within 4 standard errors (μ₄ from the exact
/// formulas) and Pearson's chi-square against the exact probability mass function at the
/// 0.001 level, 10⁵ draws per parameter set (one stream per draw, as in a run).
final class CountSamplingTests: XCTestCase {
    private let draws = 100_000

    /// Means 0.5 and 4 use inversion; 30 and 1000 use PTRS. Poisson: σ² = λ, μ₄ = λ(1 + 3λ).
    func testPoisson() {
        for mean in [0.5, 4, 9.99, 10, 30, 1000] {
            let samples = counts { $0.poisson(mean: mean) }
            SampleCheck.assertMoments(samples, ExactMoments(mean: mean, variance: mean, fourthCentral: mean * (1 + 3 * mean)),
                                      "Poisson(\(mean))")
            assertChiSquare(samples, upTo: Int(mean + 12 * mean.squareRoot() + 20), "Poisson(\(mean))") { k in
                Foundation.exp(Double(k) * Foundation.log(mean) - mean - Foundation.lgamma(Double(k + 1)))
            }
        }
    }

    /// Covers inversion (n·p < 10), BTRS, and p > ½ (computed as n minus a count with 1 − p).
    /// Binomial: σ² = npq, μ₄ = npq(1 + 3(n − 2)pq).
    func testBinomial() {
        for (n, p) in [(5, 0.01), (10, 0.3), (50, 0.9), (1000, 0.02), (100, 0.5), (200, 0.9), (1_000_000, 0.3)] {
            let samples = counts { $0.binomial(count: n, probability: p) }
            let (nd, q) = (Double(n), 1 - p)
            let exact = ExactMoments(mean: nd * p, variance: nd * p * q, fourthCentral: nd * p * q * (1 + 3 * (nd - 2) * p * q))
            SampleCheck.assertMoments(samples, exact, "Binomial(\(n), \(p))")
            XCTAssert(samples.allSatisfy { $0 >= 0 && $0 <= nd }, "Binomial(\(n), \(p)) out of range")
            let maximum = min(n, Int(nd * p + 12 * (nd * p * q).squareRoot() + 20))
            let logNFactorial: Double = Foundation.lgamma(nd + 1)
            assertChiSquare(samples, upTo: maximum, "Binomial(\(n), \(p))") { k in
                let kd = Double(k)
                let logChoose: Double = logNFactorial - Foundation.lgamma(kd + 1) - Foundation.lgamma(nd - kd + 1)
                return Foundation.exp(logChoose + kd * Foundation.log(p) + (nd - kd) * Foundation.log1p(-p))
            }
        }
    }

    func testDegenerateCases() {
        var stream = RandomStream(seed: 3, draw: 0, path: "counts")
        XCTAssertEqual(stream.poisson(mean: 0), 0)
        XCTAssertEqual(stream.binomial(count: 0, probability: 0.4), 0)
        XCTAssertEqual(stream.binomial(count: 12, probability: 0), 0)
        XCTAssertEqual(stream.binomial(count: 12, probability: 1), 12)
    }

    /// Counts from draws 0..<draws of one path, as Doubles.
    private func counts(_ sample: (inout RandomStream) -> Int) -> [Double] {
        (0..<draws).map { draw in
            var stream = RandomStream(seed: 77, draw: draw, path: "services.ae.demand").substream(draw % 7)
            return Double(sample(&stream))
        }
    }

    /// Chi-square over bins of consecutive counts, each with expected frequency at least 5
    /// (Cochran's rule); the first bin also holds everything below it and the last everything
    /// above.
    private func assertChiSquare(
        _ samples: [Double], upTo maximum: Int, _ label: String, file: StaticString = #filePath, line: UInt = #line,
        probability: (Int) -> Double
    ) {
        let n = Double(samples.count)
        var binOf: [Int] = []
        var expected: [Double] = [0]
        var remaining = 1.0
        for k in 0...maximum {
            if expected[expected.count - 1] >= 5 && remaining * n >= 5 { expected.append(0) }
            let pk = probability(k)
            expected[expected.count - 1] += pk * n
            remaining -= pk
            binOf.append(expected.count - 1)
        }
        expected[expected.count - 1] += max(0, remaining) * n
        if expected.count > 1 && expected[expected.count - 1] < 5 {
            expected[expected.count - 2] += expected.removeLast()
            binOf = binOf.map { min($0, expected.count - 1) }
        }
        var observed = Array(repeating: 0.0, count: expected.count)
        for x in samples { observed[Int(x) <= maximum ? binOf[Int(x)] : expected.count - 1] += 1 }
        SampleCheck.assertChiSquare(observed: observed, expected: expected, label, file: file, line: line)
    }
}
