/// A funded programme whose participants change incidence, demand, access and health
/// (MODEL.md §2, "Interventions").
public struct Intervention: Hashable, Sendable {
    /// Who is eligible in each target cohort.
    public enum Eligibility: Hashable, Sendable {
        /// Everyone in the cohort, `N[c,t]`.
        case population
        /// People with need index `k`, `P[c,k,t]`.
        case need(Int)
    }

    /// The effects of one participant, by need or service index.
    public struct Effects: Hashable, Sendable {
        /// ε_inc[j,k]: relative reduction of incidence among participants.
        public let incidence: [Int: Parameter]
        /// ε_dem[j,s]: units of demand avoided per participant per year.
        public let demand: [Int: Parameter]
        /// ε_acc[j,s]: share of the access shortfall closed for participants.
        public let access: [Int: Parameter]
        /// ε_mort[j,k]: relative reduction of the need's excess deaths among participants; acts
        /// through the share of the eligible who take part, φ = κ·uptake.
        public let mortality: [Int: Parameter]
        /// ε_prog[j,k]: relative reduction of progression out of the need among participants,
        /// through φ as for mortality.
        public let progression: [Int: Parameter]
        /// γ[j]: QALYs gained per participant.
        public let qalyPerParticipant: Parameter

        public init(
            incidence: [Int: Parameter], demand: [Int: Parameter], access: [Int: Parameter],
            mortality: [Int: Parameter] = [:], progression: [Int: Parameter] = [:],
            qalyPerParticipant: Parameter
        ) {
            self.incidence = incidence
            self.demand = demand
            self.access = access
            self.mortality = mortality
            self.progression = progression
            self.qalyPerParticipant = qalyPerParticipant
        }
    }

    public let name: String
    /// Allowed levels by dimension index; a cohort is targeted when every listed dimension
    /// matches. Empty = every cohort.
    public let targets: [Int: Set<Int>]
    public let eligible: Eligibility
    public let costPerParticipant: Parameter
    /// £ per year while the programme is funded.
    public let fixedCost: Parameter
    /// Share of eligible people reachable at full funding.
    public let uptake: CohortValue
    public let budget: YearlyValue
    /// L: years before any effect.
    public let lag: Int
    /// R: years from first effect to full effect (0 = full at once).
    public let ramp: Int
    public let effects: Effects

    public init(
        name: String, targets: [Int: Set<Int>], eligible: Eligibility, costPerParticipant: Parameter,
        fixedCost: Parameter, uptake: CohortValue, budget: YearlyValue, lag: Int, ramp: Int,
        effects: Effects
    ) {
        self.name = name
        self.targets = targets
        self.eligible = eligible
        self.costPerParticipant = costPerParticipant
        self.fixedCost = fixedCost
        self.uptake = uptake
        self.budget = budget
        self.lag = lag
        self.ramp = ramp
        self.effects = effects
    }

    /// Whether the programme reaches `cohort`.
    public func targets(_ cohort: Cohort) -> Bool {
        targets.allSatisfy { dimension, levels in levels.contains(cohort.levels[dimension]) }
    }
}
