/// AWS's URI encoding: every byte but the unreserved `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper
/// case hex), for paths, query names and query values alike.
public enum URIEncoding {
    /// Encodes `text`'s UTF-8 bytes; `/` survives when `keepingSlash` (a path), and existing
    /// `%XX` escapes survive when `keepingPercent` (a path that is already encoded).
    public static func encode(_ text: String, keepingSlash: Bool = false, keepingPercent: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if keepingPercent, byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]),
                isHex(bytes[i + 2])
            {
                out +=
                    "%" + String(Unicode.Scalar(bytes[i + 1])).uppercased()
                    + String(Unicode.Scalar(bytes[i + 2])).uppercased()
                i += 2
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
            i += 1
        }
        return out
    }

    /// An S3 key as a path: each byte encoded once, `/` kept (`a b/ü.csv` → `a%20b/%C3%BC.csv`).
    public static func encodeKey(_ key: String) -> String { encode(key, keepingSlash: true) }

    /// `%XX` escapes decoded (and `+` left alone, as AWS does); invalid escapes are kept as they are.
    public static func decode(_ text: String) -> String {
        text.removingPercentEncodingLeniently
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default: return false
        }
    }
}

extension String {
    fileprivate var removingPercentEncodingLeniently: String {
        var bytes: [UInt8] = []
        let source = Array(utf8)
        var i = 0
        func value(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while i < source.count {
            if source[i] == UInt8(ascii: "%"), i + 2 < source.count, let high = value(source[i + 1]),
                let low = value(source[i + 2])
            {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
