import DrawStatistics
import Foundation
@testable import MonteCarlo
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Issue 18: a run kept in column files holds exactly the values of the run kept in memory,
/// whatever the pieces, the workers and the draw range.
final class ColumnFilesTests: XCTestCase {
    func testColumnFilesHoldTheSameBitsAsMemory() async throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("ics-core20plus5.yaml").path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phm-columns-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, range) in [0..<203, 48..<160].enumerated() {
            var settings = RunSettings(draws: 203, seed: 3, threads: 3, options: Array(scenario.allOptions.indices))
            settings.drawRange = range
            let runner = try MonteCarloRunner(scenario: scenario, settings: settings)
            let memory = try await runner.run()
            let path = folder.appendingPathComponent("\(index)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            // pieces of 32 draws (two blocks), so three workers finish them out of order
            let perDraw = DrawMetric.allCases.reduce(0) { $0 + ($1.perOption ? memory.optionCount : 1) * memory.width(of: $1) }
            let files = try await runner.run(columnsIn: path, pieceValues: perDraw * 32)
            XCTAssertNotNil(files.columnFolder)
            XCTAssertTrue(files.qalys.isEmpty, "a table in files holds no arrays")
            for metric in DrawMetric.allCases {
                for o in 0..<(metric.perOption ? memory.optionCount : 1) {
                    for w in 0..<memory.width(of: metric) {
                        let expected = try memory.column(metric, option: o, index: w).array()
                        let found = try files.column(metric, option: o, index: w).array()
                        XCTAssertEqual(found.map(\.bitPattern), expected.map(\.bitPattern), "\(metric) option \(o) index \(w) draws \(range)")
                    }
                }
                XCTAssertEqual(try files.rowMajor(metric), memory[keyPath: DrawTable.path(of: metric)], "\(metric)")
            }
            XCTAssertEqual(files.yearly, memory.yearly)
            XCTAssertEqual(try files.binary(), try memory.binary())
        }
    }
}
