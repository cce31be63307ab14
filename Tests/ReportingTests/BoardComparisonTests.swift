import Foundation
import MonteCarlo
@testable import Reporting
import RunAnalysis
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// `phm compare` reads its numbers from summary.json: the board's CSV and JSON, read back, equal
/// the values in summary.json read with a plain JSON parser (not the Codable types).
final class BoardComparisonTests: XCTestCase {
    func testBoardNumbersEqualSummaryJSON() async throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml").path)
        let table = try await EngineRuns.draws(scenario, draws: 24)
        let settings = RunSettings(draws: 24, seed: 7, threads: 2, options: Array(scenario.allOptions.indices))
        let summary = try RunSummary(scenario: scenario, table: table, settings: settings)

        // Write summary.json as phm run does, read it back as phm compare RUN_FOLDER does.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("board-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try ResultsFolder(parent: root, name: "run")
        let json = try RunFiles.json(summary)
        try folder.write(json, to: "summary.json")
        try folder.commit(manifest: RunManifest(
            toolVersion: "test", scenario: scenario.name, scenarioFile: "pphmi-fund.yaml", scenarioHash: "0", seed: 7, draws: 24,
            deterministic: false, threads: 2, options: [], countNoise: "none", startedUTC: "", wallSeconds: 0, command: []))
        let board = BoardComparison(try RunFolderReader.summary(folder: folder.destination))

        let raw = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        let options = try XCTUnwrap(raw["options"] as? [[String: Any]])
        let lines = board.csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let csvHeader = try XCTUnwrap(lines.first)
        let csvRows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(csvHeader, $0)) }
        XCTAssertEqual(csvRows.count, options.count)
        for (row, option) in zip(csvRows, options) {
            XCTAssertEqual(row["option"], option["name"] as? String)
            let equity = try XCTUnwrap(option["equity"] as? [String: Any])
            let ranks = try XCTUnwrap(equity["rank_by_epsilon"] as? [String: Int])
            XCTAssertEqual(["0", "1", "2", "10", "inf"].map { row["rank_epsilon_\($0)"].flatMap { Int($0) } }, ["0", "1", "2", "10", "inf"].map { ranks[$0] })
            let economics = try XCTUnwrap(option["economics"] as? [String: Any])
            XCTAssertEqual(row["frontier_status"], economics["frontier_status"] as? String)
            XCTAssertEqual(row["probability_cost_effective_vs_base"].flatMap(Double.init), economics["probability_cost_effective_vs_base"] as? Double)
            XCTAssertEqual(row["probability_best_value"].flatMap(Double.init), economics["probability_best_value"] as? Double)
            guard let increment = option["incremental"] as? [String: Any] else {
                XCTAssertEqual(row["health_gain"], "", "base has no health gain")
                continue
            }
            func mean(_ object: Any?, _ key: String = "mean") -> Double? { (object as? [String: Any])?[key] as? Double }
            // JSONSerialization may round the last bit of a decimal differently from Double(String),
            // so "equal" here is equal to 1e-14 relative (about 40 ulps), far below any printed digit.
            func assertClose(_ a: String?, _ b: Double?, file: StaticString = #filePath, line: UInt = #line) {
                guard let a = a.flatMap(Double.init), let b else { return XCTFail("missing value: \(String(describing: a)) vs \(String(describing: b))", file: file, line: line) }
                XCTAssertEqual(a, b, accuracy: 1e-14 * max(abs(a), abs(b)), file: file, line: line)
            }
            assertClose(row["health_gain"], mean(increment["net_health"]))
            assertClose(row["health_gain_low"], mean(increment["net_health"], "low"))
            assertClose(row["health_gain_high"], mean(increment["net_health"], "high"))
            assertClose(row["health_gain_gross"], mean(increment["qalys"]))
            assertClose(row["cost"], mean(increment["cost"]))
            assertClose(row["nmb"], mean(economics["nmb"]))
            assertClose(row["deaths_change"], mean(increment["deaths"]))
            assertClose(row["deaths_change_low"], mean(increment["deaths"], "low"))
            assertClose(row["deaths_change_high"], mean(increment["deaths"], "high"))
            let groups = try XCTUnwrap(option["groups"] as? [[String: Any]])
            assertClose(row["deaths_change_most_deprived"], mean(groups.first?["incremental_deaths"]))
            assertClose(row["unmet_change"], mean((option["harms"] as? [String: Any])?["unmet"]))
            assertClose(row["gap_change"], mean(equity["gap_change"]))
            assertClose(row["sii_change"], mean(equity["sii_change"]))
            assertClose(row["probability_win_win"], (equity["impact_plane"] as? [String: Any])?["win_win"] as? Double)
        }
        XCTAssertTrue(board.netOfOpportunityCost, "pphmi-fund charges opportunity cost")
        XCTAssertEqual(board.sentences.count, options.count - 1)
    }

    func testSentenceSaysWhoGainsAndWhatItCosts() {
        XCTAssertEqual(OptionSentence.distribution([60, 25, 10, 5, 0], groups: ["Q1", "Q2", "Q3", "Q4", "Q5"], total: 100),
                       "most of them in the most deprived fifth (Q1)")
        XCTAssertEqual(OptionSentence.distribution([30, 25, 20, 15, -10], groups: ["Q1", "Q2", "Q3", "Q4", "Q5"], total: 80),
                       "most of them in the two most deprived fifths (Q1–Q2), while Q5 loses health")
        XCTAssertEqual(OptionSentence.distribution([90, -1, -1, -1, -1], groups: ["Q1", "Q2", "Q3", "Q4", "Q5"], total: 86),
                       "most of them in the most deprived fifth (Q1), while Q2–Q5 lose health")
        XCTAssertEqual(OptionSentence.distribution([1, 1, 1, 1, 1], groups: ["Q1", "Q2", "Q3", "Q4", "Q5"], total: 5),
                       "spread across the groups")
        XCTAssertEqual(OptionSentence.distribution([0, 5, 10, 30, 40], groups: ["Q1", "Q2", "Q3", "Q4", "Q5"], total: 85),
                       "most of them in the two least deprived fifths (Q4–Q5)")
        XCTAssertEqual(Formatting.money(2_100_000), "£2.10m")
        XCTAssertEqual(Formatting.money(-340_000, signed: true), "−£340k")
        XCTAssertEqual(Formatting.money(12_345_678, signed: true), "+£12.3m")
    }
}
