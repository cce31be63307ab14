import Foundation
import MonteCarlo
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// Deterministic mode against the independent NumPy implementation of MODEL.md in
/// `Tests/reference/phm_reference.py`: every example scenario, the benchmark workload and the
/// test scenarios in `Tests/reference/scenarios` (every key of the language, among them deaths,
/// progression and the value after the horizon), every option, totals, groups, service totals
/// and yearly series, to 1e-9 relative error.
final class ReferenceAgreementTests: XCTestCase {
    /// Relative tolerance; values whose magnitude is below 1e-9 of their series' largest are
    /// compared absolutely against that scale (they are rounding noise in both).
    static let tolerance = 1e-9

    func testDeterministicRunsMatchTheReference() async throws {
        let files = RepositoryPaths.exampleScenarios + [RepositoryPaths.benchScenario] + RepositoryPaths.referenceScenarios
        for file in files {
            let scenario = try ScenarioLoader.load(path: file.path)
            let table = try await EngineRuns.deterministic(scenario)
            let reference = try Self.reference(for: file)
            let options = try XCTUnwrap(reference["options"] as? [[String: Any]])
            XCTAssertEqual(options.map { $0["name"] as? String }, table.optionNames, file.lastPathComponent)
            for (o, expected) in options.enumerated() {
                let label = "\(file.lastPathComponent) option \(table.optionNames[o])"
                check(table.qalys[o], expected["qalys"], "\(label) qalys")
                check(table.cost[o], expected["cost"], "\(label) cost")
                check(table.deaths[o], expected["deaths"], "\(label) deaths")
                check(table.lifeYears[o], expected["life_years"], "\(label) life-years")
                check(table.qalysAfterHorizon[o], expected["qalys_after_horizon"], "\(label) QALYs after the horizon", scale: table.qalys[o])
                let groups = try XCTUnwrap(expected["groups"] as? [[String: Any]])
                for (g, group) in groups.enumerated() {
                    XCTAssertEqual(group["name"] as? String, table.groupNames[g])
                    check(table.groupQalys[o * table.draws * table.groupCount + g], group["qalys"], "\(label) group \(g) qalys")
                    check(table.groupDeaths[o * table.draws * table.groupCount + g], group["deaths"], "\(label) group \(g) deaths")
                    check(table.groupLifeYears[o * table.draws * table.groupCount + g], group["life_years"], "\(label) group \(g) life-years")
                    check(table.groupPopulation[g], group["population"], "\(label) group \(g) population")
                    // Unmet demand is a difference D − A: its rounding is relative to all the demand.
                    let demand = (0..<table.serviceCount).reduce(0.0) { $0 + table.serviceActivity[o * table.serviceCount + $1] + table.serviceUnmet[o * table.serviceCount + $1] }
                    check(table.groupUnmet[o * table.draws * table.groupCount + g], group["unmet"], "\(label) group \(g) unmet demand", scale: demand)
                }
                // Every unit of unmet demand belongs to one group and one service.
                let byGroup = (0..<table.groupCount).reduce(0.0) { $0 + table.groupUnmet[o * table.draws * table.groupCount + $1] }
                let byService = (0..<table.serviceCount).reduce(0.0) { $0 + table.serviceUnmet[o * table.serviceCount + $1] }
                check(byGroup, byService as NSNumber, "\(label) unmet demand by group against by service", scale: byService)
                let yearly = try XCTUnwrap(expected["yearly"] as? [String: Any])
                checkSeries(table.yearly[o].qalys, yearly["qalys"], "\(label) yearly qalys")
                checkSeries(table.yearly[o].cost, yearly["cost"], "\(label) yearly cost")
                checkSeries(table.yearly[o].deaths, yearly["deaths"], "\(label) yearly deaths")
                checkSeries(table.yearly[o].lifeYears, yearly["life_years"], "\(label) yearly life-years")
                let services = try XCTUnwrap(yearly["services"] as? [String: [String: Any]])
                let totals = try XCTUnwrap(expected["services"] as? [String: [String: Any]])
                for (s, name) in table.serviceNames.enumerated() {
                    let T = table.horizon
                    let series = try XCTUnwrap(services[name], "\(label) service \(name)")
                    checkSeries(Array(table.yearly[o].demand[(s * T)..<((s + 1) * T)]), series["demand"], "\(label) \(name) demand")
                    checkSeries(Array(table.yearly[o].activity[(s * T)..<((s + 1) * T)]), series["activity"], "\(label) \(name) activity")
                    // U = D − A is a difference: its rounding error is relative to demand.
                    let demand = Array(table.yearly[o].demand[(s * T)..<((s + 1) * T)])
                    checkSeries(Array(table.yearly[o].unmet[(s * T)..<((s + 1) * T)]), series["unmet"], "\(label) \(name) unmet", scale: demand.max() ?? 0)
                    check(table.serviceActivity[o * table.serviceCount + s], totals[name]?["activity"], "\(label) \(name) activity total", scale: table.serviceActivity[o * table.serviceCount + s])
                    check(table.serviceUnmet[o * table.serviceCount + s], totals[name]?["unmet"], "\(label) \(name) unmet total", scale: table.serviceActivity[o * table.serviceCount + s])
                }
            }
        }
    }

    private func check(_ actual: Double, _ expected: Any?, _ label: String, scale: Double = 0) {
        guard let expected = (expected as? NSNumber)?.doubleValue else {
            return XCTFail("\(label): the reference gave no number")
        }
        let bound = Self.tolerance * max(abs(actual), abs(expected), abs(scale))
        XCTAssertLessThanOrEqual(abs(actual - expected), bound, "\(label): swift \(actual), reference \(expected)")
    }

    private func checkSeries(_ actual: [Double], _ expected: Any?, _ label: String, scale floor: Double = 0) {
        guard let expected = (expected as? [NSNumber])?.map(\.doubleValue), expected.count == actual.count else {
            return XCTFail("\(label): the reference series is missing or has another length")
        }
        let scale = max((actual + expected).map(abs).max() ?? 0, floor)
        for (t, (a, e)) in zip(actual, expected).enumerated() {
            check(a, e, "\(label) year \(t)", scale: scale * 1e-3)
        }
    }

    /// Runs the reference on `file` and parses its JSON.
    static func reference(for file: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.root.appendingPathComponent("Tests/reference/phm_reference.py").path, "deterministic", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "reference", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "reference failed on \(file.lastPathComponent): \(message)"])
        }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
