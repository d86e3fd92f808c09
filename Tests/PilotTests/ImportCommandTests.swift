import Foundation
import TestSupport
import Testing

@Suite("pilot import, end to end")
struct ImportCommandTests {
    static let book = """
        <!-- pilotbook v1 -->

        # Colours

        A small frame, and how its colours are spread.

        ```pilot id=load
        load data.csv as data
        ```

        ```pilot id=counts
        counts data color
        ```

        ```pilot id=oops
        head nothing
        ```

        """

    @Test("a workbook run, exported and imported comes back byte for byte, plots and all")
    func roundTrip() throws {
        let folder = ScratchFolder("import")
        folder.write(GeneratedData.binaryCSV(rows: 30, seed: 2), to: "data.csv")
        folder.write(Self.book, to: "colours.pilotbook")
        let run = try PilotProcess.run(["run", "colours.pilotbook", "--keep-going"], in: folder.path)
        #expect(run.status == 1, "the last cell fails: \(run.stdout)")
        let export = try PilotProcess.run(["export", "colours.pilotbook", "--to", "ipynb"], in: folder.path)
        #expect(export.status == 0)
        try FileManager.default.createDirectory(atPath: folder.file("back"), withIntermediateDirectories: false)
        let imported = try PilotProcess.run(
            ["import", "colours.ipynb", "--output", "back/colours.pilotbook"], in: folder.path)
        #expect(imported.stdout == "colours.ipynb: imported 3 cells to back/colours.pilotbook\n", "\(imported.stderr)")
        #expect(imported.status == 0)
        #expect(folder.read("back/colours.pilotbook") == folder.read("colours.pilotbook"))
        let assets = try FileManager.default.contentsOfDirectory(atPath: folder.file("colours.assets"))
        #expect(!assets.isEmpty)
        for name in assets {
            #expect(folder.read("back/colours.assets/" + name) == folder.read("colours.assets/" + name))
        }
    }

    @Test("an existing workbook is only replaced with --force; a missing notebook says so")
    func refusals() throws {
        let folder = ScratchFolder("import")
        folder.write(
            #"{"cells": [], "metadata": {"kernelspec": {"name": "pilot"}}, "nbformat": 4, "nbformat_minor": 5}"#,
            to: "n.ipynb")
        folder.write("<!-- pilotbook v1 -->\n", to: "n.pilotbook")
        let refused = try PilotProcess.run(["import", "n.ipynb"], in: folder.path)
        #expect(refused.status == 1)
        #expect(
            refused.stderr == """
                error: n.pilotbook already exists; not replacing it
                hint: choose another file with --output, or pass --force to replace it

                """)
        let forced = try PilotProcess.run(["import", "n.ipynb", "--force"], in: folder.path)
        #expect(forced.status == 0)
        #expect(forced.stdout == "n.ipynb: imported 0 cells to n.pilotbook\n")
        let missing = try PilotProcess.run(["import", "gone.ipynb"], in: folder.path)
        #expect(missing.status == 1)
        #expect(
            missing.stderr == """
                error: cannot read gone.ipynb
                hint: check the path and that the file is readable

                """)
    }
}
