import DrawStatistics
import EconomicEvaluation
import EquityAnalysis
import MonteCarlo
import ScenarioModel

extension RunSummary {
    /// The inequality aversions reported (MODEL.md §4), with the keys used in `summary.json`.
    public static let epsilons: [(key: String, value: Double)] = [
        ("0", 0), ("0.5", 0.5), ("1", 1), ("2", 2), ("5", 5), ("10", 10), ("inf", .infinity),
    ]

    /// The absolute inequality aversions α of the Kolm index, per unit of health (per year of
    /// quality-adjusted life expectancy when `baseline_health` is QALE), with their keys.
    public static let kolmAversions: [(key: String, value: Double)] = [("0.1", 0.1), ("0.5", 0.5), ("1", 1)]

    /// Analyses a finished run: cost-effectiveness against base and on the efficiency frontier,
    /// and the distributional analysis of every option (MODEL.md §4).
    ///
    /// Group populations are year-0 means over draws (they differ between draws only when a
    /// cohort's population is itself a distribution).
    /// - Throws: `EconomicEvaluationError` or `EquityError` when the results cannot be analysed
    ///   (e.g. a group's final health is ≤ 0, where the Atkinson index is undefined).
    /// - Parameter scratch: where per-draw values derived on the way (changes against base, net
    ///   benefit, inequality measures) are kept: in memory, or the run's work folder for a run
    ///   kept in column files, so memory stays bounded at any draw count (issue 18).
    public init(scenario: Scenario, table: DrawTable, settings: RunSettings, scratch: ScratchSpace? = nil) throws {
        let scratch = scratch ?? table.scratch
        let O = table.optionCount, G = table.groupCount, D = table.draws
        let options = settings.options.map { scenario.allOptions[$0] }
        func change(_ metric: DrawMetric, option o: Int, index: Int = 0) throws -> Interval {
            try Interval(try scratch.difference(table.column(metric, option: o, index: index), table.column(metric, option: 0, index: index)))
        }
        let populations = try (0..<G).map { g in try table.column(.groupPopulation, index: g).sum() / Double(D) }
        let totalPopulation = populations.reduce(0, +)
        let threshold = scenario.threshold

        let cea = try CostEffectivenessAnalysis(
            optionNames: table.optionNames, qalys: (0..<O).map { table.column(.qalys, option: $0) },
            costs: (0..<O).map { table.column(.cost, option: $0) }, scratch: scratch)
        let frontier = cea.efficiencyFrontier
        let bestValue = try cea.probabilityBestValue(threshold: threshold)
        let versusBase = try cea.probabilityCostEffectiveVersusBase(threshold: threshold)
        let vpi = try cea.valueOfPerfectInformation(threshold: threshold, population: totalPopulation)
        let evpi = Evpi(population: vpi.population, perPerson: vpi.perPerson)
        let curve = try cea.acceptabilityCurve(population: totalPopulation)

        let dcea = try DistributionalEvaluation(scenario: scenario, table: table, scratch: scratch)
        let rankings = try dcea.welfareRankings(epsilons: Self.epsilons.map(\.value))
        let planes = try dcea.impactPlanes()
        let switches = try dcea.aversionSwitches()
        let kolmRankings = try dcea.kolmRankings(alphas: Self.kolmAversions.map(\.value))
        let kolmSwitches = try dcea.kolmAversionSwitches()
        func named(_ welfare: [Interval]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: zip(table.optionNames, welfare.map(\.mean)))
        }

