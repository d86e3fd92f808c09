/// Cell ids: what `id=` may hold, and how missing ones are made up.
public enum CellID {
    /// Letters, digits, `-` and `_`, starting with a letter or digit.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isWordScalar(first), first != "-", first != "_" else {
            return false
        }
        return id.unicodeScalars.allSatisfy(isWordScalar)
    }

    /// An id for a cell holding `source`, unused among `taken`: the cell's first command word
    /// (`load`, `describe`), then `load-2`, `load-3`... for repeats; `cell` when there is none.
    public static func generate(for source: String, avoiding taken: Set<String>) -> String {
        let firstWord = source.split(separator: "\n")
            .lazy
            .map { $0.trimmingCharacters(in: " \t") }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }?
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).first
        var base = String((firstWord ?? "cell").lowercased().unicodeScalars.filter(isWordScalar)
            .map(Character.init).prefix(24))
        if !isValid(base) { base = "cell" }
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
        default: false
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
