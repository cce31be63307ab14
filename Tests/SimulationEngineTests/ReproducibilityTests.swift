import MonteCarlo
import ScenarioModel
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// MODEL.md §3: results depend only on (seed, draw, parameter), never on the number of workers,
/// and common random numbers narrow the interval of an option's increment.
final class ReproducibilityTests: XCTestCase {
    func scenario() throws -> Scenario {
        try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("ics-core20plus5.yaml").path)
    }

    func testSameSeedGivesIdenticalBitsForAnyThreadCount() async throws {
        let s = try scenario()
        let one = try await EngineRuns.draws(s, draws: 40, seed: 11, threads: 1)
        let three = try await EngineRuns.draws(s, draws: 40, seed: 11, threads: 3)
        XCTAssertEqual(one.qalys, three.qalys)
        XCTAssertEqual(one.cost, three.cost)
        XCTAssertEqual(one.groupQalys, three.groupQalys)
        XCTAssertEqual(one.yearly.map(\.unmet), three.yearly.map(\.unmet))
        let other = try await EngineRuns.draws(s, draws: 40, seed: 12, threads: 1)
        XCTAssertNotEqual(one.qalys, other.qalys)
    }

    /// With common random numbers the draws of base and option share their parameters, so the
    /// spread of ΔQ reflects only what the option changes; with independent streams it also
    /// carries the whole spread of both runs.
    func testCommonRandomNumbersNarrowTheIncrementInterval() async throws {
        let s = try scenario()
        func width(_ table: DrawTable) -> Double {
            let delta = zip(table.values(table.qalys, option: 1), table.values(table.qalys, option: 0)).map { $0 - $1 }.sorted()
            return delta[Int(0.975 * Double(delta.count - 1))] - delta[Int(0.025 * Double(delta.count - 1))]
        }
        let common = try await EngineRuns.draws(s, draws: 100, seed: 5)
        let independent = try await EngineRuns.draws(s, draws: 100, seed: 5, commonRandomNumbers: false)
        XCTAssertLessThan(width(common), width(independent) / 5, "common \(width(common)), independent \(width(independent))")
    }
}
