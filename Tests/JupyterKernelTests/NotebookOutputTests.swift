import Diagnostics
import Testing

@testable import JupyterKernel
@testable import Kernel

/// A cell's result as Jupyter shows it, without sockets.
@Suite("Outputs as Jupyter shows them")
struct NotebookOutputTests {
    @Test("box-drawn tables also as an HTML table; the lines around them as <pre>; plain text has no HTML")
    func tableHTML() {
        let text = """
            2 distinct values
            ┌─────┬───────┐
            │ y   │ count │
            ├─────┼───────┤
            │ no  │    36 │
            │ <a> │     4 │
            └─────┴───────┘
            in 40 rows

            """
        #expect(
            TableHTML.render(text) == """
                <pre>2 distinct values</pre>
                <table>
                <thead>
                <tr><th>y</th><th>count</th></tr>
                </thead>
                <tbody>
                <tr><td>no</td><td>36</td></tr>
                <tr><td>&lt;a&gt;</td><td>4</td></tr>
                </tbody>
                </table>
                <pre>in 40 rows</pre>

                """)
        #expect(TableHTML.render("data: 3 rows\n") == nil)
    }

    @Test("text, plots and the diagnostic become display data and an error, in order")
    func messages() {
        let result = Kernel.CellResult(
            status: .error,
            blocks: [
                .text("hello\n"), .image(svg: "<svg/>", alt: "a plot"),
                .diagnostic(Diagnostic("no frame named 'dat'", hint: "did you mean 'data'?")),
            ])
        let messages = NotebookOutput.messages(for: result)
        #expect(messages.count == 3)
        guard case .display(let text) = messages[0], case .display(let plot) = messages[1],
            case .error(let error) = messages[2]
        else {
            Issue.record("unexpected messages \(messages)")
            return
        }
        #expect(text.data == ["text/plain": "hello\n"])
        #expect(plot.data == ["image/svg+xml": "<svg/>\n", "text/plain": "a plot"])
        #expect(
            error
                == ErrorContent(
                    name: "Error", value: "no frame named 'dat'",
                    traceback: ["error: no frame named 'dat'", "hint: did you mean 'data'?"]))
    }

    @Test("a cell interrupted between commands says so with an Interrupted error")
    func interruptedWithoutDiagnostic() {
        let messages = NotebookOutput.messages(for: Kernel.CellResult(status: .interrupted, blocks: [.text("done\n")]))
        guard case .error(let error)? = messages.last else {
            Issue.record("no error")
            return
        }
        #expect(error.name == "Interrupted")
    }

    @Test(
        "a trailing backslash continues the cell, as at pilot's prompt",
        arguments: [
            ("head data", "complete"), ("load data.csv as data \\", "incomplete"),
            ("head data\\\nshape data", "complete"),
        ])
    func isComplete(code: String, status: String) {
        #expect(ShellHandler.isComplete(code).status == status)
    }

    @Test("the line under the cursor, counted in code points")
    func cursorLine() {
        let request = CursorRequest(code: "löad x\nhead da", cursorPosition: 14)
        #expect(ShellHandler.line(of: request) == ("head da", 14))
        #expect(
            ShellHandler.line(of: CursorRequest(code: "löad x\nhead", cursorPosition: 2), wholeLine: true) == (
                "löad x", 2
            ))
    }
}
