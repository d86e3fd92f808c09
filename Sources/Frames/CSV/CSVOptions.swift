/// How to read a delimited text file. `nil` means "detect it".
public struct CSVOptions: Sendable, Equatable {
    /// The field separator; detected among `,` `;` tab and `|` when `nil`.
    public var separator: UInt8?
    /// Whether the first row holds column names; detected when `nil`.
    public var header: Bool?
    /// The quote character (RFC 4180: `"`, doubled inside a quoted field).
    public var quote: UInt8 = 0x22
    /// Extra values read as missing, besides pandas' defaults (empty, NA, NaN, null...).
    public var extraMissingMarkers: [String] = []
    /// The text encoding of the file.
    public var encoding: Encoding = .utf8

    public enum Encoding: String, Sendable, Equatable {
        case utf8, latin1
    }

    public init(
        separator: UInt8? = nil, header: Bool? = nil, extraMissingMarkers: [String] = [],
        encoding: Encoding = .utf8
    ) {
        self.separator = separator
        self.header = header
        self.extraMissingMarkers = extraMissingMarkers
        self.encoding = encoding
    }
}

/// The values pandas reads as missing by default (`read_csv` `na_values`).
enum MissingMarkers {
    static let pandasDefaults: [String] = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]
}

/// Tells whether a field's bytes are a missing-value marker, quickly for the common case of a
/// value that is not one.
struct MissingMatcher: Sendable {
    /// The markers, by length.
    private let markers: [[[UInt8]]]
    private var firstBytes = [Bool](repeating: false, count: 256)

    init(extra: [String]) {
        let all = (MissingMarkers.pandasDefaults + extra).map { Array($0.utf8) }.filter { !$0.isEmpty }
        var byLength = [[[UInt8]]](repeating: [], count: (all.map(\.count).max() ?? 0) + 1)
        for marker in all {
            byLength[marker.count].append(marker)
            firstBytes[Int(marker[0])] = true
        }
        markers = byLength
    }

    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n == 0 { return true }
        if n >= markers.count || !firstBytes[Int(p[0])] { return false }
        for marker in markers[n] {
            var i = 0
            while i < n, marker[i] == p[i] { i += 1 }
            if i == n { return true }
        }
        return false
    }
}
