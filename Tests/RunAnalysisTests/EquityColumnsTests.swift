import DrawStatistics
import EquityAnalysis
import Foundation
import MonteCarlo
import RunAnalysis
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// The equity parts of a run's summary and detail read the draw table a column at a time and
/// keep per-draw results in a scratch folder (issue 18): the numbers are those of a run analysed
/// in memory, bit for bit, and the detail keeps only the plane points the charts draw.
final class EquityColumnsTests: XCTestCase {
    /// Two groups with uncertain need, opportunity cost and an option that shifts money upstream.
    let text = """
        name: columns
        horizon: 2
        dimensions: {imd: [Q1, Q2]}
        equity:
          opportunity_cost: {per_qaly: 13000, shares: {Q1: 0.6, Q2: 0.4}}
        cohorts: [{imd: Q1, population: 1000, utility: 0.8}, {imd: Q2, population: 1500, utility: 0.9}]
        needs:
          copd:
            prevalence: {base: {dist: beta, mean: 0.1, sd: 0.02}, multiply: {imd: {Q1: 2.0}}}
            exit_rate: 0.1
            utility_loss: {dist: beta, mean: 0.1, sd: 0.03}
            use: {admission: 2}
        services:
          admission: {unit_cost: 100, budget: 40000, base_rate: 0.05, qaly_loss_per_unmet: 0.01}
        interventions:
          outreach: {cost_per_participant: 10, fixed_cost: 100, budget: 600, uptake: 0.2, effects: {demand: {admission: 1.0}, incidence: {copd: 0.5}, qaly_per_participant: 0.01}}
        options:
          upstream: {shift: [{from: admission, to: outreach, amount: 3000}]}
        """

    func testScratchFolderGivesTheBitsOfAnAnalysisInMemory() async throws {
        let scenario = try ScenarioFixtures.load(text)
        let draws = RunDetail.planePoints + 1
        let table = try await EngineRuns.draws(scenario, draws: draws)
        let settings = RunSettings(draws: draws, seed: 7, threads: 2, deterministic: false, options: [0, 1])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("equity-columns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = ScratchSpace(directory: folder.path)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let inMemory = try RunSummary(scenario: scenario, table: table, settings: settings)
        let inFolder = try RunSummary(scenario: scenario, table: table, settings: settings, scratch: scratch)
        XCTAssertEqual(try encoder.encode(inFolder), try encoder.encode(inMemory))
        XCTAssertFalse(try DistributionalEvaluation(scenario: scenario, table: table, scratch: scratch).healthChanges[1].isInMemory,
                       "per-draw results go to the folder")
        XCTAssertNotEqual(inMemory.options[1].equity.sii.low, inMemory.options[1].equity.sii.high, "the draws differ")

        // The detail keeps the first `planePoints` draws of each plane, as the analysis computes them.
        let detail = try RunDetail(scenario: scenario, table: table, scratch: scratch)
        let dcea = try DistributionalEvaluation(scenario: scenario, table: table)
        let plane = try XCTUnwrap(try dcea.impactPlanes().first)
        let kept = RunDetail.planePoints
        XCTAssertEqual(detail.impactPlanes[0].healthChanges, Array(try plane.healthChanges.array().prefix(kept)))
        XCTAssertEqual(detail.impactPlanes[0].inequalityChanges, Array(try plane.inequalityChanges.array().prefix(kept)))
        let qalys = try table.column(.qalys, option: 1).array(), baseQalys = try table.column(.qalys).array()
        XCTAssertEqual(detail.costEffectivenessPlanes[0].qalys, Array(zip(qalys, baseQalys).map { $0 - $1 }.prefix(kept)))
        XCTAssertEqual(detail.costEffectivenessPlanes[0].costs.count, kept)
    }
}
