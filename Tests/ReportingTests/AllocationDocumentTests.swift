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
                       ["The answer", "The allocation", "Who gains: predicted and simulated", "Every option against base", "Warnings",
                        "Technical appendix: the linear programme", "About this run"])
        let markdown = document.markdown
        XCTAssertTrue(markdown.contains("moves **£1.00m a year** out of b (−£1.000m) and puts £1.00m into a (+£1.000m)"), markdown)
        XCTAssertTrue(markdown.contains("predicts **+100.0 QALYs**"))
        XCTAssertTrue(markdown.contains("found **+60.0 QALYs (95% interval +50.0 to +70.0)**"))
        XCTAssertTrue(markdown.contains("**the additive approximation is not to be trusted for this allocation**"))
        XCTAssertTrue(markdown.contains("For whom: Q1 gets 100% of the gain (+60 QALYs); no group loses on average."), markdown)
        XCTAssertTrue(markdown.contains("To run it again: phm optimise 'my file.yaml' --curve-draws 20 --seed 7"))
        XCTAssertEqual(document.charts.map(\.name), ["budget-changes", "predicted-simulated"])
        let agreeing = report(simulated: Interval(mean: 98, low: 80, high: 120)).document(manifest: manifest).markdown
        XCTAssertTrue(agreeing.contains("The prediction and the simulation **agree**"))
        XCTAssertFalse(agreeing.contains("not to be trusted"))
    }

    /// £1m moves from b to a; simulated +95 QALYs, 12.4 more deaths, the 5-year gap 0.01 years
    /// (3.65 days, 0.2%) narrower; no cost change, so nothing is "not spent".
    func testOptimiseWordsSayWhatMovesAndWhatItBuys() {
        var r = report(simulated: Interval(mean: 95, low: 90, high: 99))
        r.simulated.deathsChange = Interval(mean: 12.4, low: 1, high: 20)
        r.simulated.gapChange = Interval(mean: -0.01, low: -0.02, high: 0)
        r.simulated.todaysGap = 5
        let words = OptimiseWords(r).sentences
        XCTAssertEqual(words[0], "It moves £1.00m a year out of b (£2.00m → £1.00m a year) and puts £1.00m a year into a (£1.00m → £2.00m a year).")
        XCTAssertEqual(words[1], "Simulated with 40 draws, against today's allocation it buys +95 QALYs of total net health (95% interval +90 to +99), 12 more deaths and a gap between Q1 and Q2 narrower by 3.7 days per person (0.200% of today's).")
        XCTAssertEqual(words.count, 3)
        XCTAssertFalse(words.joined().contains("saved"))
    }

    /// Gaps 3 → 2 → 1 years, total health 100 → 90 → 65, prices 0, 10, 25 QALYs per year of gap
    /// (the last more than doubles); Q1 gains a year and Q5 loses one; Atkinson falls.
    func frontier(steep: Bool = false, totals: [Double] = [100, 90, 65], health: [[Double]] = [[70, 73], [70.5, 72.5], [71, 72]],
                  atkinson: [Double] = [0.01, 0.008, 0.005]) -> EquityFrontier {
        let prices = [0.0, 10, 25]
        let points = (0..<totals.count).map { i in
            EquityFrontier.Point(gapLimit: 3 - Double(i), gap: health[i][1] - health[i][0], totalHealth: totals[i], atkinson: atkinson[i],
                                 groupHealth: health[i], shadowPrice: prices[i], allocation: [1], steep: steep && i == 2, iterations: 1)
        }
        return EquityFrontier(lines: ["a"], unconstrainedGap: 3, smallestGap: health[totals.count - 1][1] - health[totals.count - 1][0], points: points)
    }

    /// 2 years = 730.5 days (shown to 3 figures, 730) closed of 3 (66.7%) for 35 QALYs; 10/365.25 = 0.0274 and 25/365.25 =
    /// 0.0684 QALYs per day; per 1% of the 3-year gap, 10 × 0.03 = 0.3 and 25 × 0.03 = 0.75.
    func testFrontierAnswerInWords() throws {
        let words = FrontierWords(frontier(steep: true), groups: ["Q1", "Q5"], baselineHealth: true).paragraphs
        XCTAssertEqual(words[0], "The allocation with the most total health leaves a gap of 3.00 years (1,096 days) of quality-adjusted life expectancy between Q1 and Q5. Moving money between lines can close it by at most **730 days per person** (66.7% of the gap), at a cost of **35.0 QALYs** of total net health.")
        XCTAssertEqual(words[1], "The price of equity: **0.0274 to 0.0684 QALYs of total net health per day of the gap closed** (the difference between Q1 and Q5 narrowing by one day per person), or 0.300 to 0.750 QALYs per 1% of the gap.")
        XCTAssertEqual(words[2], "The price **rises steeply** between 365 and 730 days closed: from 0.0274 to 0.0684 QALYs per day.")
        XCTAssertEqual(words[3], "Who moves: Q1's health changes by +365.2 days per person and Q5's by −365.2 days, from the first point to the last.")
        XCTAssertEqual(words.count, 4, "no degenerate case")
        XCTAssertEqual(FrontierReading(frontier()).cases, [])

        let document = FrontierDocument.document(frontier(steep: true), scenario: "s", groups: ["Q1", "Q5"], baselineHealth: true, manifest: manifest)
        XCTAssertEqual(document.charts.map(\.fileName), ["chart-frontier.svg", "chart-frontier-price.svg"])
        XCTAssertEqual(document.sections.map(\.heading), ["The answer", "The frontier", "Frontier table", "Technical appendix", "About this run"])
        let table = try XCTUnwrap(document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { return t } else { return nil } }.first)
        XCTAssertEqual(table.rows.map { $0[1] }, ["0", "365", "730"])
        XCTAssertEqual(table.rows.map { $0[2] }, ["+100.0", "+90.0", "+65.0"])
        XCTAssertEqual(table.rows.map { $0[4] }, ["0", "0.0274", "0.0684"])
        XCTAssertEqual(table.rows.map { $0[5] }, ["", "", "◀ price more than doubles"])
    }

    func testFrontierDegenerateCasesAreSaidPlainly() {
        // Levelling down: Q1 stays at 70, Q5 falls from 73 to 71.
        let down = frontier(health: [[70, 73], [70, 72], [70, 71]])
        XCTAssertEqual(FrontierReading(down).cases, [.levellingDown])
        XCTAssertTrue(FrontierWords(down, groups: ["Q1", "Q5"], baselineHealth: true).paragraphs.contains {
            $0.hasPrefix("**Levelling down:** the gap narrows only because Q5 loses health; Q1 gains nothing.") })
        // Flat: the same total health at every point; no price is quoted.
        let flat = FrontierWords(frontier(totals: [100, 100, 100]), groups: ["Q1", "Q5"], baselineHealth: true).paragraphs
        XCTAssertEqual(FrontierReading(frontier(totals: [100, 100, 100])).cases, [.flat])
        XCTAssertTrue(flat.contains { $0.hasPrefix("**Closing the gap costs no total health here:**") })
        XCTAssertFalse(flat.contains { $0.hasPrefix("The price of equity") })
        // Atkinson rising while the gap narrows.
        let rising = frontier(atkinson: [0.01, 0.011, 0.012])
        XCTAssertEqual(FrontierReading(rising).cases, [.atkinsonRises])
        XCTAssertTrue(FrontierWords(rising, groups: ["Q1", "Q5"], baselineHealth: true).paragraphs.contains {
            $0.hasPrefix("**Inequality over all groups rises** (Atkinson ε = 1 from 0.010000 to 0.012000)") })
        // One point.
        let one = frontier(totals: [100], health: [[70, 73]], atkinson: [0.01])
        XCTAssertEqual(FrontierReading(one).cases, [.onePoint])
        XCTAssertEqual(FrontierWords(one, groups: ["Q1", "Q5"], baselineHealth: false).paragraphs, [
            "The allocation with the most total health leaves a gap of 3.00 years (1,096 days) of health (quality-adjusted days: QALYs per person × 365.25) between Q1 and Q5.",
            "**No trade-off:** that allocation already has the smallest gap these constraints allow, so closing the gap further would need other lines, wider bounds or more money.",
        ])
    }
}
