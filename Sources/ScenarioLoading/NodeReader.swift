import Foundation
import Yams

/// Reads typed values out of YAML nodes, reporting each problem with its position and key path.
///
/// Every method returns `nil` after reporting when a value is unusable, so parsing carries on
/// and one pass finds every problem.
struct NodeReader {
    let diagnostics: DiagnosticCollector

    /// The entries of a mapping, in file order, with their key nodes.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
        let path: String
    }

    /// Short description of what a node is, for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty || node.null != nil { return "nothing" }
            // A broken indentation can make one plain scalar of many lines: show its start only.
            let firstLine = scalar.string.prefix { $0 != "\n" }
            let shown = firstLine.count > 60 || firstLine.count < scalar.string.count ? "\(firstLine.prefix(60))…" : String(firstLine)
            return "`\(shown)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Whether the node is YAML null (`null`, `~` or nothing).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// All entries of a mapping, checking for duplicate keys. Reports and returns nil when the
    /// node is not a mapping.
    func entries(_ node: Node, _ path: String, expected: String) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(at: node, path, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        var seen: [String: Node] = [:]
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                diagnostics.error(at: keyNode, path, "keys must be plain names, found \(Self.describe(keyNode))")
                continue
            }
            let key = scalar.string
            let entryPath = Self.join(path, key)
            if let first = seen[key] {
                let line = first.mark.map { " (first at line \($0.line))" } ?? ""
                diagnostics.error(at: keyNode, entryPath, "key `\(key)` appears twice\(line)")
                continue
            }
            seen[key] = keyNode
            result.append(Entry(key: key, keyNode: keyNode, value: value, path: entryPath))
        }
        return result
    }

    /// The entries of an object checked against its key table: unknown keys are errors with the
    /// closest valid key, missing required keys are errors. Returns present keys by name.
    func object(_ node: Node, _ path: String, _ spec: ObjectSpec, extraKeys: [String] = [])
        -> [String: Entry]?
    {
        guard let list = entries(node, path, expected: "a mapping (\(spec.summary))") else { return nil }
        var byName: [String: Entry] = [:]
        let allowed = spec.keyNames + extraKeys
        for entry in list {
            if allowed.contains(entry.key) {
                byName[entry.key] = entry
            } else {
                let hint = NameSuggestion.hint(for: entry.key, among: allowed)
                diagnostics.error(
                    at: entry.keyNode, entry.path,
                    "unknown key `\(entry.key)`\(hint); expected one of: \(allowed.joined(separator: ", "))")
            }
        }
        for required in spec.requiredKeys where byName[required] == nil {
            diagnostics.error(at: node, Self.join(path, required), "missing required key `\(required)`: \(summary(of: required, in: spec))")
        }
        return byName
    }

    private func summary(of key: String, in spec: ObjectSpec) -> String {
        spec.keys.first { $0.name == key }?.summary ?? ""
    }

    /// A plain number. Quoted strings, booleans and text are errors.
    func number(_ node: Node, _ path: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              let value = Self.parseNumber(scalar.string)
        else {
            diagnostics.error(at: node, path, "expected a number, found \(Self.describe(node))")
            return nil
        }
        if let range, !range.contains(value) {
            diagnostics.error(at: node, path, "expected a number in \(Self.format(range)), found \(Self.format(value))")
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.replacingOccurrences(of: "_", with: "")) else {
            diagnostics.error(at: node, path, "expected a whole number, found \(Self.describe(node))")
            return nil
        }
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            diagnostics.error(at: node, path, "expected a whole number from \(range.lowerBound)\(upper), found \(value)")
            return nil
        }
        return value
    }

    /// A text scalar (any style).
    func string(_ node: Node, _ path: String, what: String = "a name") -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            diagnostics.error(at: node, path, "expected \(what), found \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// The nodes of a list.
    func sequence(_ node: Node, _ path: String, expected: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.error(at: node, path, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// Parses YAML numbers as people write them: `0.5`, `1e6`, `45_000_000`, `.5`.
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func format(_ range: ClosedRange<Double>) -> String {
        let upper = range.upperBound.isInfinite ? "∞" : format(range.upperBound)
        let lower = range.lowerBound.isInfinite ? "−∞" : format(range.lowerBound)
        return "[\(lower), \(upper)]"
    }
}
