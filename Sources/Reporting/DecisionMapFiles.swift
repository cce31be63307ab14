import Charts
import RunAnalysis

/// The two-way part of `phm sensitivity --two-way A,B`: the decision map as text, CSV and chart.
enum DecisionMapFiles {
    /// `A, B, best, then each option's incremental NMB against base`: one row per grid point.
    static func csv(_ map: DecisionMap) -> String {
        var csv = CSVText(header: [map.first, map.second, "best_option"] + map.options.dropFirst().map { "incremental_nmb_\($0)" })
        for i in map.firstValues.indices {
            for j in map.secondValues.indices {
                csv.append([.number(map.firstValues[i]), .number(map.secondValues[j]), .text(map.best[i][j])]
                           + map.options.indices.dropFirst().map { .number(map.incrementalNMB[$0][i][j]) })
            }
        }
        return csv.text
    }

    static func value(_ x: Double) -> String { Formatting.grouped(x, decimals: Formatting.decimals(forMagnitude: x)) }

    /// Rows: the first parameter's values; columns: the second's; cells: a letter per option.
    static func text(_ map: DecisionMap) -> String {
        let letters = map.options.indices.map { String(UnicodeScalar(UInt8(65 + $0 % 26))) }
        var grid = TextGrid(header: ["\(map.first) ↓  \(map.second) →"] + map.secondValues.map(value),
                            alignments: [.left] + Array(repeating: .right, count: map.secondValues.count))
        for (i, x) in map.firstValues.enumerated() {
            grid.append([value(x)] + map.best[i].map { letters[map.options.firstIndex(of: $0)!] })
        }
        let key = map.options.enumerated().map { "\(letters[$0.offset]) = \($0.element)" }.joined(separator: ", ")
        return ["Two-way: the option with the highest net monetary benefit over a grid of the two parameters (others at their means); \(key).", "", grid.text].joined(separator: "\n")
    }

    static func chart(_ map: DecisionMap) -> ReportChart {
        var xs = Array(repeating: [Double](), count: map.options.count), ys = xs
        for i in map.firstValues.indices {
            for j in map.secondValues.indices {
                let o = map.options.firstIndex(of: map.best[i][j])!
                xs[o].append(map.firstValues[i])
                ys[o].append(map.secondValues[j])
            }
        }
        var chart = ScatterChart(
            frame: ChartFrame(title: "Decision map: the best value over two parameters", height: 460),
            xAxis: Axis(map.first), yAxis: Axis(map.second),
            series: map.options.indices.filter { !xs[$0].isEmpty }.map {
                ScatterChart.Series(name: map.options[$0], colour: Palette.colour($0), xs: xs[$0], ys: ys[$0])
            },
            description: "Each dot is a grid point of the two parameters, coloured by the option with the highest net monetary benefit there.")
        chart.showsMeans = false
        return ReportChart(name: "decision-map", caption: "The option with the highest net monetary benefit (base included) at each point of a grid of \(map.first) (across) and \(map.second) (up), every other parameter at its mean.", svg: chart.svg(id: "decision-map"))
    }
}
