/// A Clp model kept alive between solves so consecutive solves warm-start from the last basis
/// (frontier sweeps change one right-hand side or bound at a time). Not Sendable; one per task.
///
/// The first ``solve()`` loads the program and runs Clp's initial dual solve (presolve, then the
/// dual simplex). Later solves keep Clp's basis: after changes to right-hand
/// sides or bounds only, the dual simplex restarts from it (it is still dual feasible); after an
/// objective change, the primal simplex does (it is still primal feasible). Changes are collected
/// and handed to Clp once per solve.
public final class LinearProgramSolver {
    public private(set) var program: LinearProgram
    private let model = ClpModel()
    private var isLoaded = false
    private var rowBoundsChanged = false
    private var columnBoundsChanged = false
    private var objectiveChanged = false
    private var directionChanged = false

    public init(_ program: LinearProgram) {
        self.program = program
    }

    /// Iteration limit for the following solves (see ``LinearProgram/iterationLimit``).
    public var iterationLimit: Int? {
        get { program.iterationLimit }
        set { program.iterationLimit = newValue }
    }

    public func setRightHandSide(_ constraint: Constraint, _ rhs: Double) {
        program.setRightHandSide(constraint, rhs)
        rowBoundsChanged = true
    }

    public func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        program.setBounds(variable, lower: lower, upper: upper)
        columnBoundsChanged = true
    }

    public func setObjective(_ expression: LinearExpression) {
        program.setObjective(expression)
        objectiveChanged = true
    }

    public func setDirection(_ direction: LinearProgram.Direction) {
        program.direction = direction
        directionChanged = true
    }

    /// Solves the current program, warm-started from the previous solve's basis after the first.
    ///
    /// - Throws: ``LinearProgramError``: `.invalidProblem` before Clp is called if the program is
    ///   malformed; otherwise the mapping of Clp's status (``ClpStatus``: primal infeasible →
    ///   `.infeasible`, dual infeasible → `.unbounded`, stopped on a limit → `.iterationLimit`,
    ///   anything else non-optimal → `.solverFailure`).
    public func solve() throws(LinearProgramError) -> LinearProgramSolution {
        try program.validate()
        let algorithm: ClpModel.Algorithm
        if !isLoaded {
            model.load(program)
            isLoaded = true
            algorithm = .initial
        } else {
            if rowBoundsChanged { model.setRowBounds(from: program) }
            if columnBoundsChanged { model.setColumnBounds(from: program) }
            if objectiveChanged { model.setObjective(from: program) }
            if directionChanged { model.setDirection(program.direction) }
            algorithm = objectiveChanged || directionChanged ? .primal : .dual
        }
        rowBoundsChanged = false
        columnBoundsChanged = false
        objectiveChanged = false
        directionChanged = false
        model.setIterationLimit(program.iterationLimit)
        let status = model.optimise(algorithm)
        return try solution(status: status, after: algorithm)
    }

    /// Writes the current program as free MPS (see ``LinearProgram/writeMPS(to:)``).
    public func writeMPS(to path: String) throws(LinearProgramError) {
        try program.writeMPS(to: path)
    }

    private func solution(status: ClpStatus, after algorithm: ClpModel.Algorithm) throws(LinearProgramError) -> LinearProgramSolution {
        switch status {
        case .optimal where !model.isAbandoned:
            let constants = program.constraintConstants
            var activities = model.rowActivities
            for row in activities.indices { activities[row] += constants[row] }
            return LinearProgramSolution(
                objective: model.objectiveValue + program.objectiveConstant,
                iterations: model.iterations,
                values: model.columnValues,
                rowDuals: model.rowDuals,
                reducedCosts: model.reducedCosts,
                rowActivities: activities)
        case .primalInfeasible:
            throw .infeasible(conflicting: conflictingConstraints(after: algorithm))
        case .dualInfeasible:
            throw .unbounded(direction: unboundedVariables(after: algorithm))
        case .stoppedOnLimit:
            throw .iterationLimit(iterations: model.iterations)
        case .optimal, .stoppedOnErrors, .other:
            throw .solverFailure(status: status, detail: status == .stoppedOnErrors || model.isAbandoned
                ? "Clp abandoned the problem on numerical difficulties (secondary status \(model.secondaryStatus)); check for very large or very small coefficients"
                : "unexpected problem status (secondary status \(model.secondaryStatus))")
        }
    }

    /// Constraint names on Clp's Farkas ray. Presolve proves infeasibility without a ray, so when
    /// the initial solve has none the dual simplex is run once more, without presolve, to get one.
    private func conflictingConstraints(after algorithm: ClpModel.Algorithm) -> [String] {
        var rows = model.infeasibilityRayRows()
        if rows == nil, algorithm != .dual, model.optimise(.dual) == .primalInfeasible {
            rows = model.infeasibilityRayRows()
        }
        return (rows ?? []).map { program.constraintNames[$0] }
    }

    /// Variable names along Clp's unbounded ray, rerunning the primal simplex once if needed.
    private func unboundedVariables(after algorithm: ClpModel.Algorithm) -> [String] {
        var columns = model.unboundedRayColumns()
        if columns == nil, algorithm != .primal, model.optimise(.primal) == .dualInfeasible {
            columns = model.unboundedRayColumns()
        }
        return (columns ?? []).map { program.variableNames[$0] }
    }
}
