import Foundation
import ScenarioModel
import Yams

extension ScenarioParser {
    /// Reads `dimensions`: each a non-empty list of distinct level names.
    mutating func readDimensions(_ node: Node, _ path: String) {
        guard let entries = reader.entries(node, path, expected: "a mapping {DIMENSION: [LEVEL, …]}") else { return }
        if entries.isEmpty { diagnostics.error(at: node, path, "expected at least one dimension, e.g. imd: [Q1, Q2, Q3, Q4, Q5]") }
        for entry in entries {
            guard let items = reader.sequence(entry.value, entry.path, expected: "a list of levels") else { continue }
            var levels: [String] = []
            for (i, item) in items.enumerated() {
                guard let level = reader.string(item, "\(entry.path).\(i)", what: "a level name") else { continue }
                if levels.contains(level) {
                    diagnostics.error(at: item, "\(entry.path).\(i)", "level `\(level)` is listed twice")
                } else if level.contains("/") {
                    diagnostics.error(at: item, "\(entry.path).\(i)", "level names cannot contain `/` (it joins levels in by_cohort keys)")
                } else {
                    levels.append(level)
                }
            }
            if items.isEmpty { diagnostics.error(at: entry.value, entry.path, "expected at least one level") }
            dimensions.append(ScenarioDimension(name: entry.key, levels: levels))
        }
    }

    /// Reads `cohorts`: inline rows or `{table: FILE.csv}` relative to the scenario.
    mutating func readCohorts(_ node: Node, _ path: String) {
        if case .mapping = node {
            guard let keys = reader.object(node, path, ScenarioSchema.cohortTable),
                  let tableEntry = keys["table"],
                  let file = reader.string(tableEntry.value, tableEntry.path, what: "a CSV file name")
            else { return }
            readCohortTable(file: file, node: tableEntry.value, path: tableEntry.path)
            return
        }
        guard let rows = reader.sequence(node, path, expected: "a list of cohort rows or {table: FILE.csv}") else { return }
        if rows.isEmpty { diagnostics.error(at: node, path, "expected at least one cohort") }
        for (i, row) in rows.enumerated() {
            let rowPath = "\(path).\(i)"
            guard let keys = reader.object(row, rowPath, ScenarioSchema.cohortRow, extraKeys: dimensions.map(\.name)) else { continue }
            var levels: [Int] = []
            for dimension in dimensions {
                guard let entry = keys[dimension.name] else {
                    diagnostics.error(at: row, "\(rowPath).\(dimension.name)", "missing the cohort's level of dimension `\(dimension.name)` (one of \(dimension.levels.joined(separator: ", ")))")
                    continue
                }
                guard let name = reader.string(entry.value, entry.path, what: "a level name") else { continue }
                guard let level = dimension.levels.firstIndex(of: name) else {
                    unknown("level of `\(dimension.name)`", name, among: dimension.levels, at: entry.value, entry.path)
                    continue
                }
                levels.append(level)
            }
            let population = keys["population"].flatMap { parameter($0.value, $0.path, .nonNegative) }
            let utility = keys["utility"].flatMap { parameter($0.value, $0.path, .share) }
            let growth = keys["growth"].map { parameter($0.value, $0.path, .growthRate) } ?? .fixed(0, at: "\(rowPath).growth")
            // Optional: absent = no value after the horizon; given but unusable = nil (reported).
            let afterHorizon = keys["qalys_after_horizon"].map { parameter($0.value, $0.path, .nonNegative) }
            guard levels.count == dimensions.count, let population, let utility, let growth, afterHorizon != .some(nil) else { continue }
            let cohort = Cohort(levels: levels, population: population, utility: utility, growth: growth, qalysAfterHorizon: afterHorizon ?? nil)
            addCohort(cohort, at: row, rowPath)
        }
    }

    private mutating func addCohort(_ cohort: Cohort, at node: Node?, _ path: String, line: Int = 0) {
        let key = cohort.key(in: dimensions)
        if let first = cohortKeys[key] {
            let message = "cohort \(key) is listed twice (first as cohort \(first + 1)); merge the rows"
            if let node { diagnostics.error(at: node, path, message) } else { diagnostics.error(line: line, column: 1, path, message) }
            return
        }
        cohortKeys[key] = cohorts.count
        cohorts.append(cohort)
    }

