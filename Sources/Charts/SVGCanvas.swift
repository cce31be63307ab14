/// A list of SVG elements built up by a chart, then wrapped in one `<svg>` document.
///
/// Text and attribute values are XML-escaped here, so scenario and option names with `&`, `<`
/// or quotes cannot break the markup. Coordinates are written with two decimals (a hundredth
/// of a pixel); data values are written in full in `data-*` attributes, so a test or a reader
/// can take the numbers back out of the drawing.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private(set) var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends one element: `name` with `attributes` (in the given order) and optional text.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attributeText = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if let text {
            elements.append("<\(name)\(attributeText)>\(Self.escape(text))</\(name)>")
        } else {
            elements.append("<\(name)\(attributeText)/>")
        }
    }

    /// Opens a group; every element appended until ``close(_:)`` belongs to it.
    public mutating func open(_ name: String = "g", _ attributes: [(String, String)]) {
        elements.append("<\(name)\(attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined())>")
    }

    public mutating func close(_ name: String = "g") {
        elements.append("</\(name)>")
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                              dash: String? = nil, className: String? = nil) {
        var attributes = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
                          ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.insert(("class", className), at: 0) }
        element("line", attributes)
    }

    public mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                              weight: String? = nil, fill: String = "#222", rotate: Double? = nil, className: String? = nil) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("text-anchor", anchor),
                          ("font-size", Self.number(size)), ("fill", fill)]
        if let weight { attributes.append(("font-weight", weight)) }
        if let rotate { attributes.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))")) }
        if let className { attributes.insert(("class", className), at: 0) }
        element("text", attributes, text: text)
    }

    /// The finished document. `title` and `description` become `<title>` and `<desc>`, which
    /// screen readers announce and browsers show as a tooltip.
    public func document(title: String, description: String, id: String) -> String {
        let head = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.number(width)) \(Self.number(height))" \
            width="\(Self.number(width))" height="\(Self.number(height))" role="img" aria-labelledby="\(Self.escape(id))-title \(Self.escape(id))-desc" \
            class="chart" id="\(Self.escape(id))" font-family="Helvetica, Arial, sans-serif">
            <title id="\(Self.escape(id))-title">\(Self.escape(title))</title>
            <desc id="\(Self.escape(id))-desc">\(Self.escape(description))</desc>
            <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>
            """
        return ([head] + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// `&`, `<`, `>`, `"` and `'` as XML entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with two decimals and no trailing zeros (`12.5`, `40`).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A data value in full (shortest form that reads back as the same double).
    public static func value(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }
}
