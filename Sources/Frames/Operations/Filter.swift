/// A row condition: `COL OP VALUE`, as `filter data where age >= 30` writes it.
public struct RowCondition: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public var column: String
    public var op: Operator
    public var value: String

    public init(column: String, op: Operator, value: String) {
        self.column = column
        self.op = op
        self.value = value
    }
}

/// Why a condition cannot be applied.
public enum ConditionProblem: Error, Equatable {
    case noSuchColumn
    case notANumber(ColumnType)
    case orderOnText
}

extension Frame {
    /// The indices of the rows that meet `condition`. Missing values never meet one (as in pandas).
    public func indices(where condition: RowCondition) throws(ConditionProblem) -> [Int] {
        guard let column = column(named: condition.column) else { throw .noSuchColumn }
        let data = column.data
        var result: [Int] = []
        switch data {
        case .int, .double:
            guard let target = Double(condition.value) else { throw .notANumber(column.type) }
            let values = data.doubles!
            for row in 0..<rowCount where !values[row].isNaN && RowCondition.compare(values[row], condition.op, target)
            {
                result.append(row)
            }
        case .bool(let values, let missing):
            guard
                let target = ["true": true, "yes": true, "1": true, "false": false, "no": false, "0": false][
                    condition.value.lowercased()]
            else { throw .notANumber(.boolean) }
            for row in 0..<rowCount
            where !(missing?[row] ?? false)
                && RowCondition.compare(values[row] ? 1 : 0, condition.op, target ? 1 : 0)
            { result.append(row) }
        case .string(let codes, let dictionary):
            switch condition.op {
            case .equal, .notEqual:
                let code = dictionary.firstIndex(of: condition.value).map(UInt32.init)
                for row in 0..<rowCount
                where codes[row] != CategoricalCodes.missing
                    && ((codes[row] == code) == (condition.op == .equal))
                { result.append(row) }
            default:
                let matches = dictionary.map { RowCondition.compare($0, condition.op, condition.value) }
                for row in 0..<rowCount where codes[row] != CategoricalCodes.missing && matches[Int(codes[row])] {
                    result.append(row)
                }
            }
        }
        return result
    }
}

extension RowCondition {
    static func compare<T: Comparable>(_ a: T, _ op: Operator, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}
