import Kernel

extension Kernel.Risk {
    /// Whether `path` may point outside the workbook's folder: absolute, from the home folder,
    /// climbing with `..`, or made of a parameter (`$out`) that could be anything. For the
    /// risk of commands that write files.
    static func leavesFolder(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~") || path.contains("$")
            || path.split(separator: "/").contains("..")
    }
}
