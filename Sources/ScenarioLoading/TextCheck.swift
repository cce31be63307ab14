import Foundation

/// Byte-level checks made before the YAML parser sees a file, so that each problem gets a line
/// and column of its own and a message that names it (libyaml reports a tab as "found character
/// that cannot start any token" and gives no position for bytes that are not UTF-8).
enum TextCheck {
    /// The text of `data`, or the diagnostics for the first byte that is not UTF-8, for control
    /// characters, and for tabs in indentation (one per line, at most ``limit`` in all).
    static func text(_ data: Data, file: String) -> Result<String, ScenarioLoadError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            let hex = String(format: "0x%02X", bytes[bad])
            return .failure(.invalid([Diagnostic(file: file, line: line, column: column, path: "",
                                                 message: "byte \(hex) is not UTF-8 text; save the file as UTF-8")]))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let diagnostics = layout(text, file: file)
        return diagnostics.isEmpty ? .success(text) : .failure(.invalid(diagnostics))
    }

    static let limit = 10

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the allowed range of the second byte
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no UTF-16 surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return i }
                let byte = bytes[i + k]
                if k == 1 ? !(low...high).contains(byte) : !(0x80...0xBF).contains(byte) { return i }
            }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Control characters (YAML allows tab, line feed and carriage return only) and tabs in
    /// the indentation (YAML indents with spaces only), each positioned.
    static func layout(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where found.count < limit {
            var column = 0, indenting = true
            for scalar in line.unicodeScalars {
                column += 1
                if scalar == "\t" && indenting {
                    found.append(Diagnostic(file: file, line: index + 1, column: column, path: "",
                                            message: "a tab in the indentation; YAML indents with spaces only (replace the tab with spaces)"))
                    break
                }
                if scalar != " " && scalar != "\t" { indenting = false }
                if isForbidden(scalar) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    found.append(Diagnostic(file: file, line: index + 1, column: column, path: "",
                                            message: "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) is not allowed in YAML; delete it"))
                    break
                }
            }
        }
        return found
    }

    /// Characters YAML 1.1 does not allow in a stream (tab, LF, CR and NEL are allowed).
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        case 0x80...0x9F: return scalar.value != 0x85
        case 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
