import ScenarioModel

/// The commented scenario that `phm new NAME` writes: small, valid, and a tour of the language.
public enum StarterScenario {
    public static func text(name: String) -> String {
        """
        # \(name): a starter scenario for phm-workbench.
        # Every key is explained in docs/SCENARIOS.md; `phm schema` gives editors a JSON Schema.
        # Numbers are illustrative: replace them with your system's figures and cite their sources.
        name: \(name)
        horizon: 10                         # years simulated
        start_year: \(FinancialYear.current())                    # year 0 is the financial year \(FinancialYear.label(startYear: FinancialYear.current(), year: 0)) (April to March)
        discount: {costs: 0.035, health: 0.035}   # NICE reference case
        threshold: 20000                    # £ per QALY for net monetary benefit
        monte_carlo: {draws: 1000, seed: 1}

        dimensions:                         # ordered levels; the equity dimension most deprived first
          imd: [Q1, Q2, Q3, Q4, Q5]
          age: ["0-64", "65+"]

        equity:
          dimension: imd
          baseline_health: {Q1: 63.2, Q2: 67.7, Q3: 70.0, Q4: 73.2, Q5: 75.1}   # QALE at birth, Love-Koh et al. 2015
          opportunity_cost:                 # health displaced by extra spending (DCEA)
            per_qaly: 13000
            shares: {Q1: 0.26, Q2: 0.22, Q3: 0.22, Q4: 0.16, Q5: 0.14}

        cohorts:                            # one row per combination; or `cohorts: {table: cohorts.csv}`
          # qalys_after_horizon: discounted QALYs a survivor still expects at the end of the horizon
          - {imd: Q1, age: "0-64", population: 48000, utility: 0.84, growth: 0.004, qalys_after_horizon: 17.0}
          - {imd: Q1, age: "65+", population: 8000, utility: 0.70, qalys_after_horizon: 5.5}
          - {imd: Q2, age: "0-64", population: 47000, utility: 0.86, growth: 0.004, qalys_after_horizon: 18.0}
          - {imd: Q2, age: "65+", population: 9000, utility: 0.72, qalys_after_horizon: 6.2}
          - {imd: Q3, age: "0-64", population: 46000, utility: 0.87, growth: 0.003, qalys_after_horizon: 18.6}
          - {imd: Q3, age: "65+", population: 10000, utility: 0.74, qalys_after_horizon: 6.8}
          - {imd: Q4, age: "0-64", population: 45000, utility: 0.88, growth: 0.003, qalys_after_horizon: 19.2}
          - {imd: Q4, age: "65+", population: 11000, utility: 0.76, qalys_after_horizon: 7.4}
          - {imd: Q5, age: "0-64", population: 44000, utility: 0.89, growth: 0.002, qalys_after_horizon: 19.7}
          - {imd: Q5, age: "65+", population: 12000, utility: 0.78, qalys_after_horizon: 8.0}

        needs:
          hypertension:
            prevalence: {base: 0.12, multiply: {imd: {Q1: 1.3, Q5: 0.8}, age: {"65+": 3.5}}}
            exit_rate: 0.04                 # share leaving the stock each year
            incidence: null                 # null = steady state
            utility_loss: {dist: beta, mean: 0.03, sd: 0.01}   # QALYs lost per person-year
            excess_deaths: {base: 0.001, multiply: {age: {"65+": 4.0}}}   # deaths per person-year; they leave the population
            progression: {cvd: 0.01}        # share moving on to cardiovascular disease each year
            use: {gp_appointment: 2.5, emergency_admission: 0.04}
          cvd:
            prevalence: {base: 0.03, multiply: {age: {"65+": 5.0}}}
            exit_rate: 0.02
            utility_loss: 0.1
            excess_deaths: {base: 0.01, multiply: {age: {"65+": 3.0}, imd: {Q1: 1.4}}}
            use: {gp_appointment: 3.0, emergency_admission: 0.12}

        services:
          gp_appointment:
            unit_cost: 48                   # £ per 10-minute consultation
            budget: 4800000                 # £ per year (or a list of `horizon` values)
            base_rate: {base: 3.0, multiply: {age: {"65+": 2.0}}}
            access: {base: 0.9, multiply: {imd: {Q1: 0.9}}}
            qaly_loss_per_unmet: 0.001
          emergency_admission:
            unit_cost: {dist: gamma, mean: 2700, sd: 300}
            budget: 33000000
            base_rate: {base: 0.06, multiply: {imd: {Q1: 1.5, Q5: 0.7}, age: {"65+": 3.0}}}
            qaly_loss_per_unmet: 0.02
            deaths_per_unmet: 0.001

        interventions:
          hypertension_case_finding:
            targets: {imd: [Q1, Q2]}        # omitted = every cohort
            eligible: population            # or need:NAME
            cost_per_participant: 40
            fixed_cost: 30000
            uptake: {dist: beta, mean: 0.5, sd: 0.1}
            budget: 300000
            lag: 1                          # years before any effect
            ramp: 2                         # years from first effect to full effect
            effects:
              incidence: {hypertension: 0.15}
              progression: {hypertension: 0.3}   # treated blood pressure: slower progression to CVD
              mortality: {hypertension: 0.1}
              demand: {emergency_admission: 0.002}
              qaly_per_participant: 0.002

        options:                            # `base` is implicit and changes nothing
          upstream:
            description: Move £300k a year from emergency care into case finding
            shift: [{from: emergency_admission, to: hypertension_case_finding, amount: 300000}]

        optimise:                           # phm optimise / phm frontier (all keys optional)
          objective: total-health           # or weighted, maximin, atkinson, gap-limit
          total: keep                       # reallocate today's total
          lines:
            emergency_admission: {min: "90%"}   # services keep 50% by default
            hypertension_case_finding: {max: 1000000}

        contracts:                          # phm payments: who carries the risk
          acute:
            provider: Local acute trust
            services: [emergency_admission]
            cost: {fixed_share: 0.6}        # 60% of today's cost is fixed within a year
            models:                         # compared side by side on the same draws
              activity: {}                  # price = unit cost
              block: {amount: 33000000}
              blended: {above_plan: 0.2, below_plan: 0.2}

        """
    }
}
