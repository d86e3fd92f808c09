import Diagnostics
import Foundation
import TextLayout

/// A shell's `:` commands, declared once: running a `:` line, `:help`, the hint for an unknown
/// command and the completion of `:` words all come from this table.
struct ColonCommands<Host: AnyObject>: Sendable {
    let commands: [ColonCommand<Host>]
    /// Lines of `:help` that are no command, before and after the commands: `Enter`, `other text`.
    let notesBefore: [(String, String)]
    let notesAfter: [(String, String)]

    init(
        _ commands: [ColonCommand<Host>], notesBefore: [(String, String)] = [],
        notesAfter: [(String, String)] = []
    ) {
        self.commands = commands
        self.notesBefore = notesBefore
        self.notesAfter = notesAfter
    }

    /// The names listed in hints: `:next :prev ...`.
    var names: [String] { commands.map(\.name) }

    /// What Tab completes after `:`: the names and their variants.
    var completions: [String] { commands.flatMap { [$0.name] + $0.variants } }

    /// `:help`: one line per command (and note), usages in a column.
    var helpLines: [String] {
        let rows = notesBefore + commands.map { ($0.usage, $0.summary) } + notesAfter
        return rows.map { "  " + $0.0.padded(to: 14) + "  " + $0.1 }
    }

    /// Runs the `:` command `line` on `host`; `false` when it leaves the shell.
    func run(_ line: String, on host: Host, terminal: Terminal) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        let typed = words[0]
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        guard let command = commands.first(where: { $0.answers(to: typed) }) else {
            let hint = Suggestion.hint(for: typed, in: names) ?? "shell commands are " + names.joined(separator: " ")
            terminal.error(Diagnostic("unknown shell command '\(typed)'", hint: hint))
            return true
        }
        switch command.action {
        case .run(let handler):
            handler(host, ColonCommand.Invocation(name: typed, argument: argument))
        case .help:
            for line in helpLines { terminal.line(line) }
        case .quit:
            return false
        }
        return true
    }
}
