import Foundation

/// Reads elements and attributes back out of the SVG the charts write (a tiny regex reader:
/// enough for the flat, self-written markup, not a general XML parser).
struct SVGReader {
    let text: String

    /// The attributes of every `<name …>` element whose class is `className`.
    func elements(_ name: String, className: String) -> [[String: String]] {
        let pattern = try! NSRegularExpression(pattern: "<\(name)\\s([^>]*?)/?>")
        let attributePattern = try! NSRegularExpression(pattern: #"([\w-]+)="([^"]*)""#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            let body = String(text[Range(match.range(at: 1), in: text)!])
            var attributes: [String: String] = [:]
            for attribute in attributePattern.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                let key = String(body[Range(attribute.range(at: 1), in: body)!])
                let value = String(body[Range(attribute.range(at: 2), in: body)!])
                attributes[key] = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            }
            return attributes["class"] == className ? attributes : nil
        }
    }

    /// The plot's scales: (data lower, data upper, pixel start, pixel end) per axis.
    func scale(_ axis: String) -> (lower: Double, upper: Double, start: Double, end: Double)? {
        guard let plot = elements("g", className: "plot").first,
              let domain = plot["data-\(axis)-domain"]?.split(separator: " ").compactMap({ Double($0) }),
              let range = plot["data-\(axis)-range"]?.split(separator: " ").compactMap({ Double($0) }),
              domain.count == 2, range.count == 2 else { return nil }
        return (domain[0], domain[1], range[0], range[1])
    }

    /// A pixel mapped back to a data value through an axis scale.
    func value(ofPixel pixel: Double, axis: String) -> Double? {
        guard let s = scale(axis) else { return nil }
        return s.lower + (pixel - s.start) / (s.end - s.start) * (s.upper - s.lower)
    }
}
