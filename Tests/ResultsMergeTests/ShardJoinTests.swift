import Foundation
@testable import MonteCarlo
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Shards of a run joined back give the bits of one run: per-draw columns and the yearly means
/// (whose block sums are added along ``BlockTreeSum``'s fixed tree), for several layouts.
final class ShardJoinTests: XCTestCase {
    func run(_ scenario: Scenario, draws: Int, range: Range<Int>? = nil) async throws -> DrawTable {
        let settings = RunSettings(draws: draws, seed: 11, threads: 2, options: Array(scenario.allOptions.indices), drawRange: range)
        return try await MonteCarloRunner(scenario: scenario, settings: settings).run()
    }

    func assertSame(_ a: DrawTable, _ b: DrawTable, file: StaticString = #filePath, line: UInt = #line) {
        for metric in DrawMetric.allCases {
            XCTAssertEqual((try? a.rowMajor(metric))?.map(\.bitPattern), b[keyPath: DrawTable.path(of: metric)].map(\.bitPattern), metric.rawValue, file: file, line: line)
        }
        XCTAssertEqual(a.yearly, b.yearly, "yearly means", file: file, line: line)
    }

    func testShardLayoutsJoinToOneRun() async throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        let draws = 150  // 10 blocks, the last one short (6 draws)
        let whole = try await run(scenario, draws: draws)
        for count in [1, 3, 7] {
            var parts: [DrawTable] = []
            for index in 1...count {
                let range = try DrawShard.range(shard: index, of: count, draws: draws)
                let part = try await run(scenario, draws: draws, range: range)
                XCTAssertTrue(part.yearly.isEmpty || count == 1)
                // through the bytes a shard folder keeps
                parts.append(try DrawTable(binary: try part.binary(), optionNames: part.optionNames, groupNames: part.groupNames,
                                           serviceNames: part.serviceNames, interventionNames: part.interventionNames))
            }
            assertSame(try DrawTable.joined(parts), whole)
            // into column files, one shard at a time (phm merge)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let joined = try DrawTable.joined(count: parts.count, into: folder.path) { parts[$0] }
            XCTAssertEqual(joined.columnFolder, folder.path)
            assertSame(joined, whole)
        }
    }

    func testShardRangesAreWholeBlocksCoveringEveryDraw() throws {
        // 1,000 draws = 63 blocks (62 of 16 and one of 8); 4 shards get 15, 16, 16 and 16 blocks.
        let ranges = try (1...4).map { try DrawShard.range(shard: $0, of: 4, draws: 1000) }
        XCTAssertEqual(ranges, [0..<240, 240..<496, 496..<752, 752..<1000])
        XCTAssertThrowsError(try DrawShard.range(shard: 5, of: 4, draws: 1000))
        XCTAssertEqual(try DrawShard.range(parsing: "992..1000", draws: 1000), 992..<1000)
        XCTAssertThrowsError(try DrawShard.range(parsing: "10..20", draws: 1000)) { error in
            XCTAssertTrue("\(error)".contains("for example 0..32"), "\(error)")
        }
        XCTAssertThrowsError(try DrawShard.range(shard: 1, of: 3, draws: 20)) { error in
            XCTAssertTrue("\(error)".contains("at most 2 shards"), "\(error)")
        }
    }

    /// The tree of 5 blocks by hand: ((b0 + b1) + (b2 + b3)) + b4, whatever order the nodes
    /// arrive in from shards [0,1), [1,4) and [4,5).
    func testTreeSumByHand() throws {
        func series(_ value: Double) -> [YearlySeries] {
            var s = YearlySeries(services: 0, groups: 0, interventions: 0, horizon: 1)
            s.qalys = [value]
            return [s]
        }
        let b = [1e16, 1.0, -1e16, 1.0, 0.5]
        var shards = [BlockTreeSum(), BlockTreeSum(), BlockTreeSum()]
        shards[0].append(block: 0, series: series(b[0]))
        for k in 1...3 { shards[1].append(block: k, series: series(b[k])) }
        shards[2].append(block: 4, series: series(b[4]))
        var joined = BlockTreeSum()
        for shard in shards { joined.append(contentsOf: shard) }
        let expected = ((b[0] + b[1]) + (b[2] + b[3])) + b[4]
        XCTAssertEqual(joined.total(blocks: 5)?[0].qalys, [expected])
        XCTAssertEqual(expected, 0.5)  // (1e16 + 1) rounds to 1e16; a left fold would give 1.5
        XCTAssertNil(shards[1].total(blocks: 5), "a tree missing blocks has no total")
    }
}
