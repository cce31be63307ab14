import DrawStatistics
import ScenarioModel
import SimulationEngine
import Synchronization

/// Collects per-draw results from concurrent workers; each (option, draw) slot is written by
/// exactly one worker, so no locking is needed (hence `@unchecked Sendable`).
///
/// In memory every metric is one buffer laid out as ``DrawTable`` keeps it, `[(o*D + d)*W + w]`.
/// With a column folder (issue 18) only the pieces of draws being simulated are held, laid out
/// `[(o*W + w)*C + d]` for a piece of `C` draws; a finished piece is written into one file per
/// metric at `[(o*W + w)*D + d]` (``DrawTable/columnFolder``), so memory stays bounded at any
/// draw count.
final class DrawTableBuilder: @unchecked Sendable {
    let draws: Int, firstDraw: Int, totalDraws: Int, options: Int, groups: Int, services: Int, horizon: Int
    /// Values per draw and option of each metric, in ``DrawMetric/allCases`` order.
    let widths: [Int]
    private var buffers: [DoubleBuffer]
    private let spill: ColumnSpill?

    /// - Parameter folder: where to write the column files, or nil to keep every draw in memory.
    init(layout: ModelLayout, options: Int, range: Range<Int>, totalDraws: Int, folder: String?, pieceValues: Int) throws {
        let draws = range.count
        self.draws = draws
        firstDraw = range.lowerBound
        self.totalDraws = totalDraws
        self.options = options
        groups = layout.groupCount
        services = layout.serviceCount
        horizon = layout.horizon
        let widths = DrawMetric.allCases.map { DrawTable.width(of: $0, groups: layout.groupCount, services: layout.serviceCount, horizon: layout.horizon) }
        self.widths = widths
        if let folder {
            spill = try ColumnSpill(folder: folder, widths: widths, options: options, range: range, pieceValues: pieceValues)
            buffers = []
        } else {
            spill = nil
            buffers = DrawMetric.allCases.enumerated().map { m, metric in
                DoubleBuffer(count: (metric.perOption ? options : 1) * draws * widths[m])
            }
        }
    }

    /// Blocks per piece of the column files (1 in memory, where nothing is held back).
    var pieceBlocks: Int { spill.map { $0.pieceDraws / MonteCarloRunner.blockSize } ?? 1 }

    /// Where a block's draws go: the whole buffers in memory, or the piece of draws holding the block.
    func slab(block draws: Range<Int>) -> Slab {
        if let spill { return spill.slab(for: draws) }
        return Slab(pointers: buffers.map(\.pointer), first: firstDraw, drawStride: widths, optionStride: widths.map { $0 * self.draws }, indexStride: widths.map { _ in 1 })
    }

    /// Marks a block's draws done (a finished piece is written to the column files).
    func finish(block draws: Range<Int>) throws {
        try spill?.finish(draws)
    }

    /// Stores draw `draw` (numbered in the whole run) of option `o`.
    func record(_ outcome: SimulationOutcome, option o: Int, draw: Int, into slab: Slab) {
        func put(_ metric: DrawMetric, _ w: Int, _ value: Double) {
            let m = metric.position
            slab.pointers[m][(draw - slab.first) * slab.drawStride[m] + (metric.perOption ? o : 0) * slab.optionStride[m] + w * slab.indexStride[m]] = value
        }
        put(.qalys, 0, outcome.qalys)
        put(.cost, 0, outcome.cost)
        put(.deaths, 0, outcome.deaths)
        put(.lifeYears, 0, outcome.lifeYears)
        put(.qalysAfterHorizon, 0, outcome.qalysAfterHorizon)
        for g in 0..<groups {
            put(.groupQalys, g, outcome.groupQalys[g])
            put(.groupDeaths, g, outcome.groupDeaths[g])
            put(.groupUnmet, g, outcome.groupUnmet[g])
            put(.groupLifeYears, g, outcome.groupLifeYears[g])
            if o == 0 { put(.groupPopulation, g, outcome.groupPopulation[g]) }
        }
        for t in 0..<horizon {
            put(.yearlyDeaths, t, outcome.yearlyDeaths[t])
            put(.yearlyLifeYears, t, outcome.yearlyLifeYears[t])
            put(.yearlyQalys, t, outcome.yearlyQalys[t])
            put(.yearlyCost, t, outcome.yearlyCost[t])
        }
        for s in 0..<services {
            put(.serviceActivity, s, outcome.serviceActivity[s])
            put(.serviceUnmet, s, outcome.serviceUnmet[s])
        }
    }

