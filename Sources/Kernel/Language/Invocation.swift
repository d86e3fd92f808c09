/// One command of a cell, as written: `load bank.csv as data sep=;`.
public struct Invocation: Sendable, Equatable {
    /// One argument after the command name: a word or a `key=value` option.
    public enum Argument: Sendable, Equatable {
        /// A word such as a frame name, a path or a column; `quoted` when written in double quotes.
        case word(String, quoted: Bool)
        /// A `key=value` option, e.g. `target=y`.
        case option(key: String, value: String)
    }

    /// An argument with the column where it starts in its line (1-based), for error carets.
    public struct Located: Sendable, Equatable {
        public var argument: Argument
        public var column: Int
    }

    /// The command's name, the line's first word.
    public var name: String
    /// The rest of the line.
    public var arguments: [Located]
    /// The 1-based line within the cell.
    public var line: Int
    /// The line's text, for error messages.
    public var text: String

    /// The words after the command name, in order.
    public var words: [String] {
        arguments.compactMap { if case .word(let word, _) = $0.argument { word } else { nil } }
    }

    /// The `key=value` options, in order.
    public var options: [(key: String, value: String)] {
        arguments.compactMap { if case .option(let key, let value) = $0.argument { (key, value) } else { nil } }
    }
}
