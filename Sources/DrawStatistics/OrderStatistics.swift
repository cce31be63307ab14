/// Chosen order statistics (0-based ranks in ascending order) of per-draw values, exactly the
/// values `sorted()` would put at those ranks, found without sorting and in memory bounded
/// independently of the number of draws: an interval over ten million draws in a file reads the
/// file a few times and never holds it (issue 18).
///
/// Method, radix selection: each value has an order-preserving 64-bit ``SortKey``; every pass over
/// the values narrows each sought rank to the values sharing 16 more leading key bits, by counting
/// those values in 65,536 buckets and keeping the bucket that holds the rank. At most four passes
/// fix all 64 bits. As soon as the values sharing a rank's bits number at most ``collectLimit``,
/// the next pass collects them instead and a quickselect picks the rank among them, so a column of
/// at most ``collectLimit`` values is read once. Ranks that share bits share their counters.
///
/// Zeros: `sorted()` is stable and `<` holds −0 and +0 equal, so a zero at rank k is the
/// (k − number of negative values)-th zero in draw order, with that zero's sign. Collected values
/// keep draw order, and when more than ``collectLimit`` zeros share the rank the first pass's count
/// of −0s settles it (all +0 or all −0), or one more pass finds that zero.
///
/// The first pass also takes what ``Interval`` and ``Summary`` need in draw order: the sum (a left
/// fold, the bits of `reduce(0, +)`), the first value and whether all values are equal.
///
/// - Complexity: O(n) per pass, at most five passes (four counting passes and one to find a zero);
///   memory O(ranks × 65,536).
struct OrderStatistics {
    /// The most values a pass collects for a rank (512 KiB of doubles).
    static let collectLimit = 1 << 16

    /// Sum of the values in draw order.
    let sum: Double
    /// The value of the first draw.
    let first: Double
    /// Whether the smallest and largest values are equal (then `sorted()[0]` is ``first``:
    /// every value has the same bits, or all are zeros kept in draw order).
    let allEqual: Bool
    private let selected: [Int: Double]

    /// Selects the order statistics of `ranks` among the values of `pieces`.
    /// - Precondition: `pieces` holds at least one value and every rank is one of its indices.
    /// - Throws: what reading `pieces` throws.
    init<Pieces: DrawPieces>(ranks: [Int], of pieces: Pieces) throws(Pieces.Failure) {
        let count = pieces.count
        precondition(count > 0 && ranks.allSatisfy { (0..<count).contains($0) }, "order statistics of \(count) values: ranks \(ranks)")
        var searches = Set(ranks).sorted().map { RankSearch(rank: $0, size: count) }
        var facts = FirstPassFacts()
        var isFirstPass = true
        repeat {
            var pass = Pass(searches)
            try pieces.forEachPiece { piece in
                if isFirstPass { facts.take(piece) }
                pass.take(piece)
            }
            pass.settle(&searches, negativeZeros: facts.negativeZeros)
            if isFirstPass && facts.minimum == facts.maximum {
                // Every value has one key, so it is every order statistic: no need to narrow further.
                for i in searches.indices where searches[i].value == nil {
                    searches[i].settle(key: facts.minimum, below: 0, size: count, negativeZeros: facts.negativeZeros)
                }
            }
            isFirstPass = false
        } while searches.contains { $0.value == nil }
        sum = facts.sum
        first = facts.first ?? .nan
        allEqual = facts.minimum == facts.maximum
        selected = Dictionary(uniqueKeysWithValues: searches.map { ($0.rank, $0.value!) })
    }

    /// The order statistic of `rank`, one of the ranks selected.
    func callAsFunction(_ rank: Int) -> Double {
        guard let value = selected[rank] else { preconditionFailure("rank \(rank) was not selected") }
        return value
    }
}

/// One sought rank, narrowed pass by pass to the values whose keys start with `prefix`.
struct RankSearch {
    let rank: Int
    /// The leading `bits` bits of the rank's key (the rest are zero).
    var prefix: UInt64 = 0
    var bits = 0
    /// Values whose keys are below every key starting with `prefix`.
    var below = 0
    /// Values whose keys start with `prefix`.
    var size: Int
    /// When the rank holds a zero whose sign only draw order tells: it is the `zeroIndex`-th zero.
    var zeroIndex: Int?
    var value: Double?

    init(rank: Int, size: Int) {
        self.rank = rank
        self.size = size
    }

    /// Keeps the values of 16-bit `bucket` after `prefix`: `before` values of the old range were
    /// in lower buckets, `size` are in this one.
    mutating func narrow(to bucket: Int, before: Int, size: Int, negativeZeros: Int) {
        prefix |= UInt64(bucket) << UInt64(48 - bits)
        bits += 16
        if bits == 64 {
            settle(key: prefix, below: below + before, size: size, negativeZeros: negativeZeros)
        } else {
            below += before
            self.size = size
        }
    }

    /// The rank's key is `key`, which `size` values have, after `below` smaller ones.
    mutating func settle(key: UInt64, below: Int, size: Int, negativeZeros: Int) {
        (prefix, bits, self.below, self.size) = (key, 64, below, size)
        if key != SortKey.zero {
            value = SortKey.value(key)
        } else if negativeZeros == 0 {
            value = 0.0
        } else if negativeZeros == size {
            value = -0.0
        } else {
            zeroIndex = rank - below
        }
    }
}

/// What the first pass learns about all the values, in draw order.
struct FirstPassFacts {
    var sum = 0.0
    var first: Double?
    /// Smallest and largest keys.
    var minimum = UInt64.max, maximum = UInt64.min
    /// How many values are −0.
    var negativeZeros = 0

    mutating func take(_ piece: UnsafeBufferPointer<Double>) {
        if first == nil { first = piece.first }
        for value in piece {
            sum += value
            let key = SortKey.of(value)
            minimum = Swift.min(minimum, key)
            maximum = Swift.max(maximum, key)
            if key == SortKey.zero && value.sign == .minus { negativeZeros += 1 }
        }
    }
}
