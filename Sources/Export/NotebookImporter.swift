import Diagnostics
import Foundation
import Workbook

/// Turns a notebook whose kernel is pilot back into a workbook (`pilot import`), so work done
/// in JupyterLab or VS Code can be run and checked with pilot.
///
/// Markdown (and raw) cells become prose; code cells become cells, with the pilot id `pilot
/// export` kept in their metadata (else the notebook's cell id, else one made from the first
/// command); outputs become the cell's output region: text (`stream`, or `text/plain` of
/// display data) as `text` fences, SVG plots as files in `BOOK.assets/`, an `error` as the
/// `error` fence. The status comes from the outputs (an `Interrupted` error, any other error,
/// or none); the source hash from the export's metadata, unless the cell ran in Jupyter.
///
/// The workbook is laid out as pilot writes one: a blank line between prose, cells and
/// outputs. So `export` then `import` gives back a workbook in that layout byte for byte.
///
/// ```swift
/// let importer = try NotebookImporter(bytes: Array(data), name: "analysis.ipynb")
/// let workbook = try importer.workbook(bookPath: "analysis.pilotbook")
/// ```
public struct NotebookImporter {
    private let notebook: NotebookFile

    /// Reads a notebook; `name` is how messages call it.
    ///
    /// - Throws: ``NotebookImportError`` when it is not a notebook, or not one for pilot.
    public init(bytes: [UInt8], name: String) throws(NotebookImportError) {
        do {
            notebook = try JSONDecoder().decode(NotebookFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .notANotebook(name: name, reason: Self.describe(error))
        } catch {
            throw .notANotebook(name: name, reason: "it cannot be read")
        }
        let kernel = notebook.metadata?.kernelspec?.name ?? notebook.metadata?.languageInfo?.name
        if let kernel, kernel != "pilot" { throw .otherKernel(name: name, kernel: kernel) }
    }

    /// The workbook, with its images written to the asset folder of `bookPath`.
    public func workbook(bookPath: String) throws(NotebookImportError) -> Workbook {
        let assets = AssetFolder(bookPath: bookPath)
        var book = Workbook()
        var taken = Set<String>()
        for cell in notebook.cells {
            let text = cell.source.text
            guard cell.cellType == "code" else {
                if !text.allSatisfy(\.isWhitespace) { book.append(prose: "\n" + text + "\n") }
                continue
            }
            let source = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
            let id = Self.id(for: cell, source: source, avoiding: taken)
            taken.insert(id)
            let made = Cell(id: id, source: source)
            book.insert(made, after: nil)
            let outputs = cell.outputs ?? []
            let pilot = cell.metadata?.pilot
            let ran = cell.executionCount != nil
            guard ran || pilot?.status != nil || !outputs.isEmpty else { continue }
            var items: [OutputItem] = []
            var status = OutputStatus.ok
            for output in outputs {
                switch output.outputType {
                case "stream":
                    if let text = output.text?.text, !text.isEmpty { items.append(.text(text)) }
                case "display_data", "execute_result":
                    if let item = try Self.item(output.data ?? [:], assets: assets) { items.append(item) }
                case "error":
                    status = output.ename == "Interrupted" ? .interrupted : .error
                    let lines = output.traceback ?? []
                    // The export's stand-in for a failure that stored no diagnostic has no `error:` line.
                    if lines.first?.hasPrefix("error:") == true {
                        items.append(.error(lines.joined(separator: "\n") + "\n"))
                    }
                default:
                    break
                }
            }
            let hash = ran ? made.sourceHash : (pilot?.src ?? made.sourceHash)
            book.setOutput(OutputRegion(cellID: id, status: status, sourceHash: hash, items: items))
        }
        return book
    }

    /// An image for SVG data, else the plain text (nothing for an empty one).
    private static func item(
        _ data: [String: MultilineText], assets: AssetFolder
    ) throws(NotebookImportError)
        -> OutputItem?
    {
        if var svg = data["image/svg+xml"]?.text {
            // One final newline, as pilot's SVG files end and `export` writes them.
            while svg.last?.isWhitespace == true { svg.removeLast() }
            svg += "\n"
            do {
                return .image(path: try assets.store(svg: svg), alt: data["text/plain"]?.text ?? "")
            } catch {
                throw .assets(error.diagnostic)
            }
        }
        guard let text = data["text/plain"]?.text, !text.isEmpty else { return nil }
        return .text(text)
    }

    /// The pilot id `export` kept, else the notebook's id when it is a valid pilot id, else one
    /// made from the first command; never one already taken (Jupyter copies metadata with a cell).
    private static func id(for cell: NotebookFile.Cell, source: String, avoiding taken: Set<String>) -> String {
        for candidate in [cell.metadata?.pilot?.id, cell.id] {
            if let candidate, CellID.isValid(candidate), !taken.contains(candidate) { return candidate }
        }
        return CellID.generate(for: source, avoiding: taken)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "no '\(key.stringValue)'" + Self.place(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "unexpected value" + Self.place(context)
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "it is not JSON" : "bad value" + Self.place(context)
        @unknown default:
            "it cannot be read"
        }
    }

    private static func place(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? "" : " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
    }
}
