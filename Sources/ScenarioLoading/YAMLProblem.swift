import Foundation
import Yams

/// A YAML parser error in words a scenario author can act on, positioned, without libyaml's
/// internals (function names) and without echoing the file (Yams puts the whole text in some
/// errors).
enum YAMLProblem {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        switch error {
        case .duplicatedKeysInMapping(let keys, let context):
            return duplicate(keys: keys, first: context.mark, text: text, file: file)
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.lowercased().contains("nesting level") {
                return Diagnostic(file: file, line: mark.line, column: mark.column, path: "",
                                  message: "nested too deeply (a scenario needs a few levels, libyaml stops at 1000)")
            }
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(detail)")
        case .reader(let problem, let offset, _, _):
            let (line, column) = TextCheck.position(of: min(max(offset ?? 0, 0), text.utf8.count), in: Array(text.utf8))
            return Diagnostic(file: file, line: line, column: column, path: "", message: "cannot read the file: \(problem)")
        default:
            return Diagnostic(file: file, line: 0, column: 0, path: "", message: "not YAML that phm can read")
        }
    }

    /// Yams stops at the first mapping with a repeated key and gives only the first occurrence.
    /// To name the again's line and the key path, the first occurrence is renamed and the text
    /// parsed again: the mapping that holds the renamed key also holds the again.
    private static func duplicate(keys: [String], first: Mark, text: String, file: String) -> Diagnostic {
        let key = keys.first ?? ""
        let fallback = Diagnostic(file: file, line: first.line, column: first.column, path: key,
                                  message: "key `\(key)` appears twice in one mapping (first at line \(first.line))")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard first.line >= 1, first.line <= lines.count else { return fallback }
        var scalars = Array(lines[first.line - 1].unicodeScalars)
        var at = first.column - 1
        guard at >= 0, at < scalars.count else { return fallback }
        if scalars[at] == "\"" || scalars[at] == "'" { at += 1 }
        scalars.insert(contentsOf: marker.unicodeScalars, at: at)
        lines[first.line - 1] = String(String.UnicodeScalarView(scalars))
        guard let root = try? Yams.compose(yaml: lines.joined(separator: "\n")) else { return fallback }
        let renamed = marker + key
        guard let (path, again) = find(renamed: renamed, key: key, in: root, path: "") else { return fallback }
        let mark = again.mark ?? first
        return Diagnostic(file: file, line: mark.line, column: mark.column, path: NodeReader.join(path, key),
                          message: "key `\(key)` appears twice (first at line \(first.line))")
    }

    private static let marker = "Zphm-first-"

    /// The path of the mapping holding both `renamed` and `key`, and the node of `key`.
    private static func find(renamed: String, key: String, in node: Node, path: String) -> (String, Node)? {
        switch node {
        case .mapping(let mapping):
            let keys = mapping.keys
            if keys.contains(where: { $0.string == renamed }), let again = keys.first(where: { $0.string == key }) {
                return (path, again)
            }
            for (keyNode, value) in mapping {
                if let found = find(renamed: renamed, key: key, in: value, path: NodeReader.join(path, keyNode.string ?? "?")) { return found }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = find(renamed: renamed, key: key, in: item, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }
}
