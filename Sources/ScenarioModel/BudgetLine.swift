/// A line of the budget that money can move between: a service or an intervention.
public enum BudgetLine: Hashable, Sendable {
    case service(Int)
    case intervention(Int)
}
