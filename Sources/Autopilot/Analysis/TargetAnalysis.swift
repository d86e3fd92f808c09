import Frames

/// The target column, read for learning: the problem type (by stated rules, or as given), the
/// classes and which one is positive, and the label of every row.
public struct TargetAnalysis: Sendable, Codable {
    public var column: String
    public var problem: ProblemType
    /// Why this problem type: the rule that fired, in words.
    public var rule: String
    /// Class names in label order (label 0, 1, ...); empty for regression.
    public var classes: [String]
    /// One label per row: class index (as a float) or the value; NaN where the target is missing.
    /// Not stored with an experiment (it is the training data's).
    public var labels: [Float]

    enum CodingKeys: String, CodingKey { case column, problem, rule, classes, missingRows }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        column = try c.decode(String.self, forKey: .column)
        problem = try c.decode(ProblemType.self, forKey: .problem)
        rule = try c.decode(String.self, forKey: .rule)
        classes = try c.decode([String].self, forKey: .classes)
        missingRows = try c.decode(Int.self, forKey: .missingRows)
        labels = []
    }

    init(column: String, problem: ProblemType, rule: String, classes: [String], labels: [Float], missingRows: Int) {
        self.column = column
        self.problem = problem
        self.rule = rule
        self.classes = classes
        self.labels = labels
        self.missingRows = missingRows
    }
    /// Rows whose target is missing (they are left out of training).
    public var missingRows: Int

    /// The class treated as positive in binary problems (label 1).
    public var positiveClass: String? { problem == .binary ? classes[1] : nil }

    /// Reads the target `column` of `frame`.
    ///
    /// Rules (Autopilot does not publish its own): a column with exactly two distinct values is
    /// binary; a string or boolean column with 3 to 100 values, or an integer column with 3 to
    /// 20, is multiclass; any other numeric column is regression. `problem` overrides the rule
    /// when it fits the data.
    public static func analyze(
        _ frame: Frame, target column: String, problem requested: ProblemType?
    )
        throws(AutopilotError) -> TargetAnalysis
    {
        guard let target = frame.column(named: column) else {
            throw .noSuchTarget(column, suggestions: frame.columnNames)
        }
        let counts = target.valueCounts()
        let distinct = counts.values.count
        guard distinct > 0 else { throw .targetAllMissing(column) }
        guard distinct >= 2 else { throw .targetOneClass(column, value: counts.values[0]) }
        let inferred = try inferProblem(column: column, type: target.type, distinct: distinct)
        var problem = inferred.0
        var rule = inferred.1
        if let requested, requested != problem {
            switch (requested, target.type.isNumeric) {
            case (.regression, false):
                throw .targetNotNumeric(column)
            case (.binary, _) where distinct != 2:
                throw .notBinary(column, distinct: distinct)
            case (.multiclass, _) where distinct > 100:
                throw .targetTooManyClasses(column, count: distinct)
            default:
                problem = requested
                rule = "problem=\(requested.rawValue) given (the rule said \(inferred.0.rawValue): \(inferred.1))"
            }
        } else if requested != nil {
            rule = "problem=\(problem.rawValue) given, as the rule says (\(inferred.1))"
        }

        var labels = [Float](repeating: .nan, count: frame.rowCount)
        var classes: [String] = []
        if problem == .regression {
            let values = target.data.doubles!
            for row in 0..<frame.rowCount { labels[row] = Float(values[row]) }
        } else {
            classes = orderedClasses(counts.values, problem: problem)
            let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, Float($0)) })
            let texts = target.displayValues()
            for row in 0..<frame.rowCount where !target.data.isMissing(row) {
                labels[row] = index[texts[row]] ?? .nan
            }
        }
        return TargetAnalysis(
            column: column, problem: problem, rule: rule, classes: classes, labels: labels,
            missingRows: counts.missing)
    }

    private static func inferProblem(
        column: String, type: ColumnType, distinct: Int
    ) throws(AutopilotError)
        -> (ProblemType, String)
    {
        if distinct == 2 { return (.binary, "'\(column)' has exactly 2 distinct values") }
        if type == .string || type == .boolean {
            if distinct > 100 { throw .targetTooManyClasses(column, count: distinct) }
            return (.multiclass, "'\(column)' holds text with \(distinct) distinct values (3 to 100)")
        }
        if type == .integer, distinct <= 20 {
            return (.multiclass, "'\(column)' holds integers with \(distinct) distinct values (3 to 20)")
        }
        return (.regression, "'\(column)' holds numbers with \(distinct) distinct values")
    }

    /// Class order: for binary, the negative class first and the positive second. The positive
    /// class is `yes`, `true`, `1` or `positive` when one of those is present (bank marketing's
    /// `y`: `no` → 0, `yes` → 1, as Autopilot's label encoder does), else the rarer class.
    /// Multiclass classes are sorted.
    static func orderedClasses(_ byFrequency: [String], problem: ProblemType) -> [String] {
        guard problem == .binary else { return byFrequency.sorted() }
        let positives = ["yes", "true", "1", "1.0", "positive", "y", "t"]
        if let positive = byFrequency.first(where: { positives.contains($0.lowercased()) }) {
            return byFrequency.filter { $0 != positive } + [positive]
        }
        return [byFrequency[0], byFrequency[1]]  // most frequent first: the rarer class is positive
    }
}

extension Column {
    /// The column as categories: their names, and each row's category (nil when missing).
    /// String columns use their dictionary as it is; other columns are named by their text.
    public func categoryCodes() -> (names: [String], codes: [Int?]) {
        if case .string(let codes, let dictionary) = data {
            return (dictionary, codes.map { $0 == CategoricalCodes.missing ? nil : Int($0) })
        }
        let texts = displayValues()
        var index: [String: Int] = [:]
        var names: [String] = []
        let codes = (0..<count).map { row -> Int? in
            if data.isMissing(row) { return nil }
            if let code = index[texts[row]] { return code }
            index[texts[row]] = names.count
            names.append(texts[row])
            return names.count - 1
        }
        return (names, codes)
    }

    /// Every row's value as text (as tables print it); empty for missing values.
    public func displayValues() -> [String] {
        switch data {
        case .string(let codes, let dictionary):
            return codes.map { $0 == CategoricalCodes.missing ? "" : dictionary[Int($0)] }
        default:
            return (0..<count).map { row in
                switch data.value(at: row) {
                case .missing: ""
                case .int(let v): String(v)
                case .double(let v): NumberFormat.shortest(v)
                case .bool(let v): v ? "True" : "False"
                case .string(let s): s
                }
            }
        }
    }
}
