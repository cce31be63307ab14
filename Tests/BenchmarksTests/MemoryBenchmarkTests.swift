import Benchmarks
import Foundation
import XCTest

/// The memory figures: a child's peak is its own (not phm-bench's), its exit status is kept,
/// and the projection to the target is the straight line through the two sizes.
final class MemoryBenchmarkTests: XCTestCase {
    private func log() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("peak-\(UUID().uuidString).log").path
    }

    func testAChildThatTouches96MiBPeaksAboveItAndItsStatusIsKept() throws {
        // Python writes one byte in every page of 96 MiB, so all of it becomes resident.
        let run = try PeakMemory.ofChild(
            executable: "/usr/bin/env",
            arguments: ["python3", "-c", "b = bytearray(96 << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\nraise SystemExit(3)"],
            log: log())
        XCTAssertEqual(run.status, 3)
        XCTAssertGreaterThanOrEqual(run.mebibytes, 96)
        XCTAssertLessThan(run.mebibytes, 96 + 64, "the interpreter itself takes well under 64 MiB")
        let small = try PeakMemory.ofChild(executable: "/usr/bin/env", arguments: ["true"], log: log())
        XCTAssertEqual(small.status, 0)
        XCTAssertLessThan(small.mebibytes, 16, "a child's figure is not phm-bench's own")
    }

    func testProjectionIsTheLineThroughTheTwoSizes() {
        let run = { (mib: Int) in PeakMemory.ChildRun(mebibytes: mib, status: 0, seconds: 1) }
        // 100 MiB at 1,000 draws, 190 MiB at 10,000: 90 MiB per 9,000 draws = 10.24 KiB per draw;
        // at 100,000 draws 190 + 90 × 10 = 1,090 MiB.
        let figure = MemoryBenchmark.Figure(small: (1_000, run(100)), large: (10_000, run(190)), targetDraws: 100_000)
        XCTAssertEqual(figure.kibPerDraw, 10.24, accuracy: 1e-12)
        XCTAssertEqual(figure.atTarget.mebibytes, 1_090)
        XCTAssertTrue(figure.atTarget.projected)
        let lines = MemoryBenchmark(id: "b", name: "b", scenario: "b.yaml", draws: 10_000, targetDraws: 100_000).lines(figure)
        XCTAssertTrue(lines[1].contains("at 100,000 draws: 1090 MiB projected"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("3.63× the limit, over"), lines[1])
        let measured = MemoryBenchmark.Figure(small: (10_000, run(100)), large: (100_000, run(250)), targetDraws: 100_000)
        XCTAssertEqual(measured.atTarget.mebibytes, 250)
        XCTAssertFalse(measured.atTarget.projected)
    }
}
