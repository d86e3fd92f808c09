import TextLayout

extension Frame {
    /// The frame's rows `range` as a table with a row-number column, numbers right-aligned and
    /// formatted per column as pandas prints them.
    public func table(rows range: Range<Int>, maxRows: Int? = nil) -> TextTable {
        var tableColumns = [TextTable.Column("", alignment: .right)]
        var cells: [[String]] = range.map { [String($0)] }
        for column in columns {
            tableColumns.append(.init(column.name, alignment: column.type.isNumeric ? .right : .left))
            let texts = Frame.format(column.data, rows: range)
            for (offset, text) in texts.enumerated() { cells[offset].append(text) }
        }
        var table = TextTable(columns: tableColumns, rows: cells)
        table.pinnedColumns = 1
        table.maxRows = maxRows
        return table
    }

    /// The printed values of `rows` of a column.
    static func format(_ data: ColumnData, rows: Range<Int>) -> [String] {
        switch data {
        case .int(let values, let missing):
            return rows.map { missing?[$0] == true ? "NaN" : String(values[$0]) }
        case .double(let values):
            return NumberFormat.column(Array(values[rows]))
        case .bool(let values, let missing):
            return rows.map { missing?[$0] == true ? "NaN" : (values[$0] ? "True" : "False") }
        case .string(let codes, let dictionary):
            return rows.map { codes[$0] == CategoricalCodes.missing ? "NaN" : dictionary[Int(codes[$0])] }
        }
    }
}

extension Description {
    /// The description as pandas prints it: statistics as rows, columns as columns.
    public func table() -> TextTable {
        let names = statisticNames
        var tableColumns = [TextTable.Column("")]
        var cells = names.map { [$0] }
        for entry in entries {
            tableColumns.append(.init(entry.name, alignment: .right))
            for (row, text) in texts(of: entry, for: names).enumerated() { cells[row].append(text) }
        }
        var table = TextTable(columns: tableColumns, rows: cells)
        table.pinnedColumns = 1
        return table
    }

    /// The printed values of one entry, one per statistic name; `NaN` where a statistic does
    /// not apply (as pandas prints a mixed description).
    public func texts(of entry: Entry, for names: [String]) -> [String] {
        if let numeric = entry.numeric {
            var values: [String: Double] = ["count": Double(numeric.count)]
            for (name, value) in zip(["mean", "std", "min", "25%", "50%", "75%", "max"], numeric.statistics) {
                values[name] = value
            }
            let present = names.filter { values[$0] != nil }
            let printed = Dictionary(
                uniqueKeysWithValues: zip(present, NumberFormat.column(present.map { values[$0]! })))
            return names.map { printed[$0] ?? "NaN" }
        }
        let categorical = entry.categorical!
        let values: [String: String] = [
            "count": String(categorical.count), "unique": String(categorical.unique),
            "top": categorical.top ?? "NaN", "freq": String(categorical.freq),
        ]
        return names.map { values[$0] ?? "NaN" }
    }
}
