// swift-tools-version:6.1
// phm-workbench: Monte Carlo simulation and resource allocation for population health management.
// Module layout and dependency direction are described in docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "phm-workbench",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phm", targets: ["phm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // MARK: C libraries (Debian: libopenblas-dev, liblapacke-dev, coinor-libclp-dev)
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),

        // MARK: Numerical foundations
        .target(name: "LinearAlgebra", dependencies: ["CBLAS", "CLAPACKE"]),
        .target(name: "LinearProgramming", dependencies: ["CClp"]),

        // MARK: Core
        .target(name: "ScenarioModel"),
        .target(name: "ScenarioLoading", dependencies: ["ScenarioModel", "LinearAlgebra", .product(name: "Yams", package: "Yams")]),
        .target(name: "ParameterSampling", dependencies: [
            "ScenarioModel", "LinearAlgebra", .product(name: "Numerics", package: "swift-numerics"),
        ]),
        .target(name: "SimulationEngine", dependencies: ["ScenarioModel", "ParameterSampling"]),
        .target(name: "MonteCarlo", dependencies: ["ScenarioModel", "ParameterSampling", "SimulationEngine"]),

        // MARK: Analysis
        .target(name: "EconomicEvaluation"),
        .target(name: "EquityAnalysis"),
        .target(name: "RunAnalysis", dependencies: ["ScenarioModel", "MonteCarlo", "EconomicEvaluation", "EquityAnalysis"]),
        .target(name: "Payments", dependencies: ["ScenarioModel", "MonteCarlo", "EconomicEvaluation"]),
        .target(name: "Allocation", dependencies: ["ScenarioModel", "MonteCarlo", "LinearProgramming", "EquityAnalysis", "RunAnalysis"]),

        // MARK: Output
        .target(name: "Charts"),
        .target(name: "Reporting", dependencies: ["ScenarioModel", "MonteCarlo", "RunAnalysis", "Payments", "Allocation", "Charts"]),
        .target(name: "ResultsMerge", dependencies: ["ScenarioModel", "MonteCarlo", "Reporting"]),
        .target(name: "Scheduling"),

        // MARK: Benchmarks (`phm-bench`, a development tool: not part of the shipped `phm`)
        .target(name: "Benchmarks", dependencies: ["ScenarioModel", "MonteCarlo", "Allocation", "LinearProgramming"]),

        // MARK: CLI
        .target(name: "WorkbenchCommands", dependencies: [
            "ScenarioModel", "ScenarioLoading", "ParameterSampling", "SimulationEngine", "MonteCarlo",
            "EconomicEvaluation", "EquityAnalysis", "RunAnalysis", "Reporting",
            "Payments",
            "LinearProgramming",
            "Allocation",
            "ResultsMerge",
            "Scheduling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "phm", dependencies: ["WorkbenchCommands"]),
        .executableTarget(name: "phm-bench", dependencies: [
            "Benchmarks", "ScenarioModel", "ScenarioLoading", "MonteCarlo", "WorkbenchCommands",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Test support and tests
        .target(name: "WorkbenchTestSupport", dependencies: ["ScenarioModel", "ScenarioLoading", "MonteCarlo"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CClp"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Allocation", "LinearProgramming", "ScenarioLoading", "WorkbenchTestSupport"]),
        .testTarget(name: "ScenarioLoadingTests", dependencies: ["ScenarioLoading", "ScenarioModel", "WorkbenchTestSupport"]),
        .testTarget(name: "ParameterSamplingTests", dependencies: ["ParameterSampling", "ScenarioModel"]),
        .testTarget(name: "SimulationEngineTests", dependencies: ["SimulationEngine", "MonteCarlo", "ScenarioLoading", "WorkbenchTestSupport"]),
        .testTarget(name: "EconomicEvaluationTests", dependencies: ["EconomicEvaluation"]),
        .testTarget(name: "EquityAnalysisTests", dependencies: ["EquityAnalysis"]),
        .testTarget(name: "AllocationTests", dependencies: ["Allocation", "ScenarioModel", "ScenarioLoading", "SimulationEngine", "MonteCarlo", "RunAnalysis", "WorkbenchTestSupport"]),
        .testTarget(name: "RunAnalysisTests", dependencies: ["RunAnalysis", "WorkbenchTestSupport"]),
        .testTarget(name: "PaymentsTests", dependencies: ["Payments", "ScenarioModel", "MonteCarlo", "Reporting", "WorkbenchTestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "RunAnalysis", "MonteCarlo", "Allocation", "WorkbenchTestSupport"]),
        .testTarget(name: "ResultsMergeTests", dependencies: ["ResultsMerge", "MonteCarlo", "Reporting", "WorkbenchTestSupport"]),
    ]
)
