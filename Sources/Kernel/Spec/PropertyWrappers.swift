/// Where a declared argument keeps its value once a line is parsed. Shared by the copies of
/// the property wrapper that holds it, so the parser can fill a command made with `init()`.
final class Slot {
    var value: Any?
}

/// What the property wrappers have in common: a declaration and a slot.
protocol DeclaredArgument {
    func declaration(label: String) -> Declaration
    var slot: Slot { get }
    /// The typed value from what the parser read: the words or option value, already parsed
    /// one by one (`nil` when absent).
    var assemble: ([Any]) -> Any { get }
}

/// A word of the line in its place: `FRAME` in `head FRAME [N]`.
///
/// A `String` or another value is one word; an `Optional` may be left out; an array takes
/// the words that are left (at least `minimum`).
@propertyWrapper
public struct Argument<Value>: DeclaredArgument {
    let slot = Slot()
    let make: (String) -> Declaration
    let assemble: ([Any]) -> Any

    public var wrappedValue: Value { slot.value as! Value }

    func declaration(label: String) -> Declaration { make(label) }

    public init(_ parser: ValueParser<Value>, after literal: String? = nil) {
        make = { _ in .positional(.init(parser, arity: .one, literal: literal)) }
        assemble = { $0[0] as! Value }
    }

    public init<Element>(_ parser: ValueParser<Element>, after literal: String? = nil) where Value == Element? {
        make = { _ in .positional(.init(parser, arity: .optional, literal: literal)) }
        assemble = { $0.first.map { $0 as! Element } as Any }
    }

    public init(_ parser: ValueParser<Value>, default value: Value, after literal: String? = nil) {
        make = { _ in .positional(.init(parser, arity: .optional, literal: literal)) }
        assemble = { $0.first.map { $0 as! Value } ?? value }
    }

    public init<Element>(_ parser: ValueParser<Element>, minimum: Int = 1, after literal: String? = nil)
    where Value == [Element] {
        make = { _ in .positional(.init(parser, arity: .many(minimum: minimum), literal: literal)) }
        assemble = { $0.map { $0 as! Element } }
    }
}

/// `KEYWORD VALUE` after the words: `as NAME`, `into NAME`, `to PATH`.
@propertyWrapper
public struct Clause<Value>: DeclaredArgument {
    let slot = Slot()
    let make: (String) -> Declaration
    let assemble: ([Any]) -> Any

    public var wrappedValue: Value { slot.value as! Value }

    func declaration(label: String) -> Declaration { make(label) }

    public init<Element>(_ keyword: String, _ parser: ValueParser<Element>) where Value == Element? {
        make = { _ in
            .clause(
                .init(
                    keyword: keyword, placeholder: parser.placeholder, kind: parser.kind,
                    isRequired: false, value: ErasedParser(parser)))
        }
        assemble = { $0.first.map { $0 as! Element } as Any }
    }

    public init(_ keyword: String, _ parser: ValueParser<Value>) {
        make = { _ in
            .clause(
                .init(
                    keyword: keyword, placeholder: parser.placeholder, kind: parser.kind,
                    isRequired: true, value: ErasedParser(parser)))
        }
        assemble = { $0[0] as! Value }
    }
}

/// `name=VALUE`, named after its property in snake case (`maxRuntime` is `max_runtime=`).
@propertyWrapper
public struct Option<Value>: DeclaredArgument {
    let slot = Slot()
    let make: (String) -> Declaration
    let assemble: ([Any]) -> Any

    public var wrappedValue: Value { slot.value as! Value }

    func declaration(label: String) -> Declaration { make(label) }

    /// An option that may be left out.
    public init<Element>(_ parser: ValueParser<Element>, _ summary: String, name: String? = nil)
    where Value == Element? {
        make = { .option(.init(parser, name: name ?? snakeCase($0), summary: summary)) }
        assemble = { $0.first.map { $0 as! Element } as Any }
    }

    /// An option with a default.
    public init(
        _ parser: ValueParser<Value>, _ summary: String, default value: Value,
        defaultText: String? = nil, name: String? = nil
    ) {
        make = {
            .option(
                .init(parser, name: name ?? snakeCase($0), summary: summary, defaultText: defaultText ?? "\(value)"))
        }
        assemble = { $0.first.map { $0 as! Value } ?? value }
    }

    /// An option the command needs (`target=COL`).
    public init(required parser: ValueParser<Value>, _ summary: String, name: String? = nil) {
        make = { .option(.init(parser, name: name ?? snakeCase($0), summary: summary, isRequired: true)) }
        assemble = { $0[0] as! Value }
    }
}

/// One `KEY=VALUE` of ``Assignments``, with the column it starts at (1-based) for carets.
public struct Assignment: Sendable, Equatable {
    public var key: String
    public var value: String
    public var column: Int
}

/// `KEY=VALUE...` whose keys are the command's to check: settings, parameters, hyperparameters.
@propertyWrapper
public struct Assignments: DeclaredArgument {
    let slot = Slot()
    let make: (String) -> Declaration
    let assemble: ([Any]) -> Any = { $0.map { $0 as! Assignment } }

    public var wrappedValue: [Assignment] { slot.value as! [Assignment] }

    func declaration(label: String) -> Declaration { make(label) }

    public init(_ placeholder: String = "KEY=VALUE...", keys: ValueKind = .text, required: Bool = false) {
        make = { _ in .assignments(.init(placeholder: placeholder, keys: keys, isRequired: required)) }
    }
}

/// The rest of the line, as written (`sh`'s command: another language, not lexed).
@propertyWrapper
public struct Verbatim: DeclaredArgument {
    let slot = Slot()
    let make: (String) -> Declaration
    let assemble: ([Any]) -> Any = { $0[0] }

    public var wrappedValue: String { slot.value as! String }

    func declaration(label: String) -> Declaration { make(label) }

    /// - Parameter expectation: what is missing when nothing follows the command (`a command to run`).
    public init(_ placeholder: String, _ expectation: String) {
        make = { _ in .verbatim(placeholder: placeholder, expectation: expectation) }
    }
}
