/// What an allocation maximises (MODEL.md §5). Health is net of displaced health when the
/// scenario has `equity.opportunity_cost` (distributional cost-effectiveness analysis).
public enum AllocationObjective: Hashable, Sendable {
    /// Σ_g G_g, the total net QALY gain.
    case totalHealth
    /// Σ_g w_g G_g.
    case weighted([Double])
    /// max t with t ≤ h_g for every group: the worst-off group's final health.
    case maximin
    /// Σ_g p_g u(h_g), u(h) = h^(1−ε)/(1−ε) (ln h at ε = 1), by tangent lines (an outer
    /// approximation: the LP value is at least the exact value at its solution). The LP's value is
    /// the change in social welfare `Σ_g N_g (u(h_g) − u(b_g))` against today's distribution.
    case atkinson(epsilon: Double)
    /// Σ_g G_g with h_last − h_first ≤ δ.
    case gapLimit(Double)

    /// Name as written in `optimise.objective` and `--objective`.
    public var name: String {
        switch self {
        case .totalHealth: return "total-health"
        case .weighted: return "weighted"
        case .maximin: return "maximin"
        case .atkinson: return "atkinson"
        case .gapLimit: return "gap-limit"
        }
    }

    /// What the LP's objective value measures.
    public var units: String {
        switch self {
        case .totalHealth, .gapLimit: return "net QALYs gained (discounted, whole population)"
        case .weighted: return "weighted net QALYs gained"
        case .maximin: return "final health of the worst-off group"
        case .atkinson(let epsilon): return epsilon == 1
            ? "change in Σ N_g ln(h_g) against today" : "change in Σ N_g h_g^(1−ε)/(1−ε) against today"
        }
    }
}
