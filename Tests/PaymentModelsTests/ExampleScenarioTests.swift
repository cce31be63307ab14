import Foundation
import MonteCarlo
import PaymentModels
import Reporting
import ScenarioLoading
import WorkbenchTestSupport
import XCTest

/// `phm payments` on the shipped frailty scenario, with few draws: the signs MODEL.md §6 leads
/// one to expect, and the JSON and text a finance lead reads.
final class ExampleScenarioTests: XCTestCase {
    static func frailtyReport(draws: Int = 8) async throws -> PaymentReport {
        let scenario = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("frailty-cohort.yaml").path)
        let settings = RunSettings(draws: draws, seed: 5, threads: 2, options: [0])
        return try await PaymentStudy(scenario: scenario, settings: settings, option: 0).run()
    }

    func testActivityPaymentPenalisesAndCapitationRewardsPreventionInTheFrailtyAlliance() async throws {
        let contract = try await Self.frailtyReport().contracts[0]
        let model = Dictionary(uniqueKeysWithValues: contract.models.map { ($0.model, $0) })
        XCTAssertLessThan(model["activity"]!.incentiveAlignment.mean, 0)
        XCTAssertGreaterThan(model["capitation"]!.incentiveAlignment.mean, 0)
        XCTAssertEqual(model["block"]!.payment.p5, model["block"]!.payment.p95)
        // the alliance's three members share its margin exactly
        for m in contract.models {
            let members = m.parties.filter { $0.role == .member }
            XCTAssertEqual(members.count, 3)
            XCTAssertEqual(members.reduce(0) { $0 + $1.margin.mean }, m.parties[1].margin.mean, accuracy: 1e-6 * abs(m.parties[1].income.mean))
        }
        // Activity can only fall short of demand (rationing), never exceed it.
        for (activity, demand) in zip(contract.activity, contract.demand) {
            XCTAssertLessThanOrEqual(activity.mean, demand.mean * (1 + 1e-12))
        }
    }

    func testJSONCarriesTheDocumentedFieldsAndTheTextOneLinePerParty() async throws {
        let report = try await Self.frailtyReport(draws: 4)
        let object = try JSONSerialization.jsonObject(with: try RunFiles.json(report)) as! [String: Any]
        let contract = (object["contracts"] as! [[String: Any]])[0]
        XCTAssertEqual(contract["name"] as? String, "frailty-alliance")
        for model in contract["models"] as! [[String: Any]] {
            XCTAssertNotNil(model["model"] as? String)
            let years = try XCTUnwrap(model["cash_by_year"] as? [[String: Any]])
            XCTAssertEqual(years.map { $0["year"] as? String }, (0..<10).map { "\(2026 + $0)/\(27 + $0)" })
            for statistic in ["mean", "p5", "p95", "worst"] { XCTAssertNotNil(years[0][statistic] as? Double, statistic) }
            let parties = try XCTUnwrap(model["parties"] as? [[String: Any]])
            XCTAssertEqual(parties.map { $0["role"] as? String }, ["commissioner", "provider", "member", "member", "member"])
            for key in ["income", "cost", "margin"] {
                let figure = try XCTUnwrap(parties[1][key] as? [String: Any], key)
                for statistic in ["mean", "p5", "p95", "worst"] { XCTAssertNotNil(figure[statistic] as? Double, "\(key).\(statistic)") }
            }
            XCTAssertNotNil(model["triggers"] as? [[String: Any]])
        }
        let text = PaymentTable.text(report)
        XCTAssertEqual(text.components(separatedBy: "could lose:").count - 1, 5, text)
        XCTAssertTrue(text.contains("• Moving from activity to cohort-budget: commissioner "), text)
    }
}
