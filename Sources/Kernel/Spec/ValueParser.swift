import Diagnostics

/// What a word or an option value may be: how it reads, how it is shown in usage lines, what
/// completion offers for it and what to say when it is wrong.
public struct ValueParser<Value>: Sendable {
    /// How usage lines show it: `N`, `COL`, `yes|no`.
    public var placeholder: String
    /// What completion offers for it.
    public var kind: ValueKind
    /// What a valid value is, after "is not": `a whole number from 1 to 1000`.
    public var expectation: String
    /// A valid value, for hints: `e.g. max_candidates=16`.
    public var example: String
    /// What to do instead of the generic hint, when the expectation alone does not say.
    public var advice: String?
    /// How usage lines show a positional of this kind, as written (`[COL...] [all]`), when
    /// the placeholder with brackets and dots would not say it right.
    public var usage: String?
    let read: @Sendable (_ text: String, _ quoted: Bool) -> Value?

    /// A parser of words in double quotes or not alike.
    public init(
        placeholder: String, kind: ValueKind, expectation: String, example: String, advice: String? = nil,
        read: @escaping @Sendable (String) -> Value?
    ) {
        self.init(placeholder: placeholder, kind: kind, expectation: expectation, example: example, advice: advice) {
            text, _ in read(text)
        }
    }

    /// A parser that tells a word written in double quotes from a bare one (`predict`'s rows).
    public init(
        placeholder: String, kind: ValueKind, expectation: String, example: String, advice: String? = nil,
        readWord: @escaping @Sendable (_ text: String, _ quoted: Bool) -> Value?
    ) {
        self.placeholder = placeholder
        self.kind = kind
        self.expectation = expectation
        self.example = example
        self.advice = advice
        self.read = readWord
    }

    /// The value `text` stands for, or `nil` when it is not one.
    public func parse(_ text: String, quoted: Bool = false) -> Value? {
        read(text, quoted)
    }

    /// The same parser, shown in usage lines as `usage`, verbatim.
    public func shown(_ usage: String) -> ValueParser { with { $0.usage = usage } }

    /// The same parser, completed as `kind`.
    public func kind(_ kind: ValueKind) -> ValueParser { with { $0.kind = kind } }

    /// The same parser shown with another placeholder (`A`, `B` for two names).
    public func named(_ placeholder: String) -> ValueParser { with { $0.placeholder = placeholder } }

    private func with(_ change: (inout ValueParser) -> Void) -> ValueParser {
        var copy = self
        change(&copy)
        return copy
    }
}

/// What completion offers for a value.
public enum ValueKind: Sendable, Equatable {
    /// Nothing in particular (a number, a comparison's value).
    case text
    /// One of these words.
    case choice([String])
    /// Names the session holds: frames, experiments, `EXP.best` and candidates, endpoints.
    case frame, experiment, model, endpoint
    /// A model or an endpoint; a frame or a file.
    case modelOrEndpoint, frameOrPath
    /// A column of a frame named on the line; `columns` for a comma-separated list of them.
    case column, columns
    /// A new name (nothing to offer).
    case newName
    /// A file or folder, relative to the workbook's.
    case path
    case url
    /// A command of the cell language.
    case command
    /// A setting's name (`set`'s keys).
    case setting
}
