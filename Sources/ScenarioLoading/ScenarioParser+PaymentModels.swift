import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `contracts.NAME.models`: at least one of activity, block, blended, capitation,
    /// cohort-budget, in file order.
    func readPaymentModels(_ entry: NodeReader.Entry) -> [PaymentModel]? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.paymentModels),
              let items = reader.entries(entry.value, entry.path, expected: "a mapping of payment models")
        else { return nil }
        if items.isEmpty {
            diagnostics.error(at: entry.value, entry.path, "expected at least one payment model: \(PaymentModel.names.joined(separator: ", "))")
            return nil
        }
        var models: [PaymentModel] = []
        var failed = false
        for item in items where keys[item.key] != nil {
            let model: PaymentModel?
            switch item.key {
            case "activity": model = readActivityModel(item)
            case "block": model = readBlockModel(item)
            case "blended": model = readBlendedModel(item)
            case "capitation": model = readCapitationModel(item).map(PaymentModel.capitation)
            default: model = readCohortBudgetModel(item)
            }
            if let model { models.append(model) } else { failed = true }
        }
        return failed || models.count != items.count ? nil : models
    }

    private func optionalNumber(_ keys: [String: NodeReader.Entry], _ key: String, default value: Double, in range: ClosedRange<Double>) -> Double? {
        guard let entry = keys[key] else { return value }
        return reader.number(entry.value, entry.path, in: range)
    }

    private func readActivityModel(_ entry: NodeReader.Entry) -> PaymentModel? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.activityModel) else { return nil }
        return optionalNumber(keys, "tariff_adjustment", default: 0, in: -1...Double.infinity).map(PaymentModel.activity)
    }

    private func readBlockModel(_ entry: NodeReader.Entry) -> PaymentModel? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.blockModel) else { return nil }
        let amount = keys["amount"].flatMap { yearlyNumbers($0.value, $0.path) }
        let indexation = indexationOfSingle(keys, amount: amount)
        guard let amount, let indexation else { return nil }
        return .block(amount: amount, indexation: indexation)
    }

    /// `indexation` uplifts a single amount; a list of yearly amounts already says each year.
    private func indexationOfSingle(_ keys: [String: NodeReader.Entry], amount: [Double]?) -> Double? {
        guard let entry = keys["indexation"] else { return 0 }
        if let amount, amount.count > 1 {
            diagnostics.error(at: entry.keyNode, entry.path, "`indexation` uplifts a single amount; the amount is already given for every year")
            return nil
        }
        return reader.number(entry.value, entry.path, in: -1...Double.infinity)
    }

    private func readBlendedModel(_ entry: NodeReader.Entry) -> PaymentModel? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.blendedModel) else { return nil }
        let above = optionalNumber(keys, "above_plan", default: 0, in: 0...Double.infinity)
        let below = optionalNumber(keys, "below_plan", default: 0, in: 0...Double.infinity)
        var outcome: OutcomeTarget?? = .some(nil)
        if let outcomeEntry = keys["outcome"] {
            outcome = readOutcomeTarget(outcomeEntry).map { .some($0) } ?? .none
        }
        guard let above, let below, let outcome else { return nil }
        return .blended(BlendedTerms(aboveRate: above, belowRate: below, outcome: outcome))
    }

    private func readOutcomeTarget(_ entry: NodeReader.Entry) -> OutcomeTarget? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.outcomeTarget) else { return nil }
        let share = keys["share"].flatMap { reader.number($0.value, $0.path, in: 0...1) }
        let reduction = keys["reduction"].flatMap { reader.number($0.value, $0.path, in: 0...1) }
        let service = keys["service"].flatMap { serviceEntry in
            reader.string(serviceEntry.value, serviceEntry.path, what: "a service name").flatMap {
                lookup("service", $0, in: serviceNames, at: serviceEntry.value, serviceEntry.path)
            }
        }
        guard let share, let reduction, let service else { return nil }
        return OutcomeTarget(share: share, service: service, reduction: reduction)
    }

    private func readCapitationModel(_ entry: NodeReader.Entry) -> CapitationTerms? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.capitationModel) else { return nil }
        return capitationTerms(keys)
    }

    /// Risk weights by cohort, written as a cohort-varying value of plain numbers.
    private func riskWeights(_ entry: NodeReader.Entry?) -> [Double]? {
        guard let entry else { return cohorts.map { _ in 1 } }
        guard let value = cohortValue(entry.value, entry.path, .nonNegative) else { return nil }
        if let uncertain = value.parameters.first(where: { $0.distribution.isUncertain }) {
            diagnostics.error(at: entry.value, uncertain.path, "risk weights are agreed contract terms: expected a number, found a \(uncertain.distribution.familyName) distribution")
            return nil
        }
        return cohorts.enumerated().map { c, cohort in value.value(for: cohort, index: c) { $0.distribution.mean } }
    }

    private func readCohortBudgetModel(_ entry: NodeReader.Entry) -> PaymentModel? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.cohortBudgetModel) else { return nil }
        let budget: CohortBudgetTerms.Budget?
        switch (keys["amount"], keys["rate"]) {
        case (let amountEntry?, nil):
            if let weights = keys["risk_weights"] {
                diagnostics.error(at: weights.keyNode, weights.path, "`risk_weights` apply to a capitated budget (`rate`), not to `amount`")
            }
            let amount = yearlyNumbers(amountEntry.value, amountEntry.path)
            let indexation = indexationOfSingle(keys, amount: amount)
            budget = amount.flatMap { amount in indexation.map { .amount(amount, indexation: $0) } }
        case (nil, _?):
            budget = capitationTerms(keys).map(CohortBudgetTerms.Budget.capitated)
        case (_?, let rate?):
            diagnostics.error(at: rate.keyNode, rate.path, "give the budget as `amount` or as a capitated `rate`, not both")
            budget = nil
        case (nil, nil):
            diagnostics.error(at: entry.value, entry.path, "missing the budget: `amount` (£ a year) or `rate` (£ a person a year)")
            budget = nil
        }
        let gain = keys["gain"].map(readRiskShare) ?? (0, .infinity)
        let loss = keys["loss"].map(readRiskShare) ?? (0, .infinity)
        guard let budget, let gain, let loss else { return nil }
        return .cohortBudget(CohortBudgetTerms(budget: budget, gainShare: gain.share, gainCap: gain.cap, lossShare: loss.share, lossCap: loss.cap))
    }

    /// A capitation, or the capitated form of a cohort budget: `rate`, `indexation`, `risk_weights`.
    private func capitationTerms(_ keys: [String: NodeReader.Entry]) -> CapitationTerms? {
        let rate = keys["rate"].flatMap { reader.number($0.value, $0.path, in: 0...Double.infinity) }
        let indexation = optionalNumber(keys, "indexation", default: 0, in: -1...Double.infinity)
        let weights = riskWeights(keys["risk_weights"])
        guard let rate, let indexation, let weights else { return nil }
        return CapitationTerms(rate: rate, indexation: indexation, riskWeights: weights)
    }

    private func readRiskShare(_ entry: NodeReader.Entry) -> (share: Double, cap: Double)? {
        guard let keys = reader.object(entry.value, entry.path, ScenarioSchema.riskShare) else { return nil }
        let share = keys["share"].flatMap { reader.number($0.value, $0.path, in: 0...1) }
        let cap = optionalNumber(keys, "cap", default: .infinity, in: 0...Double.infinity)
        guard let share, let cap else { return nil }
        return (share, cap)
    }
}
