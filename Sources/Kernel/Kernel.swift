import Diagnostics
import Foundation

/// Runs cells: splits a cell into command lines, parses each against its command's
/// declaration and runs it against a session, collecting output.
///
/// The kernel knows nothing of terminals, files of workbooks or HTTP; it turns source text into
/// output blocks and a status.
public struct Kernel: Sendable {
    public var commands: CommandTable

    public init(commands: CommandTable) {
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
    /// A failure ends the output as a ``OutputBlock/diagnostic(_:)``; the commands before it
    /// keep their output, the ones after it do not run.
    public func run(
        cell source: String, in session: Session, interruption: Interruption = Interruption(),
        width: Int = 100, live: (any LiveDisplay)? = nil,
        onBlock: ((OutputBlock) -> Void)? = nil
    ) -> CellResult {
        let output = OutputBuffer(onBlock: onBlock)
        let context = CommandContext(
            session: session, output: output, commands: commands,
            interruption: interruption, width: width, live: live)
        do {
            let lexer = CellLexer(verbatim: commands.verbatimNames, resolve: { [session] in session.lookup($0) })
            for line in try lexer.commands(in: source) {
                if interruption.isRaised { return CellResult(status: .interrupted, blocks: output.blocks) }
                try execute(line, in: context)
            }
        } catch {
            live?.endProgress()
            let diagnostic = Diagnostic(error)
            output.diagnostic(diagnostic)
            return CellResult(status: diagnostic.isInterruption ? .interrupted : .error, blocks: output.blocks)
        }
        return CellResult(status: interruption.isRaised ? .interrupted : .ok, blocks: output.blocks)
    }

    /// The lines of `source` that a runner should not run from an untrusted workbook without
    /// asking. Read without running anything: `$name` is left unresolved, so a path made of
    /// parameters counts as one that could point anywhere. A cell that does not lex runs
    /// nothing and has no risks; a line that does not parse is taken at its command's word.
    public func risks(in source: String) -> [Risk] {
        let lexer = CellLexer(verbatim: commands.verbatimNames, resolve: { "$" + $0 })
        guard let lines = try? lexer.commands(in: source) else { return [] }
        return lines.compactMap { line in
            guard let spec = commands[line.name] else { return nil }
            // A line that does not parse yet (its `$name`s unresolved) is taken at its command's word.
            let parsed = try? spec.make(line, nil)
            let reason = parsed.map { $0.risk() } ?? spec.configuration.risk
            return reason.map {
                Risk(line: line.line, text: line.text.trimmingCharacters(in: .whitespaces), reason: $0)
            }
        }
    }

    /// Runs one command line.
    func execute(_ line: Invocation, in context: CommandContext) throws {
        guard let spec = commands[line.name] else {
            throw Diagnostic(
                "unknown command '\(line.name)'",
                hint: Suggestion.hint(for: line.name, in: commands.names) ?? "run 'help' to list the commands")
        }
        try spec.make(line, context.session).run(in: context)
    }
}
