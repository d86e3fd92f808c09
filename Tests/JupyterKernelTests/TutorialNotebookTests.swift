import Foundation
import TestSupport
import Testing
import Workbook

/// The tutorial, exported as a notebook, run end to end by nbclient on the pilot kernel.
@Suite(
    "pilot kernel: the tutorial notebook through nbclient",
    .enabled(if: JupyterHarness.python != nil, "needs PILOT_JUPYTER_PYTHON (scripts/test makes one)"),
    .enabled(if: ProcessInfo.processInfo.environment["PILOT_MIRROR"] != nil, "needs PILOT_MIRROR"))
struct TutorialNotebookTests {
    @Test("nbclient runs the exported tutorial offline; every code cell shows the text the workbook stores")
    func tutorial() throws {
        let harness = try JupyterHarness()
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let name = "autopilot-tutorial.pilotbook"
        let bytes = Array(try Data(contentsOf: repo.appendingPathComponent("workbooks/\(name)")))
        harness.folder.write(bytes, to: "work/\(name)")
        let export = try harness.run(PilotBinary.path, ["export", name, "--to", "ipynb", "--output", "tutorial.ipynb"])
        #expect(export.status == 0, "\(export.stderr)")
        _ = try harness.scenario("notebook", "tutorial.ipynb", "executed.ipynb")
        // PILOT_KEEP_NOTEBOOK=FILE keeps the run notebook (for docs/jupyterlab-screenshot).
        if let keep = ProcessInfo.processInfo.environment["PILOT_KEEP_NOTEBOOK"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: harness.work + "/executed.ipynb", toPath: keep)
        }

        let workbook = try Workbook(parsing: bytes)
        let executed = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: harness.work + "/executed.ipynb")))
                as? [String: Any])
        let cells = executed[list: "cells"].filter { $0[string: "cell_type"] == "code" }
        #expect(cells.count == workbook.cells.count)
        for (cell, stored) in zip(cells, workbook.cells) {
            let id = try #require(stored.id)
            let region = try #require(workbook.output(forCell: id))
            let expected = region.items.compactMap { item -> String? in
                switch item {
                case .text(let text), .error(let text): text
                case .image: nil
                }
            }.joined()
            let shown = cell[list: "outputs"].compactMap { output -> String? in
                switch output[string: "output_type"] {
                case "display_data":
                    let data = output[object: "data"]
                    return data["image/svg+xml"] == nil ? data[text: "text/plain"] : nil
                case "error": return ((output["traceback"] as? [String]) ?? []).joined(separator: "\n") + "\n"
                case "stream": return output[text: "text"]
                default: return nil
                }
            }.joined()
            #expect(shown == expected, "cell \(id)")
            let images = cell[list: "outputs"].filter { $0[object: "data"]["image/svg+xml"] != nil }.count
            #expect(images == region.imagePaths.count, "cell \(id)")
        }
    }
}
