/// Helpers for ``Command/risk``.
enum Risk {
    /// Whether `path` may point outside the workbook's folder: absolute, from the home folder,
    /// climbing with `..`, or made of a parameter (`$out`) that could be anything.
    static func leavesFolder(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~") || path.contains("$")
            || path.split(separator: "/").contains("..")
    }
}
