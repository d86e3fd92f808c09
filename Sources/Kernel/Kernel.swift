import Foundation

/// Runs cells: splits a cell into command lines, checks each against the command table and runs
/// it against a session, collecting output.
///
/// The kernel knows nothing of terminals, files of workbooks or HTTP; it turns source text into
/// output blocks and a status.
public struct Kernel: Sendable {
    public var commands: CommandTable

    public init(commands: CommandTable = .builtin) {
        self.commands = commands
    }

    /// How a cell's run ended.
    public enum Status: String, Sendable, Equatable {
        case ok, error, interrupted
    }

    /// The outcome of running a cell.
    public struct CellResult: Sendable, Equatable {
        public var status: Status
        public var blocks: [OutputBlock]
    }

    /// Runs every command of `source` in order, stopping at the first that fails.
    ///
    /// A failure is rendered into the output as `error: ...` and `hint: ...`; the commands before
    /// it keep their output, the ones after it do not run.
    public func run(cell source: String, in session: Session, interruption: Interruption = Interruption(),
                    width: Int = 100, live: (any LiveDisplay)? = nil, onBlock: ((OutputBlock) -> Void)? = nil) -> CellResult {
        let output = OutputBuffer(onBlock: onBlock)
        let context = CommandContext(session: session, output: output, commands: commands,
                                     interruption: interruption, width: width, live: live)
        do {
            let lexer = CellLexer(verbatim: commands.verbatimNames, resolve: { [session] in session.lookup($0) })
            for line in try lexer.commands(in: source) {
                if interruption.isRaised { return CellResult(status: .interrupted, blocks: output.blocks) }
                try execute(line, in: context)
            }
        } catch {
            live?.endProgress()
            output.print(error.rendered)
            let interrupted = interruption.isRaised && error.message == "interrupted"
            return CellResult(status: interrupted ? .interrupted : .error, blocks: output.blocks)
        }
        return CellResult(status: interruption.isRaised ? .interrupted : .ok, blocks: output.blocks)
    }

    /// The lines of `source` that a runner should not run from an untrusted workbook without
    /// asking. Read without running anything: `$name` is left unresolved, so a path made of
    /// parameters counts as one that could point anywhere. A cell that does not lex runs
    /// nothing and has no risks.
    public func risks(in source: String) -> [Risk] {
        let lexer = CellLexer(verbatim: commands.verbatimNames, resolve: { "$" + $0 })
        guard let lines = try? lexer.commands(in: source) else { return [] }
        return lines.compactMap { line in
            guard let reason = commands[line.name]?.risk(line) else { return nil }
            return Risk(line: line.line, text: line.text.trimmingCharacters(in: .whitespaces), reason: reason)
        }
    }

    /// Runs one command line.
    func execute(_ line: Invocation, in context: CommandContext) throws(KernelError) {
        guard let command = commands[line.name] else {
            throw KernelError("unknown command '\(line.name)'",
                              hint: Suggestion.hint(for: line.name, in: commands.names)
                                ?? "run 'help' to list the commands")
        }
        if !command.acceptsAnyOption {
            for located in line.arguments {
                guard case .option(let key, _) = located.argument,
                      !command.options.contains(where: { $0.name == key }) else { continue }
                let known = command.options.map(\.name)
                let hint = Suggestion.hint(for: key, in: known)
                    ?? (known.isEmpty ? "\(command.name) takes no options; usage: \(command.usage)"
                                      : "options are " + known.map { "\($0)=" }.joined(separator: ", "))
                throw KernelError("\(command.name) has no option '\(key)'", hint: hint,
                                  line: line.line, column: located.column, lineText: line.text)
            }
        }
        try command.run(line, context)
    }
}