    /// The finished table. Each buffer is copied into its column and released at once, so the
    /// run holds every column once plus one buffer, not all of them twice (the builder is spent).
    func table(optionNames: [String], scenario: Scenario) -> DrawTable {
        var table = DrawTable(
            optionNames: optionNames, groupNames: scenario.groupNames,
            serviceNames: scenario.services.map(\.name), interventionNames: scenario.interventions.map(\.name),
            draws: draws, firstDraw: firstDraw, totalDraws: totalDraws, horizon: scenario.horizon, zeroed: false)
        if let spill {
            table.columnFolder = spill.folder
            return table
        }
        for (m, metric) in DrawMetric.allCases.enumerated() {
            let buffer = buffers[m]
            buffers[m] = DoubleBuffer(count: 0)
            table[keyPath: DrawTable.path(of: metric)] = Array(UnsafeBufferPointer(start: buffer.pointer, count: buffer.count))
        }
        return table
    }
}

/// Where one block's values go: per metric a base pointer and the strides of draw, option and
/// index (group, year or service), so both layouts share one ``DrawTableBuilder/record``.
struct Slab: @unchecked Sendable {
    let pointers: [UnsafeMutablePointer<Double>]
    /// The draw at offset 0.
    let first: Int
    let drawStride: [Int], optionStride: [Int], indexStride: [Int]
}

/// The pieces of draws being simulated, each written to the column files once all its blocks
/// are done (pieces finish roughly in order, so a few are held at a time).
final class ColumnSpill: @unchecked Sendable {
    let folder: String
    let widths: [Int]
    let options: Int
    let range: Range<Int>
    /// Values held per piece by default (4 MiB).
    static let pieceValues = 1 << 19
    /// Draws per piece: a multiple of the block size, about ``pieceValues`` values.
    let pieceDraws: Int
    private let files: [ColumnFileWriter]
    private let pieces = Mutex<[Int: Piece]>([:])

    final class Piece: @unchecked Sendable {
        let draws: Range<Int>
        let buffers: [UnsafeMutablePointer<Double>]
        let counts: [Int]
        var remaining: Int

        init(draws: Range<Int>, counts: [Int]) {
            self.draws = draws
            self.counts = counts
            buffers = counts.map { let p = UnsafeMutablePointer<Double>.allocate(capacity: max($0, 1)); p.initialize(repeating: 0, count: max($0, 1)); return p }
            remaining = draws.count
        }

        deinit { for buffer in buffers { buffer.deallocate() } }
    }

    init(folder: String, widths: [Int], options: Int, range: Range<Int>, pieceValues: Int) throws {
        self.folder = folder
        self.widths = widths
        self.options = options
        self.range = range
        let perDraw = DrawMetric.allCases.enumerated().reduce(0) { $0 + ($1.element.perOption ? options : 1) * widths[$1.offset] }
        let blocks = max(1, pieceValues / max(1, perDraw * MonteCarloRunner.blockSize))
        pieceDraws = blocks * MonteCarloRunner.blockSize
        files = try DrawMetric.allCases.map { try ColumnFileWriter(path: DrawTable.columnFile(of: $0, in: folder)) }
    }

    deinit { for file in files { file.close() } }

    private func pieceIndex(_ draw: Int) -> Int { (draw - range.lowerBound) / pieceDraws }

    private func piece(_ index: Int) -> Piece {
        pieces.withLock { pieces in
            if let piece = pieces[index] { return piece }
            let start = range.lowerBound + index * pieceDraws
            let draws = start..<min(range.upperBound, start + pieceDraws)
            let piece = Piece(draws: draws, counts: DrawMetric.allCases.enumerated().map { m, metric in
                (metric.perOption ? options : 1) * widths[m] * draws.count
            })
            pieces[index] = piece
            return piece
        }
    }

