import Kernel
import TextLayout
import Workbook

extension StepThrough {
    /// Shows the prose before the current cell, the cell and its status line.
    func show() {
        guard let id = currentID else {
            terminal.line("this workbook has no cells yet: type a command to add one, :help for more")
            return
        }
        let prose = proseBefore(cell: id)
        if !prose.isEmpty {
            terminal.line()
            // Two columns spare for a 。 or 、 hanging past the margin.
            terminal.write(ProseRenderer(width: min(terminal.width - 2, 98), styled: terminal.colorOut).render(prose))
        }
        terminal.line()
        terminal.line(terminal.styled(statusLine(at: position), .bold))
        for line in cells[position].source.split(separator: "\n", omittingEmptySubsequences: false)
        where !(line.isEmpty && line.endIndex == cells[position].source.endIndex) {
            // A line wider than the terminal is cut into pieces, each under the bar.
            for piece in Self.pieces(of: String(line), width: max(10, terminal.width - 3)) {
                terminal.line(terminal.styled("│ ", .dim) + terminal.styled(piece, .cyan))
            }
        }
    }

    /// `line` cut into pieces at most `width` cells wide (a URL has no spaces to wrap at).
    static func pieces(of line: String, width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let cells = String(character).displayWidth
            if used + cells > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += cells
        }
        pieces.append(current)
        return pieces
    }

    /// `[4/17] id=describe · output stale`.
    func statusLine(at index: Int) -> String {
        let cell = cells[index]
        return "[\(index + 1)/\(cells.count)] id=\(cell.id ?? "?") · " + outputState(of: cell)
    }

    /// What is stored under a cell: `not run`, `output ok`, `output error`, `output stale`...
    func outputState(of cell: Cell) -> String {
        guard let id = cell.id, let region = runner.workbook.output(forCell: id) else { return "not run" }
        let state = region.status == .ok ? "output ok" : "output \(region.status.rawValue)"
        return region.isStale(for: cell) ? state + " (stale: the cell changed since)" : state
    }

    /// `ok`, `error`, `interrupted`, `stale` or `not run`, for `:list`.
    func shortState(of cell: Cell) -> String {
        guard let id = cell.id, let region = runner.workbook.output(forCell: id) else { return "not run" }
        return region.isStale(for: cell) ? "stale" : region.status.rawValue
    }

    /// The prose between the previous cell (or its output) and this cell.
    func proseBefore(cell id: String) -> String {
        let blocks = runner.workbook.blocks
        let isThisCell = { (block: Block) in if case .cell(let cell) = block { cell.id == id } else { false } }
        guard let index = blocks.firstIndex(where: isThisCell) else { return "" }
        var text = ""
        var i = index - 1
        while i >= 0, case .prose(let prose) = blocks[i] {
            text = prose + text
            i -= 1
        }
        return text
    }

    /// `:list`: every cell with its position, id, status and first line.
    func list() {
        for (index, cell) in cells.enumerated() {
            let marker = index == position ? ">" : " "
            let first = cell.source.split(separator: "\n").first.map(String.init) ?? ""
            let line =
                "\(marker) \(String(index + 1).leftPadded(to: String(cells.count).count)) "
                + (cell.id ?? "?").padded(to: 14) + " " + shortState(of: cell).padded(to: 11) + "  " + first
            terminal.line(line.truncated(to: max(20, terminal.width - 1)))
        }
    }
}
