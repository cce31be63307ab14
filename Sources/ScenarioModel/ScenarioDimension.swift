/// A named classification of the population with ordered levels, e.g. `imd: [Q1, …, Q5]`.
public struct ScenarioDimension: Hashable, Sendable {
    public let name: String
    public let levels: [String]

    public init(name: String, levels: [String]) {
        self.name = name
        self.levels = levels
    }
}
