import Commands
import Completion
import Diagnostics
import Foundation
import Testing

@testable import Kernel

/// Every command, walked through its declaration: what `help CMD` lists is what the parser
/// accepts, completion offers every command, option and choice, and every typed option says
/// what it takes when given a bad value.
@Suite("The command table")
struct CommandTableTests {
    static let table = CommandTable.standard
    static let specs = table.specs

    /// A line that satisfies the command's grammar: its words, required clauses and options.
    static func minimalLine(_ spec: CommandSpec) -> String {
        var words = [spec.name]
        if spec.isVerbatim { return spec.name + " true" }
        for positional in spec.positionals {
            if let literal = positional.literal { words.append(literal) }
            switch positional.arity {
            case .one, .many(minimum: 1...): words.append(positional.example)
            default: break
            }
        }
        for clause in spec.clauses where clause.isRequired { words += [clause.keyword, clause.example] }
        for option in spec.options where option.isRequired { words.append("\(option.name)=\(option.example)") }
        if let assignments = spec.assignments, assignments.isRequired { words.append("seed=1") }
        return words.joined(separator: " ")
    }

    static func parse(_ text: String) throws -> any CellCommand {
        let line = try CellLexer().commands(in: text)[0]
        return try table[line.name]!.make(line, nil)
    }

    static func help(_ spec: CommandSpec) -> String {
        let result = Kernel(commands: table).run(cell: "help \(spec.name)", in: Session(workingDirectory: "/"))
        return result.transcript()
    }

    @Test("every command parses its minimal line", arguments: specs.map(\.name))
    func minimal(name: String) throws {
        _ = try Self.parse(Self.minimalLine(Self.table[name]!))
    }

    @Test("every option help lists is accepted, and help lists every option", arguments: specs.map(\.name))
    func optionsMatchHelp(name: String) throws {
        let spec = Self.table[name]!
        let help = Self.help(spec)
        let listed = help.split(separator: "\n").drop { $0 != "options:" }.dropFirst()
            .prefix { $0.hasPrefix("  ") }
            .compactMap { $0.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init) }
            .filter { !$0.contains(" ") }
        #expect(Set(listed) == Set(spec.options.map(\.name)), "help \(name) lists \(listed)")
        for option in spec.options {
            _ = try Self.parse(Self.minimalLine(spec) + " \(option.name)=\(option.example)")
        }
        if spec.assignments == nil {
            #expect(throws: Diagnostic.self) { try Self.parse(Self.minimalLine(spec) + " notanoption=1") }
        }
    }

    @Test("completion offers every command, its options and every choice of a choice option")
    func completion() {
        let completer = Completer(commands: Self.table) { Session(workingDirectory: "/") }
        #expect(completer.complete("").candidates == Self.table.names)
        for spec in Self.specs where !spec.isVerbatim {
            let line = Self.minimalLine(spec) + " "
            let offered = Set(completer.complete(line).candidates)
            for option in spec.options where !option.isRequired {
                #expect(offered.contains(option.name + "="), "\(line)→ \(option.name)=")
            }
            for option in spec.options {
                guard case .choice(let words) = option.kind else { continue }
                let values = completer.complete(line + option.name + "=").candidates
                #expect(values == words.map { option.name + "=" + $0 }, "\(spec.name) \(option.name)=")
            }
        }
    }

    @Test("a bad value of every typed option gets a hint that says what it takes")
    func badValues() throws {
        for spec in Self.specs {
            for option in spec.options {
                let bad = "\u{2603}nonsense"
                var diagnostic: Diagnostic?
                do {
                    _ = try Self.parse(Self.minimalLine(spec) + " \(option.name)=\(bad)")
                } catch let error as Diagnostic {
                    diagnostic = error
                }
                // Names, paths and free text take any word; every other option is typed.
                let free: [ValueKind] = [.text, .column, .columns, .path, .frame, .newName]
                if case .choice = option.kind {} else if free.contains(option.kind), diagnostic == nil { continue }
                guard let diagnostic else {
                    Issue.record("\(spec.name) \(option.name)=\(bad) was accepted")
                    continue
                }
                #expect(diagnostic.message == "\(option.name)=\(bad) is not valid")
                let hint = diagnostic.hint ?? ""
                #expect(hint.contains(option.expectation), "\(spec.name) \(option.name): \(hint)")
                if case .choice(let words) = option.kind {
                    for word in words { #expect(hint.contains(word), "\(spec.name) \(option.name): \(word)") }
                }
            }
        }
    }
}
