import ArgumentParser
import Commands
import Foundation
import JupyterKernel
import Shell

/// `pilot kernel`: pilot as a Jupyter kernel, and its kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run pilot cells in JupyterLab, VS Code or nbclient: a Jupyter kernel.",
        discussion: """
            'pilot kernel install' registers the kernel with Jupyter; then pick 'pilot' in Jupyter's \
            kernel menu, or open a notebook written by 'pilot export --to ipynb'. Jupyter starts the \
            kernel itself with 'pilot kernel -f CONNECTION_FILE'.
            """,
        subcommands: [KernelStartCommand.self, KernelInstallCommand.self, KernelUninstallCommand.self],
        defaultSubcommand: KernelStartCommand.self
    )
}

/// `pilot kernel -f CONNECTION_FILE`: what Jupyter runs.
struct KernelStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Serve Jupyter's messaging protocol (5.3) on the sockets a connection file names.",
        discussion: """
            Jupyter runs this, in the notebook's folder, with a connection file of its own: cells run \
            there, so experiments land in .pilot/ beside the notebook, as with workbooks. Running a \
            cell is the user's own act, as in pilot open: risky cells run without asking. Interrupting \
            (an interrupt_request, or SIGINT) stops autopilot after the current candidate, as Ctrl-C does.
            """
    )

    @Option(
        name: [.customShort("f"), .customLong("connection-file")],
        help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "connection-file"),
        completion: .file(extensions: ["json"]))
    var connectionFile: String

    func run() throws {
        let terminal = Terminal.standard
        let environment = ProcessInfo.processInfo.environment
        do {
            let connection = try ConnectionInfo.read(connectionFile)
            let configuration = KernelConfiguration(
                version: Pilot.version, kernel: .standard,
                workingDirectory: FileManager.default.currentDirectoryPath, environment: environment,
                services: Services.standard(environment: environment))
            let server = KernelServer(connection: connection, configuration: configuration) { message in
                FileHandle.standardError.write(Data("pilot kernel: \(message)\n".utf8))
            }
            try server.run()
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }
}

/// Where a kernelspec goes: `--user` (the default), `--sys-prefix` or `--prefix DIR`.
struct KernelSpecOptions: ParsableArguments {
    @Flag(help: "The user's Jupyter folder (~/.local/share/jupyter, or JUPYTER_DATA_DIR); the default.")
    var user = false

    @Flag(help: "The active Python environment's (VIRTUAL_ENV or CONDA_PREFIX), where its Jupyter looks.")
    var sysPrefix = false

    @Option(help: ArgumentHelp("DIR/share/jupyter (add DIR/share/jupyter to JUPYTER_PATH).", valueName: "dir"))
    var prefix: String?

    func validate() throws {
        let chosen = [user, sysPrefix, prefix != nil].filter { $0 }.count
        guard chosen <= 1 else {
            throw ValidationError("choose one of --user, --sys-prefix and --prefix DIR")
        }
    }

    var location: KernelSpecLocation {
        if sysPrefix { return .sysPrefix }
        if let prefix { return .prefix(URL(fileURLWithPath: prefix).standardizedFileURL.path) }
        return .user
    }
}

/// `pilot kernel install`.
struct KernelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Register the pilot kernel with Jupyter (writes kernels/pilot/kernel.json).",
        discussion: """
            The kernelspec starts this pilot, by its absolute path: install again after moving it. \
            'jupyter kernelspec list' shows where it went.
            """
    )

    @OptionGroup var options: KernelSpecOptions

    @Option(help: "How Jupyter interrupts a cell: message (interrupt_request) or signal (SIGINT).")
    var interruptMode: KernelSpec.InterruptMode = .message

    func run() throws {
        let terminal = Terminal.standard
        do {
            let kernels = try options.location.kernelsFolder(environment: ProcessInfo.processInfo.environment)
            let folder = try KernelSpec(executable: Self.executable, interruptMode: interruptMode).install(in: kernels)
            terminal.line("installed the pilot kernel in \(folder)")
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }

    /// This executable's absolute path.
    static var executable: String {
        let linked = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if linked != "/proc/self/exe" { return linked }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// `pilot kernel uninstall`.
struct KernelUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the pilot kernel's kernelspec (from where install put it).")

    @OptionGroup var options: KernelSpecOptions

    func run() throws {
        let terminal = Terminal.standard
        do {
            let kernels = try options.location.kernelsFolder(environment: ProcessInfo.processInfo.environment)
            let folder = try KernelSpec.uninstall(from: kernels)
            terminal.line("removed the pilot kernel from \(folder)")
        } catch {
            terminal.error(error)
            throw ExitCode.failure
        }
    }
}

extension KernelSpec.InterruptMode: ExpressibleByArgument {}
