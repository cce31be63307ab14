extension ReportDocument {
    /// GitHub-flavoured Markdown; charts are linked as the `chart-*.svg` files beside it.
    public var markdown: String {
        var lines = ["# \(Self.inline(title))", "", "*\(Self.inline(subtitle))*", ""]
        for section in sections {
            lines += ["## \(Self.inline(section.heading))", ""]
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    lines += [Self.inline(text), ""]
                case .bullets(let items):
                    lines += items.map { "- \(Self.inline($0))" } + [""]
                case .table(let table):
                    lines.append("| " + table.header.map(Self.cell).joined(separator: " | ") + " |")
                    lines.append("|" + table.header.indices.map { table.numericColumns.contains($0) ? "---:" : ":---" }.joined(separator: "|") + "|")
                    lines += table.rows.map { "| " + $0.map(Self.cell).joined(separator: " | ") + " |" }
                    lines.append("")
                case .chart(let chart):
                    lines += ["![\(Self.inline(chart.caption))](\(chart.fileName))", "", "*\(Self.inline(chart.caption))*", ""]
                case .note(let text):
                    lines += ["<sub>\(Self.inline(text))</sub>", ""]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Text as Markdown: characters that would start markup are escaped, `**bold**` is kept.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "_", "[", "]", "<", ">", "#", "|": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }

    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "\n", with: " ")
    }
}
