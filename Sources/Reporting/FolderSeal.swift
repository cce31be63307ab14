import Foundation
import ScenarioModel

/// The part of `manifest.json` that says a results folder is whole: `kind`, `complete: true`
/// and every other file with its size in bytes and its FNV-1a 64 hash (``Fingerprint``).
///
/// Every reader checks it before trusting a folder: a folder left by a killed run, a file
/// truncated or edited afterwards, or a folder of another kind is refused with a message. The
/// hash is FNV-1a, not a cryptographic hash: it detects truncation and accidental change, which
/// is what a reader needs, at a cost far below writing the file.
public struct FolderSeal: Codable, Sendable, Equatable {
    public static let manifestName = "manifest.json"

    /// One file of the folder.
    public struct File: Codable, Sendable, Equatable {
        public let name: String
        public let bytes: Int
        /// FNV-1a 64 of the bytes, 16 hex digits.
        public let fnv1a64: String

        public init(name: String, data: Data) {
            self.init(name: name, bytes: data.count, hash: Fingerprint.fnv1a64(data))
        }

        /// A file written in pieces: its size and the FNV-1a 64 carried over the pieces.
        public init(name: String, bytes: Int, hash: UInt64) {
            self.name = name
            self.bytes = bytes
            fnv1a64 = Fingerprint.hex(hash)
        }
    }

    public let kind: String?
    public let complete: Bool?
    public let files: [File]?

    /// Why a folder is not a whole results folder.
    public enum Failure: Error, Sendable, CustomStringConvertible, Equatable {
        case notAFolder(path: String)
        case noManifest(path: String)
        case incomplete(path: String, reason: String)
        case wrongKind(path: String, kind: String, expected: String)

        public var description: String {
            switch self {
            case .notAFolder(let path):
                return "\(path): not a results folder; give a folder written by `phm run` (Results/<scenario>/<time>-<hash>-<id>/) or a scenario file"
            case .noManifest(let path):
                return "\(path): no manifest.json, so this is not a finished results folder (a run that was stopped leaves `.partial-*` folders, which are never read); run the scenario again"
            case .incomplete(let path, let reason):
                return "\(path): incomplete results folder: \(reason); run the scenario again"
            case .wrongKind(let path, let kind, let expected):
                return "\(path): this folder holds a \(kind), not a \(expected)" + (kind == "shard" ? "; merge the shards first with `phm merge`" : "")
            }
        }
    }

    /// Checks that `folder` is a complete folder of `kind`: manifest says `complete: true`, and
    /// every listed file exists with its size and hash.
    public static func verify(folder: URL, kind expected: String = "run") throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(path: folder.path)
        }
        if folder.lastPathComponent.hasPrefix(".partial-") {
            throw .incomplete(path: folder.path, reason: "a `.partial-*` folder is one a run was still writing")
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path) else {
            throw .noManifest(path: folder.path)
        }
        guard let seal = try? JSONDecoder().decode(FolderSeal.self, from: data) else {
            throw .incomplete(path: folder.path, reason: "manifest.json is not valid JSON")
        }
        guard seal.complete == true, let files = seal.files else {
            throw .incomplete(path: folder.path, reason: "manifest.json does not say `complete: true` (written by an older phm, or by a run that did not finish)")
        }
        let kind = seal.kind ?? "run"
        guard kind == expected else { throw .wrongKind(path: folder.path, kind: kind, expected: expected) }
        for file in files {
            guard !file.name.contains("/"), let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(file.name).path) else {
                throw .incomplete(path: folder.path, reason: "\(file.name) is missing")
            }
            guard File(name: file.name, data: bytes) == file else {
                throw .incomplete(path: folder.path, reason: "\(file.name) has \(bytes.count) bytes or a hash that differ from the manifest (changed or cut short after the run)")
            }
        }
    }
}
