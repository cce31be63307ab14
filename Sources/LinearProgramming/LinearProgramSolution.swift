/// An optimal solution, with the sensitivity information Clp reports, all in the program's own
/// direction: for a maximisation, a positive shadow price means more right-hand side raises the
/// optimum; for a minimisation, that it raises the (minimal) cost.
public struct LinearProgramSolution: Sendable {
    /// Optimal objective value including the constant, in the program's direction.
    public let objective: Double
    /// Simplex iterations this solve took (after a warm start: only the iterations since the
    /// previous basis).
    public let iterations: Int
    /// Every variable's value, by ``Variable/index``.
    public let values: [Double]
    let rowDuals: [Double]
    let reducedCosts: [Double]
    let rowActivities: [Double]

    init(objective: Double, iterations: Int, values: [Double], rowDuals: [Double],
         reducedCosts: [Double], rowActivities: [Double]) {
        self.objective = objective
        self.iterations = iterations
        self.values = values
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.rowActivities = rowActivities
    }

    public subscript(variable: Variable) -> Double { values[variable.index] }

    /// Shadow price: the change in the optimal objective per unit increase of the constraint's
    /// right-hand side (sign in the program's own direction, whatever Clp's internal convention).
    /// Zero for a constraint that is not binding.
    public func shadowPrice(_ constraint: Constraint) -> Double { rowDuals[constraint.index] }

    /// The change in the optimal objective per unit increase of the variable, holding the basis
    /// (meaningful for a variable at a bound; zero for a basic variable).
    public func reducedCost(_ variable: Variable) -> Double { reducedCosts[variable.index] }

    /// The value of the constraint's left-hand side, `Σ coefficient·variable + constant`.
    public func activity(_ constraint: Constraint) -> Double { rowActivities[constraint.index] }
}
