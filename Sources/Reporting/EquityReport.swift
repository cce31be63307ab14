import RunAnalysis

/// What `phm equity --json` prints: per option, the groups and the equity block of summary.json.
public struct EquityReport: Encodable {
    public struct Option: Encodable {
        public let name: String
        public let groups: [GroupSummary]
        public let equity: RunAnalysis.Equity
    }

    public let scenario: String
    public let inequalityAxis: String
    public let groups: [String]
    public let options: [Option]

    public init(_ summary: RunSummary) {
        scenario = summary.scenario
        inequalityAxis = summary.inequalityAxis
        groups = summary.groups
        options = summary.options.map { Option(name: $0.name, groups: $0.groups, equity: $0.equity) }
    }
}
