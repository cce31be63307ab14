import Allocation
import DrawStatistics
import Foundation
import Reporting
import RunAnalysis
import XCTest

/// The words of the optimise and frontier reports, on numbers small enough to check by hand.
final class AllocationDocumentTests: XCTestCase {
    let manifest = RunManifest(
        toolVersion: "test", scenario: "s", scenarioFile: "s.yaml", scenarioHash: "0123", seed: 7, draws: 40, deterministic: false,
        threads: 1, options: [], countNoise: "none", startedUTC: "2026-01-01T00:00:00Z", wallSeconds: 1,
        command: ["/x/phm", "optimise", "my file.yaml", "--curve-draws", "20"])

    /// Two lines, £1m moved from b to a; the LP predicts 100 QALYs in total; the simulation finds
    /// `simulated` (mean, low, high) with `draws` draws.
    func report(simulated: Interval, draws: Int = 40) -> OptimiseReport {
        let zero = Interval(mean: 0, low: 0, high: 0)
        return OptimiseReport(
            status: "optimal", scenario: "s", objectiveName: "total-health", objectiveUnits: "QALYs", objective: 100,
            total: 3e6, atMost: false,
            allocation: [
                .init(line: "a", current: 1e6, optimal: 2e6, change: 1e6, lower: 0, upper: 2e6, binding: "upper", boundPricePerMillion: 12),
                .init(line: "b", current: 2e6, optimal: 1e6, change: -1e6, lower: 0, upper: 4e6, binding: nil, boundPricePerMillion: nil),
            ],
            predicted: .init(groups: [.init(name: "Q1", netGain: 60, health: 70, noWorseOffPrice: nil),
                                      .init(name: "Q2", netGain: 40, health: 75, noWorseOffPrice: nil)],
                             totalNetGain: 100, costChange: 0),
            simulated: .init(option: "optimised", draws: draws, deterministic: draws == 1,
                             groups: [.init(name: "Q1", netGain: simulated, health: zero), .init(name: "Q2", netGain: zero, health: zero)],
                             totalNetGain: simulated, costChange: zero, options: []),
            shadowPrices: .init(totalPerMillion: 5, gap: nil, constraints: []), approximationGap: nil,
            lp: .init(variables: 10, constraints: 5, iterations: 3), curveDraws: 20, curvesFromCache: false, warnings: ["w"], notes: ["n"])
    }

    func testAgreementOfPredictionAndSimulation() {
        XCTAssertEqual(report(simulated: Interval(mean: 95, low: 90, high: 99)).agreement, .agree, "5% apart")
        XCTAssertEqual(report(simulated: Interval(mean: 80, low: 70, high: 90)).agreement, .roughly, "20% apart, outside the interval")
        XCTAssertEqual(report(simulated: Interval(mean: 60, low: 50, high: 70)).agreement, .disagree, "40% apart, outside the interval")
        XCTAssertEqual(report(simulated: Interval(mean: 60, low: 30, high: 110)).agreement, .agree, "inside a wide interval")
        XCTAssertEqual(report(simulated: Interval(mean: 60, low: 60, high: 60), draws: 1).agreement, .disagree, "one draw: no interval to hide in")
        XCTAssertEqual(report(simulated: Interval(mean: -10, low: -20, high: -5)).agreement, .disagree, "opposite signs")
    }

    func testOptimiseReportSaysWhatMovesAndWarnsWhenTheSumIsWrong() {
        let document = report(simulated: Interval(mean: 60, low: 50, high: 70)).document(manifest: manifest)
        XCTAssertEqual(document.sections.map(\.heading),
                       ["The answer", "The allocation", "Who gains: predicted and simulated", "Shadow prices", "Every option against base",
                        "Warnings and notes", "About this run"])
        let markdown = document.markdown
        XCTAssertTrue(markdown.contains("moves **£1.00m a year** out of b (−£1.000m) and puts £1.00m into a (+£1.000m)"), markdown)
        XCTAssertTrue(markdown.contains("predicts **+100.0 QALYs**"))
        XCTAssertTrue(markdown.contains("found **+60.0 QALYs (95% interval +50.0 to +70.0)**"))
        XCTAssertTrue(markdown.contains("**the additive approximation is not to be trusted for this allocation**"))
        XCTAssertTrue(markdown.contains("To run it again: phm optimise 'my file.yaml' --curve-draws 20 --seed 7"))
        XCTAssertEqual(document.charts.map(\.name), ["budget-changes", "predicted-simulated"])
        let agreeing = report(simulated: Interval(mean: 98, low: 80, high: 120)).document(manifest: manifest).markdown
        XCTAssertTrue(agreeing.contains("The prediction and the simulation **agree**"))
        XCTAssertFalse(agreeing.contains("not to be trusted"))
    }

    /// Gaps 3 → 2 → 1, total health 100 → 90 → 65, prices 0, 10, 25 (the last more than doubles).
    func frontier(steep: Bool) throws -> EquityFrontier {
        let json = """
            {"lines": ["a"], "unconstrainedGap": 3, "smallestGap": 1, "points": [
              {"gapLimit": 3, "gap": 3, "totalHealth": 100, "atkinson": 0.01, "shadowPrice": 0, "allocation": [1], "steep": false, "iterations": 1},
              {"gapLimit": 2, "gap": 2, "totalHealth": 90, "atkinson": 0.008, "shadowPrice": 10, "allocation": [1], "steep": false, "iterations": 1},
              {"gapLimit": 1, "gap": 1, "totalHealth": 65, "atkinson": 0.005, "shadowPrice": 25, "allocation": [1], "steep": \(steep), "iterations": 1}]}
            """
        return try JSONDecoder().decode(EquityFrontier.self, from: Data(json.utf8))
    }

    func testFrontierAnswerInWords() throws {
        let answer = FrontierDocument.answer(try frontier(steep: true), first: "Q1", last: "Q5", unit: " years")
        XCTAssertEqual(answer.count, 2)
        XCTAssertTrue(answer[0].hasPrefix("Closing the gap between Q1 and Q5 from **3.000 years** (the allocation with the most total health) to **1.000 years** (the smallest any allocation reaches) costs **35.0 QALYs**"), answer[0])
        XCTAssertEqual(answer[1], "The price of equity **rises steeply beyond a gap of 2.000**: narrowing it further to 1.000 costs 25.0 QALYs per unit of gap closed, against 10.0 before.")
        let calm = FrontierDocument.answer(try frontier(steep: false), first: "Q1", last: "Q5", unit: " years")
        XCTAssertEqual(calm[1], "The price of equity rises without a jump (it never more than doubles from one point to the next): from 10.0 to 25.0 QALYs per unit of gap closed.")

        let document = FrontierDocument.document(try frontier(steep: true), scenario: "s", groups: ["Q1", "Q5"], baselineHealth: true, manifest: manifest)
        XCTAssertEqual(document.charts.map(\.fileName), ["chart-frontier.svg", "chart-frontier-price.svg"])
        let table = try XCTUnwrap(document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first)
        XCTAssertEqual(table.rows.map { $0[2] }, ["+100.0", "+90.0", "+65.0"])
        XCTAssertEqual(table.rows.map { $0[5] }, ["", "", "more than doubles"])
    }
}
