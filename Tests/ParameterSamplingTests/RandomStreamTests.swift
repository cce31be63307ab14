import XCTest
import ParameterSampling

final class RandomStreamTests: XCTestCase {
    /// FNV-1a 64 reference values from the FNV test suite (Fowler, Noll and Vo;
    /// draft-eastlake-fnv, appendix C): "" → offset basis, "a", "foobar".
    func testPathKeyIsFNV1a64() {
        XCTAssertEqual(RandomStream.key(forPath: ""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(RandomStream.key(forPath: "a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(RandomStream.key(forPath: "foobar"), 0x8594_4171_f739_67e8)
    }

    /// The stream is Philox with key = seed and counter = (block, draw, key low, key high).
    func testStreamWordsArePhiloxBlocksInOrder() {
        let seed: UInt64 = 0x0123_4567_89ab_cdef
        let key: UInt64 = 0xfedc_ba98_7654_3210
        var stream = RandomStream(seed: seed, draw: 7, key: key)
        let philox = Philox4x32(key0: 0x89ab_cdef, key1: 0x0123_4567)
        for block in 0..<3 as Range<UInt32> {
            let expected = philox.block((block, 7, 0x7654_3210, 0xfedc_ba98))
            XCTAssertEqual(stream.nextUInt32(), expected.0)
            XCTAssertEqual(stream.nextUInt32(), expected.1)
            XCTAssertEqual(stream.nextUInt32(), expected.2)
            XCTAssertEqual(stream.nextUInt32(), expected.3)
        }
    }

    /// Values depend only on (seed, draw, path, position): drawing streams in another order,
    /// interleaving them, or drawing from other streams in between changes nothing.
    func testValuesDoNotDependOnCallOrder() {
        let paths = ["needs.hypertension.prevalence.base", "services.ae.unit_cost", "cohorts.0.growth"]
        @Sendable func firstValues(of path: String, draw: Int) -> [Double] {
            var stream = RandomStream(seed: 42, draw: draw, path: path)
            return (0..<10).map { _ in stream.uniform() }
        }
        let reference = paths.map { firstValues(of: $0, draw: 3) }
        // Reverse order, interleaved one value at a time, with a noisy stream in between.
        var streams = paths.reversed().map { RandomStream(seed: 42, draw: 3, path: $0) }
        var noise = RandomStream(seed: 42, draw: 4, path: paths[0])
        var interleaved = Array(repeating: [Double](), count: paths.count)
        for _ in 0..<10 {
            for i in streams.indices {
                _ = noise.normal()
                interleaved[i].append(streams[i].uniform())
            }
        }
        XCTAssertEqual(Array(interleaved.reversed()), reference)
        // From several threads at once.
        let results = ConcurrentResults<[Double]>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, firstValues(of: paths[i], draw: 3))
        }
        XCTAssertEqual(results.values, reference)
    }

    func testDifferentSeedDrawOrPathGiveDifferentValues() {
        func first(_ seed: UInt64, _ draw: Int, _ path: String) -> UInt64 {
            var stream = RandomStream(seed: seed, draw: draw, path: path)
            return stream.nextUInt64()
        }
        let base = first(1, 0, "a")
        XCTAssertNotEqual(base, first(2, 0, "a"))
        XCTAssertNotEqual(base, first(1, 1, "a"))
        XCTAssertNotEqual(base, first(1, 0, "b"))
    }

    /// Substreams: reproducible, distinct from each other and from the parent, and
    /// independent of how far the parent has been read.
    func testSubstreams() {
        var parent = RandomStream(seed: 9, draw: 2, path: "count_noise")
        let before = parent.substream(5)
        _ = parent.uniform()
        var a = before, b = parent.substream(5)
        XCTAssertEqual(a.nextUInt64(), b.nextUInt64())
        var keys = Set<UInt64>([parent.key])
        for i in 0..<10_000 { keys.insert(parent.substream(i).key) }
        XCTAssertEqual(keys.count, 10_001)
        XCTAssertEqual(parent.substream(3).seed, 9)
        XCTAssertEqual(parent.substream(3).draw, 2)
    }

    /// Uniforms lie strictly inside (0, 1); their mean and variance match 1/2 and 1/12
    /// within 4 standard errors (n = 200 000; SE of the variance from μ₄ = 1/80).
    func testUniformsAreInsideTheUnitIntervalWithTheRightMoments() {
        var stream = RandomStream(seed: 1, draw: 0, path: "u")
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let u = stream.uniform()
            XCTAssert(u > 0 && u < 1)
            sum += u
            sumSquares += (u - 0.5) * (u - 0.5)
        }
        let mean = sum / Double(n), variance = sumSquares / Double(n)
        XCTAssertEqual(mean, 0.5, accuracy: 4 * (1.0 / 12 / Double(n)).squareRoot())
        XCTAssertEqual(variance, 1.0 / 12, accuracy: 4 * ((1.0 / 80 - 1.0 / 144) / Double(n)).squareRoot())
    }
}
