extension Invocation {
    /// The value of option `key`, if given (the last one wins).
    public func option(_ key: String) -> String? {
        options.last { $0.key == key }?.value
    }

    /// Option `key` as a whole number within `range`.
    public func intOption(_ key: String, in range: ClosedRange<Int>) throws(KernelError) -> Int? {
        guard let text = option(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw KernelError("\(key)=\(text) is not valid: \(key) takes a whole number from \(range.lowerBound) to \(range.upperBound)",
                              hint: "e.g. \(key)=\(range.lowerBound)")
        }
        return value
    }

    /// Option `key` as a number within `range`.
    public func doubleOption(_ key: String, in range: ClosedRange<Double>) throws(KernelError) -> Double? {
        guard let text = option(key) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw KernelError("\(key)=\(text) is not valid: \(key) takes a number from \(range.lowerBound) to \(range.upperBound)",
                              hint: "e.g. \(key)=0.8")
        }
        return value
    }

    /// Option `key` as yes or no.
    public func flagOption(_ key: String) throws(KernelError) -> Bool? {
        guard let text = option(key) else { return nil }
        switch text.lowercased() {
        case "yes", "true", "1", "on": return true
        case "no", "false", "0", "off": return false
        default: throw KernelError("\(key)=\(text) is not valid: \(key) takes yes or no", hint: "e.g. \(key)=yes")
        }
    }

    /// Splits off a trailing `KEYWORD NAME` (`into stats`, `as data`): the words before it and the name.
    public func trailing(_ keyword: String, in words: [String]) throws(KernelError) -> (words: [String], name: String?) {
        guard let index = words.lastIndex(of: keyword) else { return (words, nil) }
        guard index == words.count - 2 else {
            throw KernelError("'\(keyword)' must be followed by one name, at the end",
                              hint: "e.g. \(name) ... \(keyword) NAME")
        }
        let target = words[index + 1]
        try Invocation.checkName(target)
        return (Array(words[..<index]), target)
    }

    /// Names of frames, experiments and endpoints: letters, digits, `_` and `-`, not starting with a digit.
    public static func checkName(_ name: String) throws(KernelError) {
        guard let first = name.first, first.isLetter || first == "_",
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw KernelError("'\(name)' is not a valid name",
                              hint: "use letters, digits, '_' and '-', starting with a letter (e.g. data, train_2)")
        }
    }
}
