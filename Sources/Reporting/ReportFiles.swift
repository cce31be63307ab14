/// Writes a report into a results folder that is being built: `report.md`, `report.html`,
/// `brief.html` when the report opens with a board brief, and one `chart-NAME.svg` per chart
/// (which `report.md` links to; the HTML pages have them inline). Call before ``ResultsFolder/commit()``, so the report is part of the atomic folder.
public enum ReportFiles {
    public static func write(_ document: ReportDocument, to folder: ResultsFolder) throws {
        for chart in document.charts {
            try folder.write(chart.svg, to: chart.fileName)
        }
        try folder.write(document.markdown, to: "report.md")
        try folder.write(document.html, to: "report.html")
        if let brief = document.brief { try folder.write(brief.html, to: "brief.html") }
    }
}
