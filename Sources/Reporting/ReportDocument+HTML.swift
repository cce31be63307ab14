extension ReportDocument {
    /// One self-contained HTML page: inline CSS and SVG, no scripts, no network; prints on A4
    /// with each chart and table kept on one page.
    public var html: String {
        var body: [String] = ["<header>", "<h1>\(Self.escape(title))</h1>", "<p class=\"subtitle\">\(Self.escape(subtitle))</p>", "</header>"]
        for section in sections {
            body.append(section.startsAppendix ? "<section class=\"appendix\">" : "<section>")
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
        table { border-collapse: collapse; font-size: 12px; margin: 8px 0; width: 100%; }
        td:first-child { white-space: nowrap; }
        th, td { padding: 4px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { background: #f2f5f8; text-align: left; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        .interval { color: #666; font-size: 11px; }
        figure { margin: 16px 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { color: #444; font-size: 13px; margin-top: 4px; }
        /* Narrow screens: smaller type and wrapped numbers; tables of many columns, and every
           table on a phone, stack each row as a card of "heading: value" lines. Nothing scrolls
           sideways, so no column is ever hidden. */
        @media (max-width: 1000px) {
          main { padding: 16px; }
          table { font-size: 10.5px; }
          th, td { padding: 3px 4px; }
          .interval { white-space: normal; }
          table.wide thead { display: none; }
          table.wide, table.wide tbody, table.wide tr, table.wide td { display: block; width: auto; }
          table.wide tr { border: 1px solid #ddd; margin: 0 0 8px; padding: 4px; }
          table.wide td { border: none; text-align: left; padding: 1px 4px; }
          table.wide td::before { content: attr(data-label) ": "; color: #555; }
        }
        @media (max-width: 560px) {
          thead { display: none; }
          table, tbody, tr, td { display: block; width: auto; }
          tr { border: 1px solid #ddd; margin: 0 0 8px; padding: 4px; }
          td, td.num { border: none; text-align: left; padding: 1px 4px; }
          td::before { content: attr(data-label) ": "; color: #555; }
        }
        @media print {
          @page { size: A4; margin: 12mm; }
          body { font-size: 10.5px; line-height: 1.35; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 18px; }
          h2 { font-size: 14px; margin: 12px 0 4px; break-after: avoid; }
          p, ul { margin: 4px 0; }
          p.note, figcaption { font-size: 9px; }
          section.appendix { break-before: page; }
          figure { margin: 6px 0; }
          figure svg { max-height: 72mm; width: auto; }
          figure, table { break-inside: avoid; }
          table { font-size: 8.5px; }
          .interval { font-size: 8px; white-space: normal; }
        }
        """

    static func table(_ table: ReportTable) -> String {
        // A number with its interval, "+9,105 (+3,431 to +16,910)", puts the interval on a
        // second, smaller line so that wide tables still fit the page.
        func content(_ text: String, numeric: Bool) -> String {
            guard numeric, let split = text.range(of: " (") else { return escape(text) }
            return escape(String(text[..<split.lowerBound])) + "<br><span class=\"interval\">" + escape("(" + text[split.upperBound...]) + "</span>"
        }
        // Each cell carries its column's heading (data-label), which a stacked row shows before the value.
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { c, text in
                let label = tag == "td" && c < table.header.count ? " data-label=\"\(escape(table.header[c]))\"" : ""
                return "<\(tag)\(table.numericColumns.contains(c) ? " class=\"num\"" : "")\(label)>\(content(text, numeric: tag == "td" && table.numericColumns.contains(c)))</\(tag)>"
            }.joined()
        }
        return "<div class=\"table\"><table\(table.header.count > 10 ? " class=\"wide\"" : "")>\n<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n<tbody>\n"
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
