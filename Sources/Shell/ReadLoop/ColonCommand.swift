/// A shell's own command, typed after a `:` (`:goto 3`, `:save run.pilotbook`): its name, what it
/// takes, what it does. A shell declares its commands once, in a ``ColonCommands`` table.
struct ColonCommand<Host: AnyObject>: Sendable {
    /// What the command does.
    enum Action: Sendable {
        /// Runs the handler with the word the user typed and the rest of the line.
        case run(@Sendable (Host, Invocation) -> Void)
        /// Lists the table's commands.
        case help
        /// Leaves the read loop.
        case quit
    }

    /// The command as typed.
    struct Invocation {
        /// The name as typed: the command's name, a variant or an abbreviation.
        var name: String
        /// The rest of the line, trimmed.
        var argument: String
    }

    /// `:goto`.
    var name: String
    /// What it takes, as `:help` shows it: `N|ID`, `PATH`; empty for nothing.
    var arguments: String
    var summary: String
    /// Other commands under one entry, completed and run like the name (`:save!`).
    var variants: [String]
    /// Short spellings it also answers to (`:g`), neither listed nor completed.
    var abbreviations: [String]
    var action: Action

    init(
        _ name: String, _ summary: String, takes arguments: String = "", variants: [String] = [],
        abbreviations: [String] = [], action: Action
    ) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.variants = variants
        self.abbreviations = abbreviations
        self.action = action
    }

    init(
        _ name: String, _ summary: String, takes arguments: String = "", variants: [String] = [],
        abbreviations: [String] = [], run: @escaping @Sendable (Host, Invocation) -> Void
    ) {
        self.init(name, summary, takes: arguments, variants: variants, abbreviations: abbreviations, action: .run(run))
    }

    /// `:help` (or `:h`).
    static var help: ColonCommand {
        ColonCommand(
            ":help", "show these commands; 'help' lists the cell commands", abbreviations: [":h"],
            action: .help)
    }

    /// `:quit` (or `:q`, `:exit`).
    static func quit(_ summary: String) -> ColonCommand {
        ColonCommand(":quit", summary, abbreviations: [":q", ":exit"], action: .quit)
    }

    /// What `:help` shows for it: `:goto N|ID`.
    var usage: String {
        arguments.isEmpty ? name : name + " " + arguments
    }

    func answers(to typed: String) -> Bool {
        typed == name || variants.contains(typed) || abbreviations.contains(typed)
    }
}