    func slab(for draws: Range<Int>) -> Slab {
        let piece = piece(pieceIndex(draws.lowerBound))
        precondition(piece.draws.contains(draws.lowerBound) && piece.draws.contains(draws.upperBound - 1), "a block spans two pieces")
        let C = piece.draws.count
        return Slab(pointers: piece.buffers, first: piece.draws.lowerBound, drawStride: widths.map { _ in 1 },
                    optionStride: widths.map { $0 * C }, indexStride: widths.map { _ in C })
    }

    func finish(_ draws: Range<Int>) throws {
        let index = pieceIndex(draws.lowerBound)
        let done: Piece? = pieces.withLock { pieces in
            let piece = pieces[index]!
            piece.remaining -= draws.count
            return piece.remaining == 0 ? pieces.removeValue(forKey: index) : nil
        }
        guard let done else { return }
        let D = range.count, C = done.draws.count, offset = done.draws.lowerBound - range.lowerBound
        for (m, metric) in DrawMetric.allCases.enumerated() {
            for row in 0..<((metric.perOption ? options : 1) * widths[m]) {
                try files[m].write(UnsafeBufferPointer(start: done.buffers[m] + row * C, count: C), at: row * D + offset)
            }
        }
    }
}

/// The yearly sums of finished blocks, added to the run's ``BlockTreeSum`` in block order as
/// they arrive from the workers (a block that finishes early waits in `pending`), so memory
/// holds O(workers + log blocks) block sums at any draw count.
final class BlockSeries: Sendable {
    private struct State {
        var tree = BlockTreeSum()
        var next: Int
        var pending: [Int: [YearlySeries]] = [:]
    }

    private let state: Mutex<State>
    private let finished: Atomic<Int>

    init(firstBlock: Int) {
        state = Mutex(State(next: firstBlock))
        finished = Atomic(firstBlock)
    }

    /// Every block before this one is finished.
    var finishedBefore: Int { finished.load(ordering: .acquiring) }

    func finish(block: Int, _ slot: SeriesSlot) {
        state.withLock { state in
            state.pending[block] = slot.all
            while let series = state.pending.removeValue(forKey: state.next) {
                state.tree.append(block: state.next, series: series)
                state.next += 1
            }
            finished.store(state.next, ordering: .releasing)
        }
    }

    var tree: BlockTreeSum { state.withLock { $0.tree } }
}

/// Yearly sums of one block, one series per option; written by one worker only.
final class SeriesSlot: @unchecked Sendable {
    private var series: [YearlySeries]

    init(options: Int, layout: ModelLayout) {
        series = (0..<options).map { _ in
            YearlySeries(services: layout.serviceCount, groups: layout.groupCount, interventions: layout.interventionCount, horizon: layout.horizon)
        }
    }

    var all: [YearlySeries] { series }
    subscript(option: Int) -> YearlySeries { series[option] }

    /// Adds one run's yearly series; capacity comes from the run's inputs, since the engine
    /// uses it but does not report it.
    func add(_ outcome: SimulationOutcome, inputs: ResolvedInputs, option o: Int) {
        func add(_ target: inout [Double], _ buffer: DoubleBuffer) {
            for i in target.indices { target[i] += buffer[i] }
        }
        add(&series[o].demand, outcome.yearlyDemand)
        add(&series[o].activity, outcome.yearlyActivity)
        add(&series[o].unmet, outcome.yearlyUnmet)
        add(&series[o].capacity, inputs.capacity)
        add(&series[o].qalys, outcome.yearlyQalys)
        add(&series[o].cost, outcome.yearlyCost)
        add(&series[o].deaths, outcome.yearlyDeaths)
        add(&series[o].lifeYears, outcome.yearlyLifeYears)
        add(&series[o].groupQalys, outcome.yearlyGroupQalys)
        add(&series[o].participants, outcome.yearlyParticipants)
    }
}
