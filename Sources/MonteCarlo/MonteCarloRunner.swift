import ParameterSampling
import ScenarioModel
import SimulationEngine
import Synchronization

/// Runs every selected option for every draw (MODEL.md §3) across workers.
///
/// Draws are processed in fixed blocks of ``blockSize``; each worker takes the next block not yet
/// taken, but never more than ``window(pieceBlocks:)`` blocks past the first unfinished one, so
/// a worker held up by the machine cannot leave the others piling up finished pieces in memory.
/// Each draw's results go to their own slots and each block's yearly sums to its own
/// accumulator, combined in block order, so the results are the same bits whatever the number
/// of workers and whichever worker simulates a block. Each draw samples its parameters from streams keyed by
/// `(seed, draw, path)`, and every option of that draw sees the same values (common random
/// numbers) unless ``RunSettings/commonRandomNumbers`` is off.
public struct MonteCarloRunner: Sendable {
    public static let blockSize = 16

    public let scenario: Scenario
    public let settings: RunSettings
    let layout: ModelLayout
    let samplers: [ParameterSampler]
    let simulator: Simulator
    /// Stream key of each service's count noise, `noise.services.NAME`.
    let noiseKeys: [UInt64]

    /// - Throws: `ParameterSamplerError` when the correlations cannot form a valid copula.
    public init(scenario: Scenario, settings: RunSettings) throws {
        self.scenario = scenario
        self.settings = settings
        layout = try ModelLayout(scenario)
        simulator = Simulator(layout: layout)
        noiseKeys = scenario.services.map { RandomStream.key(forPath: "noise.services.\($0.name)") }
        let parameters = scenario.allParameters
        // With common random numbers one sampler serves every option; without, each option
        // gets streams of its own (a different seed), which is only for demonstrating CRN.
        let seeds = settings.commonRandomNumbers
            ? [settings.seed]
            : settings.options.map { settings.seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        samplers = try seeds.map { try ParameterSampler(parameters: parameters, correlations: scenario.correlations, seed: $0) }
    }

    /// The sampler of the run's parameters (base's, which every option shares with common random numbers).
    public var sampler: ParameterSampler { samplers[0] }

    /// Simulates every draw of ``RunSettings/drawRange``; `progress` receives the number of draws finished so far.
    /// - Parameter folder: an empty folder in which to keep the per-draw values as column files
    ///   (``DrawTable/columnFolder``), so memory does not grow with the draws; nil keeps them in memory.
    /// - Throws: `CancellationError` when the task is cancelled (nothing partial is returned);
    ///   `DrawColumnError` when a column file cannot be written.
    public func run(columnsIn folder: String? = nil, progress: (@Sendable (Int) -> Void)? = nil) async throws -> DrawTable {
        try await execute(probe: nil, folder: folder, progress: progress).table
    }

    /// As ``run(columnsIn:progress:)`` with pieces of about `pieceValues` values (tests make
    /// pieces small to have many finish out of order).
    func run(columnsIn folder: String, pieceValues: Int) async throws -> DrawTable {
        try await execute(probe: nil, folder: folder, pieceValues: pieceValues, progress: nil).table
    }

    /// Simulates every draw and also records what `probe` asks for (per-cohort demand and
    /// activity of some services, weighted populations, budgets), optionally scaling demand.
    /// With the same settings, the ``DrawTable`` is the one ``run(progress:)`` gives when the
    /// probe scales nothing.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func run(probe: ActivityProbe, progress: (@Sendable (Int) -> Void)? = nil) async throws -> (table: DrawTable, probe: ProbeTable) {
        let result = try await execute(probe: probe, folder: nil, progress: progress)
        return (result.table, result.probe!.table)
    }

