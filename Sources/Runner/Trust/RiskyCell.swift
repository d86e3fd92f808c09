import Kernel
import Workbook

/// A cell with lines a reader should agree to before running someone else's workbook.
public struct RiskyCell: Sendable, Equatable {
    public var id: String
    /// 1-based, among the workbook's cells.
    public var position: Int
    public var risks: [Kernel.Risk]

    /// The risky cells of `workbook`, in order.
    public static func all(in workbook: Workbook, kernel: Kernel) -> [RiskyCell] {
        workbook.cells.enumerated().compactMap { index, cell in
            let risks = kernel.risks(in: cell.source)
            return risks.isEmpty ? nil : RiskyCell(id: cell.id ?? "?", position: index + 1, risks: risks)
        }
    }

    /// The warning shown before asking: `BOOK is not trusted, and 2 of its cells can change this
    /// machine:` and the ``listing(_:)``.
    public static func warning(bookPath: String, cells: [RiskyCell]) -> String {
        let count = cells.count == 1 ? "1 of its cells" : "\(cells.count) of its cells"
        return "\(bookPath) is not trusted, and \(count) can change this machine:\n" + listing(cells)
    }

    /// What to show before asking, one line per risky line, never shortened (the reader must
    /// see all of what they agree to): `  [3] download · downloads from the network: download https://...`.
    public static func listing(_ cells: [RiskyCell]) -> String {
        cells.flatMap { cell in
            cell.risks.map { "  [\(cell.position)] \(cell.id) · \($0.reason): \($0.text)" }
        }.joined(separator: "\n")
    }
}
