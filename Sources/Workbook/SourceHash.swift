import Crypto

/// The short hash of a cell's source recorded as `src=` in its output region.
public enum SourceHash {
    /// The first 8 hex digits of the SHA-256 of `source` with LF line endings.
    public static func of(_ source: String) -> String {
        hex(SHA256.hash(data: Array(source.replacingCRLF().utf8)), digits: 8)
    }

    /// The first `digits` hex digits of the SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>, digits: Int = 64) -> String {
        hex(SHA256.hash(data: Array(bytes)), digits: digits)
    }

    private static func hex(_ digest: SHA256.Digest, digits: Int) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out.prefix(digits), as: UTF8.self)
    }
}
