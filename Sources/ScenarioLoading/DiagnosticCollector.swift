import Yams

/// Collects every problem of one file so that a single pass reports them all.
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    func error(at node: Node?, _ path: String, _ message: String) {
        let mark = node?.mark
        error(line: mark?.line ?? 0, column: mark?.column ?? 0, path, message)
    }

    func error(line: Int, column: Int, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, path: path, message: message))
    }

    /// Adds diagnostics found in another file (a cohort table).
    func append(_ others: [Diagnostic]) {
        diagnostics.append(contentsOf: others)
    }

    /// Diagnostics by file (the scenario first), then line and column; duplicates removed.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        var fileOrder: [String: Int] = [file: 0]
        for d in diagnostics where fileOrder[d.file] == nil { fileOrder[d.file] = fileOrder.count }
        return diagnostics
            .filter { seen.insert($0).inserted }
            .sorted { (fileOrder[$0.file]!, $0.line, $0.column) < (fileOrder[$1.file]!, $1.line, $1.column) }
    }
}
