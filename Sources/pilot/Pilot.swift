import ArgumentParser
import CEditLine
import CXGBoost
import Frames

@main
struct Pilot: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pilot",
        abstract: "Run AutoML workbooks (.pilotbook) from the terminal: SageMaker Autopilot, locally.",
        discussion: """
            A workbook is a Markdown file with `pilot` cells. `pilot open` steps through it cell by cell; \
            `pilot run` runs its cells and writes each cell's output back under the cell; `pilot check` \
            tells whether it still produces the outputs stored in it. `pilot` alone is a scratch shell.
            """,
        version: "pilot \(version) (xgboost \(xgboostVersion), libedit \(libeditVersion))",
        subcommands: [
            ShellCommand.self, OpenCommand.self, RunCommand.self, CheckCommand.self, ExportCommand.self,
            StripCommand.self, TrustCommand.self, ServeCommand.self, KernelCommand.self, ImportCommand.self,
        ],
        defaultSubcommand: ShellCommand.self
    )

    /// Parses the command line and runs the command: `pilot serve` asynchronously, the others
    /// as they are.
    static func main() async {
        MemoryTuning.configure()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    static var libeditVersion: String {
        "\(pilot_libedit_major()).\(pilot_libedit_minor())"
    }

    static var xgboostVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        XGBoostVersion(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}
