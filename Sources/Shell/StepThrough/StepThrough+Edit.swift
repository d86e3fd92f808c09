import Diagnostics
import Foundation

extension StepThrough {
    /// `:edit`: opens `$EDITOR` (or `$VISUAL`) on the current cell's source; without one, edits
    /// it here line by line (each line comes back ready to change; an emptied line is removed).
    /// The new source is saved at once; the stored output stays, marked stale, until the cell runs.
    func edit() {
        guard let id = currentID else { return }
        let old = cells[position].source
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
        let new: String?
        if let editor, terminal.isInteractive {
            new = editInEditor(editor, source: old, id: id)
        } else {
            new = editInline(old)
        }
        guard let new, new != old else {
            terminal.line("cell \(id) unchanged")
            return
        }
        runner.setSource(new, ofCell: id)
        save()
        show()
    }

    private func editInEditor(_ editor: String, source: String, id: String) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-edit-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(id).pilot")
        do {
            try source.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let status = process.terminationStatus
                terminal.error(Diagnostic("\(editor) exited with status \(status); the cell is unchanged"))
                return nil
            }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            terminal.error(
                Diagnostic(
                    "could not run \(editor): \(error.localizedDescription)",
                    hint: "set EDITOR to an editor on your PATH, or unset it to edit here"))
            return nil
        }
    }

    private func editInline(_ source: String) -> String? {
        var lines: [String] = []
        let old = source.split(separator: "\n", omittingEmptySubsequences: false)
        let count = source.hasSuffix("\n") ? old.count - 1 : old.count
        for (index, line) in old.prefix(count).enumerated() {
            switch console.input.read(prompt: console.prompt("edit \(index + 1)> "), prefill: String(line)) {
            case .line(let text): if !text.isEmpty { lines.append(text) }
            case .interrupted, .end: return nil
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
