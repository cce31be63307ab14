import ScenarioModel

/// Limits within which every value of a scenario can be sampled and simulated in finite double
/// precision, and the range each `set` path must respect. Anything `phm run` could fail on is
/// refused here, by `phm validate`, with a position (docs/MODEL-NOTES.md "Value limits").
enum ValueLimits {
    /// Largest magnitude of any number or distribution parameter: 10¹² (£1 trillion, a thousand
    /// times an ICS budget; people, rates and QALYs are far below). Products of two such values
    /// stay far from overflow (10³⁰⁸).
    static let magnitude = 1e12
    /// Baseline health is a life expectancy or QALE in years (MODEL.md §4, e.g. 63.2 for the
    /// most deprived fifth): at least 1, so that health stays positive, as the Atkinson index
    /// needs, after the per-person QALY changes of an option.
    static let baselineHealth: ClosedRange<Double> = 1...1000
    /// Largest £ per QALY threshold: £10 million, 500 times NICE's £20,000.
    static let threshold = 1e7
    /// Smallest shape of a gamma, or of either beta shape: below it a Gamma draw underflows to 0
    /// with a probability that is no longer negligible (P ≈ 10^(−308·k)), and beta draws (a
    /// ratio of two gammas) become 0/0.
    static let minimumShape = 0.05
    /// Largest coefficient of variation of a lognormal (σ² = ln(1 + cv²) ≤ 4.6).
    static let lognormalCV = 10.0

    /// Why `distribution` cannot be sampled within finite doubles; nil when it can.
    static func samplingProblem(_ distribution: Distribution) -> String? {
        let parameters: [Double]
        switch distribution {
        case .fixed(let v): parameters = [v]
        case .normal(let a, let b), .lognormal(let a, let b), .gamma(let a, let b), .beta(let a, let b),
             .lognormalInterval(let a, let b), .uniform(let a, let b):
            parameters = [a, b]
        case .triangular(let a, let b, let c), .pert(let a, let b, let c): parameters = [a, b, c]
        }
        if let big = parameters.first(where: { abs($0) > magnitude }) {
            return "\(NodeReader.format(big)) is beyond the largest value phm accepts (±10¹², see docs/MODEL-NOTES.md \"Value limits\")"
        }
        switch distribution {
        case .gamma(let mean, let sd):
            let shape = (mean / sd) * (mean / sd)
            return shape >= minimumShape ? nil
                : "gamma with mean \(NodeReader.format(mean)) and sd \(NodeReader.format(sd)) has shape (mean/sd)² = \(shortFormat(shape)); draws stay finite for shape ≥ \(minimumShape), i.e. sd ≤ \(shortFormat(mean / minimumShape.squareRoot()))"
        case .beta(let mean, let sd):
            let common = mean * (1 - mean) / (sd * sd) - 1
            let shapes = (mean * common, (1 - mean) * common)
            return min(shapes.0, shapes.1) >= minimumShape ? nil
                : "beta with mean \(NodeReader.format(mean)) and sd \(NodeReader.format(sd)) has shapes α = \(shortFormat(shapes.0)), β = \(shortFormat(shapes.1)); draws stay finite for both ≥ \(minimumShape) (a smaller sd)"
        case .lognormal(let mean, let sd):
            return sd / mean <= lognormalCV ? nil
                : "lognormal with sd more than \(NodeReader.format(lognormalCV)) times its mean (\(NodeReader.format(sd)) vs \(NodeReader.format(mean))) has draws beyond double precision"
        case .lognormalInterval(let p10, let p90):
            return p90 / p10 <= 1e4 ? nil : "lognormal with p90 more than 10,000 times p10 has draws beyond double precision"
        default:
            return nil
        }
    }

    private static func shortFormat(_ value: Double) -> String {
        value.isFinite && abs(value) >= 0.001 && abs(value) < 1e6 ? String(format: "%.3g", value) : String(format: "%.2e", value)
    }

    /// The range of the value at a `set` path, as the section that defines it checks it: e.g.
    /// `services.NAME.access` is a share, `multiply` factors are never negative.
    static func range(ofPath path: String) -> ValueRange {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 3 else { return .any }
        if parts.contains("multiply") { return .nonNegative }
        let field = parts[0] == "interventions" && parts.count >= 4 && parts[2] == "effects" ? "effects.\(parts[3])" : parts[2]
        return table["\(parts[0]).\(field)"] ?? .any
    }

    private static let table: [String: ValueRange] = [
        "needs.prevalence": .share, "needs.incidence": .share, "needs.exit_rate": .share,
        "needs.utility_loss": .nonNegative, "needs.excess_deaths": .yearlyRate, "needs.progression": .yearlyRate, "needs.use": .nonNegative,
        "services.unit_cost": .positive, "services.budget": .nonNegative, "services.base_rate": .nonNegative,
        "services.access": .share, "services.carryover": .share, "services.deaths_per_unmet": .nonNegative,
        "interventions.cost_per_participant": .nonNegative, "interventions.fixed_cost": .nonNegative,
        "interventions.budget": .nonNegative, "interventions.uptake": .share, "interventions.effects.access": .share,
        "interventions.effects.mortality": .share, "interventions.effects.progression": .share,
    ]
}