        var summaries: [OptionSummary] = []
        for o in 0..<O {
            let groupHealth = try Self.groupHealth(dcea, option: o)
            let groups = try (0..<G).map { g in
                GroupSummary(
                    name: table.groupNames[g], population: populations[g],
                    qalys: try Interval(table.column(.groupQalys, option: o, index: g)),
                    deaths: try Interval(table.column(.groupDeaths, option: o, index: g)),
                    lifeYears: try Interval(table.column(.groupLifeYears, option: o, index: g)),
                    incrementalDeaths: o == 0 ? nil : try change(.groupDeaths, option: o, index: g),
                    incrementalLifeYears: o == 0 ? nil : try change(.groupLifeYears, option: o, index: g),
                    health: groupHealth[g].health, netGain: groupHealth[g].netGain)
            }
            let services = try table.serviceNames.enumerated().map { s, name in
                ServiceSummary(name: name, activity: try Interval(table.column(.serviceActivity, option: o, index: s)),
                               unmet: try Interval(table.column(.serviceUnmet, option: o, index: s)))
            }
            let againstBase = o == 0 ? nil : try cea.incremental(option: o)
            let increment: Increment? = try againstBase.map { versus in Increment(
                qalys: versus.qalys,
                cost: versus.costs,
                deaths: try change(.deaths, option: o),
                lifeYears: try change(.lifeYears, option: o),
                netHealth: try Interval(dcea.healthChanges[o])) }
            let entry = frontier.entries[o]
            let economics = Economics(
                icer: entry.icer, frontierStatus: Self.describe(entry.status),
                icerComparator: entry.comparator.map { table.optionNames[$0] },
                icerVersusBase: againstBase.map { Self.describe($0.ratio) } ?? "comparator",
                icerVersusBaseValue: againstBase.flatMap { Self.value(of: $0.ratio) },
                nmb: try Interval(try cea.netMonetaryBenefitColumn(option: o, threshold: threshold)),
                nhb: threshold > 0 ? try Interval(try cea.netHealthBenefitColumn(option: o, threshold: threshold)) : Interval(mean: .nan, low: .nan, high: .nan),
                probabilityCostEffectiveVersusBase: versusBase[o], probabilityBestValue: bestValue[o], evpi: evpi)
            summaries.append(OptionSummary(
                name: options[o].name, description: options[o].description,
                budgetNeutral: options[o].budgets.isEmpty && !options[o].overrides.contains { $0.target.contains("budget") },
                qalys: try Interval(table.column(.qalys, option: o)), qalysAfterHorizon: try Interval(table.column(.qalysAfterHorizon, option: o)),
                cost: try Interval(table.column(.cost, option: o)), deaths: try Interval(table.column(.deaths, option: o)),
                lifeYears: try Interval(table.column(.lifeYears, option: o)),
                groups: groups, services: services, incremental: increment, economics: economics,
                equity: try Self.equity(dcea, option: o, rankings: rankings, kolmRankings: kolmRankings, plane: o == 0 ? nil : planes[o - 1]),
                harms: try increment.map { try Self.harms(table, option: o, healthGain: $0.netHealth.mean, scratch: scratch) }))
        }
        self.init(
            scenario: scenario.name, draws: D, seed: settings.seed, deterministic: settings.deterministic,
            horizon: scenario.horizon, startYear: scenario.startYear, healthIsExpectancy: scenario.equity.baselineHealth != nil,
            threshold: threshold, groups: table.groupNames,
            inequalityAxis: "slope index of inequality (absolute)", healthHeadline: HealthHeadline(scenario: scenario),
            opportunityCostPerQaly: scenario.equity.opportunityCost?.perQaly,
            options: summaries,
            rankByEpsilon: zip(Self.epsilons, rankings).map { epsilon, ranking in
                EpsilonRanking(epsilon: epsilon.key, order: ranking.order.map { table.optionNames[$0] }, welfare: named(ranking.welfare))
            },
            aversionSwitches: switches.map { AversionChange(epsilon: $0.epsilon, from: table.optionNames[$0.from], to: table.optionNames[$0.to]) },
            rankByAlpha: zip(Self.kolmAversions, kolmRankings).map { alpha, ranking in
                AlphaRanking(alpha: alpha.key, order: ranking.order.map { table.optionNames[$0] }, welfare: named(ranking.welfare))
            },
            kolmAversionSwitches: kolmSwitches.map { KolmAversionChange(alpha: $0.alpha, from: table.optionNames[$0.from], to: table.optionNames[$0.to]) },
            acceptability: Acceptability(
                thresholds: curve.thresholds, probabilityBestValue: curve.bestValue,
                probabilityCostEffectiveVersusBase: curve.versusBase,
                frontier: curve.frontierOptions.map { table.optionNames[$0] },
                frontierProbability: curve.frontierProbabilities,
                evpiPopulation: curve.valueOfInformation.map(\.population),
                evpiPerPerson: curve.valueOfInformation.map(\.perPerson)),
            evpi: evpi)
        if D > DistributionalEvaluation.switchSearchDraws { switchSearchDraws = DistributionalEvaluation.switchSearchDraws }
    }

    /// Each group's final health and its net gain against base, `(h_g − h_g(base)) · N_g`, over
    /// draws, in one pass over the option's draws.
    private static func groupHealth(_ dcea: DistributionalEvaluation, option o: Int) throws -> [(health: Interval, netGain: Interval)] {
        var measures: [DistributionalEvaluation.PairedMeasure] = []
        for (g, population) in dcea.populations.enumerated() {
            measures.append { (h: HealthDistribution, base: HealthDistribution) throws -> Double in h.health[g] }
            measures.append { (h: HealthDistribution, base: HealthDistribution) throws -> Double in
                (h.health[g] - base.health[g]) * population
            }
        }
        let intervals = try dcea.summaries(option: o, pairedMeasures: measures)
        return dcea.groups.indices.map { (intervals[2 * $0], intervals[2 * $0 + 1]) }
    }

    /// Every equity measure of one option over draws, in one pass over its draws (measures in
    /// the order they are reported, so an error names the first one that fails).
    private static func equity(
        _ dcea: DistributionalEvaluation, option o: Int, rankings: [WelfareRanking], kolmRankings: [KolmRanking], plane: ImpactPlane?
    ) throws -> Equity {
        var measures: [DistributionalEvaluation.PairedMeasure] = []
        func slot(_ measure: @escaping DistributionalEvaluation.PairedMeasure) -> Int {
            measures.append(measure)
            return measures.count - 1
        }
        var atkinson: [String: Int] = [:], ede: [String: Int] = [:], ranks: [String: Int] = [:]
        var welfareChange: [String: Int] = [:]
        for (i, epsilon) in epsilons.enumerated() {
            let e = epsilon.value
            ede[epsilon.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.atkinsonEDE(epsilon: e) }
            if e > 0, e.isFinite {
                atkinson[epsilon.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.atkinsonIndex(epsilon: e) }
            }
            ranks[epsilon.key] = rankings[i].order.firstIndex(of: o)! + 1
            if o > 0 {
                welfareChange[epsilon.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in
                    (try h.atkinsonEDE(epsilon: e) - (try base.atkinsonEDE(epsilon: e))) * h.totalPopulation
                }
            }
        }
        var kolm: [String: Int] = [:], kolmEde: [String: Int] = [:], kolmRanks: [String: Int] = [:]
        var kolmWelfareChange: [String: Int] = [:]
        for (i, alpha) in kolmAversions.enumerated() {
            let a = alpha.value
            kolm[alpha.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.kolmIndex(alpha: a) }
            kolmEde[alpha.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.kolmEDE(alpha: a) }
            kolmRanks[alpha.key] = kolmRankings[i].order.firstIndex(of: o)! + 1
            if o > 0 {
                kolmWelfareChange[alpha.key] = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in
                    (try h.kolmEDE(alpha: a) - (try base.kolmEDE(alpha: a))) * h.totalPopulation
                }
            }
        }
        let gap = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in h.gap }
        let relativeGap = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.relativeGap }
        let sii = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in h.slopeIndex }
        let rii = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.relativeIndex }
        let concentration = slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in try h.concentrationIndex }
        let gapChange = o == 0 ? nil : slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in h.gap - base.gap }
        let siiChange = o == 0 ? nil : slot { (h: HealthDistribution, base: HealthDistribution) throws -> Double in
            h.slopeIndex - base.slopeIndex
        }
        let intervals = try dcea.summaries(option: o, pairedMeasures: measures)
        return Equity(
            gap: intervals[gap], relativeGap: intervals[relativeGap], sii: intervals[sii], rii: intervals[rii],
            concentration: intervals[concentration],
            atkinson: atkinson.mapValues { intervals[$0] }, ede: ede.mapValues { intervals[$0] },
            kolm: kolm.mapValues { intervals[$0] }, kolmEde: kolmEde.mapValues { intervals[$0] },
            rankByEpsilon: ranks, rankByAlpha: kolmRanks,
            edeChangeTimesPopulation: o == 0 ? nil : welfareChange.mapValues { intervals[$0] },
            kolmEdeChangeTimesPopulation: o == 0 ? nil : kolmWelfareChange.mapValues { intervals[$0] },
            gapChange: gapChange.map { intervals[$0] }, siiChange: siiChange.map { intervals[$0] },
            impactPlane: plane.map {
                ImpactShares(
                    winWin: $0.shares[.winWin] ?? 0,
                    moreHealthMoreInequality: $0.shares[.moreHealthMoreInequality] ?? 0,
                    lessHealthLessInequality: $0.shares[.lessHealthLessInequality] ?? 0,
                    loseLose: $0.shares[.loseLose] ?? 0, onAxis: $0.shares[.onAxis] ?? 0)
            })
    }

    /// Deaths and unmet demand by group, and unmet demand by service, against base, draw by draw (common random
    /// numbers: each draw's difference is the option's own effect).
    private static func harms(_ table: DrawTable, option o: Int, healthGain: Double, scratch: ScratchSpace) throws -> Harms {
        func change(_ metric: DrawMetric, _ index: Int) throws -> DrawColumn {
            try scratch.difference(table.column(metric, option: o, index: index), table.column(metric, option: 0, index: index))
        }
        return try Harms(
            healthGain: healthGain, groupNames: table.groupNames,
            groupDeathChanges: (0..<table.groupCount).map { try change(.groupDeaths, $0) },
            groupUnmetChanges: (0..<table.groupCount).map { try change(.groupUnmet, $0) },
            serviceNames: table.serviceNames,
            serviceUnmetChanges: (0..<table.serviceCount).map { try change(.serviceUnmet, $0) },
            draws: table.draws, scratch: scratch)
    }

    static func describe(_ status: EfficiencyFrontier.Status) -> String {
        switch status {
        case .frontier: return "frontier"
        case .dominated: return "dominated"
        case .extendedlyDominated: return "extendedly_dominated"
        }
    }

    static func describe(_ ratio: IncrementalRatio) -> String {
        switch ratio {
        case .costPerQALYGained: return "cost per QALY gained"
        case .dominant: return "dominant"
        case .dominated: return "dominated"
        case .savingPerQALYForgone: return "saving per QALY forgone"
        case .noDifference: return "no difference"
        }
    }

    static func value(of ratio: IncrementalRatio) -> Double? {
        switch ratio {
        case .costPerQALYGained(let v), .savingPerQALYForgone(let v): return v
        default: return nil
        }
    }
}
