/// A value given per year: one parameter for every year, or a list of exactly `horizon` of them
/// (budgets, and the amounts of option shifts).
public struct YearlyValue: Hashable, Sendable {
    /// One entry (the same every year) or `horizon` entries (year 0 first).
    public let values: [Parameter]

    public init(values: [Parameter]) {
        precondition(!values.isEmpty, "a yearly value needs at least one entry")
        self.values = values
    }

    public static func constant(_ parameter: Parameter) -> YearlyValue {
        YearlyValue(values: [parameter])
    }

    /// The parameter in force in year `t`.
    public func parameter(year t: Int) -> Parameter {
        values.count == 1 ? values[0] : values[t]
    }
}
