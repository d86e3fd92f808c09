import Diagnostics
import Foundation
import PropertyBased
import Testing

@testable import Commands
@testable import Kernel

/// The lexer on generated lines: it never crashes, and a verbatim command's line comes through
/// exactly as written.
@Suite("The cell lexer on generated input")
struct CellLexerPropertyTests {
    static let pieces = [
        " ", "\t", "\"", "\\", "$", "${", "}", "#", "=", "a", "seed", "x=1", "'", "|", ">", "..", "/",
        "日本", "\r", "\n", "sh", "load", "ü",
    ]
    static let line = Gen.element(of: pieces).array(of: 0...24).map { pieces -> String in
        pieces.compactMap { $0 }.joined()
    }

    @Test("any text either lexes or fails with a Diagnostic that points into it")
    func anything() async {
        let lexer = CellLexer(verbatim: ["sh"], resolve: { $0 == "seed" ? "7" : nil })
        await propertyCheck(count: 800, input: Self.line) { text in
            do throws(Diagnostic) {
                _ = try lexer.commands(in: text)
            } catch {
                if let line = error.location?.line { #expect(line >= 1) }
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("sh keeps the rest of its line as written: no quotes, comments or $names of the cell language")
    func verbatim() async {
        let lexer = CellLexer(verbatim: ["sh"], resolve: { _ in nil })
        let rest = Self.line.map { (line: String) -> String in
            line.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
        }
        await propertyCheck(count: 800, input: rest) { rest in
            let commands = try? lexer.commands(in: "sh " + rest)
            let trimmed = rest.trimmingCharacters(in: .init(charactersIn: " \t"))
            #expect(commands?.count == 1)
            #expect(commands?.first?.name == "sh")
            #expect(commands?.first?.words == (trimmed.isEmpty ? [] : [trimmed]))
            #expect(Kernel.standard.risks(in: "sh " + rest).count == 1)
        }
    }
}
