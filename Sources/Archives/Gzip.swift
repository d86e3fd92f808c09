import CGzip

/// Reading gzip-compressed files (`.gz`) into memory, with zlib.
public enum Gzip {
    /// The decompressed bytes of the gzip file at `path`.
    public static func decompress(path: String, displayName: String) throws(ArchiveError) -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw ArchiveError("cannot open the file", hint: "check the path", source: displayName)
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 17)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 17)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                throw ArchiveError(
                    "this .gz file is damaged or not gzip data", hint: "download it again", source: displayName)
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[..<Int(n)])
        }
        return result
    }
}
