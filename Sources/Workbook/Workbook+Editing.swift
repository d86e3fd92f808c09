extension Workbook {
    /// Gives every cell without an id one made from its first command (see ``CellID``).
    ///
    /// - Returns: the ids that were added, in order.
    @discardableResult
    public mutating func assignMissingIDs() -> [String] {
        var taken = Set(cells.compactMap(\.id))
        var added: [String] = []
        for index in blocks.indices {
            guard case .cell(var cell) = blocks[index], cell.id == nil else { continue }
            let id = CellID.generate(for: cell.source, avoiding: taken)
            cell.assign(id: id)
            taken.insert(id)
            added.append(id)
            blocks[index] = .cell(cell)
        }
        return added
    }

    /// Stores `region` as the output of the cell it names, replacing the old region if any.
    ///
    /// A new region goes right after the cell, separated by one blank line; an existing one is
    /// replaced in place, keeping the blank lines before it.
    public mutating func setOutput(_ region: OutputRegion) {
        guard let index = blockIndex(ofCell: region.cellID) else {
            preconditionFailure("no cell '\(region.cellID)' in this workbook")
        }
        var region = region
        if index + 1 < blocks.count, case .output(let old) = blocks[index + 1] {
            region.leadingGap = old.leadingGap
            blocks[index + 1] = .output(region)
            return
        }
        if case .cell(var cell) = blocks[index], !cell.closingLine.endsWithLineFeed {
            cell.closingLine += lineEnding.rawValue
            blocks[index] = .cell(cell)
        }
        region.leadingGap = lineEnding.rawValue
        blocks.insert(.output(region), at: index + 1)
    }

    /// Removes the output region of the cell with this id, with the blank lines before it.
    public mutating func removeOutput(ofCell id: String) {
        guard let index = blockIndex(ofCell: id), index + 1 < blocks.count,
            case .output = blocks[index + 1]
        else { return }
        blocks.remove(at: index + 1)
        mergeProse(around: index + 1)
    }

    /// Removes every output region (what `pilot strip` does).
    public mutating func stripOutputs() {
        blocks = blocks.filter { if case .output = $0 { false } else { true } }
        var merged: [Block] = []
        for block in blocks {
            if case .prose(let next) = block, case .prose(let previous)? = merged.last {
                merged[merged.count - 1] = .prose(previous + next)
            } else {
                merged.append(block)
            }
        }
        blocks = merged
    }

    /// Replaces the source of the cell with this id.
    public mutating func setSource(_ source: String, ofCell id: String) {
        guard let index = blockIndex(ofCell: id), case .cell(var cell) = blocks[index] else { return }
        cell.setSource(source, lineEnding: lineEnding)
        blocks[index] = .cell(cell)
    }

    /// Inserts a new cell after the cell with id `after` (with its output), or at the end.
    public mutating func insert(_ cell: Cell, after id: String?) {
        var position = blocks.count
        if let id, let index = blockIndex(ofCell: id) {
            position = index + 1
            if position < blocks.count, case .output = blocks[position] { position += 1 }
        }
        ensureTrailingNewline(before: position)
        let gap = Block.prose(lineEnding.rawValue)
        blocks.insert(contentsOf: [gap, .cell(cell)], at: position)
    }

    /// Adds prose at the end of the workbook, kept byte for byte (joined to prose already
    /// there): with ``insert(_:after:)`` and ``setOutput(_:)``, how a workbook is built from
    /// another document (`pilot import`).
    public mutating func append(prose text: String) {
        ensureTrailingNewline(before: blocks.count)
        if case .prose(let previous)? = blocks.last {
            blocks[blocks.count - 1] = .prose(previous + text)
        } else {
            blocks.append(.prose(text))
        }
    }

    /// Removes the cell with this id and its output region.
    public mutating func removeCell(_ id: String) {
        removeOutput(ofCell: id)
        guard let index = blockIndex(ofCell: id) else { return }
        blocks.remove(at: index)
        mergeProse(around: index)
    }

    /// Every image path linked from an output region.
    public var imagePaths: Set<String> {
        var paths = Set<String>()
        for case .output(let region) in blocks { paths.formUnion(region.imagePaths) }
        return paths
    }

    private mutating func mergeProse(around index: Int) {
        guard index > 0, index < blocks.count,
            case .prose(let previous) = blocks[index - 1], case .prose(let next) = blocks[index]
        else { return }
        blocks[index - 1] = .prose(previous + next)
        blocks.remove(at: index)
    }

    private mutating func ensureTrailingNewline(before position: Int) {
        guard position > 0 else { return }
        switch blocks[position - 1] {
        case .prose(let text) where !text.endsWithLineFeed:
            blocks[position - 1] = .prose(text + lineEnding.rawValue)
        case .cell(var cell) where !cell.closingLine.endsWithLineFeed:
            cell.closingLine += lineEnding.rawValue
            blocks[position - 1] = .cell(cell)
        case .output(var region) where !region.rawText.endsWithLineFeed:
            region.rawText += lineEnding.rawValue
            blocks[position - 1] = .output(region)
        default:
            break
        }
    }
}

extension String {
    /// Whether the last byte is LF (also true after CRLF, which `hasSuffix("\n")` misses
    /// because Swift compares CRLF as one character).
    var endsWithLineFeed: Bool { utf8.last == 0x0A }
}
