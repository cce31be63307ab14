import ScenarioModel

/// How to turn one ``CohortValue`` into a value per cohort from a vector of sampled
/// parameters, worked out once per scenario so that each draw is a few multiplications.
///
/// For cohort `c` the value is the product of `values[indices[offsets[c] ..< offsets[c+1]]]`:
/// the base and the factors at the cohort's levels, or just the override (MODEL.md §1).
struct CohortPlan: Sendable {
    private let offsets: [Int32]
    private let indices: [Int32]

    /// - Parameter index: a parameter's position in the sampled vector; throws for a path that has none.
    init(_ value: CohortValue, cohorts: [Cohort], index: (Parameter) throws(ModelLayoutError) -> Int) throws(ModelLayoutError) {
        var offsets: [Int32] = [0]
        var indices: [Int32] = []
        for (c, cohort) in cohorts.enumerated() {
            if let override = value.overrides[c] {
                indices.append(Int32(try index(override)))
            } else {
                indices.append(Int32(try index(value.base)))
                for factor in value.factors where cohort.levels[factor.dimension] == factor.level {
                    indices.append(Int32(try index(factor.value)))
                }
            }
            offsets.append(Int32(indices.count))
        }
        self.offsets = offsets
        self.indices = indices
    }

    /// Writes the value of every cohort into `output[0..<C]`, clamped to `range`.
    func resolve(_ values: UnsafeBufferPointer<Double>, into output: UnsafeMutablePointer<Double>, clampedTo range: ClosedRange<Double>) {
        offsets.withUnsafeBufferPointer { offsets in
            indices.withUnsafeBufferPointer { indices in
                for c in 0..<(offsets.count - 1) {
                    var value = 1.0
                    for i in Int(offsets[c])..<Int(offsets[c + 1]) { value *= values[Int(indices[i])] }
                    output[c] = min(max(value, range.lowerBound), range.upperBound)
                }
            }
        }
    }
}
