// swift-tools-version:6.1
// libFuzzer harness for the scenario loader (docs/FUZZING.md). A package of its own because the
// harness has no `main` (libFuzzer provides it) and must be built with -sanitize=fuzzer:
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "phm-fuzz",
    dependencies: [.package(name: "phm-workbench", path: "..")],
    targets: [
        .executableTarget(name: "ScenarioLoaderFuzzer", dependencies: [.product(name: "ScenarioLoading", package: "phm-workbench")]),
    ]
)
