import CClp
import Foundation
import LinearProgramming
import XCTest

/// MPS export: the exact text of a small case, a round trip through Clp's own MPS reader, and
/// the corpus that `Tests/lp/test_mps_highs.py` solves with HiGHS.
///
/// When `PHM_MPS_DIR` is set, every corpus problem is written there as `NAME.mps` together with
/// `manifest.json` (`[{"file", "direction", "objective"}]`, the objective as Clp found it through
/// this module); otherwise into a temporary directory that is removed afterwards.
final class MPSExportTests: XCTestCase {
    func testWyndorMPSText() throws {
        var wyndor = Wyndor()
        wyndor.program.setObjective(3 * wyndor.doors + 5 * wyndor.windows + 7)
        let expected = """
            NAME phm
            OBJSENSE
                MAX
            ROWS
             N  OBJ
             L  plant1
             L  plant2
             L  plant3
            COLUMNS
                doors OBJ 3.0
                doors plant1 1.0
                doors plant3 3.0
                windows OBJ 5.0
                windows plant2 2.0
                windows plant3 2.0
            RHS
                RHS OBJ -7.0
                RHS plant1 4.0
                RHS plant2 12.0
                RHS plant3 18.0
            BOUNDS
            ENDATA

            """
        XCTAssertEqual(try wyndor.program.mpsText(), expected)
    }

    func testBoundsRecords() throws {
        let text = try MixedBounds().program.mpsText()
        for record in [" FR BND free", " FX BND fixed 2.5", " LO BND negative -4.0", " UP BND negative 7.0",
                       " MI BND upper_only", " UP BND upper_only 3.0", " LO BND boxed 1.0", " UP BND boxed 9.75",
                       " UP BND unused 1.0", "    unused OBJ 0", " N  switched_off", "    RHS OBJ -17.125",
                       "    RHS floor -13.5", "    boxed pair 2.0"] {
            XCTAssertTrue(text.contains(record + "\n"), "missing \(record)")
        }
    }

    /// Every corpus problem written, read back by Clp's reader (which ignores OBJSENSE, so the
    /// sense is set by hand, as the conventions on `LinearProgram.writeMPS` say) and re-solved:
    /// the objective, including the offset read from the objective row's RHS, must match.
    func testCorpusRoundTripsThroughClpsReader() throws {
        let directory = try exportDirectory()
        defer { if ProcessInfo.processInfo.environment["PHM_MPS_DIR"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var manifest: [[String: Any]] = []
        for (name, program) in corpus() {
            let solution = try program.solve()
            let path = (directory as NSString).appendingPathComponent("\(name).mps")
            try program.writeMPS(to: path)
            let reread = try clpObjective(ofMPS: path, maximise: program.direction == .maximise)
            XCTAssertEqual(reread, solution.objective, accuracy: 1e-9 * max(1, abs(solution.objective)), name)
            manifest.append(["file": "\(name).mps", "direction": program.direction == .maximise ? "max" : "min",
                             "objective": solution.objective])
        }
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent("manifest.json")))
    }

    func testNamesMPSCannotHoldAreRefused() {
        var program = LinearProgram(direction: .minimise)
        program.addVariable("two words")
        XCTAssertThrowsError(try program.mpsText()) { error in
            guard case .invalidProblem(let message) = error as? LinearProgramError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("'two words'"), message)
        }
        var duplicated = LinearProgram(direction: .minimise)
        let x = duplicated.addVariable("x")
        duplicated.addConstraint("row", 1 * x, .lessOrEqual, 1)
        duplicated.addConstraint("row", 2 * x, .lessOrEqual, 1)
        XCTAssertThrowsError(try duplicated.mpsText()) { error in
            guard case .invalidProblem(let message) = error as? LinearProgramError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("'row' is used twice"), message)
        }
    }

    func testUnwritablePathIsReported() {
        let path = "/nonexistent-directory-\(UUID().uuidString)/wyndor.mps"
        XCTAssertThrowsError(try Wyndor().program.writeMPS(to: path)) { error in
            guard case .cannotWrite(let reportedPath, _) = error as? LinearProgramError else { return XCTFail("\(error)") }
            XCTAssertEqual(reportedPath, path)
        }
    }

    /// The solver writes its current program, changes included.
    func testSolverWritesItsCurrentProgram() throws {
        let wyndor = Wyndor()
        let solver = LinearProgramSolver(wyndor.program)
        solver.setRightHandSide(wyndor.plant3, 20)
        let path = NSTemporaryDirectory() + "phm-solver-\(UUID().uuidString).mps"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try solver.writeMPS(to: path)
        XCTAssertEqual(try clpObjective(ofMPS: path, maximise: true), try solver.solve().objective, accuracy: 1e-9)
        XCTAssertEqual(try solver.solve().objective, 38, accuracy: 1e-9, "windows 6 at 5 + doors 8/3 at 3 = 38")
    }

    private func corpus() -> [(String, LinearProgram)] {
        var radiationWithOffset = RadiationTherapy()
        radiationWithOffset.program.setObjective(0.4 * radiationWithOffset.beam1 + 0.5 * radiationWithOffset.beam2 - 2.125)
        return [
            ("wyndor", Wyndor().program),
            ("radiation_therapy", RadiationTherapy().program),
            ("radiation_therapy_offset", radiationWithOffset.program),
            ("diet", Diet().program),
            ("transportation", Transportation().program),
            ("mixed_bounds", MixedBounds().program),
        ]
    }

    private func exportDirectory() throws -> String {
        if let directory = ProcessInfo.processInfo.environment["PHM_MPS_DIR"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return directory
        }
        let directory = NSTemporaryDirectory() + "phm-mps-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Reads an MPS file with Clp's own reader into a fresh model and returns its optimum.
    /// CoinMpsIO ignores OBJSENSE (and says so on stdout), so the section is dropped from a copy
    /// and the sense set by hand.
    private func clpObjective(ofMPS path: String, maximise: Bool) throws -> Double {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let withoutSense = text.replacingOccurrences(of: "OBJSENSE\n    MAX\n", with: "")
        XCTAssertEqual(withoutSense != text, maximise, "OBJSENSE MAX is written exactly for maximisations")
        let copy = NSTemporaryDirectory() + "phm-reread-\(UUID().uuidString).mps"
        try withoutSense.write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let model = try XCTUnwrap(Clp_newModel())
        defer { Clp_deleteModel(model) }
        Clp_setLogLevel(model, 0)
        XCTAssertEqual(Clp_readMps(model, copy, 1, 0), 0, "Clp could not read \(path)")
        Clp_setOptimizationDirection(model, maximise ? -1 : 1)
        XCTAssertEqual(Clp_initialSolve(model), 0)
        XCTAssertEqual(Clp_status(model), 0)
        return Clp_objectiveValue(model)
    }
}
