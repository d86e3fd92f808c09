import Commands
import Diagnostics
import Foundation
import Kernel
import Workbook

/// The parameter values a workbook was last run with, as its `params` cell's stored output
/// records them: the table `params` prints, one row per parameter, `│ seed │ 17 │ --param
/// (default 42) │`.
///
/// `pilot check` reruns a hand-in with these values, so a student's `pilot run hw.pilotbook
/// --param seed=17` is checked with seed 17 without the teacher typing it.
public struct RecordedParameters: Sendable, Equatable {
    /// One row of the table.
    public struct Value: Sendable, Equatable {
        public var name: String
        public var value: String
        /// Whether the value came from `--param` (the `from` column says `--param (default …)`, or
        /// `--param` alone when the values are too long for both);
        /// `false` when it is the cell's own default.
        public var wasGiven: Bool

        public init(name: String, value: String, wasGiven: Bool) {
            self.name = name
            self.value = value
            self.wasGiven = wasGiven
        }
    }

    /// The rows, in the table's order; empty when the workbook has no `params` cell or it never ran.
    public var values: [Value]

    public init(values: [Value]) {
        self.values = values
    }

    /// The values that must be given again as `--param` to reproduce the run: those that came
    /// from `--param`. A value that was the cell's default is left to the cell, so the fresh
    /// output says `default` as the stored one does.
    public var overrides: [(String, String)] {
        values.filter(\.wasGiven).map { ($0.name, $0.value) }
    }

    /// Reads the values recorded in `workbook`'s `params` cells (found by their command word, as
    /// the kernel finds them).
    ///
    /// - Throws: ``Diagnostic`` when a `params` output is stale (the cell changed after it ran),
    ///   is not the table `params` prints, or records a parameter its cell does not declare.
    public static func read(
        from workbook: Workbook, kernel: Kernel = .standard
    ) throws(Diagnostic)
        -> RecordedParameters
    {
        var values: [Value] = []
        for cell in workbook.cells {
            guard let id = cell.id, let declared = declared(in: cell, kernel: kernel),
                let output = workbook.output(forCell: id)
            else { continue }
            let place = "the params cell '\(id)' (line \(cell.line))"
            guard !output.isStale(for: cell) else {
                throw Diagnostic(
                    "\(place) changed after it ran: its output does not say which values were used",
                    hint:
                        "run the workbook again (pilot run BOOK --param ...), or give every value to check with --param"
                )
            }
            guard output.status == .ok else {
                throw Diagnostic(
                    "\(place) failed when it ran: its output records no values",
                    hint: "fix the cell and run the workbook again")
            }
            let rows = try table(in: output, place: place)
            for row in rows {
                guard declared.contains(row.name) else {
                    throw Diagnostic(
                        "the output of \(place) records '\(row.name)', which the cell does not declare",
                        hint: "the output was edited: run the workbook again, or give every value to check with --param"
                    )
                }
                values.removeAll { $0.name == row.name }
                values.append(row)
            }
        }
        return RecordedParameters(values: values)
    }

    /// The names `workbook`'s `params` cells declare, in order, as their sources say.
    public static func declaredNames(in workbook: Workbook, kernel: Kernel = .standard) -> [String] {
        workbook.cells.flatMap { declared(in: $0, kernel: kernel) ?? [] }
    }

    /// The names the `params` lines of `cell` declare; `nil` when it has none (or does not lex,
    /// and so runs nothing).
    private static func declared(in cell: Cell, kernel: Kernel) -> [String]? {
        let lexer = CellLexer(verbatim: kernel.commands.verbatimNames, resolve: { "$" + $0 })
        let lines = ((try? lexer.commands(in: cell.source)) ?? []).filter { $0.name == "params" }
        return lines.isEmpty ? nil : lines.flatMap { $0.options.map { $0.key } }
    }

    /// The rows of the table in `output`'s text.
    private static func table(in output: OutputRegion, place: String) throws(Diagnostic) -> [Value] {
        let unreadable = { (why: String) in
            Diagnostic(
                "the output of \(place) is not the table params prints (\(why)): the values used cannot be read",
                hint: "run the workbook again, or give every value to check with --param")
        }
        var rows: [Value] = []
        var sawHeader = false
        for item in output.items {
            guard case .text(let text) = item else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("│") {
                let cells = line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count == 3 else { throw unreadable("a row without 3 columns") }
                if !sawHeader {
                    guard cells == ["parameter", "value", "from"] else { throw unreadable("no header") }
                    sawHeader = true
                    continue
                }
                let (name, value, from) = (cells[0], cells[1], cells[2])
                guard !name.isEmpty, !name.hasSuffix("…"), !value.hasSuffix("…") else {
                    throw unreadable("row '\(name)' is cut short")
                }
                let given: Bool
                if from == "default" {
                    given = false
                } else if from == "--param" || (from.hasPrefix("--param (default ") && from.hasSuffix(")")) {
                    given = true
                } else {
                    throw unreadable("row '\(name)' comes from '\(from)'")
                }
                rows.append(Value(name: name, value: value, wasGiven: given))
            }
        }
        guard sawHeader else { throw unreadable("no table") }
        return rows
    }
}
