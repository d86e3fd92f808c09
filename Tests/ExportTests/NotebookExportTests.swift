import Export
import Foundation
import TestSupport
import Testing

/// A Python with nbformat: `PILOT_NBFORMAT_PYTHON` (scripts/test sets it), else the first of
/// `PILOT_PYTHON`, `bench/.venv`, `.build/python` and `python3` that can import it; nil when none can.
enum PythonNBFormat {
    static let interpreter: String? = {
        let repo = ExportFixture.repository
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["PILOT_NBFORMAT_PYTHON"], environment["PILOT_PYTHON"],
                          repo.appendingPathComponent("bench/.venv/bin/python").path,
                          repo.appendingPathComponent(".build/python/bin/python").path,
                          "/usr/bin/python3", "/usr/local/bin/python3"].compactMap { $0 }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path) && (try? run(path, ["-c", "import nbformat"]))?.status == 0
        }
    }()

    /// Validates a notebook file against nbformat's schema; prints `VERSION.MINOR CELLS` when valid.
    static let validate = """
    import sys, nbformat
    notebook = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    print(f"{notebook.nbformat}.{notebook.nbformat_minor} {len(notebook.cells)}")
    """

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("Notebook export")
struct NotebookExportTests {
    @Test("the small workbook as a notebook: markdown and code cells, stream, SVG and error outputs, pilot kernel")
    func structure() throws {
        let text = try ExportFixture.export(ExportFixture.smallPath, to: .ipynb)
        let notebook = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        let kernel = try #require(metadata["kernelspec"] as? [String: String])
        #expect(kernel["name"] == "pilot")
        #expect(kernel["language"] == "pilot")
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(ids.count == cells.count)
        #expect(Set(ids).count == ids.count)
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.compactMap { $0["id"] as? String } == ["load", "head", "hist", "oops", "changed", "train", "later"])
        func outputTypes(_ id: String) -> [String] {
            let cell = code.first { $0["id"] as? String == id }
            return (cell?["outputs"] as? [[String: Any]] ?? []).compactMap { $0["output_type"] as? String }
        }
        #expect(outputTypes("load") == ["stream"])
        #expect(outputTypes("hist") == ["stream", "display_data"])
        #expect(outputTypes("oops") == ["error"])
        #expect(outputTypes("train") == ["stream", "error"])
        #expect(outputTypes("later") == [])
        let hist = try #require(code.first { $0["id"] as? String == "hist" }?["outputs"] as? [[String: Any]])
        let svg = try #require((hist[1]["data"] as? [String: Any])?["image/svg+xml"] as? [String])
        #expect(svg.first?.hasPrefix("<svg ") == true)
        let oops = try #require(code.first { $0["id"] as? String == "oops" }?["outputs"] as? [[String: Any]])
        #expect(oops[0]["evalue"] as? String == "no column named 'nothing' in frame 'sales'")
        #expect(oops[0]["traceback"] as? [String] == ["error: no column named 'nothing' in frame 'sales'", "hint: the columns are 品名, price"])
        let changed = code.first { $0["id"] as? String == "changed" }?["metadata"] as? [String: [String: Any]]
        #expect(changed?["pilot"]?["stale"] as? Bool == true)
        #expect(!text.contains("\"execution_count\": 1"), "no execution counts")
    }

    @Test("the notebook is written the way Jupyter writes one, and the same every time")
    func jupyterStyle() throws {
        let text = try ExportFixture.export(ExportFixture.smallPath, to: .ipynb)
        #expect(text.hasPrefix("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n"))
        #expect(text.hasSuffix("\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"))
        #expect(text.contains("小さなワークブック"), "non-ASCII text is kept, not escaped")
        #expect(try ExportFixture.export(ExportFixture.smallPath, to: .ipynb) == text)
    }

    @Test("nbformat validates the notebooks of the small workbook and the tutorial",
          .enabled(if: PythonNBFormat.interpreter != nil,
                   "needs a Python with nbformat: scripts/test makes one (.build/python), or set PILOT_NBFORMAT_PYTHON"),
          arguments: ["small", "tutorial"])
    func nbformatValidates(name: String) throws {
        let python = try #require(PythonNBFormat.interpreter)
        let folder = ScratchFolder("export")
        let path = name == "small" ? ExportFixture.smallPath : ExportFixture.tutorialPath
        let notebook = folder.write(try ExportFixture.export(path, to: .ipynb), to: "\(name).ipynb")
        let result = try PythonNBFormat.run(python, ["-c", PythonNBFormat.validate, notebook])
        #expect(result.status == 0, "nbformat rejected \(name).ipynb:\n\(result.output)")
        #expect(result.output.hasPrefix("4.5 "))
    }
}