    /// Reads a cohort CSV; problems are reported at the CSV's own file, line and column.
    private mutating func readCohortTable(file: String, node: Node, path: String) {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : directory.appendingPathComponent(file)
        let table: CSVTable
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error(at: node, path, "cannot read the cohort table \(displayPath(of: file)): no such file (tables are found relative to the scenario)")
            return
        }
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else {
            diagnostics.error(at: node, path, "cannot read the cohort table \(displayPath(of: file)): not a CSV file (a folder or a device)")
            return
        }
        do {
            table = try CSVTable(contentsOf: url)
        } catch let error as CSVTable.ReadError {
            if case .notUTF8(let line, let column) = error {
                diagnostics.append([Diagnostic(file: displayPath(of: file), line: line, column: column, path: "cohorts", message: error.description)])
            } else {
                diagnostics.error(at: node, path, "cannot read the cohort table \(displayPath(of: file)): \(error.description)")
            }
            return
        } catch {
            diagnostics.error(at: node, path, "cannot read the cohort table \(displayPath(of: file)): \(FileProblem.reason(error))")
            return
        }
        let csv = DiagnosticCollector(file: displayPath(of: file))
        let allowed = dimensions.map(\.name) + ScenarioSchema.cohortRow.keyNames
        for (column, name) in table.header.enumerated() where !allowed.contains(name) {
            csv.error(line: table.headerLine, column: table.headerColumns[column], "cohorts.\(name)", "unknown column `\(name)`\(NameSuggestion.hint(for: name, among: allowed)); expected \(allowed.joined(separator: ", "))")
        }
        for required in dimensions.map(\.name) + ["population", "utility"] where !table.header.contains(required) {
            csv.error(line: table.headerLine, column: 1, "cohorts", "missing column `\(required)`")
        }
        if csv.isEmpty {
            if table.rows.isEmpty { csv.error(line: table.headerLine, column: 1, "cohorts", "the table has a header but no cohorts") }
            for row in table.rows {
                readCSVRow(row, table: table, csv: csv)
            }
        }
        diagnostics.append(csv.diagnostics)
    }

    private mutating func readCSVRow(_ row: CSVTable.Row, table: CSVTable, csv: DiagnosticCollector) {
        guard row.fields.count == table.header.count else {
            csv.error(line: row.line, column: 1, "cohorts", "expected \(table.header.count) fields as in the header, found \(row.fields.count)")
            return
        }
        var fields: [String: (value: String, column: Int)] = [:]
        for (i, name) in table.header.enumerated() { fields[name] = (row.fields[i], row.columns[i]) }
        var levels: [Int] = []
        for dimension in dimensions {
            guard let field = fields[dimension.name] else { return }
            guard let level = dimension.levels.firstIndex(of: field.value) else {
                csv.error(line: row.line, column: field.column, "cohorts.\(dimension.name)", "unknown level `\(field.value)` of `\(dimension.name)`\(NameSuggestion.hint(for: field.value, among: dimension.levels)); known: \(dimension.levels.joined(separator: ", "))")
                continue
            }
            levels.append(level)
        }
        func number(_ name: String, default value: Double? = nil, _ range: ValueRange = .any) -> Double? {
            guard let field = fields[name], !field.value.isEmpty else { return value }
            guard let parsed = NodeReader.parseNumber(field.value) else {
                csv.error(line: row.line, column: field.column, "cohorts.\(name)", "expected a number, found `\(field.value)`")
                return nil
            }
            if let problem = range.problem(with: parsed) {
                csv.error(line: row.line, column: field.column, "cohorts.\(name)", "the value \(field.value) \(problem)")
                return nil
            }
            return parsed
        }
        let population = number("population", .nonNegative)
        let utility = number("utility", .share)
        let growth = number("growth", default: 0, .growthRate)
        let afterHorizonGiven = !(fields["qalys_after_horizon"]?.value.isEmpty ?? true)
        let afterHorizon = number("qalys_after_horizon", default: 0, .nonNegative)
        guard levels.count == dimensions.count, let population, let utility, let growth, let afterHorizon else { return }
        let prefix = "cohorts.\(levels.enumerated().map { dimensions[$0].levels[$1] }.joined(separator: "/"))"
        let cohort = Cohort(
            levels: levels,
            population: .fixed(population, at: "\(prefix).population"),
            utility: .fixed(utility, at: "\(prefix).utility"),
            growth: .fixed(growth, at: "\(prefix).growth"),
            qalysAfterHorizon: afterHorizonGiven ? .fixed(afterHorizon, at: "\(prefix).qalys_after_horizon") : nil)
        let key = cohort.key(in: dimensions)
        if let first = cohortKeys[key] {
            csv.error(line: row.line, column: 1, "cohorts", "cohort \(key) is listed twice (first as cohort \(first + 1)); merge the rows")
            return
        }
        cohortKeys[key] = cohorts.count
        cohorts.append(cohort)
    }
}
