extension OrderStatistics {
    /// One pass over the values on behalf of every unsettled rank: ranks with the same key bits
    /// fixed share a group, which counts their next 16 bits or, once few enough values remain,
    /// collects them; ranks at a zero of unknown sign look for it in draw order.
    struct Pass {
        private var counting: [CountingGroup] = []
        private var collecting: [CollectingGroup] = []
        private var zeros = ZeroFinder()

        init(_ searches: [RankSearch]) {
            for (i, search) in searches.enumerated() where search.value == nil {
                if let index = search.zeroIndex {
                    zeros.targets.append((search: i, index: index))
                } else if search.size <= OrderStatistics.collectLimit {
                    if let g = collecting.firstIndex(where: { $0.range.holds(search) }) {
                        collecting[g].members.append(i)
                    } else {
                        collecting.append(CollectingGroup(range: KeyRange(search), members: [i], capacity: search.size))
                    }
                } else if let g = counting.firstIndex(where: { $0.range.holds(search) }) {
                    counting[g].members.append(i)
                } else {
                    counting.append(CountingGroup(range: KeyRange(search), members: [i]))
                }
            }
            zeros.targets.sort { $0.index < $1.index }
        }

        mutating func take(_ piece: UnsafeBufferPointer<Double>) {
            for g in counting.indices { counting[g].take(piece) }
            for g in collecting.indices { collecting[g].take(piece) }
            if !zeros.targets.isEmpty { zeros.take(piece) }
        }

        func settle(_ searches: inout [RankSearch], negativeZeros: Int) {
            for group in counting { group.settle(&searches, negativeZeros: negativeZeros) }
            for group in collecting { group.settle(&searches) }
            for target in zeros.targets { searches[target.search].value = zeros.found[target.index] }
        }
    }
}

/// The keys that start with a rank's fixed bits, and where its next 16 bits lie.
struct KeyRange {
    let prefix: UInt64, bits: Int
    /// Selects the fixed bits of a key.
    let mask: UInt64
    /// Brings the next 16 bits down.
    let shift: UInt64

    init(_ search: RankSearch) {
        (prefix, bits) = (search.prefix, search.bits)
        mask = bits == 0 ? 0 : UInt64.max << UInt64(64 - bits)
        shift = UInt64(48 - bits)
    }

    func holds(_ search: RankSearch) -> Bool { prefix == search.prefix && bits == search.bits }
}

/// Counts the values of a key range by their next 16 key bits.
struct CountingGroup {
    let range: KeyRange
    var members: [Int]
    private var counts = [Int](repeating: 0, count: 1 << 16)

    init(range: KeyRange, members: [Int]) {
        self.range = range
        self.members = members
    }

    mutating func take(_ piece: UnsafeBufferPointer<Double>) {
        let (prefix, mask, shift) = (range.prefix, range.mask, range.shift)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in piece {
                let key = SortKey.of(value)
                if key & mask == prefix { counts[Int(truncatingIfNeeded: key &>> shift) & 0xFFFF] += 1 }
            }
        }
    }

    /// Narrows each member to the bucket holding its rank.
    func settle(_ searches: inout [RankSearch], negativeZeros: Int) {
        for m in members {
            let within = searches[m].rank - searches[m].below
            var bucket = 0, before = 0
            while before + counts[bucket] <= within {
                before += counts[bucket]
                bucket += 1
            }
            searches[m].narrow(to: bucket, before: before, size: counts[bucket], negativeZeros: negativeZeros)
        }
    }
}

/// Collects the values of a key range in draw order, then selects its members' ranks among them.
struct CollectingGroup {
    let range: KeyRange
    /// Searches in ascending rank (they are appended in the searches' order).
    var members: [Int]
    private var values: [Double] = []

    init(range: KeyRange, members: [Int], capacity: Int) {
        self.range = range
        self.members = members
        values.reserveCapacity(capacity)
    }

    mutating func take(_ piece: UnsafeBufferPointer<Double>) {
        let (prefix, mask) = (range.prefix, range.mask)
        for value in piece where SortKey.of(value) & mask == prefix { values.append(value) }
    }

    /// Selects each member's rank among the collected values; a zero is the one at its place
    /// among the collected zeros in draw order, as a stable sort would leave it.
    func settle(_ searches: inout [RankSearch]) {
        var keys = values.map(SortKey.of)
        let negatives = keys.count(where: { $0 < SortKey.zero })
        keys.withUnsafeMutableBufferPointer { keys in
            var start = 0
            for m in members {
                let within = searches[m].rank - searches[m].below
                OrderStatistics.select(within, in: keys, from: start)
                start = within + 1
                if keys[within] == SortKey.zero {
                    searches[m].value = values.lazy.filter { $0 == 0 }.dropFirst(within - negatives).first
                } else {
                    searches[m].value = SortKey.value(keys[within])
                }
            }
        }
    }
}

/// Finds zeros by their index among the zeros in draw order.
struct ZeroFinder {
    /// Wanted zero indices, ascending, and the searches that want them.
    var targets: [(search: Int, index: Int)] = []
    private(set) var found: [Int: Double] = [:]
    private var seen = 0, next = 0

    mutating func take(_ piece: UnsafeBufferPointer<Double>) {
        for value in piece where value == 0 {
            while next < targets.count && targets[next].index == seen {
                found[seen] = value
                next += 1
            }
            seen += 1
        }
    }
}

extension OrderStatistics {
    /// Moves the `rank`-th smallest of `keys[start...]` to index `rank`, with no larger key before
    /// it and no smaller one after (Hoare's selection). Three-way partitioning keeps runs of equal
    /// keys (draws at a bound, constant differences) linear; pivots that keep landing badly hand
    /// the rest to a sort, so the worst case is O(m log m).
    /// - Precondition: `keys[..<start]` are the `start` smallest keys.
    static func select(_ rank: Int, in keys: UnsafeMutableBufferPointer<UInt64>, from start: Int) {
        var (lower, upper) = (start, keys.count)
        var budget = 2 * (UInt64.bitWidth - keys.count.leadingZeroBitCount) + 8
        while upper - lower > 1 {
            guard budget > 0 else {
                var rest = UnsafeMutableBufferPointer(rebasing: keys[lower..<upper])
                rest.sort()
                return
            }
            budget -= 1
            let (a, b, c) = (keys[lower], keys[(lower + upper) / 2], keys[upper - 1])
            let pivot = max(min(a, b), min(max(a, b), c))
            // keys[lower..<less] < pivot, keys[less..<i] == pivot, keys[greater..<upper] > pivot.
            var (less, i, greater) = (lower, lower, upper)
            while i < greater {
                if keys[i] < pivot {
                    keys.swapAt(less, i)
                    less += 1
                    i += 1
                } else if keys[i] > pivot {
                    greater -= 1
                    keys.swapAt(i, greater)
                } else {
                    i += 1
                }
            }
            if rank < less {
                upper = less
            } else if rank >= greater {
                lower = greater
            } else {
                return
            }
        }
    }
}
