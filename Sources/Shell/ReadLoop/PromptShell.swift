import Foundation

/// A shell at a prompt: the scratch shell and the step-through. They share one read loop
/// (``readLoop()``): whole cells are read (``CellReader``), `:` lines go to the shell's
/// ``ColonCommands`` table, everything else to the shell.
protocol PromptShell: AnyObject {
    var console: Console { get }
    /// The shell's `:` commands.
    static var colonCommands: ColonCommands<Self> { get }
    /// Enter on an empty line.
    func enter()
    /// A line (a whole cell) that is not a `:` command.
    func run(typed source: String)
}

extension PromptShell {
    var terminal: Terminal { console.terminal }

    /// Reads and runs cells until `:quit` or the end of input.
    func readLoop() {
        console.listen()
        let reader = CellReader(
            source: console.input, prompt: console.prompt("pilot> "),
            continuationPrompt: console.prompt("  ...> "))
        while true {
            switch reader.read() {
            case .end:
                return
            case .interrupted:
                continue
            case .line(let source):
                let trimmed = source.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    enter()
                    continue
                }
                console.input.remember(source)
                if trimmed.hasPrefix(":") {
                    guard Self.colonCommands.run(trimmed, on: self, terminal: terminal) else { return }
                } else {
                    run(typed: source)
                }
            }
        }
    }
}
