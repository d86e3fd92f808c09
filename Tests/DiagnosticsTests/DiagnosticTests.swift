import Diagnostics
import Testing

/// The one renderer of what went wrong: pinned for each shape of diagnostic.
@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("a message and a hint")
    func messageAndHint() {
        let diagnostic = Diagnostic("no frame named 'dta'", hint: "did you mean 'data'?")
        #expect(diagnostic.rendered == "error: no frame named 'dta'\nhint: did you mean 'data'?")
        #expect(diagnostic.lines.map(\.role) == [.error, .hint])
    }

    @Test("a place in a cell is shown with a caret under the column, wide characters counted twice")
    func caret() {
        let diagnostic = Diagnostic("load has no option 'sepp'", hint: "did you mean 'sep'?",
                                    at: SourceLocation(line: 1, column: 13, sourceLine: "load 売上.csv sepp=;"))
        // Two spaces, then "load " (5) and 売上 (4 cells) and ".csv " (5): the caret is in cell 17.
        let caret = String(repeating: " ", count: 16) + "^"
        #expect(diagnostic.rendered == "error: load has no option 'sepp'\n  load 売上.csv sepp=;\n\(caret)\nhint: did you mean 'sep'?")
    }

    @Test("a place in a file is named FILE:LINE:COLUMN before the message")
    func file() {
        let diagnostic = Diagnostic("the ```pilot fence opened here is never closed",
                                    at: SourceLocation(line: 3, column: 1, sourceLine: "```pilot"))
            .about("book.pilotbook")
        #expect(diagnostic.rendered == """
            error: book.pilotbook:3:1: the ```pilot fence opened here is never closed
              ```pilot
              ^
            """)
        #expect(Diagnostic("no such file", at: SourceLocation(file: "x.csv")).rendered == "error: x.csv: no such file")
    }

    @Test("interrupted is a state, not a message")
    func interrupted() {
        #expect(Diagnostic.interrupted().isInterruption)
        #expect(!Diagnostic("interrupted").isInterruption)
    }

    @Test("any error becomes a diagnostic: its own when it has one")
    func convertible() {
        struct Mine: DiagnosticConvertible { var diagnostic: Diagnostic { Diagnostic("mine", hint: "fix it") } }
        struct Other: Error {}
        #expect(Diagnostic(Mine()).rendered == "error: mine\nhint: fix it")
        #expect(Diagnostic(Other()).message == "Other()")
        #expect(Mine().rendered == "error: mine\nhint: fix it")
    }

    @Test("a stored diagnostic's headline is its message")
    func headline() {
        #expect(Diagnostic.headline(ofRendered: "error: no column named 'x'\nhint: columns: a, b") == "no column named 'x'")
        #expect(Diagnostic.headline(ofRendered: "something else") == "something else")
    }
}
