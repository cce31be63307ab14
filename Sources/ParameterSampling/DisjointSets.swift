/// Union–find over `0..<count`, grouping parameters that correlations connect
/// (Tarjan, "Efficiency of a good but not linear set union algorithm", JACM 22, 1975).
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The representative of i's set, halving the path on the way up.
    mutating func root(of i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the sets of i and j.
    mutating func merge(_ i: Int, _ j: Int) {
        let (a, b) = (root(of: i), root(of: j))
        if a != b { parent[max(a, b)] = min(a, b) }
    }
}
