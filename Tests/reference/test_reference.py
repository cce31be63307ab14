"""Tests of the NumPy reference on tiny scenarios worked by hand.

Every expected number is derived in a comment from MODEL.md §2 and docs/MODEL-NOTES.md, so a
reader can check it with a pencil. Run: python3 -m pytest Tests/reference -q
"""

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import phm_reference as ref  # noqa: E402

SCRIPT = Path(__file__).parent / "phm_reference.py"


def write(tmp_path, text, name="scenario.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def run(tmp_path, text):
    """Deterministic report, options by name."""
    scn = ref.load_scenario(write(tmp_path, text))
    report = ref.deterministic_report(scn, ref.selected_options(scn, None))
    return {o["name"]: o for o in report["options"]}


def close(actual, expected):
    assert np.allclose(actual, expected, rtol=1e-12, atol=1e-9), (actual, expected)


# ---------------------------------------------------------------------------------------------
# 1 cohort, 1 need, 1 service, growing population, 3 years, no discounting
# ---------------------------------------------------------------------------------------------

ONE_OF_EACH = """
    name: one-of-each
    horizon: 3
    discount: {costs: 0, health: 0}
    dimensions: {imd: [Q1]}
    cohorts:
      - {imd: Q1, population: 1000, utility: 0.9, growth: 0.1}
    needs:
      n:
        prevalence: 0.2
        exit_rate: 0.1
        incidence: 0.05
        utility_loss: 0.1
        excess_deaths: 0.01
        use: {svc: 2}
    services:
      svc: {unit_cost: 10, budget: 100000, base_rate: 0.5, access: 0.5,
            qaly_loss_per_unmet: 0.01, deaths_per_unmet: 0.001}
"""


def test_one_cohort_one_need_one_service(tmp_path):
    base = run(tmp_path, ONE_OF_EACH)["base"]
    # Capacity K = 100000 / 10 = 10000 units, far above demand: A = D, U = 0.
    # Deaths leave the population: N' = (N − Dth)·(1 + g), and the stock loses m·P.
    # t=0: N = 1000, P = 0.2·1000 = 200
    #      D = N·b + P·u·a = 1000·0.5 + 200·2·0.5 = 500 + 200 = 700
    #      Q = N·utility − P·δ = 900 − 200·0.1 = 880;  deaths = 200·0.01 = 2
    #      N1 = (1000 − 2)·1.1 = 1097.8
    #      P1 = 200 + 0.05·(1000 − 200) − 0.1·200 − 0.01·200 = 200 + 40 − 20 − 2 = 218
    # t=1: N = 1097.8, P = 218: D = 548.9 + 218 = 766.9; Q = 988.02 − 21.8 = 966.22; deaths 2.18
    #      N2 = (1097.8 − 2.18)·1.1 = 1205.182
    #      P2 = 218 + 0.05·(1097.8 − 218) − 21.8 − 2.18 = 218 + 43.99 − 23.98 = 238.01
    # t=2: N = 1205.182, P = 238.01: D = 602.591 + 238.01 = 840.601
    #      Q = 1084.6638 − 23.801 = 1060.8628; deaths 2.3801
    close(base["yearly"]["qalys"], [880, 966.22, 1060.8628])
    close(base["yearly"]["services"]["svc"]["demand"], [700, 766.9, 840.601])
    close(base["yearly"]["services"]["svc"]["activity"], [700, 766.9, 840.601])
    close(base["yearly"]["services"]["svc"]["unmet"], [0, 0, 0])
    close(base["qalys"], 880 + 966.22 + 1060.8628)  # 2907.0828
    close(base["deaths"], 2 + 2.18 + 2.3801)  # 6.5601
    close(base["yearly"]["deaths"], [2, 2.18, 2.3801])
    close(base["yearly"]["life_years"], [1000, 1097.8, 1205.182])  # LY = N
    close(base["life_years"], 3302.982)
    close(base["yearly"]["cost"], [100000] * 3)  # C[t] = the service budget
    close(base["cost"], 300000)
    close(base["services"]["svc"]["activity"], 700 + 766.9 + 840.601)  # 2307.501
    assert base["groups"] == [{"name": "Q1", "population": 1000.0, "qalys": base["qalys"],
                               "deaths": base["deaths"], "life_years": base["life_years"], "unmet": 0.0}]


# ---------------------------------------------------------------------------------------------
# Rationing, carryover, unmet-demand penalties, equity groups and discounting
# ---------------------------------------------------------------------------------------------

RATIONED = """
    name: rationed
    horizon: 2
    discount: {costs: 0.1, health: 0.05}
    dimensions: {imd: [Q1, Q2]}
    cohorts:
      - {imd: Q1, population: 1000, utility: 1}
      - {imd: Q2, population: 3000, utility: 1}
    services:
      svc:
        unit_cost: 100
        budget: 150000
        base_rate: {base: 0.5, multiply: {imd: {Q1: 2}}}
        carryover: 0.5
        qaly_loss_per_unmet: 0.1
        deaths_per_unmet: 0.01
"""


def test_rationing_carryover_and_discounting(tmp_path):
    base = run(tmp_path, RATIONED)["base"]
    # K = 150000 / 100 = 1500 units a year. b = 0.5·2 = 1.0 for Q1, 0.5 for Q2.
    # t=0: D = (1000·1.0, 3000·0.5) = (1000, 1500), Σ = 2500 > 1500 → each gets 1500/2500 = 0.6
    #      A = (600, 900), U = (400, 600)
    #      Q = (1000 − 0.1·400, 3000 − 0.1·600) = (960, 2940); deaths = (4, 6)
    #      deaths from unmet demand leave N only: N1 = (1000 − 4, 3000 − 6) = (996, 2994)
    # t=1: D = N·b + β·U[t−1] = (996 + 0.5·400, 1497 + 0.5·600) = (1196, 1797), Σ = 2993 → 1500/2993
    #      U = D·1493/2993; Q = N − 0.1·U; deaths = 0.01·U
    u1 = [1196 * 1493 / 2993, 1797 * 1493 / 2993]  # (596.60..., 896.39...), Σ = 1493
    svc = base["yearly"]["services"]["svc"]
    close(svc["demand"], [2500, 2993])
    close(svc["activity"], [1500, 1500])
    close(svc["unmet"], [1000, 1493])
    close(base["yearly"]["qalys"], [3900, 996 + 2994 - 149.3])  # 3840.7
    # Discounting: year t weighs 1/(1+r)^t, year 0 undiscounted.
    close(base["qalys"], 3900 + 3840.7 / 1.05)
    close(base["cost"], 150000 + 150000 / 1.1)  # 286363.636...
    close(base["deaths"], 10 + 14.93)  # undiscounted
    close(base["life_years"], 4000 + 3990)
    close([base["services"]["svc"]["activity"], base["services"]["svc"]["unmet"]], [3000, 2493])
    q1, q2 = base["groups"]
    assert (q1["name"], q1["population"], q2["name"], q2["population"]) == ("Q1", 1000, "Q2", 3000)
    close(q1["qalys"], 960 + (996 - 0.1 * u1[0]) / 1.05)
    close(q2["qalys"], 2940 + (2994 - 0.1 * u1[1]) / 1.05)
    close([q1["deaths"], q2["deaths"]], [4 + 0.01 * u1[0], 6 + 0.01 * u1[1]])
    close([q1["life_years"], q2["life_years"]], [1000 + 996, 3000 + 2994])


# ---------------------------------------------------------------------------------------------
# Steady-state incidence keeps the need stock constant
# ---------------------------------------------------------------------------------------------


def test_steady_state_incidence_keeps_prevalence_constant(tmp_path):
    base = run(tmp_path, """
        name: steady
        horizon: 3
        discount: {costs: 0.05, health: 0.035}
        dimensions: {imd: [Q1, Q2]}
        cohorts:
          - {imd: Q1, population: 1000, utility: 0.9}
          - {imd: Q2, population: 1000, utility: 0.9}
        needs:
          n: {prevalence: {base: 0.2, multiply: {imd: {Q2: 0.5}}}, exit_rate: 0.1, utility_loss: 0.1}
        services:
          svc: {unit_cost: 1, budget: 1000}
    """)["base"]
    # ι = ρπ/(1−π): Q1 0.1·0.2/0.8 = 0.025, Q2 0.1·0.1/0.9 = 0.0111...
    # Q1: P1 = 200 + 0.025·800 − 0.1·200 = 200;  Q2: P1 = 100 + 0.0111·900 − 10 = 100. Constant.
    # Q[t] = 2000·0.9 − (200 + 100)·0.1 = 1770 every year; nobody dies.
    close(base["yearly"]["qalys"], [1770, 1770, 1770])
    close(base["deaths"], 0)
    # Discounted at 3.5%: 1770·(1 + 1/1.035 + 1/1.035²) = 1770·2.899694275 = 5132.4588672
    close(base["qalys"], 5132.458867184765)
    # Cost 1000 a year at 5%: 1000 + 952.3810 + 907.0295 = 2859.4104308
    close(base["cost"], 2859.4104308390024)


def test_steady_state_with_deaths_and_progression(tmp_path):
    base = run(tmp_path, """
        name: steady-deaths
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts:
          - {imd: Q1, population: 1000, utility: 1}
        needs:
          a: {prevalence: 0.2, exit_rate: 0.1, excess_deaths: 0.01, progression: {b: 0.05}, utility_loss: 0.1}
          b: {prevalence: 0.1, exit_rate: 0.15, excess_deaths: 0.02, utility_loss: 0.3}
        services:
          svc: {unit_cost: 1, budget: 1000}
    """)["base"]
    # ι_a = (ρ + m + θ)·π/(1 − π) = 0.16·0.2/0.8 = 0.04
    # ι_b = ((ρ + m)·π_b − θ_ab·π_a)/(1 − π_b) = (0.017 − 0.01)/0.9 = 0.007/0.9
    # t=0: P = (200, 100); deaths = 200·0.01 + 100·0.02 = 4; Q = 1000 − 20 − 30 = 950; N1 = 996
    #      P_a1 = 200 + 0.04·800 − 20 − 2 − 10 = 200;  P_b1 = 100 + 7 − 15 − 2 + 10 = 100
    # t=1: Q = 996 − 20 − 30 = 946; deaths 4
    close(base["yearly"]["qalys"], [950, 946])
    close(base["yearly"]["deaths"], [4, 4])
    close(base["yearly"]["life_years"], [1000, 996])


def test_mortality_effect_and_value_after_horizon(tmp_path):
    base, saving = (run(tmp_path, """
        name: saving
        horizon: 2
        discount: {costs: 0, health: 0.1}
        dimensions: {imd: [Q1]}
        cohorts:
          - {imd: Q1, population: 1000, utility: 1, qalys_after_horizon: 10}
        needs:
          a: {prevalence: 0.5, incidence: 0, excess_deaths: 0.1}
        services:
          svc: {unit_cost: 1, budget: 1000}
        interventions:
          care:
            eligible: need:a
            cost_per_participant: 1
            uptake: 0.5
            budget: 0
            effects: {mortality: {a: 0.4}}
        options:
          fund:
            set: {interventions.care.budget: 1000000}
    """)[name] for name in ("base", "fund"))
    # base: t=0 N = 1000, P = 500, deaths 50; N1 = 950, P1 = 450; t=1 deaths 45; N2 = 905.
    #       Q = 1000 + 950/1.1 + 905·10/1.1² = 1000 + 863.636 + 7479.339
    close(base["yearly"]["deaths"], [50, 45])
    close(base["qalys_after_horizon"], 905 * 10 / 1.21)
    close(base["qalys"], 1000 + 950 / 1.1 + 905 * 10 / 1.21)
    # fund: full coverage κ = 1, φ = 0.5, no lag: m' = 0.1·(1 − 0.4·0.5) = 0.08
    #       t=0 deaths 40, N1 = 960, P1 = 460; t=1 deaths 36.8, N2 = 923.2
    close(saving["yearly"]["deaths"], [40, 36.8])
    close(saving["yearly"]["life_years"], [1000, 960])
    close(saving["qalys"], 1000 + 960 / 1.1 + 923.2 * 10 / 1.21)


def test_need_stock_is_clamped_to_population(tmp_path):
    base = run(tmp_path, """
        name: clamp
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts: [{imd: Q1, population: 1000, utility: 1, growth: -0.5}]
        needs:
          n: {prevalence: 0.5, incidence: 1, utility_loss: 1}
        services:
          svc: {unit_cost: 1, budget: 0}
    """)["base"]
    # t=0: N = 1000, P = 500: Q = 1000 − 500·1 = 500
    #      P1 = 500 + 1·(1000 − 500) − 0 = 1000, clamped to N1 = 1000·0.5 = 500
    # t=1: Q = 500 − 500 = 0
    close(base["yearly"]["qalys"], [500, 0])


# ---------------------------------------------------------------------------------------------
# Interventions: lag 1, ramp 2, coverage limited by budget; and a `set` of lag and ramp
# ---------------------------------------------------------------------------------------------

PROGRAMME = """
    name: programme
    horizon: 3
    discount: {costs: 0, health: 0}
    dimensions: {imd: [Q1]}
    cohorts: [{imd: Q1, population: 1000, utility: 1}]
    needs:
      cvd: {prevalence: 0.1, incidence: 0.02, utility_loss: 0.2, use: {ae: 1}}
    services:
      ae: {unit_cost: 100, budget: 1000000, base_rate: 0.1}
    interventions:
      prog:
        uptake: 0.5
        cost_per_participant: 10
        fixed_cost: 1000
        budget: 3500
        lag: 1
        ramp: 2
        effects:
          incidence: {cvd: 0.5}
          demand: {ae: 0.2}
          qaly_per_participant: 0.01
    options:
      immediate:
        set: {interventions.prog.lag: 0, interventions.prog.ramp: 0}
"""


def test_intervention_with_lag_ramp_and_limited_budget(tmp_path):
    base = run(tmp_path, PROGRAMME)["base"]
    # Participants every year: Rch = E·uptake = 1000·0.5 = 500; F = 3500 − 1000 = 2500;
    # κ = min(1, 2500 / (10·500)) = 0.5; Z = 0.5·500 = 250.
    # Cost: 1000000 + (1000 + 10·250) = 1003500 every year (the programme spends its budget).
    # Weights, L = 1, R = 2: w0 = 0, w1 = min(1, 1/2) = 0.5, w2 = min(1, 2/2) = 1.
    # K = 10000 units of A&E, never binding.
    # t=0: no effect. P = 100. D = 1000·0.1 + 100·1 = 200. Q = 1000 − 100·0.2 = 980.
    #      P1 = 100 + 0.02·(1000 − 100) = 118
    # t=1: w·Z[0] = 0.5·250 = 125 participants' worth; per person 125/1000 = 0.125
    #      I = 1 − (1 − 0.5·0.125) = 0.0625; V = 0.2·125 = 25; G = 0.01·125 = 1.25
    #      D = 100 + 118 − 25 = 193. Q = 1000 − 118·0.2 + 1.25 = 977.65
    #      P2 = 118 + 0.02·(1 − 0.0625)·(1000 − 118) = 118 + 16.5375 = 134.5375
    # t=2: w·Z[1] = 250, per person 0.25: I = 0.125, V = 50, G = 2.5
    #      D = 100 + 134.5375 − 50 = 184.5375. Q = 1000 − 26.9075 + 2.5 = 975.5925
    close(base["yearly"]["services"]["ae"]["demand"], [200, 193, 184.5375])
    close(base["yearly"]["qalys"], [980, 977.65, 975.5925])
    close(base["qalys"], 980 + 977.65 + 975.5925)  # 2933.2425
    close(base["yearly"]["cost"], [1003500] * 3)
    close(base["cost"], 3010500)


def test_set_lag_and_ramp(tmp_path):
    immediate = run(tmp_path, PROGRAMME)["immediate"]
    # lag 0, ramp 0: w = 1 from year 0, acting on this year's Z = 250 (per person 0.25).
    # t=0: I = 0.125, V = 50, G = 2.5: D = 100 + 100 − 50 = 150; Q = 1000 − 20 + 2.5 = 982.5
    #      P1 = 100 + 0.02·0.875·900 = 115.75
    # t=1: D = 100 + 115.75 − 50 = 165.75; Q = 1000 − 23.15 + 2.5 = 979.35
    close(immediate["yearly"]["services"]["ae"]["demand"][:2], [150, 165.75])
    close(immediate["yearly"]["qalys"][:2], [982.5, 979.35])


def test_targets_need_eligibility_access_and_full_funding(tmp_path):
    base = run(tmp_path, """
        name: outreach
        horizon: 1
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1, Q2]}
        cohorts:
          - {imd: Q1, population: 1000, utility: 1}
          - {imd: Q2, population: 1000, utility: 1}
        needs:
          dm: {prevalence: {base: 0.1, multiply: {imd: {Q1: 2}}}, incidence: 0, use: {gp: 4}}
        services:
          gp: {unit_cost: 1, budget: 1000000000, access: 0.5}
        interventions:
          outreach:
            targets: {imd: [Q1]}
            eligible: need:dm
            uptake: 0.5
            cost_per_participant: 100
            budget: 1000000
            effects: {access: {gp: 0.4}}
          unfunded:
            cost_per_participant: 5
            fixed_cost: 7
            budget: 0
            effects: {qaly_per_participant: 1}
    """)["base"]
    # P = (0.2·1000, 0.1·1000) = (200, 100).
    # outreach: E = (200, 0) (Q2 not targeted), Rch = (100, 0); F = 1e6 ≥ 100·100 → κ = 1, Z = (100, 0)
    #   lag 0, ramp 0 → w = 1. a' = a + (1 − a)·ε_acc·Z/N = 0.5 + 0.5·0.4·100/1000 = 0.52 in Q1; 0.5 in Q2
    # unfunded: budget 0 → F = 0, κ = 0, no participants, no cost, no QALYs.
    # D = P·u·a' = (200·4·0.52, 100·4·0.5) = (416, 200) → 616
    # Cost = 1e9 + (0 + 100·100) = 1000010000 (the programme underspends its £1m)
    close(base["yearly"]["services"]["gp"]["demand"], [616])
    close(base["cost"], 1000010000)
    close(base["qalys"], 2000)


# ---------------------------------------------------------------------------------------------
# Options: shift (with supply response against the base capacity) and set
# ---------------------------------------------------------------------------------------------


def test_shift_option_and_supply_elasticity(tmp_path):
    options = run(tmp_path, """
        name: shifting
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts: [{imd: Q1, population: 1000, utility: 1}]
        services:
          acute: {unit_cost: 100, budget: 100000, base_rate: 1.2, supply_elasticity: 0.5,
                  qaly_loss_per_unmet: 0.05}
          community: {unit_cost: 50, budget: 50000, base_rate: 0.5}
        options:
          move:
            description: £20k from acute to community in year 0 only
            shift: [{from: acute, to: community, amount: [20000, 0]}]
    """)
    base, move = options["base"], options["move"]
    # base: acute K = 1000, D = 1200·(1000/1000)^0.5 = 1200 → A = 1000, U = 200
    #       Q = 1000 − 200·0.05 = 990; community D = 500 ≤ K = 1000
    close(base["yearly"]["services"]["acute"]["unmet"], [200, 200])
    close(base["yearly"]["qalys"], [990, 990])
    # move, t=0: acute budget 80000 → K = 800, supply (800/1000)^0.5 = 0.894427191
    #       D = 1200·0.894427191 = 1073.312629 → A = 800, U = 273.312629
    #       Q = 1000 − 0.05·273.312629 = 986.334369; community K = 70000/50 = 1400, D = 500 (η = 0)
    # move, t=1: amount 0 → as base.
    close(move["yearly"]["services"]["acute"]["demand"], [1200 * math.sqrt(0.8), 1200])
    close(move["yearly"]["services"]["acute"]["activity"], [800, 1000])
    close(move["yearly"]["qalys"], [986.334368540005, 990])
    close(move["yearly"]["services"]["community"]["activity"], [500, 500])
    close(move["yearly"]["cost"], [150000, 150000])  # money moved, not added


def test_budgets_option_then_shift(tmp_path):
    options = run(tmp_path, """
        name: budgeting
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts: [{imd: Q1, population: 1000, utility: 1}]
        services:
          acute: {unit_cost: 100, budget: 100000, base_rate: 1.2, supply_elasticity: 0.5,
                  qaly_loss_per_unmet: 0.05}
          community: {unit_cost: 50, budget: 50000, base_rate: 0.5}
        options:
          rebudget:
            description: acute to £120k then £100k, then £20k a year moved to community
            budgets: {acute: [120000, 100000]}
            shift: [{from: acute, to: community, amount: 20000}]
        optimise: {objective: total-health}
    """)
    rebudget = options["rebudget"]
    # budgets first: acute 120000, 100000; then the shift: acute 100000, 80000; community 70000
    # t=0: acute K = 1000 = K0, D = 1200 → A = 1000; t=1: K = 800, D = 1200·sqrt(0.8), A = 800
    close(rebudget["yearly"]["services"]["acute"]["activity"], [1000, 800])
    close(rebudget["yearly"]["services"]["acute"]["demand"], [1200, 1200 * math.sqrt(0.8)])
    close(rebudget["yearly"]["cost"], [170000, 150000])


def test_set_option(tmp_path):
    options = run(tmp_path, """
        name: setting
        horizon: 1
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1, Q2]}
        cohorts:
          - {imd: Q1, population: 1000, utility: 1}
          - {imd: Q2, population: 1000, utility: 1}
        services:
          s:
            unit_cost: 10
            budget: 10000
            base_rate: {base: 0.4, multiply: {imd: {Q1: 2}}}
            qaly_loss_per_unmet: 0.1
        options:
          more:
            set: {services.s.budget: 12000, services.s.supply_elasticity: 1}
          flat:
            set: {services.s.base_rate.multiply.imd.Q1: 1, services.s.base_rate.by_cohort.Q2: 0.1}
          lower:
            set: {services.s.base_rate: 0.25}
          lower-by-base:
            set: {services.s.base_rate.base: 0.25}
    """)
    # base: b = (0.8, 0.4) → D = (800, 400) = 1200 > K = 1000; U = 200; Q = 2000 − 20 = 1980
    close(options["base"]["qalys"], 1980)
    close(options["base"]["services"]["s"]["unmet"], 200)
    # more: K = 1200 against base K0 = 1000, η = 1 → supply 1.2: D = (960, 480) = 1440 > 1200
    #       A = 1440·1200/1440 = 1200, U = 240; Q = 2000 − 24 = 1976; cost = the new budget 12000
    close(options["more"]["yearly"]["services"]["s"]["demand"], [1440])
    close(options["more"]["services"]["s"]["unmet"], 240)
    close(options["more"]["qalys"], 1976)
    close(options["more"]["cost"], 12000)
    # flat: factor for Q1 set to 1 → b = 0.4; Q2 overridden to 0.1 → D = 400 + 100 = 500, no unmet
    close(options["flat"]["yearly"]["services"]["s"]["demand"], [500])
    close(options["flat"]["qalys"], 2000)
    # lower: the path of the value replaces its base only; the Q1 factor 2 stays:
    #        b = (0.5, 0.25) → D = 500 + 250 = 750
    close(options["lower"]["yearly"]["services"]["s"]["demand"], [750])
    close(options["lower-by-base"]["yearly"]["services"]["s"]["demand"], [750])  # `.base`: the same slot


# ---------------------------------------------------------------------------------------------
# Values: distribution means; cohort tables
# ---------------------------------------------------------------------------------------------


def test_deterministic_mode_uses_distribution_means(tmp_path):
    base = run(tmp_path, """
        name: means
        horizon: 1
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1]}
        cohorts:
          - {imd: Q1, population: {dist: uniform, low: 900, high: 1100},
             utility: {dist: triangular, low: 0.7, mode: 0.8, high: 0.9}}
        needs:
          n:
            prevalence: {dist: pert, low: 0.1, mode: 0.2, high: 0.6}
            utility_loss: {dist: lognormal, p10: 0.05, p90: 0.2}
            excess_deaths: {dist: gamma, mean: 0.01, sd: 0.002}
        services:
          svc: {unit_cost: {dist: normal, mean: 10, sd: 1}, budget: {dist: beta, mean: 0.5, sd: 0.1}}
    """)["base"]
    # N = (900 + 1100)/2 = 1000; utility = (0.7 + 0.8 + 0.9)/3 = 0.8
    # π = (0.1 + 4·0.2 + 0.6)/6 = 0.25 → P = 250
    # δ: μ = (ln 0.05 + ln 0.2)/2 = ln 0.1, σ = ln 4 / (2·1.28155) = 0.5408656 → exp(μ + σ²/2) = 0.1157506
    # Q = 800 − 250·0.1157506137 = 771.06234658; deaths = 250·0.01 = 2.5; cost = 0.5
    sigma = math.log(4) / (2 * 1.2815515655446004)
    close(base["qalys"], 800 - 250 * 0.1 * math.exp(sigma**2 / 2))
    close(base["deaths"], 2.5)
    close(base["cost"], 0.5)
    assert base["groups"][0]["population"] == 1000


def test_cohort_table(tmp_path):
    (tmp_path / "cohorts.csv").write_text(
        "# cohorts for the test\nimd,age,population,utility,growth\n"
        "Q1,young,1000,0.9,0.1\n# a comment between rows\nQ2,old,2000,0.7,0\n")
    scn = ref.load_scenario(write(tmp_path, """
        name: table
        horizon: 2
        discount: {costs: 0, health: 0}
        dimensions: {imd: [Q1, Q2], age: [young, old]}
        equity: {dimension: imd}
        cohorts: {table: cohorts.csv}
        services:
          svc: {unit_cost: 1, budget: 5, base_rate: {base: 1, by_cohort: {Q2/old: 0.5}}}
    """))
    report = ref.deterministic_report(scn, ref.selected_options(scn, None))
    base = report["options"][0]
    # t=0: Q = 1000·0.9 + 2000·0.7 = 2300; t=1: 1100·0.9 + 1400 = 2390
    close(base["yearly"]["qalys"], [2300, 2390])
    # demand: t=0 1000·1 + 2000·0.5 = 2000; t=1 1100 + 1000 = 2100
    close(base["yearly"]["services"]["svc"]["demand"], [2000, 2100])
    assert report["groups"] == ["Q1", "Q2"]
    assert [g["population"] for g in base["groups"]] == [1000, 2000]


# ---------------------------------------------------------------------------------------------
# The vectorised draw axis, the command line and failing loudly
# ---------------------------------------------------------------------------------------------


def test_many_draws_of_fixed_numbers_equal_deterministic(tmp_path):
    """With no distributions, every bench-mode draw must reproduce deterministic mode."""
    scn = ref.load_scenario(write(tmp_path, PROGRAMME))
    values = ref.SampledValues(seed=3, first=0, draws=4)
    base_capacity = ref.build_inputs(scn, scn.base, values).capacity
    for option in ref.selected_options(scn, None):
        drawn = ref.simulate(ref.build_inputs(scn, option, values), base_capacity)
        mean = ref.deterministic_report(scn, [option])["options"][-1]
        close(drawn.qalys, [mean["qalys"]] * 4)
        close(drawn.cost, [mean["cost"]] * 4)


def test_command_line(tmp_path):
    path = write(tmp_path, PROGRAMME)
    out = subprocess.run([sys.executable, SCRIPT, "deterministic", path, "--options", "immediate"],
                         capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["scenario"] == "programme" and report["horizon"] == 3 and report["groups"] == ["Q1"]
    assert [o["name"] for o in report["options"]] == ["base", "immediate"]
    assert set(report["options"][0]) == {"name", "qalys", "cost", "deaths", "life_years", "qalys_after_horizon",
                                        "groups", "services", "yearly"}
    assert set(report["options"][0]["yearly"]) == {"qalys", "cost", "deaths", "life_years", "services"}

    out = subprocess.run([sys.executable, SCRIPT, "bench", path, "--draws", "50"],
                         capture_output=True, text=True, check=True)
    bench = json.loads(out.stdout)
    assert bench["draws"] == 50 and bench["cohort_years"] == 50 * 1 * 3 * 2
    assert bench["seconds"] > 0 and bench["cohort_years_per_second"] > 0


def test_bench_with_poisson_count_noise(tmp_path):
    path = write(tmp_path, RATIONED.replace("horizon: 2", "horizon: 2\n    monte_carlo: {stochastic: poisson}"))
    out = subprocess.run([sys.executable, SCRIPT, "bench", path, "--draws", "20"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["cohort_years"] == 20 * 2 * 2 * 1


@pytest.mark.parametrize("mistake", [
    ("utility_loss: 0.2", "utility_los: 0.2"),  # unknown key
    ("uptake: 0.5", "uptake: {dist: normal, mean: 0.5}"),  # distribution without its sd
    ("interventions.prog.lag: 0,", "interventions.prog.lagg: 0,"),  # set path naming nothing
])
def test_fails_loudly(tmp_path, mistake):
    path = write(tmp_path, PROGRAMME.replace(*mistake))
    out = subprocess.run([sys.executable, SCRIPT, "deterministic", path], capture_output=True, text=True)
    assert out.returncode == ref.EXIT_INVALID and "error" in out.stderr and not out.stdout
