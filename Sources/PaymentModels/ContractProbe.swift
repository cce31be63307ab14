import MonteCarlo
import ScenarioModel

/// What the Monte Carlo engine must record for a scenario's contracts: one stream per contract
/// and observed service (its activity in the covered cohorts), one population weighting per
/// capitated model, and, for the prevention run, the demand to scale.
public struct ContractProbe: Sendable {
    public let probe: ActivityProbe
    /// Stream of contract k's observed service i: `streams[k][i]`.
    public let streams: [[Int]]
    /// Weighting of contract k's model m, or nil when the model is not capitated.
    public let weightings: [[Int?]]
    let masks: [[Bool]]
    let contracts: [Contract]
    let serviceCount: Int

    public init(scenario: Scenario) {
        var streamList: [ActivityProbe.Stream] = []
        var weightList: [[Double]] = []
        var streams: [[Int]] = []
        var weightings: [[Int?]] = []
        var masks: [[Bool]] = []
        for contract in scenario.contracts {
            let mask = scenario.cohorts.map(contract.covers)
            masks.append(mask)
            streams.append(contract.observedServices.map { s in
                streamList.append(.init(service: s, cohorts: mask))
                return streamList.count - 1
            })
            weightings.append(contract.models.map { model in
                guard let weights = model.riskWeights else { return nil }
                weightList.append(zip(weights, mask).map { $1 ? $0 : 0 })
                return weightList.count - 1
            })
        }
        probe = ActivityProbe(streams: streamList, populationWeights: weightList)
        self.streams = streams
        self.weightings = weightings
        self.masks = masks
        contracts = scenario.contracts
        serviceCount = scenario.services.count
    }

    /// The same probe with contract k's demand (its covered services in its covered cohorts)
    /// multiplied by `1 − reduction`: "prevention removes 1% of the contract's demand".
    public func prevention(contract k: Int, reduction: Double) -> ActivityProbe {
        let C = masks[k].count
        var scale = [Double](repeating: 1, count: serviceCount * C)
        for s in contracts[k].services {
            for c in 0..<C where masks[k][c] { scale[s * C + c] = 1 - reduction }
        }
        return ActivityProbe(streams: probe.streams, populationWeights: probe.populationWeights, demandScale: scale)
    }
}
