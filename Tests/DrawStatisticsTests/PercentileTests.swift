import DrawStatistics
import XCTest

/// The percentile definition against NumPy's default (`np.percentile`, linear = Hyndman–Fan 7).
final class PercentileTests: XCTestCase {
    /// np.percentile([1, 1, 2, 3, 4, 5, 6, 9], [0, 2.5, 5, 50, 95, 97.5, 100])
    /// = [1, 1, 1, 3.5, 7.95, 8.475, 9].
    func testAgreesWithNumPy() {
        let sorted: [Double] = [1, 1, 2, 3, 4, 5, 6, 9]
        let expected: [(Double, Double)] = [(0, 1), (0.025, 1), (0.05, 1), (0.5, 3.5), (0.95, 7.95), (0.975, 8.475), (1, 9)]
        for (q, value) in expected {
            XCTAssertEqual(Percentile.type7(sorted, q), value, accuracy: 1e-12, "q = \(q)")
        }
    }

    /// One value is every percentile of itself.
    func testSingleValue() {
        XCTAssertEqual(Percentile.type7([7], 0.025), 7)
        XCTAssertEqual(Percentile.type7([7], 0.975), 7)
    }

    /// Per-draw values 19.68, 21, 19.8, 20.04, 20 (the SII of DistributionalEvaluationTests):
    /// sorted (19.68, 19.8, 20, 20.04, 21), 2.5% at h = 4·0.025 = 0.1 → 19.68 + 0.1·0.12 = 19.692;
    /// 97.5% at h = 3.9 → 20.04 + 0.9·0.96 = 20.904; mean 100.52 / 5 = 20.104.
    func testIntervalByHand() {
        let interval = Interval([19.68, 21, 19.8, 20.04, 20])
        XCTAssertEqual(interval.mean, 20.104, accuracy: 1e-12)
        XCTAssertEqual(interval.low, 19.692, accuracy: 1e-12)
        XCTAssertEqual(interval.high, 20.904, accuracy: 1e-12)
        XCTAssertEqual(Interval([7]), Interval(mean: 7, low: 7, high: 7))
        // np.percentile([3, 1, 4, 1, 5, 9, 2, 6], [2.5, 97.5]) = [1.0, 8.475], unsorted input.
        let unsorted = Interval([3, 1, 4, 1, 5, 9, 2, 6])
        XCTAssertEqual(unsorted.mean, 31.0 / 8.0)
        XCTAssertEqual(unsorted.low, 1, accuracy: 1e-12)
        XCTAssertEqual(unsorted.high, 8.475, accuracy: 1e-12)
    }

    /// Values 1…21: mean 11; 5% at h = 20·0.05 = 1 → 2; 95% at h = 19 → 20; variance
    /// Σ(k − 11)² / 20 = 770 / 20 = 38.5 (np.var(range(1, 22), ddof=1)).
    func testSummaryByHand() {
        let summary = Summary((1...21).map(Double.init).shuffled())
        XCTAssertEqual(summary.mean, 11, accuracy: 1e-12)
        XCTAssertEqual(summary.p5, 2, accuracy: 1e-12)
        XCTAssertEqual(summary.p95, 20, accuracy: 1e-12)
        XCTAssertEqual(summary.variance, 38.5, accuracy: 1e-12)
    }

    /// A constant is reported exactly, with no variance: 0.1 summed ten times is not exactly 1,
    /// so a plain mean would be 0.09999999999999999 and the variance a spurious 1e-35.
    func testSummaryOfConstantIsExact() {
        let summary = Summary(Array(repeating: 0.1, count: 10))
        XCTAssertEqual(summary.mean, 0.1)
        XCTAssertEqual(summary.variance, 0)
        XCTAssertEqual(Summary([5]).variance, 0, "one draw has no variance")
    }
}
