import Foundation
import ScenarioLoading
import ScenarioModel
import WorkbenchTestSupport
import XCTest

/// `contracts:` (MODEL.md §6): what a valid contract becomes, and the message each mistake gets.
/// The contract is appended to `ScenarioFixtures.minimal`, so its first line is line 22.
final class ContractLoadingTests: XCTestCase {
    static func contract(_ body: String) -> String {
        ScenarioFixtures.minimal(appending: """
            contracts:
              acute:
                provider: Acute trust
            \(body)
            """)
    }

    static let valid = contract("""
            services: [emergency_admission]
            cohorts: {imd: [Q1]}
            cost: {fixed: 50000, variable: {emergency_admission: 800}}
            models:
              blended: {above_plan: 0.5, outcome: {share: 0.02, service: emergency_admission, reduction: 0.01}}
              capitation: {rate: 90, indexation: 0.02, risk_weights: {base: 1, multiply: {imd: {Q1: 1.5}}}}
              cohort-budget: {amount: [1000, 1100, 1200], gain: {share: 0.5, cap: 300}}
              activity: {}
              block: {amount: 150000, indexation: 0.02}
        """)

    func testAValidContractResolvesNamesDefaultsAndRiskWeights() throws {
        let scenario = try ScenarioFixtures.load(Self.valid)
        let contract = try XCTUnwrap(scenario.contracts.first)
        XCTAssertEqual(contract.name, "acute")
        XCTAssertEqual(contract.provider, "Acute trust")
        XCTAssertEqual(contract.services, [0])
        XCTAssertEqual(contract.cohorts, [0: [0]])
        XCTAssertEqual(contract.prices, [0: 2000], "the default price is the service's mean unit cost")
        XCTAssertEqual(contract.cost, .explicit(fixed: [50000], variable: [0: 800]))
        XCTAssertNil(contract.budget)
        XCTAssertEqual(contract.models.map(\.name), ["blended", "capitation", "cohort-budget", "activity", "block"], "file order")
        XCTAssertEqual(contract.models[1], .capitation(CapitationTerms(rate: 90, indexation: 0.02, riskWeights: [1.5, 1])))
        XCTAssertEqual(contract.models[2], .cohortBudget(CohortBudgetTerms(
            budget: .amount([1000, 1100, 1200], indexation: 0), gainShare: 0.5, gainCap: 300, lossShare: 0, lossCap: .infinity)))
        XCTAssertEqual(contract.models[4], .block(amount: [150000], indexation: 0.02))
    }

