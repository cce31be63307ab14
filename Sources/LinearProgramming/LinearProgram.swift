/// A linear program held as plain values: named variables with bounds, named constraints, and a
/// linear objective with a constant offset.
///
/// The constraint matrix is stored as coordinate triplets in the order the constraints were added,
/// so adding a constraint of n terms is O(n); ``ClpModel`` turns them into Clp's column-major
/// arrays in O(nnz + columns) when the program is solved. Nothing is checked while building (the
/// builders cannot fail); ``validate()`` runs before every solve and export and names the first
/// variable or constraint that is wrong.
public struct LinearProgram: Sendable {
    public enum Direction: Sendable {
        case minimise, maximise
    }

    public var direction: Direction
    /// The most simplex iterations a solve may take before it stops with
    /// ``LinearProgramError/iterationLimit(iterations:)``; `nil` leaves Clp's own limit.
    public var iterationLimit: Int?

    var variableNames: [String] = []
    var lowerBounds: [Double] = []
    var upperBounds: [Double] = []
    var objectiveCoefficients: [Double] = []
    var objectiveConstant: Double = 0

    var constraintNames: [String] = []
    var relations: [Relation] = []
    var rightHandSides: [Double] = []
    /// The constant of each constraint's expression; it moves to the right-hand side when loaded.
    var constraintConstants: [Double] = []

    /// Matrix entries as (row, column, value) triplets, rows in non-decreasing order.
    var entryRows: [Int] = []
    var entryColumns: [Int] = []
    var entryValues: [Double] = []
    /// The first term whose variable index was out of range (reported by `validate`).
    var danglingTerm: (constraint: String, index: Int)?

    public init(direction: Direction) {
        self.direction = direction
    }

    /// Adds a column with bounds `lower ≤ x ≤ upper` and objective coefficient `objective`.
    /// Use `-.infinity` / `.infinity` for a free side.
    @discardableResult
    public mutating func addVariable(_ name: String, lower: Double = 0, upper: Double = .infinity,
                                     objective: Double = 0) -> Variable {
        variableNames.append(name)
        lowerBounds.append(lower)
        upperBounds.append(upper)
        objectiveCoefficients.append(objective)
        return Variable(index: variableNames.count - 1)
    }

    /// Adds the row `expression relation rhs`; the expression's constant is moved to the right.
    /// O(number of terms).
    @discardableResult
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression,
                                       _ relation: Relation, _ rhs: Double) -> Constraint {
        let row = constraintNames.count
        constraintNames.append(name)
        relations.append(relation)
        rightHandSides.append(rhs)
        constraintConstants.append(expression.constant)
        entryRows.reserveCapacity(entryRows.count + expression.terms.count)
        for (variable, coefficient) in expression.terms {
            if (variable.index < 0 || variable.index >= variableNames.count), danglingTerm == nil {
                danglingTerm = (name, variable.index)
            }
            entryRows.append(row)
            entryColumns.append(variable.index)
            entryValues.append(coefficient)
        }
        return Constraint(index: row)
    }

    /// Replaces every objective coefficient; the constant is kept as the objective's offset.
    /// Variables not in `expression` get coefficient 0; repeated variables are summed.
    public mutating func setObjective(_ expression: LinearExpression) {
        objectiveCoefficients = Array(repeating: 0, count: variableNames.count)
        objectiveConstant = expression.constant
        for (variable, coefficient) in expression.terms {
            guard objectiveCoefficients.indices.contains(variable.index) else {
                if danglingTerm == nil { danglingTerm = ("objective", variable.index) }
                continue
            }
            objectiveCoefficients[variable.index] += coefficient
        }
    }

    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        lowerBounds[variable.index] = lower
        upperBounds[variable.index] = upper
    }

    public mutating func setRightHandSide(_ constraint: Constraint, _ rhs: Double) {
        rightHandSides[constraint.index] = rhs
    }

    public var variableCount: Int { variableNames.count }
    public var constraintCount: Int { constraintNames.count }
    /// Number of matrix entries as added (before repeated terms are summed).
    public var termCount: Int { entryValues.count }

    public func name(of variable: Variable) -> String { variableNames[variable.index] }
    public func name(of constraint: Constraint) -> String { constraintNames[constraint.index] }

    public func bounds(of variable: Variable) -> (lower: Double, upper: Double) {
        (lowerBounds[variable.index], upperBounds[variable.index])
    }

    public func objectiveCoefficient(of variable: Variable) -> Double {
        objectiveCoefficients[variable.index]
    }

    public var objectiveOffset: Double { objectiveConstant }

    public func rightHandSide(of constraint: Constraint) -> Double { rightHandSides[constraint.index] }
    public func relation(of constraint: Constraint) -> Relation { relations[constraint.index] }

    /// One-shot solve with a fresh Clp model (use ``LinearProgramSolver`` for a sequence of
    /// related solves, which warm-starts each from the previous basis).
    public func solve() throws(LinearProgramError) -> LinearProgramSolution {
        try LinearProgramSolver(self).solve()
    }

    /// Row bounds `[lower, upper]` of constraint `row` as Clp needs them (constant moved right).
    func rowBounds(_ row: Int) -> (lower: Double, upper: Double) {
        let rhs = rightHandSides[row] - constraintConstants[row]
        switch relations[row] {
        case .lessOrEqual: return (-.infinity, rhs)
        case .greaterOrEqual: return (rhs, .infinity)
        case .equal: return (rhs, rhs)
        }
    }
}
