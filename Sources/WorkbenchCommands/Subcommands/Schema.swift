import ArgumentParser
import ScenarioLoading

extension Workbench {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of the scenario language.",
            discussion: """
                Built from the same key tables the loader checks, so editors with a YAML language server complete and check keys as you type.

                Examples:
                  phm schema > scenario.schema.json
                  # then, first line of a scenario:  # yaml-language-server: $schema=scenario.schema.json
                """)

        func run() throws {
            print(JSONSchema.document())
        }
    }
}
