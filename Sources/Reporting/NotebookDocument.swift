import Foundation

/// A Markdown notebook: prose, fenced ```` ```phm ```` blocks of command lines, and after each
/// block the output section that `phm notebook` writes:
///
///     ```phm
///     phm compare Scenarios/pphmi-fund.yaml --draws 200
///     ```
///
///     <!-- phm-output -->
///     ```text
///     …output of the commands…
///     ```
///
/// Parsing keeps every other line as it is, so rewriting a notebook changes only its outputs.
public struct NotebookDocument {
    /// One ```` ```phm ```` block.
    public struct Block: Equatable {
        /// 1-based line of the opening fence (for messages).
        public let line: Int
        /// Each command line with its own 1-based line number; blank lines and `#` comments are skipped.
        public let commands: [(line: Int, text: String)]
        /// 0-based index of the closing fence.
        public let closingFence: Int
        /// 0-based indices of the output section (marker through closing fence), if there is one.
        public let output: ClosedRange<Int>?

        public static func == (a: Block, b: Block) -> Bool {
            a.line == b.line && a.closingFence == b.closingFence && a.output == b.output
                && a.commands.map(\.line) == b.commands.map(\.line) && a.commands.map(\.text) == b.commands.map(\.text)
        }
    }

    /// What is wrong with a notebook's structure, with its line.
    public struct Problem: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static let marker = "<!-- phm-output -->"

    public let lines: [String]
    public let blocks: [Block]

    public init(_ text: String) throws {
        lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            if let fence = Self.fence(of: trimmed), trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces) == "phm" {
                let start = i
                var commands: [(Int, String)] = []
                i += 1
                while i < lines.count, Self.closes(lines[i], fence: fence) == false {
                    let command = lines[i].trimmingCharacters(in: .whitespaces)
                    if !command.isEmpty, !command.hasPrefix("#") { commands.append((i + 1, command)) }
                    i += 1
                }
                guard i < lines.count else { throw Problem(line: start + 1, message: "the ```phm block is never closed") }
                let closing = i
                blocks.append(Block(line: start + 1, commands: commands, closingFence: closing, output: try Self.outputSection(after: closing, in: lines)))
                i = blocks.last!.output?.upperBound ?? closing
            } else if let fence = Self.fence(of: trimmed) {
                // Skip any other fenced block, so a ```phm inside it is not run.
                i += 1
                while i < lines.count, !Self.closes(lines[i], fence: fence) { i += 1 }
            }
            i += 1
        }
        self.blocks = blocks
    }

    /// The notebook with each block's output section replaced by (or given) `outputs[b]`.
    public func replacingOutputs(_ outputs: [String]) -> String {
        precondition(outputs.count == blocks.count)
        var result: [String] = []
        var next = 0
        for (block, output) in zip(blocks, outputs) {
            result += lines[next...block.closingFence]
            let body = output.components(separatedBy: "\n")
            let longestRun = body.map(Self.longestBacktickRun).max() ?? 0
            let fence = String(repeating: "`", count: max(3, longestRun + 1))
            result += ["", Self.marker, fence + "text"] + body + [fence]
            next = (block.output?.upperBound ?? block.closingFence) + 1
        }
        if next < lines.count { result += lines[next...] }
        return result.joined(separator: "\n")
    }

    /// The text of each block's current output section ("" when it has none).
    public var currentOutputs: [String] {
        blocks.map { block in
            guard let range = block.output, let marker = range.first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == Self.marker }) else { return "" }
            return lines[(marker + 2)..<range.upperBound].joined(separator: "\n")
        }
    }

    /// The output section after a closing fence: blank lines, the marker, then one fenced block.
    public static func outputSection(after closing: Int, in lines: [String]) throws -> ClosedRange<Int>? {
        var j = closing + 1
        while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
        guard j < lines.count, lines[j].trimmingCharacters(in: .whitespaces) == marker else { return nil }
        guard j + 1 < lines.count, let fence = fence(of: lines[j + 1].trimmingCharacters(in: .whitespaces)) else {
            throw Problem(line: j + 1, message: "\(marker) must be followed by a fenced block (```text)")
        }
        var k = j + 2
        while k < lines.count, !closes(lines[k], fence: fence) { k += 1 }
        guard k < lines.count else { throw Problem(line: j + 2, message: "the output block is never closed") }
        return (closing + 1)...k
    }

    /// The backticks that open a fence (three or more), if the line starts one.
    public static func fence(of trimmed: String) -> String? {
        let run = trimmed.prefix { $0 == "`" }
        return run.count >= 3 ? String(run) : nil
    }

    public static func closes(_ line: String, fence: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix(fence) && trimmed.allSatisfy { $0 == "`" }
    }

    public static func longestBacktickRun(_ line: String) -> Int {
        var longest = 0, current = 0
        for character in line {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
