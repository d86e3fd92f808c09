extension Frame {
    /// The frame's rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> Frame {
        Frame(columns: columns.map { Column(name: $0.name, data: $0.data.rows(indices)) }, rowCount: indices.count)
    }

    /// The frame's rows in `range`.
    public func rows(_ range: Range<Int>) -> Frame {
        rows(Array(range))
    }

    /// The frame without the named columns.
    public func dropping(_ names: Set<String>) -> Frame {
        Frame(columns: columns.filter { !names.contains($0.name) }, rowCount: rowCount)
    }

    /// The frame with only the named columns, in the order given.
    public func keeping(_ names: [String]) -> Frame {
        Frame(columns: names.compactMap { column(named: $0) }, rowCount: rowCount)
    }
}

extension ColumnData {
    /// The values at `indices`, in that order.
    public func rows(_ indices: [Int]) -> ColumnData {
        func pick(_ bitmap: Bitmap?) -> Bitmap? {
            guard let bitmap else { return nil }
            var picked = Bitmap(count: indices.count)
            for (i, row) in indices.enumerated() where bitmap[row] { picked[i] = true }
            return picked.setCount == 0 ? nil : picked
        }
        switch self {
        case .int(let values, let missing): return .int(indices.map { values[$0] }, missing: pick(missing))
        case .double(let values): return .double(indices.map { values[$0] })
        case .bool(let values, let missing): return .bool(indices.map { values[$0] }, missing: pick(missing))
        case .string(let codes, let dictionary):
            // Keep only the dictionary entries still used, in their first-seen order.
            var remap = [UInt32](repeating: CategoricalCodes.missing, count: dictionary.count)
            var kept: [String] = []
            var picked = [UInt32]()
            picked.reserveCapacity(indices.count)
            for row in indices {
                let code = codes[row]
                if code == CategoricalCodes.missing { picked.append(code); continue }
                if remap[Int(code)] == CategoricalCodes.missing {
                    remap[Int(code)] = UInt32(kept.count)
                    kept.append(dictionary[Int(code)])
                }
                picked.append(remap[Int(code)])
            }
            return .strings(codes: picked, dictionary: kept)
        }
    }
}
