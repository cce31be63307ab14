// swift-tools-version:6.1
// phm-workbench: Monte Carlo simulation and resource allocation for population health management.
// Module layout and dependency direction are described in docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "phm-workbench",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phm", targets: ["phm"]),
        // For the libFuzzer harness in Fuzz/ (a package of its own; docs/FUZZING.md).
        .library(name: "ScenarioLoading", targets: ["ScenarioLoading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // MARK: C libraries (Debian: liblapacke-dev, coinor-libclp-dev, libxlsxwriter-dev; libopenblas-dev
        // gives LAPACKE an optimised LAPACK/BLAS underneath through Debian's alternatives)
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // MARK: Numerical foundations
        .target(name: "LinearAlgebra", dependencies: ["CLAPACKE"]),
        .target(name: "LinearProgramming", dependencies: ["CClp"]),

        // MARK: Core
        .target(name: "ScenarioModel"),
        .target(name: "ScenarioLoading", dependencies: ["ScenarioModel", "LinearAlgebra", .product(name: "Yams", package: "Yams")]),
        .target(name: "ParameterSampling", dependencies: [
            "ScenarioModel", "LinearAlgebra", .product(name: "Numerics", package: "swift-numerics"),
        ]),
        // Invariant checks (0 ≤ P ≤ N, A ≤ D, money conserved by shifts) in debug and test builds only.
        .target(name: "SimulationEngine", dependencies: ["ScenarioModel"],
                swiftSettings: [.define("PHM_INVARIANTS", .when(configuration: .debug))]),
        .target(name: "MonteCarlo", dependencies: ["ScenarioModel", "ParameterSampling", "SimulationEngine", "DrawStatistics"]),

        // MARK: Analysis
        .target(name: "DrawStatistics"),
        .target(name: "EconomicEvaluation", dependencies: ["DrawStatistics"]),
        .target(name: "EquityAnalysis", dependencies: ["DrawStatistics"]),
        .target(name: "InformationValue", dependencies: ["LinearAlgebra", "ParameterSampling"]),
        .target(name: "RunAnalysis", dependencies: ["ScenarioModel", "MonteCarlo", "ParameterSampling", "DrawStatistics", "EconomicEvaluation", "EquityAnalysis", "InformationValue"]),
        .target(name: "PaymentModels", dependencies: ["ScenarioModel", "MonteCarlo", "DrawStatistics"]),
        .target(name: "Allocation", dependencies: ["ScenarioModel", "MonteCarlo", "LinearProgramming", "DrawStatistics", "EquityAnalysis", "RunAnalysis"]),

        // MARK: Output
        .target(name: "Charts"),
        .target(name: "Spreadsheet", dependencies: ["CXlsxWriter"]),
        .target(name: "Reporting", dependencies: ["ScenarioModel", "MonteCarlo", "DrawStatistics", "RunAnalysis", "PaymentModels", "Allocation", "Charts", "Spreadsheet"]),
        .target(name: "ResultsMerge", dependencies: ["ScenarioModel", "MonteCarlo", "Reporting"]),
        .target(name: "Scheduling"),

        // MARK: Benchmarks (`phm-bench`, a development tool: not part of the shipped `phm`)
        .target(name: "Benchmarks", dependencies: ["ScenarioModel", "Allocation", "LinearProgramming"]),

        // MARK: CLI
        .target(name: "WorkbenchCommands", dependencies: [
            "ScenarioModel", "ScenarioLoading", "MonteCarlo", "RunAnalysis", "EquityAnalysis", "PaymentModels", "Allocation", "Reporting", "ResultsMerge", "Scheduling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "phm", dependencies: ["WorkbenchCommands"]),
        .executableTarget(name: "phm-bench", dependencies: [
            "Benchmarks", "ScenarioModel", "ScenarioLoading", "MonteCarlo", "RunAnalysis", "WorkbenchCommands",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Test support and tests
        .target(name: "WorkbenchTestSupport", dependencies: ["ScenarioModel", "ScenarioLoading", "MonteCarlo"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CClp"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Allocation", "LinearProgramming", "ScenarioLoading", "WorkbenchTestSupport"]),
        .testTarget(name: "ScenarioLoadingTests", dependencies: ["ScenarioLoading", "ScenarioModel", "WorkbenchTestSupport"]),
        .testTarget(name: "FuzzTests", dependencies: ["EquityAnalysis", "ScenarioLoading", "ScenarioModel", "MonteCarlo", "RunAnalysis", "Reporting", "WorkbenchTestSupport"]),
        .testTarget(name: "ParameterSamplingTests", dependencies: ["ParameterSampling", "ScenarioModel"]),
        .testTarget(name: "SimulationEngineTests", dependencies: ["SimulationEngine", "ScenarioModel", "MonteCarlo", "DrawStatistics", "ScenarioLoading", "WorkbenchTestSupport"]),
        .testTarget(name: "DrawStatisticsTests", dependencies: ["DrawStatistics", "WorkbenchTestSupport"]),
        .testTarget(name: "EconomicEvaluationTests", dependencies: ["EconomicEvaluation", "DrawStatistics", "WorkbenchTestSupport"]),
        .testTarget(name: "EquityAnalysisTests", dependencies: ["EquityAnalysis", "DrawStatistics", "WorkbenchTestSupport"]),
        .testTarget(name: "InformationValueTests", dependencies: ["InformationValue", "ParameterSampling"]),
        .testTarget(name: "AllocationTests", dependencies: ["Allocation", "ScenarioModel", "ScenarioLoading", "SimulationEngine", "MonteCarlo", "RunAnalysis", "WorkbenchTestSupport"]),
        .testTarget(name: "RunAnalysisTests", dependencies: ["RunAnalysis", "MonteCarlo", "ScenarioModel", "WorkbenchTestSupport", "DrawStatistics", "EquityAnalysis"]),
        .testTarget(name: "PaymentModelsTests", dependencies: ["PaymentModels", "ScenarioModel", "ScenarioLoading", "MonteCarlo", "Reporting", "WorkbenchTestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "CXlsxWriter"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Charts", "DrawStatistics", "RunAnalysis", "MonteCarlo", "Allocation", "ScenarioModel", "ScenarioLoading", "WorkbenchTestSupport"]),
        .testTarget(name: "ResultsMergeTests", dependencies: ["ResultsMerge", "MonteCarlo", "Reporting", "ScenarioModel", "WorkbenchTestSupport"]),
    ]
)

// Each module's folder has a README.md (what it owns, what it must not do): documentation, not a resource.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.exclude.append("README.md")
}
