import Foundation
import ScenarioModel
import XCTest
@testable import ParameterSampling

/// Moments and Kolmogorov–Smirnov tests of every family's sampler, and CDF/quantile round
/// trips.
///
/// Sample sizes: 10⁶ draws (`draws: 1_000_000`) for one representative parameter set per
/// family (the first case of each test) and for the edge cases the brief singles out (gamma
/// shape ¼, lognormal sd 3, beta means 0.02 and 0.98, PERT with the mode at a bound); 10⁵ for
/// the other sets, to keep the debug-build test run short. Tolerances scale with the sample
/// size (4 standard errors; KS critical value 1.95/√n at the 0.001 level).
final class DistributionSamplingTests: XCTestCase {
    private struct Case {
        let distribution: Distribution
        let exact: ExactMoments
        var draws = 100_000
    }

    func testNormal() {
        check([
            Case(distribution: .normal(mean: 0, sd: 1), exact: .normal(mean: 0, sd: 1), draws: 1_000_000),
            Case(distribution: .normal(mean: 100, sd: 15), exact: .normal(mean: 100, sd: 15)),
            Case(distribution: .normal(mean: -3, sd: 0.001), exact: .normal(mean: -3, sd: 0.001)),
        ])
    }

    /// Includes a large sd (mean 1, sd 3: σ² = ln 10) and the p10/p90 form.
    func testLognormal() {
        func logScale(_ m: Double, _ s: Double) -> ExactMoments {
            let variance = log(1 + s * s / (m * m))
            return .lognormal(mu: log(m) - variance / 2, sigma: variance.squareRoot())
        }
        check([
            Case(distribution: .lognormal(mean: 1, sd: 0.2), exact: logScale(1, 0.2), draws: 1_000_000),
            Case(distribution: .lognormal(mean: 1, sd: 3), exact: logScale(1, 3), draws: 1_000_000),
            Case(distribution: .lognormal(mean: 250, sd: 40), exact: logScale(250, 40)),
            Case(distribution: .lognormalInterval(p10: 0.5, p90: 2),
                 exact: .lognormal(mu: 0, sigma: log(4) / (2 * 1.2815515655446004))),
        ])
    }

    /// Includes shape < 1 (mean 0.5, sd 1: shape ¼), the exponential, and a large shape.
    func testGamma() {
        func moments(_ m: Double, _ s: Double) -> ExactMoments { .gamma(shape: m * m / (s * s), scale: s * s / m) }
        check([
            Case(distribution: .gamma(mean: 0.5, sd: 1), exact: moments(0.5, 1), draws: 1_000_000),
            Case(distribution: .gamma(mean: 1, sd: 1), exact: moments(1, 1)),
            Case(distribution: .gamma(mean: 10, sd: 3), exact: moments(10, 3)),
            Case(distribution: .gamma(mean: 1900, sd: 200), exact: moments(1900, 200)),
            Case(distribution: .gamma(mean: 0.01, sd: 0.1), exact: moments(0.01, 0.1)),
        ])
    }

    /// Includes means 0.02 and 0.98 and a shape below 1 (mean 0.02, sd 0.05: α ≈ 0.137).
    func testBeta() {
        func moments(_ m: Double, _ s: Double) -> ExactMoments {
            let nu = m * (1 - m) / (s * s) - 1
            return .beta(alpha: m * nu, beta: (1 - m) * nu)
        }
        check([
            Case(distribution: .beta(mean: 0.3, sd: 0.1), exact: moments(0.3, 0.1), draws: 1_000_000),
            Case(distribution: .beta(mean: 0.02, sd: 0.01), exact: moments(0.02, 0.01), draws: 1_000_000),
            Case(distribution: .beta(mean: 0.98, sd: 0.01), exact: moments(0.98, 0.01), draws: 1_000_000),
            Case(distribution: .beta(mean: 0.02, sd: 0.05), exact: moments(0.02, 0.05)),
            Case(distribution: .beta(mean: 0.5, sd: 0.2), exact: moments(0.5, 0.2)),
        ])
    }

    func testUniform() {
        check([
            Case(distribution: .uniform(low: 0, high: 1), exact: .uniform(low: 0, high: 1), draws: 1_000_000),
            Case(distribution: .uniform(low: -5, high: 10), exact: .uniform(low: -5, high: 10)),
        ])
    }

    /// Includes the mode at either bound.
    func testTriangular() {
        check([
            Case(distribution: .triangular(low: 0, mode: 0.3, high: 1),
                 exact: .triangular(low: 0, mode: 0.3, high: 1), draws: 1_000_000),
            Case(distribution: .triangular(low: 0, mode: 0, high: 1), exact: .triangular(low: 0, mode: 0, high: 1)),
            Case(distribution: .triangular(low: 2, mode: 5, high: 5), exact: .triangular(low: 2, mode: 5, high: 5)),
        ])
    }

