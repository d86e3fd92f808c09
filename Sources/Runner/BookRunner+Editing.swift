import Workbook

extension BookRunner {
    /// Replaces a cell's commands; its stored output stays, marked stale until it runs again.
    public func setSource(_ source: String, ofCell id: String) {
        workbook.setSource(source, ofCell: id)
        approve(id)
    }

    /// Inserts a new cell after the cell `id` (after its output), or at the end when `id` is nil.
    ///
    /// - Returns: the new cell's id, made from its first command.
    @discardableResult
    public func insertCell(_ source: String, after id: String?) -> String {
        let newID = CellID.generate(for: source, avoiding: Set(workbook.cells.compactMap(\.id)))
        workbook.insert(Cell(id: newID, source: source, lineEnding: workbook.lineEnding), after: id)
        approve(newID)
        return newID
    }

    /// Removes a cell and its output.
    public func deleteCell(_ id: String) {
        workbook.removeCell(id)
    }
}
