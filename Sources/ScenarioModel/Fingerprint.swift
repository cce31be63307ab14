import Foundation

/// FNV-1a, 64 bits: a stable fingerprint for files and scenarios (not a cryptographic hash; it
/// identifies which inputs produced a results folder).
public enum Fingerprint {
    public static func fnv1a64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// ``fnv1a64(_:seed:)`` of contiguous bytes (results files of gigabytes are sealed with it:
    /// the generic version steps a sequence iterator per byte, several times slower).
    public static func fnv1a64(_ data: Data, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        data.withUnsafeBytes { raw in
            var hash = seed
            for byte in raw {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
