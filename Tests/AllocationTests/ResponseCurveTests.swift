import Allocation
import MonteCarlo
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// Response curves and bounds on the two-cohort fixture (ScenarioFixtures.minimal: emergency
/// admissions £200k a year, vaccination £10k a year, three years).
final class ResponseCurveTests: XCTestCase {
    func testBoundsFromSharesRingFenceAndMaxChange() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        var settings = Scenario.Optimisation()
        settings.lines[.service(0)] = .init(min: .shareOfCurrent(0.5), maxChange: .pounds(60_000))
        settings.lines[.intervention(0)] = .init(max: .pounds(25_000), ringFenced: true)
        let bounds = try AllocationBounds.bounds(scenario: scenario, settings: settings)
        // service: max(50% of 200k, 200k − 60k) = 140k to min(3 × 200k, 200k + 60k) = 260k
        XCTAssertEqual(bounds[0], 140_000...260_000)
        // vaccination: ring-fenced at today's 10k, at most 25k
        XCTAssertEqual(bounds[1], 10_000...25_000)
        settings.lines[.intervention(0)] = .init(max: .pounds(5_000), ringFenced: true)
        XCTAssertThrowsError(try AllocationBounds.bounds(scenario: scenario, settings: settings)) { error in
            XCTAssertEqual(error as? AllocationError, .emptyBounds(line: "vaccination", low: 10_000, high: 5_000))
        }
    }

    /// Without limits a service keeps half its budget (closing it is no reallocation), an
    /// intervention may fall to 0, both may rise to 3 × today's, and the range stretches to every
    /// budget an option in the file proposes (here a shift of £150k: 50k and 160k).
    func testDefaultBoundsFloorServicesAndCoverTheFilesOptions() throws {
        let plain = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        XCTAssertEqual(try AllocationBounds.bounds(scenario: plain, settings: .init()), [100_000...600_000, 0...30_000])
        let shifted = try ScenarioFixtures.load(ScenarioFixtures.minimal(appending: """
            options:
              big-shift: {shift: [{from: emergency_admission, to: vaccination, amount: 150000}]}
            """))
        XCTAssertEqual(try AllocationBounds.bounds(scenario: shifted, settings: .init()), [50_000...600_000, 0...160_000])
        var closable = Scenario.Optimisation()
        closable.lines[.service(0)] = .init(min: .pounds(0))
        XCTAssertEqual(try AllocationBounds.bounds(scenario: plain, settings: closable)[0], 0...600_000)
    }

    func testLevelsIncludeTodayAndTheBounds() throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        let levels = BudgetLevels(scenario: scenario, settings: .init(levels: [0, 1, 2]), bounds: [50_000...250_000, 0...20_000])
        // 0 and 400k lie outside the bounds 50k–250k and are dropped
        XCTAssertEqual(levels.levels[0], [50_000, 200_000, 250_000])
        XCTAssertEqual(levels.levels[1], [0, 10_000, 20_000])
        XCTAssertEqual(levels.current, [200_000, 10_000])
    }

    func testCurvePointsAreDifferencesOfSeparateRuns() async throws {
        let scenario = try ScenarioFixtures.load(ScenarioFixtures.minimal)
        let levels = BudgetLevels(scenario: scenario, settings: .init(levels: [0, 1, 2]), bounds: [0...400_000, 0...20_000])
        let curves = try await ResponseCurves.simulate(scenario: scenario, levels: levels, draws: 1, seed: 1, threads: 1, deterministic: true)
        // The same budgets as options of their own, run directly.
        let variants = scenario.replacingOptions([
            ScenarioOption(name: "no-vaccination", description: "", shifts: [], overrides: [], budgets: [.intervention(0): [0, 0, 0]]),
            ScenarioOption(name: "double-admissions", description: "", shifts: [], overrides: [], budgets: [.service(0): [400_000, 400_000, 400_000]]),
        ])
        let table = try await EngineRuns.deterministic(variants)
        let G = table.groupCount
        for g in 0..<G {
            XCTAssertEqual(curves.lines[1].qalyGain[0][g], table.groupQalys[1 * G + g] - table.groupQalys[g], accuracy: 1e-9)
            XCTAssertEqual(curves.lines[0].qalyGain[2][g], table.groupQalys[2 * G + g] - table.groupQalys[g], accuracy: 1e-9)
            XCTAssertEqual(curves.lines[1].qalyGain[1][g], 0)   // today's level is base itself
        }
        XCTAssertEqual(curves.lines[0].costChange[2], table.cost[2] - table.cost[0], accuracy: 1e-6)
        XCTAssertEqual(curves.populations, [1000, 2000])
    }

    /// With uncertain parameters, a curve point is the mean over draws of the difference from base
    /// in the same draws (common random numbers): simulating the point's option on its own with
    /// the same seed gives the same number, whatever else was simulated alongside.
    func testCurvePointsUseCommonRandomNumbers() async throws {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("pphmi-fund.yaml").path)
        let settings = try XCTUnwrap(scenario.optimisation)
        let bounds = try AllocationBounds.bounds(scenario: scenario, settings: settings)
        let levels = BudgetLevels(scenario: scenario, settings: settings, bounds: bounds)
        let curves = try await ResponseCurves.simulate(scenario: scenario, levels: levels, draws: 24, seed: 99, threads: 2, deterministic: false)
        let grants = try XCTUnwrap(curves.lines.firstIndex { $0.name == "small_grants" })
        let k = try XCTUnwrap(curves.lines[grants].levels.firstIndex(of: 150_000))
        let alone = scenario.replacingOptions([
            ScenarioOption(name: "grants", description: "", shifts: [], overrides: [],
                           budgets: [.intervention(1): Array(repeating: 150_000, count: scenario.horizon)]),
        ])
        let table = try await MonteCarloRunner(scenario: alone, settings: RunSettings(draws: 24, seed: 99, threads: 1, options: [0, 1])).run()
        for g in 0..<table.groupCount {
            let differences = zip(table.groupQalys(option: 1, group: g), table.groupQalys(option: 0, group: g)).map { $0 - $1 }
            let mean = differences.reduce(0, +) / 24
            XCTAssertEqual(curves.lines[grants].qalyGain[k][g], mean, accuracy: 1e-9 * max(1, abs(mean)))
        }
        XCTAssertEqual(curves.draws, 24)
    }
}
