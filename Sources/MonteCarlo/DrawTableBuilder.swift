import ScenarioModel
import SimulationEngine
import Synchronization

/// Collects per-draw results from concurrent workers; each (option, draw) slot is written by
/// exactly one worker, so no locking is needed (hence `@unchecked Sendable`).
final class DrawTableBuilder: @unchecked Sendable {
    let draws: Int, firstDraw: Int, totalDraws: Int, options: Int, groups: Int, services: Int, horizon: Int
    private(set) var qalys: DoubleBuffer, cost: DoubleBuffer, deaths: DoubleBuffer
    private(set) var lifeYears: DoubleBuffer, qalysAfterHorizon: DoubleBuffer
    private(set) var groupQalys: DoubleBuffer, groupDeaths: DoubleBuffer, groupLifeYears: DoubleBuffer, groupPopulation: DoubleBuffer, groupUnmet: DoubleBuffer
    private(set) var serviceActivity: DoubleBuffer, serviceUnmet: DoubleBuffer
    private(set) var yearlyDeaths: DoubleBuffer, yearlyLifeYears: DoubleBuffer, yearlyQalys: DoubleBuffer, yearlyCost: DoubleBuffer

    init(layout: ModelLayout, options: Int, range: Range<Int>, totalDraws: Int) {
        let draws = range.count
        self.draws = draws
        firstDraw = range.lowerBound
        self.totalDraws = totalDraws
        self.options = options
        groups = layout.groupCount
        services = layout.serviceCount
        horizon = layout.horizon
        yearlyDeaths = DoubleBuffer(count: options * draws * layout.horizon)
        yearlyLifeYears = DoubleBuffer(count: options * draws * layout.horizon)
        yearlyQalys = DoubleBuffer(count: options * draws * layout.horizon)
        yearlyCost = DoubleBuffer(count: options * draws * layout.horizon)
        qalys = DoubleBuffer(count: options * draws)
        cost = DoubleBuffer(count: options * draws)
        deaths = DoubleBuffer(count: options * draws)
        lifeYears = DoubleBuffer(count: options * draws)
        qalysAfterHorizon = DoubleBuffer(count: options * draws)
        groupQalys = DoubleBuffer(count: options * draws * groups)
        groupDeaths = DoubleBuffer(count: options * draws * groups)
        groupUnmet = DoubleBuffer(count: options * draws * groups)
        groupLifeYears = DoubleBuffer(count: options * draws * groups)
        groupPopulation = DoubleBuffer(count: draws * groups)
        serviceActivity = DoubleBuffer(count: options * draws * services)
        serviceUnmet = DoubleBuffer(count: options * draws * services)
    }

    /// Stores draw `draw` (numbered in the whole run) of option `o`.
    func record(_ outcome: SimulationOutcome, option o: Int, draw: Int) {
        let d = draw - firstDraw, row = o * draws + d
        qalys[row] = outcome.qalys
        cost[row] = outcome.cost
        deaths[row] = outcome.deaths
        lifeYears[row] = outcome.lifeYears
        qalysAfterHorizon[row] = outcome.qalysAfterHorizon
        for g in 0..<groups {
            groupQalys[row * groups + g] = outcome.groupQalys[g]
            groupDeaths[row * groups + g] = outcome.groupDeaths[g]
            groupUnmet[row * groups + g] = outcome.groupUnmet[g]
            groupLifeYears[row * groups + g] = outcome.groupLifeYears[g]
            if o == 0 { groupPopulation[d * groups + g] = outcome.groupPopulation[g] }
        }
        for t in 0..<horizon {
            yearlyDeaths[row * horizon + t] = outcome.yearlyDeaths[t]
            yearlyLifeYears[row * horizon + t] = outcome.yearlyLifeYears[t]
            yearlyQalys[row * horizon + t] = outcome.yearlyQalys[t]
            yearlyCost[row * horizon + t] = outcome.yearlyCost[t]
        }
        for s in 0..<services {
            serviceActivity[row * services + s] = outcome.serviceActivity[s]
            serviceUnmet[row * services + s] = outcome.serviceUnmet[s]
        }
    }

    /// The finished table. Each buffer is copied into its column and released at once, so the
    /// run holds every column once plus one buffer, not all of them twice (the builder is spent).
    func table(optionNames: [String], scenario: Scenario) -> DrawTable {
        var table = DrawTable(
            optionNames: optionNames, groupNames: scenario.groupNames,
            serviceNames: scenario.services.map(\.name), interventionNames: scenario.interventions.map(\.name),
            draws: draws, firstDraw: firstDraw, totalDraws: totalDraws, horizon: scenario.horizon, zeroed: false)
        func take(_ buffer: inout DoubleBuffer) -> [Double] {
            defer { buffer = DoubleBuffer(count: 0) }
            return buffer.array
        }
        table.qalys = take(&qalys)
        table.cost = take(&cost)
        table.deaths = take(&deaths)
        table.lifeYears = take(&lifeYears)
        table.qalysAfterHorizon = take(&qalysAfterHorizon)
        table.groupQalys = take(&groupQalys)
        table.groupDeaths = take(&groupDeaths)
        table.groupUnmet = take(&groupUnmet)
        table.groupLifeYears = take(&groupLifeYears)
        table.drawYearlyDeaths = take(&yearlyDeaths)
        table.drawYearlyLifeYears = take(&yearlyLifeYears)
        table.drawYearlyQalys = take(&yearlyQalys)
        table.drawYearlyCost = take(&yearlyCost)
        table.groupPopulation = take(&groupPopulation)
        table.serviceActivity = take(&serviceActivity)
        table.serviceUnmet = take(&serviceUnmet)
        return table
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

    init(firstBlock: Int) {
        state = Mutex(State(next: firstBlock))
    }

    func finish(block: Int, _ slot: SeriesSlot) {
        state.withLock { state in
            state.pending[block] = slot.all
            while let series = state.pending.removeValue(forKey: state.next) {
                state.tree.append(block: state.next, series: series)
                state.next += 1
            }
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
