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
        XCTAssertLessThan(model["activity"]!.incentiveAlignment, 0)
        XCTAssertGreaterThan(model["capitation"]!.incentiveAlignment, 0)
        XCTAssertEqual(model["capitation"]!.providerRiskShare, 1)
        XCTAssertEqual(model["block"]!.commissionerPayment.variance, 0)
        // Activity can only fall short of demand (rationing), never exceed it.
        for (activity, demand) in zip(contract.activity, contract.demand) {
            XCTAssertLessThanOrEqual(activity.mean, demand.mean * (1 + 1e-12))
        }
    }

    func testJSONCarriesTheDocumentedFieldsAndTheTextOneLinePerModel() async throws {
        let report = try await Self.frailtyReport(draws: 4)
        let object = try JSONSerialization.jsonObject(with: try RunFiles.json(report)) as! [String: Any]
        let contract = (object["contracts"] as! [[String: Any]])[0]
        XCTAssertEqual(contract["name"] as? String, "frailty-alliance")
        for model in contract["models"] as! [[String: Any]] {
            XCTAssertNotNil(model["model"] as? String)
            for key in ["commissioner_payment", "provider_margin"] {
                let spread = try XCTUnwrap(model[key] as? [String: Any], key)
                for statistic in ["mean", "p5", "p95"] { XCTAssertNotNil(spread[statistic] as? Double, "\(key).\(statistic)") }
            }
            for key in ["p_provider_deficit", "p_commissioner_overspend", "incentive_alignment"] {
                XCTAssertNotNil(model[key] as? Double, key)
            }
        }
        let text = PaymentTable.text(report)
        XCTAssertTrue(text.contains("capitation: provider carries 100% of demand risk; prevention changes provider margin by +£"), text)
        XCTAssertEqual(text.components(separatedBy: "% of demand risk; prevention changes provider margin by").count - 1, 5, text)
    }
}
