import Foundation
import ScenarioLoading

/// libFuzzer entry point: any bytes, as a scenario file, must load or be refused with exit 65
/// (a positioned first line) or 66, and never crash, hang or leak libyaml's text. A broken
/// invariant aborts, so libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioLoaderFuzzer(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        _ = try ScenarioLoader.parse(data: data, file: "fuzz.yaml", directory: FuzzFolder.empty)
    } catch let error as ScenarioLoadError {
        let text = error.description
        if case .invalid(let diagnostics) = error {
            guard let first = diagnostics.first, first.line > 0 else { fatalError("unpositioned: \(text)") }
            if diagnostics.contains(where: { $0.message.contains("\n") }) { fatalError("a message of several lines: \(text)") }
        }
        guard [65, 66].contains(error.exitCode) else { fatalError("exit \(error.exitCode)") }
        for leak in ["yaml_", "NSCocoaErrorDomain", "Error Domain"] where text.contains(leak) { fatalError("leak: \(text)") }
    } catch {
        fatalError("not a ScenarioLoadError: \(error)")
    }
    return 0
}

/// Cohort tables are resolved in an empty folder, so inputs cannot make the harness read files.
enum FuzzFolder {
    static let empty: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("phm-fuzz-empty")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

/// SwiftPM links an executable target's entry point as `<target>_main` (`main` is an alias of
/// it), so libFuzzer's own `main` is not used: this one starts libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("ScenarioLoaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { scenarioLoaderFuzzer($0, $1) }
}
