import Foundation
import MonteCarlo
import Reporting
@testable import ResultsMerge
import XCTest

/// The merge's checks on shard folders: each refusal has its own message.
final class ShardSetTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shardset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A shard folder sealed as `phm run --shard` seals it (its manifest only).
    func shard(_ name: String, _ range: Range<Int>, draws: Int = 400, seed: UInt64 = 1, hash: String = "aaaa") throws -> ShardRecord {
        let path = root.appendingPathComponent(name)
        let folder = try ResultsFolder(parent: path.deletingLastPathComponent(), name: path.lastPathComponent)
        let manifest = RunManifest(
            toolVersion: "0.1.0", scenario: "s", scenarioFile: "s.yaml", scenarioHash: hash, seed: seed, draws: draws,
            deterministic: false, threads: 1, options: ["base"], countNoise: "none", startedUTC: "", wallSeconds: 0,
            command: [], kind: "shard", drawRange: .init(range))
        try folder.commit(manifest: manifest)
        return try ShardRecord(folder: folder.destination)
    }

    func message(_ records: [ShardRecord]) -> String {
        do {
            _ = try ShardSet(records)
            return "no error"
        } catch {
            XCTAssertEqual(error.exitCode, 65)
            return error.description
        }
    }

    func testOrdersShardsThatTileTheRun() throws {
        let set = try ShardSet([try shard("b", 192..<400), try shard("a", 0..<192)])
        XCTAssertEqual(set.shards.map(\.range), [0..<192, 192..<400])
    }

    func testMissingDraws() throws {
        let text = message([try shard("a", 0..<192), try shard("c", 304..<400)])
        XCTAssertTrue(text.hasPrefix("draws 192–303 are missing"), text)
        XCTAssertTrue(message([try shard("a2", 0..<304)]).hasPrefix("draws 304–399 are missing"))
    }

    func testOverlappingDraws() throws {
        let (a, b) = (try shard("a", 0..<208), try shard("b", 192..<400))
        let text = message([a, b])
        XCTAssertTrue(text.hasPrefix("draws 192–207 are in both \(a.folder.path) and \(b.folder.path)"), text)
    }

    func testDifferentSeed() throws {
        let text = message([try shard("a", 0..<192), try shard("b", 192..<400, seed: 2)])
        XCTAssertTrue(text.hasPrefix("shards were run with different seeds"), text)
        XCTAssertTrue(text.contains("has seed 2"), text)
    }

    func testDifferentScenario() throws {
        let text = message([try shard("a", 0..<192), try shard("b", 192..<400, hash: "bbbb")])
        XCTAssertTrue(text.hasPrefix("shards come from different scenarios"), text)
    }

    func testDifferentRunSize() throws {
        let text = message([try shard("a", 0..<192), try shard("b", 192..<500, draws: 500)])
        XCTAssertTrue(text.hasPrefix("shards differ in the number of draws in the run"), text)
    }

    func testFindsShardsBelowAFolder() throws {
        _ = try shard("x/s/one", 0..<192)
        _ = try shard("x/s/two", 192..<400)
        XCTAssertEqual(try ShardRecord.find(in: [root.appendingPathComponent("x").path]).count, 2)
        XCTAssertThrowsError(try ShardRecord.find(in: [root.appendingPathComponent("empty").path]))
    }
}

/// A shard's files read back: the manifest as written, and draws.bin refused when cut short.
final class ShardFilesTests: XCTestCase {
    func testManifestRoundTripsThroughItsJSON() throws {
        let manifest = RunManifest(
            toolVersion: "0.1.0", scenario: "s", scenarioFile: "s.yaml", scenarioHash: "abcd", seed: 9, draws: 400,
            deterministic: false, threads: 2, options: ["base", "x"], countNoise: "poisson", startedUTC: "2026-12-03T23:00:00Z",
            wallSeconds: 1.5, command: ["phm"], kind: "shard", drawRange: .init(16..<48))
        let back = try RunManifest.decode(try RunFiles.json(manifest))
        XCTAssertEqual(back.startedUTC, "2026-12-03T23:00:00Z")
        XCTAssertEqual(back.drawRange?.range, 16..<48)
        XCTAssertEqual(back.countNoise, "poisson")
        XCTAssertEqual(back.kind, "shard")
    }

    func testTruncatedDrawsFileIsRefused() throws {
        let table = DrawTable(optionNames: ["base"], groupNames: ["Q1"], serviceNames: [], interventionNames: [], draws: 16,
                              firstDraw: 16, totalDraws: 64, horizon: 2)
        let bytes = try table.binary()
        let back = try DrawTable(binary: bytes, optionNames: ["base"], groupNames: ["Q1"], serviceNames: [], interventionNames: [])
        XCTAssertEqual(back.firstDraw, 16)
        XCTAssertEqual(back.totalDraws, 64)
        XCTAssertFalse(back.isComplete)
        XCTAssertThrowsError(try DrawTable(binary: bytes.prefix(bytes.count - 8), optionNames: ["base"], groupNames: ["Q1"], serviceNames: [], interventionNames: []))
        XCTAssertThrowsError(try DrawTable(binary: bytes, optionNames: ["base", "x"], groupNames: ["Q1"], serviceNames: [], interventionNames: [])) { error in
            XCTAssertTrue("\(error)".contains("1 options"), "\(error)")
        }
    }
}
