/// The yearly sums of a run's blocks of draws, added along one fixed binary tree over block
/// numbers, so that any split of the draws into block-aligned shards gives the same bits.
///
/// A left fold `((b₀ + b₁) + b₂) + …` cannot be resumed from a shard's partial sum (floating-point
/// addition is not associative), so the runner instead adds blocks as the nodes of the tree over
/// block numbers: node `(level, index)` covers blocks `index·2^level ..< (index+1)·2^level` and
/// its value is `left + right` (just `left` when the right half lies past the last block). A run,
/// a shard and a merge of shards all build the same nodes, each from the same two children, so
/// the total is the same whatever the layout (docs/SCALE.md). The list keeps only the roots of
/// the complete subtrees seen so far (O(log blocks) nodes), like a binary counter.
public struct BlockTreeSum: Sendable, Equatable {
    /// One complete subtree of blocks: its place in the tree and its sums, one series per option.
    public struct Node: Sendable, Equatable {
        public let level: Int
        public let index: Int
        public internal(set) var series: [YearlySeries]

        public init(level: Int, index: Int, series: [YearlySeries]) {
            self.level = level
            self.index = index
            self.series = series
        }

        var firstBlock: Int { index << level }
        var endBlock: Int { (index + 1) << level }
    }

    /// Subtree roots, left to right, covering consecutive blocks.
    public private(set) var nodes: [Node] = []

    public init() {}

    /// The first block not yet covered (nil while empty).
    public var endBlock: Int? { nodes.last?.endBlock }

    /// Appends the sums of the next block (blocks must come in order).
    public mutating func append(block: Int, series: [YearlySeries]) {
        append(Node(level: 0, index: block, series: series))
    }

    /// Appends the next subtree and joins every pair of siblings it completes.
    public mutating func append(_ node: Node) {
        nodes.append(node)
        while nodes.count >= 2 {
            let right = nodes[nodes.count - 1], left = nodes[nodes.count - 2]
            guard left.level == right.level, left.index % 2 == 0, right.index == left.index + 1 else { return }
            nodes.removeLast(2)
            nodes.append(Node(level: left.level + 1, index: left.index / 2, series: Self.sum(left.series, right.series)))
        }
    }

    /// Appends the nodes of the sums that follow these (the next shard's).
    public mutating func append(contentsOf other: BlockTreeSum) {
        for node in other.nodes { append(node) }
    }

    /// The sums over every block when `blocks` is the run's number of blocks: nodes whose right
    /// half lies wholly past the last block are carried up unchanged, then joined with their
    /// left neighbours, until one root remains.
    public func total(blocks: Int) -> [YearlySeries]? {
        var tree = BlockTreeSum()
        for node in nodes { tree.append(node) }
        while let last = tree.nodes.last, tree.nodes.count > 1 || last.endBlock < blocks {
            guard last.index % 2 == 0, last.endBlock >= blocks else { return nil }
            tree.nodes.removeLast()
            tree.append(Node(level: last.level + 1, index: last.index / 2, series: last.series))
        }
        return tree.nodes.first?.series
    }

    private static func sum(_ left: [YearlySeries], _ right: [YearlySeries]) -> [YearlySeries] {
        zip(left, right).map { var sum = $0; sum.add($1); return sum }
    }
}
