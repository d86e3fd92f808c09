/// One declared argument of a command, as usage lines, `help`, the parser and completion see
/// it. Made from the command's property wrappers; the option's name is its property's, in
/// snake case (`maxCandidates` is `max_candidates=`).
public enum Declaration: Sendable {
    case positional(Positional)
    case clause(Clause)
    case option(Option)
    case assignments(Assignments)
    case verbatim(placeholder: String, expectation: String)

    /// A word in its place: `FRAME`, `[N]`, `COL...`, `on FRAME`.
    public struct Positional: Sendable {
        public enum Arity: Sendable, Equatable { case one, optional, many(minimum: Int) }
        public var placeholder: String
        /// How usage lines show it, when not made from the placeholder.
        public var usage: String?
        public var kind: ValueKind
        public var arity: Arity
        /// A word that comes first (`on` in `explain MODEL on FRAME`).
        public var literal: String?
        let value: ErasedParser
        /// A valid value, for examples and tests.
        public var example: String { value.example }
    }

    /// `KEYWORD VALUE` after the words, such as `as NAME`, `into NAME`, `to PATH`.
    public struct Clause: Sendable {
        public var keyword: String
        public var placeholder: String
        public var kind: ValueKind
        public var isRequired: Bool
        let value: ErasedParser
        /// A valid value, for examples and tests.
        public var example: String { value.example }
    }

    /// `name=VALUE`.
    public struct Option: Sendable {
        public var name: String
        public var placeholder: String
        public var kind: ValueKind
        public var summary: String
        public var isRequired: Bool
        /// The value used when the option is not given, as help shows it.
        public var defaultText: String?
        let value: ErasedParser
        /// A valid value, for examples and tests.
        public var example: String { value.example }
        /// What a valid value is, as hints say it (`a whole number from 1 to 1000`).
        public var expectation: String { value.expectation }
    }

    /// `KEY=VALUE` pairs whose keys are not declared one by one (`set`'s settings, `params`'
    /// names, `train`'s hyperparameters).
    public struct Assignments: Sendable {
        public var placeholder: String
        /// What completion offers as keys.
        public var keys: ValueKind
        public var isRequired: Bool
    }
}

extension [Declaration] {
    var positionals: [Declaration.Positional] { compactMap { if case .positional(let p) = $0 { p } else { nil } } }
    var clauses: [Declaration.Clause] { compactMap { if case .clause(let c) = $0 { c } else { nil } } }
    var options: [Declaration.Option] { compactMap { if case .option(let o) = $0 { o } else { nil } } }
    var assignments: Declaration.Assignments? {
        lazy.compactMap { if case .assignments(let a) = $0 { a } else { nil } }.first
    }
    /// What a verbatim command needs, when the command is one (`a command to run`).
    var verbatimExpectation: String? {
        lazy.compactMap { if case .verbatim(_, let expectation) = $0 { expectation } else { nil } }.first
    }
}

/// A value parser without its type, for the declaration tables.
struct ErasedParser: Sendable {
    var placeholder: String
    var kind: ValueKind
    var expectation: String
    var example: String
    var advice: String?
    var read: @Sendable (_ text: String, _ quoted: Bool) -> Any?

    init<Value>(_ parser: ValueParser<Value>) {
        placeholder = parser.placeholder
        kind = parser.kind
        expectation = parser.expectation
        example = parser.example
        advice = parser.advice
        let read = parser.read
        self.read = { text, quoted in read(text, quoted).map { $0 as Any } }
    }
}

/// `maxCandidates` → `max_candidates`.
func snakeCase(_ name: String) -> String {
    name.reduce(into: "") { $0 += $1.isUppercase ? "_" + $1.lowercased() : String($1) }
}

extension Declaration.Positional {
    init<Value>(_ parser: ValueParser<Value>, arity: Arity, literal: String?) {
        self.init(
            placeholder: parser.placeholder, usage: parser.usage, kind: parser.kind, arity: arity,
            literal: literal, value: ErasedParser(parser))
    }
}

extension Declaration.Option {
    init<Value>(
        _ parser: ValueParser<Value>, name: String, summary: String, isRequired: Bool = false,
        defaultText: String? = nil
    ) {
        self.init(
            name: name, placeholder: parser.placeholder, kind: parser.kind, summary: summary,
            isRequired: isRequired, defaultText: defaultText, value: ErasedParser(parser))
    }
}
