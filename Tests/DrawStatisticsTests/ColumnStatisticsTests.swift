@testable import DrawStatistics
import XCTest

/// `Interval` and `Summary` by selection, over arrays, columns in memory and column files read
/// in pieces (65,536 values, fewer than most cases hold), against the sort-based definitions
/// they replace (``SortedReference``), bit for bit.
final class ColumnStatisticsTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder = nil }

    private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// Every way in to `Interval` and `Summary` gives the reference's bits for `values`.
    private func assertMatchesReference(_ values: [Double], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let column = try folder.column(values, offset: 5)
        let expected = bits(SortedReference.interval(values))
        let intervals = [("array", Interval(values)), ("slice", Interval(([.nan] + values)[1...])),
                         ("collection", Interval(values.lazy.map { $0 })), ("column in memory", try Interval(DrawColumn(values))),
                         ("column file", try Interval(column))]
        for (way, interval) in intervals {
            XCTAssertEqual(bits([interval.mean, interval.low, interval.high]), expected, "\(label): Interval of \(way)", file: file, line: line)
        }
        let expectedSummary = bits(SortedReference.summary(values))
        for (way, summary) in [("array", Summary(values)), ("column in memory", try Summary(DrawColumn(values))), ("column file", try Summary(column))] {
            XCTAssertEqual(bits([summary.mean, summary.p5, summary.p95, summary.variance]), expectedSummary, "\(label): Summary of \(way)", file: file, line: line)
        }
    }

    func testOneTwoAndThreeDraws() throws {
        for seed in UInt64(1)...20 {
            var samples = DrawSamples(seed: seed)
            for n in 1...3 { try assertMatchesReference(samples.mixed(n), "seed \(seed), \(n) draws") }
        }
        for values: [Double] in [[-0.0], [0.0, -0.0], [-0.0, 0.0, -0.0], [.infinity, 1], [-.infinity, .infinity, 0]] {
            try assertMatchesReference(values, "\(values)")
        }
    }

    /// One value past a piece, and several pieces: a mix of spread values, repeats and ±0.
    func testMixedValuesAcrossPieces() throws {
        var samples = DrawSamples(seed: 18)
        for n in [65_535, 65_536, 65_537, 300_000] { try assertMatchesReference(samples.mixed(n), "mixed, \(n) draws") }
    }

    /// The low percentiles fall among ~250,000 zeros of random signs: counted down to the zero key,
    /// then the zero's sign read in draw order.
    func testZerosBeyondTheCollectLimit() throws {
        var samples = DrawSamples(seed: 7)
        try assertMatchesReference(samples.mostlyZeros(300_000), "mostly zeros")
    }

    /// Each of three values ~100,000 times: counted through all 64 key bits.
    func testRepeatsBeyondTheCollectLimit() throws {
        var samples = DrawSamples(seed: 3)
        try assertMatchesReference(samples.fewValues(300_000), "three values")
    }

    /// Values within 1% of a million share their first 16 key bits: a second counting pass, then
    /// collection.
    func testClusteredValues() throws {
        var samples = DrawSamples(seed: 11)
        try assertMatchesReference(samples.clustered(300_000), "clustered")
    }

    /// Equal values: the mean is the value itself and the variance 0, as before.
    func testConstantColumns() throws {
        var samples = DrawSamples(seed: 5)
        let n = 70_000
        try assertMatchesReference(Array(repeating: 0.1, count: n), "0.1")
        try assertMatchesReference(Array(repeating: 0.0, count: n), "+0")
        try assertMatchesReference(Array(repeating: -0.0, count: n), "−0")
        try assertMatchesReference((0..<n).map { _ in samples.signedZero() }, "±0")
        try assertMatchesReference((0..<100).map { _ in samples.signedZero() }, "100 × ±0")
    }

    /// The order statistics themselves, signs of zeros included (which intervals, interpolating,
    /// cannot show): `sorted()` is stable, so rank k is the zero at that place in draw order.
    func testOrderStatisticsAreThoseOfAStableSort() throws {
        var samples = DrawSamples(seed: 29)
        // 1,000 values: −i at i = 9, 19, …, otherwise −0 at multiples of 3 and +0 elsewhere. Ranks
        // 500 and 501 are the 0-based 400th zero (−0, i = 444) and the 401st (+0, i = 445), found
        // among the collected values.
        let fewZeros: [Double] = (0..<1_000).map { (i: Int) -> Double in
            if i % 10 == 9 { return -Double(i) }
            return i % 3 == 0 ? -0.0 : 0.0
        }
        let cases: [(String, [Double])] = [("mostly zeros", samples.mostlyZeros(200_000)), ("±0", (0..<90_000).map { _ in samples.signedZero() }),
                     ("−0", Array(repeating: -0.0, count: 70_000)), ("few zeros", fewZeros), ("mixed", samples.mixed(100_000))]
        for (label, values) in cases {
            let sorted = values.sorted()
            let ranks: [Int] = [0, 1, values.count / 40, values.count / 40 + 1, values.count / 2, values.count / 2 + 1, values.count - 1]
            let statistics = try OrderStatistics(ranks: ranks, of: folder.column(values, offset: 2, name: "\(label).f64"))
            for rank in ranks {
                XCTAssertEqual(statistics(rank).bitPattern, sorted[rank].bitPattern, "\(label): rank \(rank)")
            }
        }
    }

    /// Quickselect over keys where every pivot lands badly still selects exactly.
    func testSelectionOfOrganPipeKeys() {
        let n = 1_000
        let keys = (0..<n).map { UInt64(min($0, n - 1 - $0)) }
        let sorted = keys.sorted()
        for rank in [0, 1, 499, 500, 998, 999] {
            var copy = keys
            copy.withUnsafeMutableBufferPointer { OrderStatistics.select(rank, in: $0, from: 0) }
            XCTAssertEqual(copy[rank], sorted[rank], "rank \(rank)")
            XCTAssertTrue(copy[..<rank].allSatisfy { $0 <= copy[rank] } && copy[(rank + 1)...].allSatisfy { $0 >= copy[rank] })
        }
    }

    /// A column file's sum, read in pieces, is the left fold of its values.
    func testSumInPiecesIsTheLeftFold() throws {
        var samples = DrawSamples(seed: 2)
        let values = samples.mixed(200_000).map { $0 * samples.uniform() }
        XCTAssertEqual(try folder.column(values, offset: 7).sum().bitPattern, values.reduce(0, +).bitPattern)
    }

    func testMissingColumnFileThrows() {
        let column = DrawColumn(file: "\(folder.path)/missing.f64", offset: 0, count: 10)
        XCTAssertThrowsError(try Interval(column)) { XCTAssertTrue($0 is DrawColumnError) }
        XCTAssertThrowsError(try Summary(column)) { XCTAssertTrue($0 is DrawColumnError) }
    }

    /// NaN has no order; it must not crash, and the mean shows it to the callers' finiteness checks.
    func testNaNReachesTheMean() throws {
        XCTAssertTrue(Interval([1, .nan, 3]).mean.isNaN)
        XCTAssertTrue(Summary([1, .nan, 1]).mean.isNaN)
        XCTAssertTrue(try Interval(folder.column([.nan], offset: 0)).mean.isNaN)
    }
}
