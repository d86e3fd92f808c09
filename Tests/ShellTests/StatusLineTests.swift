import Testing

@testable import Shell

@Suite("The live status line")
struct StatusLineTests {
    @Test("permanent text erases the status line first and draws it again below")
    func erasedBeforeText() {
        let output = MemoryOutput(isTerminal: true)
        let terminal = Terminal(output: output, isInteractive: false)
        terminal.showStatus("  Analyzing data")
        terminal.line("Analyzing data")
        terminal.showStatus("  Model tuning 10%")
        terminal.clearStatus()
        terminal.line("done")
        #expect(output.both == """
            \r\u{1B}[2K  Analyzing data\
            \r\u{1B}[2KAnalyzing data
              Analyzing data\
            \r\u{1B}[2K  Model tuning 10%\
            \r\u{1B}[2K\
            done

            """)
        // What a person sees: each permanent line whole, never "Analyzing dataAnalyzing data".
        #expect(Self.screen(output.both) == ["Analyzing data", "done", ""])
    }

    @Test("after a partial line (a prompt) the status line stays away")
    func partialLine() {
        let output = MemoryOutput(isTerminal: true)
        let terminal = Terminal(output: output, isInteractive: false)
        terminal.showStatus("  working")
        terminal.write("pilot> ")
        terminal.write("typed\n")
        #expect(Self.screen(output.both) == ["pilot> typed", ""])
    }

    @Test("terminals of the same streams share one status line")
    func shared() {
        let output = MemoryOutput(isTerminal: true)
        let status = StatusLine()
        let shell = Terminal(output: output, isInteractive: false, status: status)
        let live = Terminal(output: output, isInteractive: false, status: status)
        live.showStatus("  Model tuning")
        shell.line("[3/20] candidate")
        #expect(Self.screen(output.both) == ["[3/20] candidate", "  Model tuning"])
    }

    /// The lines a terminal shows after `text`: `\r` returns to the start of the line, ESC[2K
    /// erases it.
    static func screen(_ text: String) -> [String] {
        var lines = [""]
        var rest = Substring(text)
        while let character = rest.first {
            if rest.hasPrefix("\u{1B}[2K") {
                lines[lines.count - 1] = ""
                rest = rest.dropFirst(4)
                continue
            }
            switch character {
            case "\r": break
            case "\n": lines.append("")
            default: lines[lines.count - 1].append(character)
            }
            rest = rest.dropFirst()
        }
        return lines
    }
}
