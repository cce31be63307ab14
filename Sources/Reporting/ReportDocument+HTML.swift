extension ReportDocument {
    /// One self-contained HTML page: inline CSS and SVG, no scripts, no network; prints on A4
    /// with each chart and table kept on one page.
    public var html: String {
        var body: [String] = ["<header>", "<h1>\(Self.escape(title))</h1>", "<p class=\"subtitle\">\(Self.escape(subtitle))</p>", "</header>"]
        for section in sections {
            body.append("<section>")
            body.append("<h2>\(Self.escape(section.heading))</h2>")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    body.append("<p>\(Self.rich(text))</p>")
                case .bullets(let items):
                    body.append("<ul>" + items.map { "<li>\(Self.rich($0))</li>" }.joined() + "</ul>")
                case .table(let table):
                    body.append(Self.table(table))
                case .chart(let chart):
                    body.append("<figure>\n\(chart.svg)<figcaption>\(Self.escape(chart.caption))</figcaption>\n</figure>")
                case .note(let text):
                    body.append("<p class=\"note\">\(Self.rich(text))</p>")
                }
            }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    static let style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 3px; }
        .subtitle { color: #555; margin: 0 0 8px; }
        p.note { color: #555; font-size: 13px; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 12px; margin: 8px 0; }
        td:first-child { white-space: nowrap; }
        th, td { padding: 4px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { background: #f2f5f8; text-align: left; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .interval { color: #666; font-size: 11px; }
        figure { margin: 16px 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { color: #444; font-size: 13px; margin-top: 4px; }
        @media print {
          @page { size: A4; margin: 14mm; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, table { break-inside: avoid; }
          table { font-size: 9px; }
          td.num, th.num { white-space: normal; }
        }
        """

    static func table(_ table: ReportTable) -> String {
        // A number with its interval, "+9,105 (+3,431 to +16,910)", puts the interval on a
        // second, smaller line so that wide tables still fit the page.
        func content(_ text: String, numeric: Bool) -> String {
            guard numeric, let split = text.range(of: " (") else { return escape(text) }
            return escape(String(text[..<split.lowerBound])) + "<br><span class=\"interval\">" + escape("(" + text[split.upperBound...]) + "</span>"
        }
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { c, text in
                "<\(tag)\(table.numericColumns.contains(c) ? " class=\"num\"" : "")>\(content(text, numeric: tag == "td" && table.numericColumns.contains(c)))</\(tag)>"
            }.joined()
        }
        return "<div class=\"table\"><table>\n<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n<tbody>\n"
            + table.rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }.joined(separator: "\n")
            + "\n</tbody>\n</table></div>"
    }

    /// Escaped text with `**bold**` as `<strong>`.
    static func rich(_ text: String) -> String {
        let parts = escape(text).components(separatedBy: "**")
        return parts.enumerated().map { i, part in i % 2 == 1 && i < parts.count - 1 ? "<strong>\(part)</strong>" : part }.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
