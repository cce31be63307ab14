import Foundation
import MonteCarlo
@testable import Reporting
import RunAnalysis
import WorkbenchTestSupport
import XCTest

/// The report on the hand-worked one-cohort scenario of RunSummaryTests, where every number is
/// known: base capacity 15,000/100 = 150 admissions a year, the option's (15,000 − 3,000)/100 =
/// 120; base demand in year 1 is 199.5, so the service runs short.
final class ReportTests: XCTestCase {
    let text = ScenarioFixtures.handWorkedShift

    func run() async throws -> (RunSummary, RunDetail) {
        let scenario = try ScenarioFixtures.load(text)
        let table = try await EngineRuns.deterministic(scenario)
        let settings = RunSettings(draws: 1, seed: 1, threads: 1, deterministic: true, options: [0, 1])
        return (try RunSummary(scenario: scenario, table: table, settings: settings), try RunDetail(scenario: scenario, table: table))
    }

    func testCapacityAndPaybackByHand() async throws {
        let (summary, detail) = try await run()
        let service = try XCTUnwrap(detail.shortServices.first)
        XCTAssertEqual(service.service, "admission")
        XCTAssertEqual(service.capacity[0], [150, 150])
        XCTAssertEqual(service.capacity[1], [120, 120])
        XCTAssertEqual(service.demand[0][1], 199.5, accuracy: 1e-9)
        XCTAssertEqual(service.unmet[0][1], 49.5, accuracy: 1e-9)
        // Cumulative balance against base ends at the run's increments (no discounting here).
        let balance = try XCTUnwrap(detail.balances.first)
        let increment = try XCTUnwrap(summary.options[1].incremental)
        XCTAssertEqual(balance.qalys.last!, increment.qalys.mean, accuracy: 1e-9)
        XCTAssertEqual(balance.cost.last!, increment.cost.mean, accuracy: 1e-9)
        XCTAssertEqual(balance.cost, [-1500, -3000])
        XCTAssertEqual(balance.paybackYear, 0, "dominant from year 0: more health and less cost")
    }

    func testSentenceOfTheHandWorkedOption() async throws {
        let (summary, _) = try await run()
        // ΔQ = 1784.1 − 1780.03 = 4.07 over 2 years, ΔC = −3,000; one draw, so no probabilities.
        // The option only shifts money, so the £3,000 it does not spend is "not spent", not "saved".
        XCTAssertEqual(BoardComparison(summary).sentences,
                       ["upstream gains 4.07 QALYs over 2 years; it leaves £3,000 of the budget not spent and is the best value of all options at £20,000 per QALY."])
    }

    func testChartsCarryTheSummaryNumbers() async throws {
        let (summary, detail) = try await run()
        let document = RunReport.document(summary: summary, detail: detail)
        let names = document.charts.map(\.name)
        // The brief's two charts first; the demand charts last, in the appendix.
        XCTAssertEqual(names, ["group-gains", "cumulative-net-benefit", "impact-plane", "ce-plane", "acceptability", "acceptability-versus-base", "evpi",
                               "cumulative-qalys", "cumulative-cost", "demand-admission"])
        let bars = try XCTUnwrap(document.charts.first { $0.name == "group-gains" }).svg
        XCTAssertTrue(bars.contains("data-value=\"\(summary.options[1].groups[0].netGain.mean)\""))
        let demand = try XCTUnwrap(document.charts.first { $0.name == "demand-admission" }).svg
        // Years on the calendar: year 0 is the scenario's start_year.
        let (first, second) = (Double(detail.startYear), Double(detail.startYear + 1))
        XCTAssertTrue(demand.contains("data-points=\"\(first),150.0 \(second),150.0\""), "base capacity line")
        XCTAssertTrue(demand.contains("data-points=\"\(first),120.0 \(second),120.0\""), "the option's capacity line")

        let html = document.html
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, document.charts.count, "every chart inline")
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("src=\"http"), "nothing fetched from the network")
        XCTAssertFalse(html.contains("href=\"http"), "nothing fetched from the network")
        let markdown = document.markdown
        XCTAssertTrue(markdown.contains("![") && markdown.contains("(chart-impact-plane.svg)"))
        XCTAssertTrue(markdown.hasPrefix("# hand: which option, for whom, at what cost"))
    }

    func testRenderersEscapeNames() {
        var document = ReportDocument(title: "a <b> & c", subtitle: "s")
        document.sections = [ReportSection("x|y", [.paragraph("**bold** <i>"), .table(ReportTable(header: ["a|b"], rows: [["<c>"]], numericColumns: []))])]
        XCTAssertTrue(document.html.contains("<h1>a &lt;b&gt; &amp; c</h1>"))
        XCTAssertTrue(document.html.contains("<p><strong>bold</strong> &lt;i&gt;</p>"))
        XCTAssertTrue(document.markdown.contains("| a\\|b |"))
        XCTAssertTrue(document.markdown.contains("## x\\|y"))
    }
}
