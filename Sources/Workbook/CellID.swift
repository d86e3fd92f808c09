/// Cell ids: what `id=` may hold, and how missing ones are made up.
public enum CellID {
    /// Letters (any script), digits, `-` and `_`, starting with a letter or digit.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.first, first.isLetter || first.isNumber else { return false }
        return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// An id for a cell holding `source`, unused among `taken`: the cell's first command word
    /// (`load`, `describe`), then `load-2`, `load-3`... for repeats; `cell` when there is none.
    public static func generate(for source: String, avoiding taken: Set<String>) -> String {
        let firstWord = source.split(separator: "\n")
            .lazy
            .map { $0.trimmingCharacters(in: " \t") }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }?
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).first
        var base = String(
            (firstWord ?? "cell").lowercased()
                .filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.prefix(24))
        if !isValid(base) { base = "cell" }
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
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
