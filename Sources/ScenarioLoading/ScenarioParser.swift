import Foundation
import ScenarioModel
import Yams

/// Turns a composed YAML document into a ``Scenario``, collecting every problem on the way.
///
/// Names are resolved in two passes: first the names of dimensions, cohorts, needs, services and
/// interventions are gathered, then every section is read, so references can point forwards.
struct ScenarioParser {
    let reader: NodeReader
    let directory: URL
    /// The scenario's folder as the user wrote it, to name files it refers to in messages.
    let directoryDisplay: String
    var diagnostics: DiagnosticCollector { reader.diagnostics }

    // Known names, filled before the sections that refer to them are read.
    var horizon = 1
    var dimensions: [ScenarioDimension] = []
    var cohorts: [Cohort] = []
    var cohortKeys: [String: Int] = [:]
    var needNames: [String] = []
    var serviceNames: [String] = []
    var interventionNames: [String] = []
    /// `PATH.multiply.DIM.LEVEL` paths that some option `set`s; a cohort-varying value that does
    /// not write such a factor gets a neutral one (fixed 1) so the option has a value to replace.
    var impliedFactors: Set<String> = []

    init(file: String, directory: URL) {
        self.reader = NodeReader(diagnostics: DiagnosticCollector(file: file))
        self.directory = directory
        self.directoryDisplay = (file as NSString).deletingLastPathComponent
    }

    /// How to name a file given relative to the scenario in a message.
    func displayPath(of relative: String) -> String {
        directoryDisplay.isEmpty || relative.hasPrefix("/") ? relative : (directoryDisplay as NSString).appendingPathComponent(relative)
    }

    func dimensionIndex(_ name: String) -> Int? { dimensions.firstIndex { $0.name == name } }

    /// Reports an unknown reference with the closest known name.
    func unknown(_ kind: String, _ name: String, among names: [String], at node: Node, _ path: String) {
        let hint = NameSuggestion.hint(for: name, among: names)
        let known = names.isEmpty ? "the scenario defines none" : "known: \(names.joined(separator: ", "))"
        diagnostics.error(at: node, path, "unknown \(kind) `\(name)`\(hint); \(known)")
    }

    func lookup(_ kind: String, _ name: String, in names: [String], at node: Node, _ path: String) -> Int? {
        if let index = names.firstIndex(of: name) { return index }
        unknown(kind, name, among: names, at: node, path)
        return nil
    }
}
