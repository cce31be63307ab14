/// Finds the closest valid name to a misspelt one ("did you mean `emergency_admission`?").
public enum NameSuggestion {
    /// The candidate with the smallest edit distance, if it is close enough to be a likely typo:
    /// at most a third of the longer name's length (and at least 1 edit allowed), or a
    /// case-insensitive match.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        var best: (name: String, distance: Int)?
        let target = Array(name.utf8), lowered = name.lowercased()
        for candidate in candidates {
            if candidate.lowercased() == lowered { return candidate }
            let other = Array(candidate.utf8)
            // Only a strictly smaller distance replaces the best, so a candidate that cannot
            // beat it is skipped (its length alone, or a row of the table, proves it).
            let limit = best?.distance ?? Int.max
            if abs(other.count - target.count) >= limit { continue }
            let distance = editDistance(target, other, limit: limit)
            if distance < limit { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, max(name.utf8.count, best.name.utf8.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// " (did you mean `x`?)" or "" — ready to append to a message.
    static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Levenshtein distance with transpositions counted as one edit (optimal string alignment),
    /// over UTF-8 bytes (names are ASCII; a non-ASCII letter counts as its bytes).
    /// Stops early with a value ≥ `limit` once every entry of a row reaches `limit` (the distance
    /// cannot come back below it).
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int = Int.max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            if limit != Int.max, current.min()! >= limit, previous.min()! >= limit { return limit }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
