/// A decision variable of a ``LinearProgram``: a handle, valid only for the program that made it.
public struct Variable: Hashable, Sendable {
    /// Position of the variable's column in its program (0-based, in order of `addVariable`).
    public let index: Int

    public init(index: Int) {
        self.index = index
    }
}

/// A constraint (row) of a ``LinearProgram``: a handle, valid only for the program that made it.
public struct Constraint: Hashable, Sendable {
    /// Position of the constraint's row in its program (0-based, in order of `addConstraint`).
    public let index: Int

    public init(index: Int) {
        self.index = index
    }
}

/// How a constraint's left-hand side relates to its right-hand side.
public enum Relation: Sendable {
    case lessOrEqual, greaterOrEqual, equal
}
