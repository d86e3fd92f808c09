import ArgumentParser

/// A `--param KEY=VALUE` option.
struct Parameter: ExpressibleByArgument {
    var name: String
    var value: String

    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
        let name = String(argument[..<eq])
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else { return nil }
        self.name = name
        value = String(argument[argument.index(after: eq)...])
    }

    static var defaultValueDescription: String { "KEY=VALUE" }
}
