/// An incremental cost-effectiveness ratio `ICER = ΔC / ΔQ`, classified by the quadrant of the
/// cost-effectiveness plane so that a negative number is never reported as a ratio.
///
/// Reference: Drummond MF, Sculpher MJ, Claxton K, Stoddart GL, Torrance GW (2015) Methods for
/// the Economic Evaluation of Health Care Programmes, 4th edn. Oxford University Press.
public enum IncrementalRatio: Equatable, Sendable {
    /// More QALYs at more cost (north-east quadrant): £ per QALY gained, `ΔC / ΔQ > 0`.
    case costPerQALYGained(Double)
    /// At least as many QALYs at no more cost, and not identical: preferred at any threshold.
    case dominant
    /// At most as many QALYs at no less cost, and not identical: rejected at any threshold.
    case dominated
    /// Fewer QALYs at less cost (south-west quadrant): £ saved per QALY forgone, `ΔC / ΔQ > 0`;
    /// worth choosing only when the threshold is below this value.
    case savingPerQALYForgone(Double)
    /// No difference in QALYs or cost.
    case noDifference

    /// Classifies increments `(ΔQ, ΔC)`.
    public init(incrementalQALYs deltaQ: Double, incrementalCost deltaC: Double) {
        if deltaQ == 0 && deltaC == 0 {
            self = .noDifference
        } else if deltaQ >= 0 && deltaC <= 0 {
            self = .dominant
        } else if deltaQ <= 0 && deltaC >= 0 {
            self = .dominated
        } else if deltaQ > 0 {
            self = .costPerQALYGained(deltaC / deltaQ)
        } else {
            self = .savingPerQALYForgone(deltaC / deltaQ)
        }
    }
}
