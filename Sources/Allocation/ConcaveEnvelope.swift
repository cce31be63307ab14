/// The upper concave envelope of a response curve (MODEL.md §5): the smallest concave function
/// that lies on or above every simulated point.
///
/// A linear program can only represent a concave gain as segments whose slopes fall from left to
/// right; the envelope gives those segments. Where the simulated curve is not concave (a
/// programme with a fixed cost has increasing returns just above zero), the envelope bridges the
/// dip with a straight line, which promises more than simulation delivers at the bridged levels;
/// the re-simulation of the chosen allocation shows by how much.
public enum ConcaveEnvelope {
    /// The envelope's value at each `x`.
    ///
    /// Andrew's monotone chain: points are taken left to right and the last hull vertex is dropped
    /// while it lies on or below the chord from the vertex before it to the new point. Collinear
    /// points are therefore not vertices, but the envelope passes through them.
    /// - Precondition: `x` strictly increasing, `x.count == y.count ≥ 1`, all finite.
    /// - Complexity: O(n).
    public static func values(x: [Double], y: [Double]) -> [Double] {
        precondition(x.count == y.count && !x.isEmpty, "one value per level")
        precondition(zip(x, x.dropFirst()).allSatisfy { $0 < $1 }, "levels must increase strictly")
        var hull: [Int] = []
        for i in x.indices {
            while hull.count >= 2 {
                let a = hull[hull.count - 2], b = hull[hull.count - 1]
                // b is not a vertex when it lies on or below the chord a–i.
                let cross = (x[b] - x[a]) * (y[i] - y[a]) - (y[b] - y[a]) * (x[i] - x[a])
                if cross >= 0 { hull.removeLast() } else { break }
            }
            hull.append(i)
        }
        var result = [Double](repeating: 0, count: x.count)
        var segment = 0
        for i in x.indices {
            while segment + 1 < hull.count - 1 && x[hull[segment + 1]] < x[i] { segment += 1 }
            if hull.count == 1 { result[i] = y[hull[0]]; continue }
            let a = hull[segment], b = hull[segment + 1]
            if i == a { result[i] = y[a]; continue }
            if i == b { result[i] = y[b]; continue }
            let w = (x[i] - x[a]) / (x[b] - x[a])
            result[i] = y[a] + w * (y[b] - y[a])
        }
        return result
    }

    /// Slopes of the envelope between consecutive `x`: non-increasing by construction.
    public static func slopes(x: [Double], y: [Double]) -> [Double] {
        let envelope = values(x: x, y: y)
        return (0..<(x.count - 1)).map { k -> Double in
            let rise = envelope[k + 1] - envelope[k]
            return rise / (x[k + 1] - x[k])
        }
    }
}
