import Commands
import Completion
@testable import Shell
import Testing

@Suite("Multi-line cells")
struct CellReaderTests {
    @Test("when a line goes on", arguments: [
        ("shape d", CellReader.Continuation.none),
        ("load a.csv as d \\", .nextCommand),
        ("load a\\\\", .none),
        ("predict m \"1,2,", .openQuote),
        ("predict m \"1,\\\"2\"", .none),
        ("shape d # a \" in a comment", .none),
        ("set x=\"a#b", .openQuote),
    ])
    func continuation(line: String, expected: CellReader.Continuation) {
        #expect(CellReader.continuation(of: line) == expected)
    }

    @Test("a backslash adds a command line; an open quote continues the value with \\n")
    func joining() {
        let lines = TypedLines(["load a.csv as d \\", "shape d"])
        #expect(CellReader(source: lines, prompt: "", continuationPrompt: "").read() == .line("load a.csv as d \nshape d"))
        let quoted = TypedLines(["predict m \"1,2,", "3\""])
        #expect(CellReader(source: quoted, prompt: "", continuationPrompt: "").read() == .line("predict m \"1,2,\\n3\""))
        #expect(CellReader(source: TypedLines([]), prompt: "", continuationPrompt: "").read() == .end)
    }
}
