import LinearProgramming

/// Hillier & Lieberman, *Introduction to Operations Research*, §3.1 (Wyndor Glass):
/// maximise 3·doors + 5·windows subject to doors ≤ 4 (plant 1), 2·windows ≤ 12 (plant 2),
/// 3·doors + 2·windows ≤ 18 (plant 3). Optimum doors = 2, windows = 6, Z = 36; shadow prices
/// 0, 1.5, 1 (§4.7).
struct Wyndor {
    var program = LinearProgram(direction: .maximise)
    let doors: Variable, windows: Variable
    let plant1: Constraint, plant2: Constraint, plant3: Constraint

    init() {
        doors = program.addVariable("doors", objective: 3)
        windows = program.addVariable("windows", objective: 5)
        plant1 = program.addConstraint("plant1", 1 * doors, .lessOrEqual, 4)
        plant2 = program.addConstraint("plant2", 2 * windows, .lessOrEqual, 12)
        plant3 = program.addConstraint("plant3", 3 * doors + 2 * windows, .lessOrEqual, 18)
    }
}

/// Hillier & Lieberman §3.4 (radiation therapy design): minimise 0.4·x1 + 0.5·x2 subject to
/// 0.3x1 + 0.1x2 ≤ 2.7 (critical tissues), 0.5x1 + 0.5x2 = 6 (tumour), 0.6x1 + 0.4x2 ≥ 6
/// (centre of tumour). Optimum x1 = 7.5, x2 = 4.5, Z = 5.25.
/// Duals by hand: the binding rows are critical tissues and tumour, so
/// 0.4 = 0.3y1 + 0.5y2 and 0.5 = 0.1y1 + 0.5y2, giving y1 = −0.5, y2 = 1.1 (check:
/// 2.7·(−0.5) + 6·1.1 = 5.25); the centre row has slack 0.3, so its dual is 0.
struct RadiationTherapy {
    var program = LinearProgram(direction: .minimise)
    let beam1: Variable, beam2: Variable
    let criticalTissues: Constraint, tumour: Constraint, centre: Constraint

    init() {
        beam1 = program.addVariable("beam1", objective: 0.4)
        beam2 = program.addVariable("beam2", objective: 0.5)
        criticalTissues = program.addConstraint("critical_tissues", 0.3 * beam1 + 0.1 * beam2, .lessOrEqual, 2.7)
        tumour = program.addConstraint("tumour", 0.5 * beam1 + 0.5 * beam2, .equal, 6)
        centre = program.addConstraint("centre", 0.6 * beam1 + 0.4 * beam2, .greaterOrEqual, 6)
    }
}

/// A diet problem: minimise 0.6·grain + 1.0·meat subject to nutrient minimums
/// 10g + 4m ≥ 20 (protein), 5g + 5m ≥ 20 (energy), 2g + 6m ≥ 12 (iron).
/// By hand: energy and iron bind, so 5g + 5m = 20 and 2g + 6m = 12 give g = 3, m = 1, cost 2.8;
/// duals from 0.6 = 5y2 + 2y3 and 1.0 = 5y2 + 6y3: y3 = 0.1, y2 = 0.08; protein has slack 14, y1 = 0.
struct Diet {
    var program = LinearProgram(direction: .minimise)
    let grain: Variable, meat: Variable
    let protein: Constraint, energy: Constraint, iron: Constraint

    init() {
        grain = program.addVariable("grain", objective: 0.6)
        meat = program.addVariable("meat", objective: 1.0)
        protein = program.addConstraint("protein", 10 * grain + 4 * meat, .greaterOrEqual, 20)
        energy = program.addConstraint("energy", 5 * grain + 5 * meat, .greaterOrEqual, 20)
        iron = program.addConstraint("iron", 2 * grain + 6 * meat, .greaterOrEqual, 12)
    }
}

/// A balanced transportation problem with deterministic, irregular costs: `sources` supplies
/// (≤ rows), `sinks` demands (≥ rows), cost (7i + 3j) mod 11 + 1 per unit on route (i, j).
/// Large enough that the simplex needs tens of iterations, so warm starts are visible.
struct Transportation {
    var program = LinearProgram(direction: .minimise)
    var supplies: [Constraint] = []
    var demands: [Constraint] = []

    init(sources: Int = 12, sinks: Int = 15) {
        var routes = [[Variable]]()
        for i in 0..<sources {
            routes.append((0..<sinks).map { j in
                program.addVariable("ship_\(i)_\(j)", objective: Double((7 * i + 3 * j) % 11 + 1))
            })
        }
        let totalDemand = Double(sinks * (sinks + 1) / 2) * 10
        for i in 0..<sources {
            supplies.append(program.addConstraint("supply_\(i)", .sum(routes[i]), .lessOrEqual,
                                                  totalDemand / Double(sources) + 5))
        }
        for j in 0..<sinks {
            demands.append(program.addConstraint("demand_\(j)", .sum(routes.map { $0[j] }), .greaterOrEqual,
                                                 Double(j + 1) * 10))
        }
    }
}

/// A program with every kind of bound, row and offset MPS has to carry: free, fixed, negative
/// lower, upper-only and boxed variables; ≤, ≥, = and switched-off rows; repeated terms, an
/// expression constant in a row, an objective constant, and coefficients with many digits.
/// Its optimum is whatever Clp finds; HiGHS must find the same from the exported MPS.
struct MixedBounds {
    var program = LinearProgram(direction: .maximise)

    init() {
        let free = program.addVariable("free", lower: -.infinity, upper: .infinity, objective: 0.1)
        let fixed = program.addVariable("fixed", lower: 2.5, upper: 2.5, objective: 1.0 / 3.0)
        let negative = program.addVariable("negative", lower: -4, upper: 7, objective: -1.25)
        let upperOnly = program.addVariable("upper_only", lower: -.infinity, upper: 3, objective: 2)
        let boxed = program.addVariable("boxed", lower: 1, upper: 9.75, objective: 0.7071067811865476)
        let unused = program.addVariable("unused", lower: 0, upper: 1)
        program.setObjective(0.1 * free + (1.0 / 3.0) * fixed - 1.25 * negative + 2 * upperOnly
                             + 0.7071067811865476 * boxed + 0 * unused + 17.125)
        program.addConstraint("mix", free + negative + upperOnly + boxed, .lessOrEqual, 20)
        program.addConstraint("floor", free - 2 * negative + upperOnly + 3.5, .greaterOrEqual, -10)
        program.addConstraint("pair", fixed + boxed + boxed, .equal, 12.3456789)
        program.addConstraint("balance", free + upperOnly - 0.5 * negative, .lessOrEqual, 6.02214076)
        program.addConstraint("switched_off", free + boxed, .lessOrEqual, .infinity)
        program.addConstraint("cap_free", 1 * free, .greaterOrEqual, -30)
    }
}
