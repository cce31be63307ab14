import Foundation
import Reporting
import XCTest

/// Results folders never collide, never replace one another, and a reader accepts only a
/// folder whose manifest seals every file (issue 14).
final class ResultsFolderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func manifest(seed: UInt64) -> RunManifest {
        RunManifest(toolVersion: "test", scenario: "s", scenarioFile: "s.yaml", scenarioHash: "0", seed: seed, draws: 1,
                    deterministic: true, threads: 1, options: [], countNoise: "none", startedUTC: "", wallSeconds: 0, command: [])
    }

    /// A file written in pieces is sealed with the size and hash the whole bytes give, so a
    /// reader cannot tell the two apart (draws.csv of millions of draws is written this way).
    func testAFileWrittenInPiecesIsSealedLikeTheWholeFile() throws {
        let pieces = (0..<300).map { i in String(repeating: "\(i % 10)", count: 7_001) + "\n" }
        let whole = try ResultsFolder(parent: root, name: "whole")
        try whole.write(pieces.joined(), to: "big.csv")
        try whole.commit(manifest: manifest(seed: 1))
        let streamed = try ResultsFolder(parent: root, name: "streamed")
        try streamed.write("big.csv") { emit in for piece in pieces { try emit(piece) } }
        try streamed.commit(manifest: manifest(seed: 1))
        let a = try Data(contentsOf: whole.destination.appendingPathComponent("big.csv"))
        let b = try Data(contentsOf: streamed.destination.appendingPathComponent("big.csv"))
        XCTAssertEqual(a.count, 300 * 7_002)
        XCTAssertEqual(a, b)
        let seals = try [whole, streamed].map { folder in
            try JSONDecoder().decode(FolderSeal.self, from: Data(contentsOf: folder.destination.appendingPathComponent("manifest.json"))).files
        }
        XCTAssertEqual(seals[0], seals[1])
        XCTAssertEqual(seals[1]?.first { $0.name == "big.csv" }?.bytes, 300 * 7_002)
        XCTAssertNoThrow(try FolderSeal.verify(folder: streamed.destination))
    }

    func testSameNameAndSameMillisecondGiveTwoFolders() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000.25)
        let first = try ResultsFolder(root: root, scenario: "s", hash: "abcdef0123", date: date)
        let second = try ResultsFolder(root: root, scenario: "s", hash: "abcdef0123", date: date)
        try first.write("one", to: "summary.json")
        try second.write("two", to: "summary.json")
        try first.commit(manifest: manifest(seed: 1))
        try second.commit(manifest: manifest(seed: 2))
        XCTAssertNotEqual(first.destination, second.destination)
        XCTAssertTrue(first.destination.lastPathComponent.hasPrefix("20270115T080000.250Z-abcdef01-"))
        XCTAssertEqual(try String(contentsOf: first.destination.appendingPathComponent("summary.json"), encoding: .utf8), "one")
        XCTAssertEqual(try String(contentsOf: second.destination.appendingPathComponent("summary.json"), encoding: .utf8), "two")
        XCTAssertNoThrow(try FolderSeal.verify(folder: first.destination))
        XCTAssertNoThrow(try FolderSeal.verify(folder: second.destination))
    }

    func testManifestListsSizesAndHashesOfEveryFile() throws {
        let folder = try ResultsFolder(parent: root, name: "run")
        try folder.write("a", to: "a.csv")
        try folder.commit(manifest: manifest(seed: 1))
        let data = try Data(contentsOf: folder.destination.appendingPathComponent("manifest.json"))
        let raw = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(raw["complete"] as? Bool, true)
        XCTAssertEqual(raw["kind"] as? String, "run")
        let files = try XCTUnwrap(raw["files"] as? [[String: Any]])
        // FNV-1a 64 of "a": (0xcbf29ce484222325 ^ 0x61) * 0x100000001b3 mod 2^64, by hand.
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(files[0]["name"] as? String, "a.csv")
        XCTAssertEqual(files[0]["bytes"] as? Int, 1)
        XCTAssertEqual(files[0]["fnv1a64"] as? String, "af63dc4c8601ec8c")
    }

    func testAnAbandonedFolderLeavesNothingAndCannotBeCommitted() throws {
        let folder = try ResultsFolder(parent: root, name: "run")
        try folder.write("a", to: "a.csv")
        XCTAssertTrue(folder.abandon())
        XCTAssertThrowsError(try folder.commit(manifest: manifest(seed: 1)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }

    func testAPartialOrTamperedFolderIsRefused() throws {
        let folder = try ResultsFolder(parent: root, name: "run")
        try folder.write("draw,qalys\n0,1\n", to: "draws.csv")
        let partial = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: root.path).first)
        XCTAssertThrowsError(try FolderSeal.verify(folder: root.appendingPathComponent(partial)))
        try folder.commit(manifest: manifest(seed: 1))
        try Data("draw,qalys\n0,2\n".utf8).write(to: folder.destination.appendingPathComponent("draws.csv"))
        XCTAssertThrowsError(try FolderSeal.verify(folder: folder.destination)) { error in
            XCTAssertTrue("\(error)".contains("draws.csv has 15 bytes or a hash that differ"), "\(error)")
        }
        XCTAssertThrowsError(try FolderSeal.verify(folder: folder.destination, kind: "shard")) { error in
            XCTAssertTrue("\(error)".contains("draws.csv") || "\(error)".contains("holds a run"), "\(error)")
        }
    }

    func testOnlyPartialFoldersOlderThanAnHourAreRemoved() throws {
        let parent = root.appendingPathComponent("s")
        let old = parent.appendingPathComponent(".partial-old"), young = parent.appendingPathComponent(".partial-young")
        let kept = parent.appendingPathComponent("20200101T000000.000Z-00000000-000000")
        for url in [old, young, kept] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: kept.path)
        let folder = try ResultsFolder(root: root, scenario: "s", hash: "0")
        XCTAssertEqual(folder.removedStale.map(\.lastPathComponent), [".partial-old"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: young.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path))
    }

    func testANonFiniteResultIsNamedAndNeverWritten() {
        struct Summary: Encodable { let options: [Option] }
        struct Option: Encodable { let netBenefit: Double }
        let summary = Summary(options: [Option(netBenefit: 1), Option(netBenefit: .infinity)])
        XCTAssertThrowsError(try RunFiles.json(summary)) { error in
            XCTAssertEqual((error as? NonFiniteValue)?.quantity, "options[1].netBenefit")
        }
    }
}
