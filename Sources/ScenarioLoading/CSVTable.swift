import Foundation

/// A small comma-separated table that remembers the line each row came from, so a bad row is
/// reported at its line. Lines starting with `#` and blank lines are skipped; fields may be
/// double-quoted (with `""` for a quote inside).
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String]
        /// 1-based character column where each field starts, for diagnostics.
        let columns: [Int]
    }

    enum ReadError: Error, CustomStringConvertible {
        case noHeader
        case unterminatedQuote(line: Int)
        case notUTF8(line: Int, column: Int)

        var description: String {
            switch self {
            case .noHeader: return "the file has no header row"
            case .unterminatedQuote(let line): return "line \(line) has an unterminated quote"
            case .notUTF8: return "a byte that is not UTF-8 text; save the table as UTF-8 CSV"
            }
        }
    }

    let header: [String]
    let headerLine: Int
    let headerColumns: [Int]
    let rows: [Row]

    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        if let bad = TextCheck.firstInvalidUTF8(bytes) {
            let (line, column) = TextCheck.position(of: bad, in: bytes)
            throw ReadError.notUTF8(line: line, column: column)
        }
        try self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    init(text: String) throws {
        var parsed: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let (fields, columns) = try Self.fields(of: String(line), line: index + 1)
            parsed.append(Row(line: index + 1, fields: fields, columns: columns))
        }
        guard let first = parsed.first else { throw ReadError.noHeader }
        header = first.fields
        headerLine = first.line
        headerColumns = first.columns
        rows = Array(parsed.dropFirst())
    }

    private static func fields(of line: String, line number: Int) throws -> ([String], [Int]) {
        var fields: [String] = []
        var columns: [Int] = [1]
        var position = 0
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            if pending == nil { position += 1 }
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        position += 1
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(ch) }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                fields.append(current.trimmingCharacters(in: .whitespaces))
                columns.append(position + 1)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if quoted { throw ReadError.unterminatedQuote(line: number) }
        fields.append(current.trimmingCharacters(in: .whitespaces))
        return (fields, columns)
    }
}