    func testExampleScenariosCarryTheirContracts() throws {
        let frailty = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("frailty-cohort.yaml").path)
        XCTAssertEqual(frailty.contracts.map(\.name), ["frailty-alliance"])
        XCTAssertEqual(frailty.contracts[0].models.map(\.name), ["cohort-budget", "activity", "block", "blended", "capitation"])
        XCTAssertEqual(frailty.contracts[0].members.map(\.name), ["community-trust", "acute-trust", "council-home-care"])
        XCTAssertEqual(frailty.contracts[0].members.reduce(0) { $0 + $1.gainShare }, 1, accuracy: 1e-12)
        XCTAssertEqual(frailty.startYear, 2026)
        let ics = try ScenarioLoader.load(path: RepositoryPaths.scenarios.appendingPathComponent("ics-core20plus5.yaml").path)
        XCTAssertEqual(ics.contracts.first?.models.first?.name, "blended")
    }

    /// The annotated example in Scenarios/README.md ("Contracts") is valid in the file it names.
    func testTheDocumentedExampleIsValid() throws {
        let readme = try String(contentsOf: RepositoryPaths.scenarios.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Contracts").last)
        let example = try XCTUnwrap(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let frailty = try String(contentsOf: RepositoryPaths.scenarios.appendingPathComponent("frailty-cohort.yaml"), encoding: .utf8)
        let withoutContracts = try XCTUnwrap(frailty.components(separatedBy: "\ncontracts:\n").first)
        let scenario = try ScenarioFixtures.load(withoutContracts + "\n" + example, directory: RepositoryPaths.scenarios)
        XCTAssertEqual(scenario.contracts.first?.models.map(\.name), ["activity", "block", "blended", "capitation", "cohort-budget"])
        XCTAssertEqual(scenario.contracts.first?.budget, [700_000_000])
    }

    func testMisspeltServiceModelAndLevelSuggestTheClosestName() {
        let text = Self.contract("""
            services: [emergency_admision]
            cohorts: {imd: [Q7]}
            cost: {fixed_share: 0.5}
            models:
              capitaton: {rate: 90}
        """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:25:16: contracts.acute.services.0: unknown service `emergency_admision` (did you mean `emergency_admission`?); known: emergency_admission",
            "test.yaml:26:21: contracts.acute.cohorts.imd.0: unknown level of `imd` `Q7` (did you mean `Q1`?); known: Q1, Q2",
            "test.yaml:29:7: contracts.acute.models.capitaton: unknown key `capitaton` (did you mean `capitation`?); expected one of: activity, block, blended, capitation, cohort-budget",
        ])
    }

    func testMembersMustShareEveryServiceOnceAndSharesMustAddUpToOne() {
        let text = Self.contract("""
            services: [emergency_admission]
            cost: {fixed_share: 0.5}
            current: activity
            proposed: cohort-budgt
            members:
              acute-trust: {services: [emergency_admision], gain_share: 0.5, loss_share: 0.5}
              community: {services: [emergency_admission], gain_share: 0.3, loss_share: 0.5}
              council: {services: [emergency_admission], gain_share: 0.3, loss_share: 0.5, cost: {fixed_share: 2}}
            models:
              activity: {}
              cohort-budget: {amount: 1000}
        """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:28:15: contracts.acute.proposed: unknown payment model `cohort-budgt` (did you mean `cohort-budget`?); known: activity, cohort-budget",
            "test.yaml:30:32: contracts.acute.members.acute-trust.services.0: unknown service `emergency_admision` (did you mean `emergency_admission`?); the contract covers emergency_admission",
            "test.yaml:32:104: contracts.acute.members.council.cost.fixed_share: expected a number in [0, 1], found 2",
        ])
        let shares = Self.contract("""
            services: [emergency_admission]
            cost: {fixed_share: 0.5}
            members:
              acute-trust: {services: [emergency_admission], gain_share: 0.5, loss_share: 0.5}
              community: {services: [emergency_admission], gain_share: 0.3, loss_share: 0.5}
            models:
              activity: {}
        """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(shares).map(\.description), [
            "test.yaml:28:7: contracts.acute.members: members' `gain_share` add up to 0.8 (acute-trust 0.5, community 0.3); expected 1",
            "test.yaml:29:7: contracts.acute.members.community.services: service `emergency_admission` is already delivered by member `acute-trust`; each contract service has exactly one member",
        ])
        let valid = try? ScenarioFixtures.load(Self.contract("""
            services: [emergency_admission]
            cost: {fixed_share: 0.5}
            proposed: activity
            members:
              acute-trust: {services: [emergency_admission], gain_share: 1, loss_share: 1, cost: {fixed_share: 0.6}}
            models:
              block: {amount: 1000}
              activity: {}
        """))
        let contract = try? XCTUnwrap(valid?.contracts.first)
        XCTAssertEqual(contract?.members, [ContractMember(name: "acute-trust", services: [0], cost: .fixedShare(0.6), gainShare: 1, lossShare: 1)])
        XCTAssertEqual(contract?.current, 0)
        XCTAssertEqual(contract?.proposed, 1)
    }

    func testContradictoryOrIncompleteTermsAreErrors() {
        let text = Self.contract("""
            services: [emergency_admission]
            cost: {fixed_share: 0.5, fixed: 1000}
            budget: [1, 2]
            models:
              block: {amount: [1, 2, 3], indexation: 0.02}
              cohort-budget: {gain: {share: 1.5}}
              capitation: {rate: 10, risk_weights: {dist: normal, mean: 1, sd: 0.1}}
        """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:26:30: contracts.acute.cost.fixed: give either `fixed_share` or `fixed` and `variable`, not both",
            "test.yaml:27:13: contracts.acute.budget: expected one value or a list of 3 values (one per year of the horizon), found a list of 2",
            "test.yaml:29:34: contracts.acute.models.block.indexation: `indexation` uplifts a single amount; the amount is already given for every year",
            "test.yaml:30:22: contracts.acute.models.cohort-budget: missing the budget: `amount` (£ a year) or `rate` (£ a person a year)",
            "test.yaml:30:37: contracts.acute.models.cohort-budget.gain.share: expected a number in [0, 1], found 1.5",
            "test.yaml:31:44: contracts.acute.models.capitation.risk_weights: risk weights are agreed contract terms: expected a number, found a normal distribution",
        ])
    }

    func testMissingKeysAndAnEmptyModelList() {
        let text = Self.contract("""
            services: []
            models: {}
        """)
        XCTAssertEqual(ScenarioFixtures.diagnostics(text).map(\.description), [
            "test.yaml:24:5: contracts.acute.cost: missing required key `cost`: The provider's cost structure.",
            "test.yaml:25:15: contracts.acute.services: expected at least one service",
            "test.yaml:26:13: contracts.acute.models: expected at least one payment model: activity, block, blended, capitation, cohort-budget",
        ])
    }
}