    private func execute(probe: ActivityProbe?, folder: String?, pieceValues: Int = ColumnSpill.pieceValues, progress: (@Sendable (Int) -> Void)?) async throws -> (table: DrawTable, probe: ProbeTableBuilder?) {
        let range = settings.drawRange, O = settings.options.count
        precondition(range.lowerBound % Self.blockSize == 0 && (range.upperBound % Self.blockSize == 0 || range.upperBound == settings.draws)
                     && range.upperBound <= settings.draws && !range.isEmpty, "draw range \(range) is not block-aligned within \(settings.draws) draws")
        precondition(probe == nil || range == 0..<settings.draws, "probes record whole runs")
        let firstBlock = range.lowerBound / Self.blockSize
        let blocks = (range.upperBound + Self.blockSize - 1) / Self.blockSize - firstBlock
        let output = try DrawTableBuilder(layout: layout, options: O, range: range, totalDraws: settings.draws, folder: folder, pieceValues: pieceValues)
        let probed = probe.map { ProbeTableBuilder(probe: $0, layout: layout, options: O, draws: range.count) }
        let partials = BlockSeries(firstBlock: firstBlock)
        let finished = DrawCounter()
        let workers = min(settings.threads, blocks)
        let queue = BlockQueue(first: firstBlock)
        let window = Self.window(pieceBlocks: output.pieceBlocks, workers: workers)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    let context = WorkerContext(layout: layout)
                    let recorder = probe.map { ProbeRecorder(probe: $0, layout: layout) }
                    while true {
                        let block = queue.take()
                        guard block < firstBlock + blocks else { break }
                        // the worker with the first unfinished block never waits here, so this ends
                        while block >= partials.finishedBefore + window {
                            try await Task.sleep(nanoseconds: 100_000)
                        }
                        try Task.checkCancellation()
                        let draws = (block * Self.blockSize)..<min(range.upperBound, (block + 1) * Self.blockSize)
                        let series = SeriesSlot(options: O, layout: layout)
                        let slab = output.slab(block: draws)
                        for d in draws {
                            simulate(draw: d, context: context, output: output, slab: slab, series: series, probe: probed, recorder: recorder)
                        }
                        try output.finish(block: draws)
                        partials.finish(block: block, series)
                        let done = finished.add(draws.count)
                        progress?(done)
                    }
                }
            }
            try await group.waitForAll()
        }
        var table = output.table(optionNames: settings.options.map { scenario.allOptions[$0].name }, scenario: scenario)
        table.yearlySums = partials.tree
        // (the tree over block numbers is fixed, so the sums' rounding depends neither on the
        // workers nor on how the draws are split into shards)
        table.finishYearly()
        return (table, probed)
    }

    /// How far past the first unfinished block a worker may start one: two pieces of the column
    /// files and a few blocks per worker, so at most about three pieces are held at once.
    static func window(pieceBlocks: Int, workers: Int) -> Int {
        max(2 * pieceBlocks, 8 * workers)
    }

    /// One draw of every selected option.
    private func simulate(draw d: Int, context: WorkerContext, output: DrawTableBuilder, slab: Slab, series: SeriesSlot,
                          probe: ProbeTableBuilder?, recorder: ProbeRecorder?) {
        var values: [Double] = []
        var baseCapacity: [Double] = []
        for (o, option) in settings.options.enumerated() {
            if o == 0 || !settings.commonRandomNumbers {
                let sampler = samplers[o == 0 ? 0 : o]
                values = settings.deterministic ? (settings.scriptedValues?[d] ?? sampler.means) : sampler.values(draw: d)
                baseCapacity = layout.baseCapacity(values)
            }
            layout.resolve(layout.optionValues(values, option: option), option: option, baseCapacity: baseCapacity, into: context.inputs)
            let quiet = settings.deterministic || scenario.monteCarlo.countNoise == .none
            if let probe, let recorder {
                if quiet {
                    simulator.run(context.inputs, workspace: context.workspace, outcome: context.outcome, noise: ProbingNoise(base: NoDemandNoise(), recorder: recorder))
                } else {
                    let noise = PoissonDemandNoise(seed: settings.seed, draw: d, serviceKeys: noiseKeys, horizon: layout.horizon)
                    simulator.run(context.inputs, workspace: context.workspace, outcome: context.outcome, noise: ProbingNoise(base: noise, recorder: recorder))
                }
                probe.record(context.outcome, inputs: context.inputs, recorder: recorder, option: o, draw: d)
            } else if quiet {
                simulator.run(context.inputs, workspace: context.workspace, outcome: context.outcome, noise: NoDemandNoise())
            } else {
                let noise = PoissonDemandNoise(seed: settings.seed, draw: d, serviceKeys: noiseKeys, horizon: layout.horizon)
                simulator.run(context.inputs, workspace: context.workspace, outcome: context.outcome, noise: noise)
            }
            output.record(context.outcome, option: o, draw: d, into: slab)
            series.add(context.outcome, inputs: context.inputs, option: o)
        }
    }
}

/// Hands out block numbers in order, each once.
final class BlockQueue: Sendable {
    private let next: Atomic<Int>

    init(first: Int) { next = Atomic(first) }

    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// Counts finished draws across workers for progress reports.
final class DrawCounter: Sendable {
    private let count = Atomic<Int>(0)

    func add(_ n: Int) -> Int { count.add(n, ordering: .relaxed).newValue }
}

/// The buffers one worker reuses for every draw.
final class WorkerContext: @unchecked Sendable {
    let inputs: ResolvedInputs
    let workspace: Workspace
    let outcome: SimulationOutcome

    init(layout: ModelLayout) {
        inputs = ResolvedInputs(layout: layout)
        workspace = Workspace(layout: layout)
        outcome = SimulationOutcome(layout: layout)
    }
}
