/// A health need (condition or risk) carried by a stock of people in each cohort (MODEL.md §2).
public struct Need: Hashable, Sendable {
    public let name: String
    /// π[c,k]: share of the cohort with the need in year 0.
    public let prevalence: CohortValue
    /// ρ[k]: share of people with the need who leave the stock each year (recovery or death).
    public let exitRate: Parameter
    /// ι[c,k]: yearly incidence among people without the need; `nil` = steady state ρπ/(1−π).
    public let incidence: CohortValue?
    /// δ[k]: QALYs lost per person-year with the need.
    public let utilityLoss: Parameter
    /// m[c,k]: deaths per person-year with the need; these deaths leave the population
    /// (MODEL.md §2).
    public let excessDeaths: CohortValue
    /// θ[k,n]: share of the people with this need who move to need `n` each year, by need index
    /// (never this need's own index).
    public let progression: [Int: Parameter]
    /// u[k,s]: units of each service used per person with the need per year, by service index.
    public let use: [Int: Parameter]

    public init(
        name: String, prevalence: CohortValue, exitRate: Parameter, incidence: CohortValue?,
        utilityLoss: Parameter, excessDeaths: CohortValue, progression: [Int: Parameter] = [:],
        use: [Int: Parameter]
    ) {
        self.name = name
        self.prevalence = prevalence
        self.exitRate = exitRate
        self.incidence = incidence
        self.utilityLoss = utilityLoss
        self.excessDeaths = excessDeaths
        self.progression = progression
        self.use = use
    }
}
