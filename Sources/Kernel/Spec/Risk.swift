extension Kernel {
    /// A line of a cell that may do something to the machine a reader should agree to first.
    public struct Risk: Sendable, Equatable {
        public init(line: Int, text: String, reason: String) {
            self.line = line
            self.text = text
            self.reason = reason
        }

        /// The 1-based line within the cell, and its text.
        public var line: Int
        public var text: String
        /// What it may do: `runs a shell command`, `downloads from the network`...
        public var reason: String
    }
}

extension Kernel.Risk {
    /// Whether `path` may point outside the workbook's folder: absolute, from the home folder,
    /// climbing with `..`, or made of a parameter (`$out`) that could be anything. For
    /// ``Command/risk`` of commands that write files.
    public static func leavesFolder(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~") || path.contains("$")
            || path.split(separator: "/").contains("..")
    }
}
