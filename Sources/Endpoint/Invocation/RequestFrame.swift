import Autopilot
import Frames

/// Builds the frame a model predicts from out of request rows, column by column as the input
/// schema says: numbers where the model was trained on numbers, categories elsewhere. An empty
/// cell (or `NA`, `null`... as the CSV reader reads them) is a missing value; categories the
/// model never saw are kept as they are and handled by its pipeline, as in training.
struct RequestFrame {
    /// One cell of a request row.
    enum Cell {
        case text(String)
        case number(Double)
        case boolean(Bool)
        case missing
    }

    private enum Builder {
        case numeric([Double])
        case categorical(codes: [UInt32], dictionary: [String], index: [String: UInt32], boolean: Bool)
    }

    let schema: InputSchema
    private var builders: [Builder]
    private(set) var rowCount = 0

    init(schema: InputSchema, capacity: Int) {
        self.schema = schema
        builders = schema.columns.map { column in
            if column.isNumeric {
                var values: [Double] = []
                values.reserveCapacity(capacity)
                return .numeric(values)
            }
            return .categorical(
                codes: [], dictionary: [], index: [:], boolean: column.type == ColumnType.boolean.rawValue)
        }
    }

    /// Adds the next row.
    ///
    /// - Throws: ``InvocationError`` (400) for a row of the wrong width or a value that is not a
    ///   number where one is needed, naming the row and the column.
    mutating func append(_ cells: [Cell]) throws(InvocationError) {
        let row = rowCount + 1
        guard cells.count == schema.columns.count else {
            let names = schema.columns.map(\.name)
            let shown =
                names.count <= 8 ? names.joined(separator: ", ") : names.prefix(8).joined(separator: ", ") + ", ..."
            throw InvocationError(
                .badRequest,
                "row \(row): expected \(names.count) value\(names.count == 1 ? "" : "s") (\(shown)), got "
                    + "\(cells.count)",
                row: row)
        }
        for (i, cell) in cells.enumerated() {
            switch builders[i] {
            case .numeric(var values):
                builders[i] = .numeric([])
                values.append(try number(cell, row: row, column: i))
                builders[i] = .numeric(values)
            case .categorical(var codes, var dictionary, var index, let boolean):
                builders[i] = .numeric([])
                let text = category(cell, boolean: boolean)
                if let text {
                    if let code = index[text] {
                        codes.append(code)
                    } else {
                        let code = UInt32(dictionary.count)
                        index[text] = code
                        dictionary.append(text)
                        codes.append(code)
                    }
                } else {
                    codes.append(CategoricalCodes.missing)
                }
                builders[i] = .categorical(codes: codes, dictionary: dictionary, index: index, boolean: boolean)
            }
        }
        rowCount += 1
    }

    /// The frame of the rows added so far.
    func frame() -> Frame {
        let columns = zip(schema.columns, builders).map { column, builder in
            switch builder {
            case .numeric(let values):
                Column(name: column.name, data: .double(values))
            case .categorical(let codes, let dictionary, _, _):
                Column(name: column.name, data: .strings(codes: codes, dictionary: dictionary))
            }
        }
        return Frame(columns: columns, rowCount: rowCount)
    }

    private func number(_ cell: Cell, row: Int, column: Int) throws(InvocationError) -> Double {
        switch cell {
        case .missing: return .nan
        case .number(let value): return value
        case .text(let text):
            if let value = FieldText.number(text) { return value }
            if FieldText.isMissing(text) { return .nan }
            throw notANumber(text, row: row, column: column)
        case .boolean(let value):
            throw notANumber(value ? "true" : "false", row: row, column: column)
        }
    }

    private func notANumber(_ text: String, row: Int, column: Int) -> InvocationError {
        let name = schema.columns[column].name
        let quoted = text.count > 40 ? String(text.prefix(40)) + "..." : text
        return InvocationError(
            .badRequest,
            "row \(row), column '\(name)' (\(ordinal(column + 1))): '\(quoted)' is not a number, and the model was "
                + "trained on numbers there",
            row: row, column: name)
    }

    /// The category's text as training named it (booleans as `True`/`False`), nil when missing.
    private func category(_ cell: Cell, boolean: Bool) -> String? {
        switch cell {
        case .missing: return nil
        case .boolean(let value): return value ? "True" : "False"
        case .number(let value):
            if boolean, value == 0 || value == 1 { return value == 1 ? "True" : "False" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return NumberFormat.shortest(value)
        case .text(let text):
            if FieldText.isMissing(text) { return nil }
            if boolean, let value = FieldText.boolean(text) { return value ? "True" : "False" }
            return text
        }
    }

    private func ordinal(_ n: Int) -> String {
        let suffix = (n % 100) / 10 == 1 ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }
}
