/// A session setting that `set` changes and `$name` reads.
public struct Setting: Sendable {
    public var name: String
    public var summary: String
    public var defaultValue: String
    /// Checks a new value: `nil` if it is fine, otherwise what is wrong with it.
    public var validate: @Sendable (String) -> String?

    public init(
        name: String, summary: String, defaultValue: String,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.validate = validate
    }

    /// A whole-number setting within `range`.
    public static func integer(
        _ name: String, _ summary: String, default value: Int,
        in range: ClosedRange<Int>
    ) -> Setting {
        Setting(name: name, summary: summary, defaultValue: String(value)) { text in
            guard let number = Int(text), range.contains(number) else {
                return "\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        }
    }

    /// The settings every session has.
    public static let standard: [Setting] = [
        .integer(
            "seed", "random seed for splits, searches and anything else random", default: 0,
            in: 0...Int(Int32.max)),
        .integer("rows", "how many rows tables show before eliding the middle", default: 10, in: 1...10_000),
    ]
}
