/// A report as content, independent of its format: a title, then sections of paragraphs,
/// lists, tables and charts. ``ReportDocument/markdown`` and ``ReportDocument/html`` render
/// the same content, so `report.md` and `report.html` never disagree; commands add sections
/// of their own (a frontier, a payments section) by appending to ``sections``.
public struct ReportDocument: Sendable {
    public var title: String
    /// One line under the title: what was run, with which seed and draws.
    public var subtitle: String
    public var sections: [ReportSection]
    /// The first this many sections are the board brief (``BriefDocument``), also written alone
    /// as `brief.html`; 0 when the document has no brief.
    public var briefSectionCount = 0

    public init(title: String, subtitle: String, sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The board brief alone: the first ``briefSectionCount`` sections; nil when there are none.
    public var brief: ReportDocument? {
        guard briefSectionCount > 0 else { return nil }
        return ReportDocument(title: title, subtitle: subtitle, sections: Array(sections.prefix(briefSectionCount)))
    }

    /// Every chart in the document, in reading order.
    public var charts: [ReportChart] {
        sections.flatMap { $0.blocks.compactMap { if case .chart(let chart) = $0 { return chart } else { return nil } } }
    }
}

public struct ReportSection: Sendable {
    public var heading: String
    public var blocks: [ReportBlock]
    /// The first section after the brief: printed from a new page.
    public var startsAppendix: Bool

    public init(_ heading: String, _ blocks: [ReportBlock], startsAppendix: Bool = false) {
        self.heading = heading
        self.blocks = blocks
        self.startsAppendix = startsAppendix
    }
}

/// One block of a section. Paragraph and list text may mark words as `**bold**`; everything
/// else is plain text (escaped for HTML and Markdown by the renderers).
public enum ReportBlock: Sendable {
    case paragraph(String)
    case bullets([String])
    case table(ReportTable)
    case chart(ReportChart)
    /// Small print under a table or chart: definitions, units, caveats.
    case note(String)
}

public struct ReportTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Right-aligned columns (numbers); the rest are left-aligned.
    public var numericColumns: Set<Int>

    public init(header: [String], rows: [[String]], numericColumns: Set<Int>) {
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
    }
}

/// A chart as finished SVG, with the file stem it is saved under (`chart-NAME.svg`) and a caption.
public struct ReportChart: Sendable {
    public var name: String
    public var caption: String
    public var svg: String

    public init(name: String, caption: String, svg: String) {
        self.name = name
        self.caption = caption
        self.svg = svg
    }

    public var fileName: String { "chart-\(name).svg" }
}
