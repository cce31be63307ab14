import ArgumentParser

/// The `phm` command: simulate, compare and reallocate population-health budgets.
@available(macOS 10.15, *)
public struct Workbench: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "phm",
        abstract: "Population health management workbench: need → demand → supply → cost → QALYs, by group.",
        discussion: """
            Scenarios are YAML files (see Scenarios/ and docs/SCENARIOS.md). Start with:
              phm validate Scenarios/ics-core20plus5.yaml
              phm run Scenarios/ics-core20plus5.yaml --draws 1000
              phm new my-ics   (writes my-ics.yaml)
            Exit codes: 0 ok, 64 usage, 65 invalid scenario, 66 missing or empty file, 70 internal error, 73 cannot create an output, 74 read or write failed, 130 interrupted (Ctrl-C).
            """,
        version: WorkbenchVersion.current,
        subcommands: [Run.self, Merge.self, Submit.self, Equity.self, Compare.self, Voi.self, Sensitivity.self, Optimise.self, Frontier.self, Payments.self, Validate.self, New.self,
                      Schema.self, Notebook.self])

    public init() {}
}

/// The tool version recorded in every results folder.
public enum WorkbenchVersion {
    public static let current = "0.1.0"
}
