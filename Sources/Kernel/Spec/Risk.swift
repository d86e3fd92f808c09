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