    /// PERT is Beta(1 + 4(m−a)/(b−a), 1 + 4(b−m)/(b−a)) on [a, b]; includes the mode at a bound.
    func testPert() {
        func moments(_ a: Double, _ m: Double, _ b: Double) -> ExactMoments {
            .beta(alpha: 1 + 4 * (m - a) / (b - a), beta: 1 + 4 * (b - m) / (b - a), low: a, width: b - a)
        }
        check([
            Case(distribution: .pert(low: 0, mode: 0.3, high: 1), exact: moments(0, 0.3, 1), draws: 1_000_000),
            Case(distribution: .pert(low: 0, mode: 0, high: 1), exact: moments(0, 0, 1), draws: 1_000_000),
            Case(distribution: .pert(low: 10, mode: 100, high: 100), exact: moments(10, 100, 100)),
            Case(distribution: .pert(low: 10, mode: 20, high: 100), exact: moments(10, 20, 100)),
        ])
    }

    func testFixedValueDrawsNothing() {
        var stream = RandomStream(seed: 1, draw: 0, path: "x")
        XCTAssertEqual(Distribution.fixed(2.5).sample(using: &stream), 2.5)
        var fresh = RandomStream(seed: 1, draw: 0, path: "x")
        XCTAssertEqual(stream.nextUInt64(), fresh.nextUInt64())
        XCTAssertEqual(Distribution.fixed(2.5).cdf(2.4), 0)
        XCTAssertEqual(Distribution.fixed(2.5).cdf(2.5), 1)
        XCTAssertEqual(Distribution.fixed(2.5).quantile(0.3), 2.5)
    }

    /// For each case: the deterministic mean agrees with the exact mean; sample moments
    /// and KS (on a fixed seed, one stream per draw as in a run); quantile ∘ cdf round trips.
    private func check(_ cases: [Case], file: StaticString = #filePath, line: UInt = #line) {
        for c in cases {
            let label = "\(c.distribution)"
            let scale = max(abs(c.exact.mean), c.exact.variance.squareRoot())
            XCTAssertEqual(c.distribution.mean, c.exact.mean, accuracy: 1e-12 * scale, "\(label): mean",
                           file: file, line: line)
            let marginal = Marginal(c.distribution)
            let samples = Self.draws(marginal, count: c.draws, path: label)
            SampleCheck.assertMoments(samples, c.exact, label, file: file, line: line)
            SampleCheck.assertKolmogorovSmirnov(samples, cdf: { marginal.cdf($0) }, label, file: file, line: line)
            assertRoundTrips(c.distribution, label, file: file, line: line)
        }
    }

    /// `count` values, draw i from stream (seed 2024, i, path), in two halves on two threads.
    static func draws(_ marginal: Marginal, count: Int, path: String) -> [Double] {
        let key = RandomStream.key(forPath: path)
        let halves = ConcurrentResults<[Double]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let range = half == 0 ? 0..<(count / 2) : (count / 2)..<count
            var values: [Double] = []
            values.reserveCapacity(range.count)
            for draw in range {
                var stream = RandomStream(seed: 2024, draw: draw, key: key)
                values.append(marginal.sample(using: &stream))
            }
            halves.set(half, values)
        }
        let (first, second) = (halves.values[0], halves.values[1])
        return first + second
    }

    /// quantile(u) is the best double for u (u lies between the CDF at its neighbours) from
    /// 10⁻⁶ to 1 − 10⁻⁶, quantile(cdf(x)) = x to 1e-8 relative where the CDF is not flat
    /// (u in [0.01, 0.99]), and the ends of the support at 0 and 1.
    private func assertRoundTrips(
        _ distribution: Distribution, _ label: String, file: StaticString, line: UInt
    ) {
        for u in [1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6] {
            let x = distribution.quantile(u)
            SampleCheck.assertInverse(x, of: u, under: distribution.cdf, slack: 1e-9, absolute: 1e-15,
                                      "\(label): quantile(\(u))", file: file, line: line)
            if u >= 0.01 && u <= 0.99 {
                XCTAssertEqual(distribution.quantile(distribution.cdf(x)), x, accuracy: 1e-8 * abs(x),
                               "\(label): quantile(cdf(\(x)))", file: file, line: line)
            }
        }
        let support = distribution.support
        XCTAssertEqual(distribution.quantile(0), support.lowerBound, "\(label): quantile(0)", file: file, line: line)
        XCTAssertEqual(distribution.quantile(1), support.upperBound, "\(label): quantile(1)", file: file, line: line)
    }
}
