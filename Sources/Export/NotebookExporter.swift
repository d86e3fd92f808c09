import Diagnostics
import Workbook

/// Writes a workbook as a Jupyter notebook: nbformat 4.5, with cell ids.
///
/// Prose becomes markdown cells; each `pilot` cell becomes a code cell (kernel `pilot`, no
/// execution counts) whose outputs are its stored ones: text as `stream` outputs, SVG plots as
/// `display_data` with `image/svg+xml`; the `error: ...` / `hint: ...` lines that end a failed
/// or interrupted cell's output become an `error` output. A cell's pilot id, status, staleness and
/// the source hash its output was made from go in its `metadata.pilot`, so `pilot import` gives
/// the workbook back (``NotebookImporter``). Keys are
/// sorted and nothing depends on the time, so the same workbook always gives the same file.
struct NotebookExporter {
    let outline: BookOutline
    let assets: AssetReader

    func render() -> String {
        var taken = Set(outline.cells.compactMap(\.id).filter(NotebookExporter.isNotebookID))
        func freshID(_ base: String) -> String {
            var n = 1
            while taken.contains("\(base)-\(n)") { n += 1 }
            taken.insert("\(base)-\(n)")
            return "\(base)-\(n)"
        }
        var cells: [JSONValue] = []
        for section in outline.sections {
            switch section {
            case .prose(let markdown):
                cells.append(
                    .object([
                        "cell_type": .string("markdown"),
                        "id": .string(freshID("prose")),
                        "metadata": .object([:]),
                        "source": JSONValue.lines(SoftBreaks.joined(markdown)),
                    ]))
            case .cell(let cell):
                let id = cell.id.flatMap { NotebookExporter.isNotebookID($0) ? $0 : nil } ?? freshID("cell")
                cells.append(
                    .object([
                        "cell_type": .string("code"),
                        "execution_count": .null,
                        "id": .string(id),
                        "metadata": .object(["pilot": metadata(cell)]),
                        "outputs": .array(outputs(cell)),
                        "source": JSONValue.lines(NotebookExporter.droppingFinalNewline(cell.source)),
                    ]))
            }
        }
        let notebook = JSONValue.object([
            "cells": .array(cells),
            "metadata": .object([
                "kernelspec": .object([
                    "display_name": .string("pilot"),
                    "language": .string("pilot"),
                    "name": .string("pilot"),
                ]),
                "language_info": .object(["name": .string("pilot")]),
            ]),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
        return notebook.serialized
    }

    private func metadata(_ cell: BookOutline.CellSection) -> JSONValue {
        var pilot: [String: JSONValue] = [:]
        if let id = cell.id { pilot["id"] = .string(id) }
        if let output = cell.output {
            pilot["status"] = .string(output.status.rawValue)
            pilot["stale"] = .bool(cell.isStale)
            pilot["src"] = .string(output.sourceHash)
        }
        return .object(pilot)
    }

    private func outputs(_ cell: BookOutline.CellSection) -> [JSONValue] {
        let failed = cell.status == .error || cell.status == .interrupted
        var outputs: [JSONValue] = []
        var error: JSONValue?
        for item in cell.items {
            switch item {
            case .text(let text):
                if !text.isEmpty { outputs.append(NotebookExporter.stream(text)) }
            case .error(let text):
                error = NotebookExporter.error(text, interrupted: cell.status == .interrupted)
                outputs.append(error!)
            case .image(let path, let alt):
                if let svg = assets.svg(at: path) {
                    outputs.append(
                        .object([
                            "data": .object([
                                "image/svg+xml": JSONValue.lines(svg + "\n"),
                                "text/plain": JSONValue.lines(alt),
                            ]),
                            "metadata": .object([:]),
                            "output_type": .string("display_data"),
                        ]))
                } else {
                    outputs.append(NotebookExporter.stream("[image not included: \(path)]\n"))
                }
            }
        }
        if failed, error == nil {
            outputs.append(NotebookExporter.error("", interrupted: cell.status == .interrupted))
        }
        return outputs
    }

    private static func stream(_ text: String) -> JSONValue {
        .object([
            "name": .string("stdout"),
            "output_type": .string("stream"),
            "text": JSONValue.lines(text),
        ])
    }

    /// An `error` output: what went wrong as the value, every line of the diagnostic in the
    /// traceback; a generic message when the cell stored none.
    private static func error(_ text: String, interrupted: Bool) -> JSONValue {
        var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var value = Diagnostic.headline(ofRendered: text)
        if value.isEmpty { value = interrupted ? "the cell was interrupted before it finished" : "the cell failed" }
        return .object([
            "ename": .string(interrupted ? "Interrupted" : "Error"),
            "evalue": .string(value),
            "output_type": .string("error"),
            "traceback": .array((lines.isEmpty ? [value] : lines).map { .string($0) }),
        ])
    }

    /// Whether `id` is a valid nbformat cell id: 1 to 64 ASCII letters, digits, `-` or `_`.
    static func isNotebookID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D
                    || $0 == 0x5F
            }
    }

    static func droppingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
