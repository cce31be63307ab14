/// `Σ coefficient · variable + constant`.
///
/// Terms are kept as an unsorted list; a variable may appear more than once and its coefficients
/// are summed when the program is loaded into the solver. Appending is amortised O(1), so building
/// an expression of n terms with `+=` or ``sum(_:)-swift.type.method`` is O(n).
public struct LinearExpression: Sendable {
    public var terms: [(Variable, Double)]
    public var constant: Double

    public init(_ terms: [(Variable, Double)] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    /// The expression `1 · variable`.
    public init(_ variable: Variable) {
        self.init([(variable, 1)])
    }

    /// `Σ coefficient · variable` over a sequence of terms, in one O(n) pass.
    public static func sum(_ terms: some Sequence<(Variable, Double)>) -> LinearExpression {
        LinearExpression(Array(terms))
    }

    /// `Σ variable` over a sequence of variables, each with coefficient 1.
    public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
        LinearExpression(variables.map { ($0, 1.0) })
    }

    /// `Σ expression` over a sequence of expressions (terms concatenated, constants added).
    public static func sum(_ expressions: some Sequence<LinearExpression>) -> LinearExpression {
        var total = LinearExpression()
        for expression in expressions { total += expression }
        return total
    }

    /// Appends `coefficient · variable` in place (amortised O(1)).
    public mutating func add(_ variable: Variable, _ coefficient: Double = 1) {
        terms.append((variable, coefficient))
    }

    /// The expression's value when each variable takes `value(variable)`.
    public func evaluate(_ value: (Variable) -> Double) -> Double {
        terms.reduce(constant) { $0 + $1.1 * value($1.0) }
    }
}
