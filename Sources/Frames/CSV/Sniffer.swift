/// Guesses how a delimited file is written, from its first lines.
enum Sniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; tab |

    /// The separator that splits the first lines into the same number of fields, preferring
    /// more fields; `,` when nothing splits them.
    static func separator(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> UInt8 {
        var counts = [[Int]](repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuote = false
        var lines = 0
        var i = start
        let limit = min(bytes.count, start + 65536)
        while i < limit, lines < 20 {
            let b = bytes[i]
            if b == quote {
                inQuote.toggle()
            } else if !inQuote {
                if b == 0x0A {
                    for c in candidates.indices { counts[c].append(current[c]) }
                    current = [Int](repeating: 0, count: candidates.count)
                    lines += 1
                } else if let c = candidates.firstIndex(of: b) {
                    current[c] += 1
                }
            }
            i += 1
        }
        if current.contains(where: { $0 > 0 }) { for c in candidates.indices { counts[c].append(current[c]) } }
        var best: (separator: UInt8, score: Int) = (0x2C, 0)
        for (index, perLine) in counts.enumerated() {
            guard let first = perLine.first, first > 0 else { continue }
            let consistent = perLine.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (candidates[index], score) }
        }
        return best.separator
    }

    /// The fields of the record starting at `start`, unquoted, and where the next record starts;
    /// `openQuote` is where a quoted field that is never closed opens (the record then runs to the end).
    static func record(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8, quote: UInt8
    )
        -> (fields: [[UInt8]], next: Int, openQuote: Int?)
    {
        var i = start
        // Skip blank lines before the record.
        while i < bytes.count, bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count else { return ([], i, nil) }
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuote = false
        var quoteStart = i
        while i < bytes.count {
            let b = bytes[i]
            if inQuote {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuote = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            if b == quote, field.isEmpty { inQuote = true; quoteStart = i; i += 1; continue }
            if b == separator { fields.append(field); field = []; i += 1; continue }
            if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                break
            }
            field.append(b)
            i += 1
        }
        fields.append(field)
        return (fields, i, inQuote ? quoteStart : nil)
    }
}
