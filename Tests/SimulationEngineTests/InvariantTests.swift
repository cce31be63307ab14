import SimulationEngine
import XCTest

/// The engine's invariant checks catch what they are for, pass what is right, and are compiled
/// into the test build (so every engine test in this target runs with them on).
final class InvariantTests: XCTestCase {
    /// The checks read buffers in place; these wrap plain arrays for them.
    func stocks(_ stock: [Double], _ population: [Double], year: Int) -> Invariant.Violation? {
        stock.withUnsafeBufferPointer { s in
            population.withUnsafeBufferPointer { Invariant.stocksWithinPopulation(stock: s, population: $0, year: year) }
        }
    }

    func activity(_ demand: [Double], _ unmet: [Double], capacity: Double, service: Int = 0, year: Int = 1) -> Invariant.Violation? {
        demand.withUnsafeBufferPointer { d in
            unmet.withUnsafeBufferPointer { Invariant.activityWithinDemand(demand: d, unmet: $0, capacity: capacity, service: service, year: year) }
        }
    }

    func testChecksAreOnInTheTestBuild() {
        XCTAssertTrue(Invariant.isEnabled, "PHM_INVARIANTS is defined for debug builds in Package.swift")
    }

    /// Two cohorts of 100 and 50, two needs (`[k*C + c]`).
    func testStockAbovePopulationOrBelowZeroIsCaught() {
        let population: [Double] = [100, 50]
        XCTAssertNil(stocks([0, 50, 100, 0], population, year: 3))
        let above = stocks([10, 20, 5, 50.001], population, year: 3)
        XCTAssertEqual(above?.invariant, "0 ≤ P ≤ N")
        XCTAssertEqual(above?.detail, "year 3, need 1, cohort 1: P = 50.001, N = 50.0")
        XCTAssertNotNil(stocks([-1e-6, 0, 0, 0], population, year: 0))
        XCTAssertNotNil(stocks([.nan, 0, 0, 0], population, year: 0), "NaN is caught")
    }

    /// Demand 60 + 40 = 100 against capacity 80: rationing serves 80% of each, U = (12, 8).
    func testActivityAboveDemandOrCapacityIsCaught() {
        XCTAssertNil(activity([60, 40], [12, 8], capacity: 80))
        XCTAssertNil(activity([60, 40], [0, 0], capacity: 100))
        let negativeUnmet = activity([60, 40], [-1, 8], capacity: 100, service: 2, year: 1)
        XCTAssertEqual(negativeUnmet?.invariant, "0 ≤ A ≤ D", "A = 61 > D = 60")
        XCTAssertEqual(activity([60, 40], [70, 0], capacity: 100)?.invariant,
                       "0 ≤ A ≤ D", "A = −10 < 0")
        let overCapacity = activity([60, 40], [10, 0], capacity: 80, service: 1, year: 4)
        XCTAssertEqual(overCapacity?.invariant, "ΣA ≤ K")
        XCTAssertEqual(overCapacity?.detail, "year 4, service 1: activity 90.0 above capacity 80.0")
    }

    /// Two lines over two years (`[line*T + t]`): moving £300 from line 0 to line 1 in year 1
    /// keeps each year's total; losing £1 on the way is caught in the year it happens.
    func testMoneyMadeOrLostByShiftsIsCaught() {
        let before: [Double] = [1_000, 1_000, 500, 500]
        XCTAssertNil(Invariant.moneyConserved(before: before, after: [1_000, 700, 500, 800], years: 2))
        let lost = Invariant.moneyConserved(before: before, after: [1_000, 700, 500, 799], years: 2)
        XCTAssertEqual(lost?.invariant, "money conserved by shifts")
        XCTAssertEqual(lost?.detail, "year 1: £1500.0 before the shifts, £1499.0 after")
        // Rounding in large budgets is not a violation: 0.1 + 0.2 ≠ 0.3 in binary.
        XCTAssertNil(Invariant.moneyConserved(before: [0.3e9, 0], after: [0.1e9, 0.2e9], years: 1))
    }
}
