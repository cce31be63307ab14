import Foundation

/// Seeded mutations of a scenario file, as a person or a broken tool would make them: byte
/// mutations (bit flips, stray bytes, cuts), structural ones (lines deleted, duplicated, moved,
/// re-indented, tabs) and semantic ones (numbers replaced by extremes, names by other names,
/// lists emptied, distribution families swapped). The same seed gives the same files.
public struct ScenarioMutator {
    /// Small, fast and enough for choosing mutations.
    private var generator: SplitMix64

    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// The kinds of mutation, for the figures a fuzz run reports.
    public enum Kind: String, CaseIterable, Sendable { case byte, structural, semantic }

    /// One to three mutations of `original`, all of one kind.
    public mutating func mutate(_ original: [UInt8], kind: Kind) -> [UInt8] {
        var bytes = original
        for _ in 0...below(3) {
            switch kind {
            case .byte: bytes = byteMutation(bytes)
            case .structural: bytes = Array(structuralMutation(Self.lines(bytes)).joined(separator: "\n").utf8)
            case .semantic: bytes = Array(semanticMutation(String(decoding: bytes, as: UTF8.self)).utf8)
            }
        }
        return bytes
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static let strayBytes: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x80, 0xC3, 0xED, 0xF4, 0xFE, 0xFF,
                                              0x22, 0x27, 0x3A, 0x2D, 0x5B, 0x5D, 0x7B, 0x7D, 0x26, 0x2A, 0x21, 0x25, 0x23, 0x7C, 0x3E, 0x40, 0x60]

    private mutating func byteMutation(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [pick(Self.strayBytes)] }
        var bytes = bytes
        let at = below(bytes.count)
        switch below(5) {
        case 0: bytes[at] ^= UInt8(1 << below(8))
        case 1: bytes.insert(pick(Self.strayBytes), at: at)
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(16)))
        case 3: bytes.removeSubrange(at...)
        default: bytes[at] = UInt8(truncatingIfNeeded: next())
        }
        return bytes
    }

    private mutating func structuralMutation(_ lines: [String]) -> [String] {
        guard lines.count > 1 else { return lines + ["x:"] }
        var lines = lines
        let i = below(lines.count)
        switch below(7) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: i)  // a duplicated key, most often
        case 2: lines.swapAt(i, min(i + 1, lines.count - 1))
        case 3: lines[i] = String(repeating: " ", count: 1 + below(2)) + lines[i]
        case 4:  // indentation by a tab
            let body = lines[i].drop { $0 == " " }
            if body.count < lines[i].count { lines[i] = "\t" + body }
        case 5: lines.insert(lines.remove(at: i), at: below(lines.count))
        default: lines[i] = lines[i].replacingOccurrences(of: ":", with: pick([" ", "::", ": :", ":-"]))
        }
        return lines
    }

    private static let numbers = ["0", "-1", "-2", "1e308", "-1e308", "1e-300", ".nan", ".inf", "-.inf", "2", "1.4", "999999999999999",
                                  "0.0", "x", "\"\"", "[]", "{}", "~", "1e12", "-0.5", "100000", "3.5", "1_000"]
    private static let names = ["base", "Q1", "imd", "age", "gp_appointment", "emergency_admission", "cohorts", "beta", "gamma",
                                String(repeating: "n", count: 300), "über", "a.b", "\"quoted\"", "-", "*ref", "&anchor"]
    private static let families = ["beta", "gamma", "normal", "lognormal", "uniform", "triangular", "pert", "poisson"]

    private mutating func semanticMutation(_ text: String) -> String {
        switch below(4) {
        case 0: return replaceOne(in: text, pattern: #"(?<![A-Za-z_0-9.])-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?(?![A-Za-z_0-9])"#, with: pick(Self.numbers))
        case 1: return replaceOne(in: text, pattern: #"(?<=[ {,\[])[a-z][a-z0-9_]*(?=[:,}\]])"#, with: pick(Self.names))
        case 2: return replaceOne(in: text, pattern: #"\[[^\[\]\n]*\]"#, with: pick(["[]", "[Q1]", "[x, x]", "{}"]))
        default: return replaceOne(in: text, pattern: #"(?<=dist: )[a-z]+"#, with: pick(Self.families))
        }
    }

    /// `text` with one match of `pattern` replaced, on a line chosen at random among those that
    /// have one (a few lines are tried: matching the whole file each time was slow).
    private mutating func replaceOne(in text: String, pattern: String, with replacement: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<20 {
            let i = below(lines.count)
            let line = lines[i]
            let matches = regex.matches(in: line, range: NSRange(line.startIndex..., in: line))
            guard !matches.isEmpty, let range = Range(pick(matches).range, in: line) else { continue }
            lines[i] = line.replacingCharacters(in: range, with: replacement)
            return lines.joined(separator: "\n")
        }
        return text
    }
}
