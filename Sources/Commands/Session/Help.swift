import Diagnostics
import Kernel

/// `help [CMD]`: the command table, or one command in detail.
struct Help: CellCommand {
    static let configuration = CommandConfiguration(
        "help", area: .session, summary: "list the commands, or explain one",
        discussion: "Without a name, lists every command by area. With one, shows its usage, options and examples.",
        examples: ["help", "help set"])

    @Argument(.command) var command: String?

    func run(in context: CommandContext) throws {
        let table = context.commands
        guard let name = command else {
            context.print(HelpText.overview(of: table, width: context.width))
            return
        }
        guard let spec = table[name] else {
            throw Diagnostic(
                "no command named '\(name)'",
                hint: Suggestion.hint(for: name, in: table.names) ?? "run 'help' to list the commands")
        }
        context.print(HelpText.detail(of: spec, width: context.width))
    }
}
