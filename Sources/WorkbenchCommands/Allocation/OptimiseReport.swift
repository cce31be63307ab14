import Allocation
import DrawStatistics
import RunAnalysis

/// What `phm optimise` reports (`summary.json`, `--json`): the LP's allocation and predictions
/// beside the Monte Carlo re-simulation of the chosen allocation (MODEL.md §5).
struct OptimiseReport: Codable {
    struct LineRow: Codable {
        let line: String
        /// Mean yearly budget today and at the optimum (£).
        let current: Double
        let optimal: Double
        let change: Double
        let lower: Double
        let upper: Double
        let binding: String?
        /// Objective per £1m more room at the binding bound.
        let boundPricePerMillion: Double?
    }

    struct PredictedGroup: Codable {
        let name: String
        let netGain: Double
        let health: Double
        let noWorseOffPrice: Double?
    }

    struct Predicted: Codable {
        let groups: [PredictedGroup]
        let totalNetGain: Double
        let costChange: Double
    }

    struct SimulatedGroup: Codable {
        let name: String
        /// Net QALY gain against base, mean and 95% interval over draws.
        let netGain: Interval
        let health: Interval
    }

    struct SimulatedOption: Codable {
        let name: String
        /// Change in total net health against base (QALYs), mean and 95% interval.
        let netHealth: Interval
        let cost: Interval
    }

    struct Simulated: Codable {
        let option: String
        let draws: Int
        let deterministic: Bool
        let groups: [SimulatedGroup]
        let totalNetGain: Interval
        let costChange: Interval
        /// Every option of the file and the optimised allocation, simulated together (CRN).
        let options: [SimulatedOption]
    }

    struct ShadowPrices: Codable {
        /// Objective gained per £1m more on the total (per year).
        let totalPerMillion: Double
        /// Gap-limit: QALYs forgone per unit of gap closed.
        let gap: Double?
        /// Every constraint with a non-zero shadow price, by its name in the MPS file.
        let constraints: [ConstraintPrice]
    }

    /// Size of the linear program and the simplex iterations Clp took.
    struct ProgramSize: Codable {
        let variables: Int
        let constraints: Int
        let iterations: Int
    }

    let status: String
    let scenario: String
    let objectiveName: String
    let objectiveUnits: String
    /// The LP's optimal value: the value of the objective of the MPS written by --write-mps.
    let objective: Double
    let total: Double
    let atMost: Bool
    let allocation: [LineRow]
    let predicted: Predicted
    let simulated: Simulated
    let shadowPrices: ShadowPrices
    let approximationGap: Double?
    let lp: ProgramSize
    let curveDraws: Int
    let curvesFromCache: Bool
    let warnings: [String]
    let notes: [String]
    /// `--refine`: every round of successive linear programming, round 0 the first LP's
    /// allocation; absent without `--refine`.
    var refinement: [AllocationRefinement.Round]? = nil
}
