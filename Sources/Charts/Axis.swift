import Foundation

/// What one axis shows: its label, its unit and how tick values are written.
public struct Axis: Sendable {
    public var label: String
    /// Shown in brackets after the label, e.g. `QALYs` or `£ per QALY`.
    public var unit: String?
    public var format: TickFormat
    /// Whether the axis must reach 0 (bars always do).
    public var includesZero: Bool
    /// The smallest distance between ticks, e.g. 1 for whole years.
    public var minimumStep: Double?

    public init(_ label: String, unit: String? = nil, format: TickFormat = TickFormat(), includesZero: Bool = false, minimumStep: Double? = nil) {
        self.label = label
        self.unit = unit
        self.format = format
        self.includesZero = includesZero
        self.minimumStep = minimumStep
    }

    /// `label (unit)`.
    public var title: String { unit.map { "\(label) (\($0))" } ?? label }
}

/// How tick values are written: `prefix + grouped(value × scale) + suffix`, with as many
/// decimals as the tick step needs. `TickFormat(prefix: "£", suffix: "k", scale: 1e-3)` writes
/// 20000 as `£20k`; `TickFormat(suffix: "%", scale: 100)` writes 0.25 as `25%`.
public struct TickFormat: Sendable {
    public var prefix: String
    public var suffix: String
    public var scale: Double
    /// Thousands separators (false for years: 2026, not 2,026).
    public var grouping: Bool

    public init(prefix: String = "", suffix: String = "", scale: Double = 1, grouping: Bool = true) {
        self.prefix = prefix
        self.suffix = suffix
        self.scale = scale
        self.grouping = grouping
    }

    public static let percent = TickFormat(suffix: "%", scale: 100)
    /// Calendar years: whole numbers without separators.
    public static let year = TickFormat(grouping: false)

    /// The label of `value` on an axis whose ticks are `step` apart.
    public func label(_ value: Double, step: Double) -> String {
        let scaled = value * scale, scaledStep = abs(step * scale)
        let decimals = scaledStep > 0 ? max(0, min(6, -Int(floor(log10(scaledStep) + 1e-9)))) : 0
        let text = String(format: "%.\(decimals)f", abs(scaled))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Substring(parts[0]), groups: [Substring] = []
        while grouping, digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = digits.dropLast(3)
        }
        groups.insert(digits, at: 0)
        var body = groups.joined(separator: ",")
        if parts.count > 1 { body += "." + parts[1] }
        let isZero = !body.contains { $0 != "0" && $0 != "," && $0 != "." }
        return (scaled < 0 && !isZero ? "−" : "") + prefix + body + suffix
    }
}
