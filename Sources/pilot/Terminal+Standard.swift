import Foundation
import Shell

extension Terminal {
    /// The process's own terminal: where the executable prints, colour as `NO_COLOR` and the
    /// streams allow.
    static let standard = Terminal(environment: ProcessInfo.processInfo.environment)
}
