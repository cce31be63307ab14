/// A named variant of the scenario (MODEL.md §1 `options`); `base` is implicit and changes nothing.
public struct ScenarioOption: Hashable, Sendable {
    /// Money moved each year from one budget line to another.
    public struct Shift: Hashable, Sendable {
        public let from: BudgetLine
        public let to: BudgetLine
        public let amount: YearlyValue

        public init(from: BudgetLine, to: BudgetLine, amount: YearlyValue) {
            self.from = from
            self.to = to
            self.amount = amount
        }
    }

    /// A parameter replaced for this option alone; `target` is the path of the parameter it
    /// replaces, `value.path` is the option's own path (its random stream).
    public struct Override: Hashable, Sendable {
        public let target: String
        public let value: Parameter

        public init(target: String, value: Parameter) {
            self.target = target
            self.value = value
        }
    }

    public static let baseName = "base"

    public let name: String
    public let description: String
    public let shifts: [Shift]
    public let overrides: [Override]
    /// Yearly budgets this option gives whole lines (`budgets:`), `horizon` values each (£, year 0
    /// first). They replace the line's budget before `shift` applies (docs/MODEL-NOTES.md).
    public let budgets: [BudgetLine: [Double]]

    public init(name: String, description: String, shifts: [Shift], overrides: [Override], budgets: [BudgetLine: [Double]] = [:]) {
        self.name = name
        self.description = description
        self.shifts = shifts
        self.overrides = overrides
        self.budgets = budgets
    }

    /// The implicit option that changes nothing.
    public static let base = ScenarioOption(name: baseName, description: "Today's allocation", shifts: [], overrides: [])
}
